/*
** out_reconcile.c -- `reconcile`: a unit's self-assessment beside the
** appraisal, per criterion, with the deductions and facts that explain the
** difference (text and JSON; the workbook: out_reconcile_xlsx.c).
*/
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char *P(char *buf, pts_t v, report_lang lang) { return pts_format(buf, v, lang == LANG_VI ? ',' : '.', 1); }

static void add_pts(cJSON *o, const char *name, pts_t v) {
  char buf[PTS_FMT_MAX];
  cJSON_AddRawToObject(o, name, pts_format(buf, v, '.', 0));
}

void out_reconcile_evidence(FILE *f, const char *json) {
  cJSON *ev = json ? cJSON_Parse(json) : NULL;
  int first = 1;
  for (const cJSON *d = ev ? ev->child : NULL; d; d = d->next, first = 0) {
    const cJSON *doc = cJSON_GetObjectItemCaseSensitive(d, "document");
    fprintf(f, "%s%s", first ? "" : "; ", cJSON_IsString(doc) ? doc->valuestring : "?");
    const char *more[] = {"number", "date", "issuer"};
    int open = 0;
    for (int k = 0; k < 3; k++) {
      const cJSON *v = cJSON_GetObjectItemCaseSensitive(d, more[k]);
      if (cJSON_IsString(v)) { fprintf(f, "%s%s", open ? ", " : " (", v->valuestring); open = 1; }
    }
    if (open) fputc(')', f);
  }
  cJSON_Delete(ev);
}

static void row_line(FILE *f, const char *crit, const char *self, const char *app, const char *diff, const char *tail) {
  out_pad(f, crit, 9);
  fputc(' ', f); out_rpad(f, self, 9);
  fputc(' ', f); out_rpad(f, app, 10);
  fputc(' ', f); out_rpad(f, diff, 11);
  fprintf(f, "%s\n", tail);
}

void out_reconcile_text(FILE *f, const reconciliation *rc, report_lang lang) {
  const int vi = lang == LANG_VI;
  const methodology *mt = rc->mt;
  const unit_result *r = rc->r;
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX], c[PTS_FMT_MAX];
  fprintf(f, "%s · %s (%s) · %d\n%s: %s (%s)\n\n", vi ? "Đối chiếu tự chấm điểm với kết quả thẩm định" :
          "Self-assessment against the appraisal", r->unit.name, r->unit.id, r->year, vi ? "Bộ tiêu chí" : "Rules",
          mt->name, mt->dir);
  if (!rc->nself) {
    fprintf(f, "%s\n", vi ? "Đơn vị chưa có kết quả tự chấm điểm (parindex self-assess)."
                          : "The unit has no self-assessment (parindex self-assess).");
    return;
  }
  row_line(f, vi ? "Tiêu chí" : "Criterion", vi ? "Tự chấm" : "Self", vi ? "Thẩm định" : "Appraised",
           vi ? "Chênh lệch" : "Difference", "");
  for (int i = 0; i < rc->n; i++) {
    const recon_row *row = &rc->rows[i];
    if (row->crit < 0) continue;
    const ledger_criterion *lc = &r->crits[row->crit];
    row_line(f, row->criterion, row->has_self ? P(a, row->self, lang) : "-", P(b, row->appraised, lang),
             row->has_self ? P(c, row->difference, lang) : "-", lc->na ? (vi ? "  (không áp dụng)" : "  (not applicable)")
             : lc->na_full ? (vi ? "  (không phát sinh: đạt điểm tối đa)" : "  (did not arise: full points)") : "");
    if (!row->has_self || !row->difference) continue;
    fprintf(f, "          %s\n", mt->crits[row->crit].name);
    for (int k = 0; k < lc->count; k++) {
      const ledger_deduction *d = &r->deds[lc->first + k];
      fprintf(f, "          %s%s  %s\n", d->points < 0 ? "+" : "−", P(a, d->points < 0 ? -d->points : d->points, lang),
              d->reason);
      for (int x = 0; x < d->nfacts; x++) {
        const ledger_fact *lf = &d->facts[x];
        int cut = strlen(lf->value) > 120;               /* a list: its start (explain shows it whole) */
        fprintf(f, "                 %s %s = %.*s%s%s%s%s\n", vi ? "dữ kiện:" : "fact:", lf->key, cut ? 117 : 120,
                lf->value, cut ? "…" : "", lf->source ? " (" : "", lf->source ? lf->source : "", lf->source ? ")" : "");
      }
    }
    if (lc->na) fprintf(f, "          %s: %s\n", vi ? "không áp dụng" : "not applicable", lc->na_reason ? lc->na_reason : "");
    if (row->difference > 0 && !lc->count)
      fprintf(f, "          %s\n", vi ? "thẩm định cao hơn tự chấm: không có khoản trừ" : "appraised above the self-assessment: no deduction");
    fprintf(f, "          %s ", vi ? "đơn vị tự chấm, minh chứng:" : "the unit's evidence:");
    if (row->evidence && strcmp(row->evidence, "[]")) out_reconcile_evidence(f, row->evidence);
    else fputs(vi ? "không có" : "none", f);
    fputc('\n', f);
    if (row->explanation) fprintf(f, "          %s %s\n", vi ? "giải trình:" : "explanation:", row->explanation);
  }
  fprintf(f, "\n%s (%d %s): %s %s %s %s, %s %s\n", vi ? "Tổng các tiêu chí tự chấm" : "Total of the self-assessed criteria",
          rc->nself, vi ? "tiêu chí" : "criteria", vi ? "tự chấm" : "self", P(a, rc->self_total, lang),
          vi ? "thẩm định" : "appraised", P(b, rc->appraised_total, lang), vi ? "chênh lệch" : "difference",
          P(c, rc->appraised_total - rc->self_total, lang));
  for (int i = 0; i < rc->n; i++)
    if (rc->rows[i].crit < 0)
      fprintf(f, "%s %s\n", vi ? "Tiêu chí tự chấm không có trong bộ tiêu chí:" : "Self-assessed criterion not in the rulebook:",
              rc->rows[i].criterion);
}

void out_reconcile_json(FILE *f, const reconciliation *rc) {
  const methodology *mt = rc->mt;
  const unit_result *r = rc->r;
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "unit", r->unit.id);
  cJSON_AddStringToObject(o, "name", r->unit.name);
  cJSON_AddNumberToObject(o, "year", r->year);
  cJSON_AddStringToObject(o, "rules", mt->dir);
  cJSON_AddBoolToObject(o, "self_assessed", rc->nself > 0);
  add_pts(o, "self_total", rc->self_total);
  add_pts(o, "appraised_total", rc->appraised_total);
  add_pts(o, "difference", rc->appraised_total - rc->self_total);
  cJSON *crits = cJSON_AddArrayToObject(o, "criteria");
  cJSON *unknown = cJSON_AddArrayToObject(o, "unknown_criteria");
  for (int i = 0; i < rc->n; i++) {
    const recon_row *row = &rc->rows[i];
    if (row->crit < 0) { cJSON_AddItemToArray(unknown, cJSON_CreateString(row->criterion)); continue; }
    const ledger_criterion *lc = &r->crits[row->crit];
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "criterion", row->criterion);
    cJSON_AddStringToObject(c, "name", mt->crits[row->crit].name);
    add_pts(c, "max", mt->crits[row->crit].max);
    if (row->has_self) add_pts(c, "self", row->self);
    else cJSON_AddNullToObject(c, "self");
    add_pts(c, "appraised", row->appraised);
    if (row->has_self) add_pts(c, "difference", row->difference);
    else cJSON_AddNullToObject(c, "difference");
    cJSON_AddBoolToObject(c, "not_applicable", lc->na);
    cJSON_AddBoolToObject(c, "not_arisen", lc->na_full);     /* when_not_applicable = "full": full points */
    cJSON *ev = row->evidence ? cJSON_Parse(row->evidence) : NULL;
    cJSON_AddItemToObject(c, "evidence", ev ? ev : cJSON_CreateArray());
    if (row->explanation) cJSON_AddStringToObject(c, "explanation", row->explanation);
    else cJSON_AddNullToObject(c, "explanation");
    cJSON *ds = cJSON_AddArrayToObject(c, "deductions");
    for (int k = 0; k < lc->count; k++) cJSON_AddItemToArray(ds, out_json_deduction(mt, &r->deds[lc->first + k]));
    cJSON_AddItemToArray(crits, c);
  }
  char *s = cJSON_Print(o);
  fputs(s ? s : "{}", f);
  fputc('\n', f);
  cJSON_free(s);
  cJSON_Delete(o);
}
