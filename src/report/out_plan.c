/*
** out_plan.c -- `plan` output: a unit's what-if and target search, and one
** office's lead tasks across every unit, in text, JSON and CSV.
*/
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char *P(char *buf, pts_t v, int vi) { return pts_format(buf, v, vi ? ',' : '.', 1); }

static void add_pts(cJSON *o, const char *name, pts_t v) {
  char buf[PTS_FMT_MAX];
  cJSON_AddItemToObject(o, name, cJSON_CreateRaw(pts_format(buf, v, '.', 0)));
}

static void print(FILE *f, cJSON *o) {
  char *s = cJSON_Print(o);
  if (s) { fputs(s, f); fputc('\n', f); }
  free(s);
  cJSON_Delete(o);
}

static const char *band_or(const char *b) { return b ? b : "-"; }

/* The chosen deductions' tasks: the lead's, then the supports'. */
typedef void (*task_fn)(const plan_view *v, const ledger_deduction *d, int t, void *ud);
static void each_task(const plan_view *v, task_fn fn, void *ud) {
  for (int k = 0; v->choice && k < v->choice->n; k++) {
    const ledger_deduction *d = &v->base->deds[v->choice->deds[k]];
    for (int t = 0; t < (d->ntasks ? d->ntasks : 1); t++) fn(v, d, t, ud);
  }
}

static const char *office_of(const plan_view *v, const ledger_deduction *d, int t) {
  return d->ntasks ? d->tasks[t].office : v->mt->crits[d->crit].owner;
}
static const char *text_of(const ledger_deduction *d, int t) { return d->ntasks ? d->tasks[t].text : d->reason; }

static void text_task(const plan_view *v, const ledger_deduction *d, int t, void *ud) {
  FILE *f = ((void **)ud)[0];
  int vi = *(int *)((void **)ud)[1];
  char a[PTS_FMT_MAX];
  const char *o = office_of(v, d, t);
  const char *name = methodology_office_name(v->mt, o);
  if (t == 0)
    fprintf(f, "  [%s] %s (%s) %s: %s (%s %s)\n", v->mt->crits[d->crit].id, name ? name : o, o,
            vi ? "chủ trì" : "lead", text_of(d, t), vi ? "khoản trừ" : "deduction", P(a, d->points, vi));
  else fprintf(f, "         %s %s (%s): %s\n", vi ? "phối hợp:" : "support:", name ? name : o, o, text_of(d, t));
}

static void text_alone(FILE *f, const plan_view *v, int vi) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX];
  if (!v->nalone) return;
  fprintf(f, "\n%s\n", vi ? "Từng nhiệm vụ, nếu chỉ làm riêng nhiệm vụ đó:" : "Each task, done alone:");
  for (int k = 0; k < v->nalone; k++) {
    const ledger_deduction *d = &v->base->deds[v->alone[k]];
    const char *o = office_of(v, d, 0), *name = methodology_office_name(v->mt, o);
    pts_t t = v->alone_total[v->alone[k]];
    if (t == v->base->total)
      fprintf(f, "  [%s] %s (%s): %s (%s)\n", v->mt->crits[d->crit].id, name ? name : o, o, text_of(d, 0),
              vi ? "thông tin: làm riêng không lấy lại điểm" : "information: alone it wins nothing back");
    else
      fprintf(f, "  [%s] +%s → %s, %s %d · %s (%s): %s\n", v->mt->crits[d->crit].id, P(a, t - v->base->total, vi),
              P(b, t, vi), vi ? "hạng" : "rank", v->alone_rank[v->alone[k]], name ? name : o, o, text_of(d, 0));
  }
}

void out_plan_text(FILE *f, const plan_view *v, report_lang lang) {
  int vi = lang == LANG_VI;
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX];
  const unit_result *r = v->before;
  fprintf(f, "%s · %s (%s) · %d\n", vi ? "Kế hoạch nâng điểm" : "Plan", r->unit.name, r->unit.id, r->year);
  fprintf(f, "%s: %s, %s %d/%d, %s\n", vi ? "Hiện nay" : "Now", P(a, r->total, vi), vi ? "hạng" : "rank", v->rank,
          v->units, band_or(v->band));
  if (v->after) {
    fprintf(f, "\n%s: %s → %s, %s %d → %d, %s → %s\n", vi ? "Nếu thay đổi dữ kiện" : "With the facts changed",
            P(a, r->total, vi), P(b, v->after->total, vi), vi ? "hạng" : "rank", v->rank, v->rank_what_if, band_or(v->band),
            band_or(v->band_what_if));
    fprintf(f, "  %s %s → ", vi ? "điểm HĐTĐ" : "appraisal", P(a, r->appraisal, vi));
    fprintf(f, "%s, %s %s → ", P(b, v->after->appraisal, vi), vi ? "điểm ĐTXHH" : "survey", P(a, r->survey, vi));
    fprintf(f, "%s\n", P(b, v->after->survey, vi));
    int any = 0;
    for (int i = 0; i < r->ncrits; i++) {
      if (r->crits[i].points == v->after->crits[i].points && r->crits[i].na == v->after->crits[i].na) continue;
      fprintf(f, "  %s %s %s: %s → %s\n", !any++ ? (vi ? "tiêu chí" : "criterion") : "        ", v->mt->crits[i].id,
              v->mt->crits[i].name, P(a, r->crits[i].points, vi), P(b, v->after->crits[i].points, vi));
    }
    if (!any) fprintf(f, "  %s\n", vi ? "không tiêu chí nào thay đổi" : "no criterion changes");
  }
  if (v->target_kind) {
    const char *kind = !strcmp(v->target_kind, "rank") ? (vi ? "hạng" : "rank")
                     : !strcmp(v->target_kind, "band") ? (vi ? "xếp loại" : "band") : "PAR INDEX";
    fprintf(f, "\n%s %s %s (%s %s)\n", vi ? "Mục tiêu:" : "Target:", kind, v->target_text, vi ? "cần đạt" : "needs",
            P(a, v->target, vi));
    if (!v->choice->reachable)
      fprintf(f, "%s %s, %s %d, %s\n", vi ? "Không đạt được bằng các nhiệm vụ của đơn vị. Tốt nhất có thể:"
                                         : "Not reachable with the unit's tasks. The best reachable:",
              P(a, v->choice->total_after, vi), vi ? "hạng" : "rank", v->rank_after, band_or(v->band_after));
    else if (!v->choice->n) fprintf(f, "%s\n", vi ? "Đã đạt: không cần nhiệm vụ nào." : "Reached already: no task is needed.");
    else
      fprintf(f, "%s %d %s%s: %s → %s, %s %d, %s\n", vi ? "Cần ít nhất" : "At least", v->choice->n,
              vi ? "nhiệm vụ" : v->choice->n == 1 ? "task" : "tasks", v->effort ? (vi ? " (theo trọng số công sức)" : " (by effort weight)") : "",
              P(a, v->base->total, vi), P(b, v->choice->total_after, vi), vi ? "hạng" : "rank", v->rank_after,
              band_or(v->band_after));
    void *ud[2] = {f, &vi};
    each_task(v, text_task, ud);
  }
  text_alone(f, v, vi);
}

static void json_task(const plan_view *v, const ledger_deduction *d, int t, void *ud) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "criterion", v->mt->crits[d->crit].id);
  cJSON_AddStringToObject(o, "office", office_of(v, d, t));
  cJSON_AddStringToObject(o, "role", t == 0 ? "lead" : "support");
  add_pts(o, "points", t == 0 ? d->points : 0);
  if (t == 0 && d->effort) cJSON_AddNumberToObject(o, "effort", d->effort);
  cJSON_AddStringToObject(o, "task", text_of(d, t));
  cJSON_AddItemToArray(ud, o);
}

void out_plan_json(FILE *f, const plan_view *v) {
  const unit_result *r = v->before;
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "unit", r->unit.id);
  cJSON_AddNumberToObject(o, "year", r->year);
  cJSON_AddNumberToObject(o, "units", v->units);
  add_pts(o, "par_index", r->total);
  add_pts(o, "appraisal_points", r->appraisal);
  add_pts(o, "survey_points", r->survey);
  cJSON_AddNumberToObject(o, "rank", v->rank);
  if (v->band) cJSON_AddStringToObject(o, "band", v->band); else cJSON_AddNullToObject(o, "band");
  const unit_result *end = v->choice ? NULL : v->after;
  if (v->after) {
    cJSON *w = cJSON_AddObjectToObject(o, "what_if");
    add_pts(w, "par_index", v->after->total);
    add_pts(w, "appraisal_points", v->after->appraisal);
    add_pts(w, "survey_points", v->after->survey);
    cJSON_AddNumberToObject(w, "rank", v->rank_what_if);
    if (v->band_what_if) cJSON_AddStringToObject(w, "band", v->band_what_if); else cJSON_AddNullToObject(w, "band");
    cJSON *cs = cJSON_AddArrayToObject(w, "criteria");
    for (int i = 0; i < r->ncrits; i++) {
      if (r->crits[i].points == v->after->crits[i].points && r->crits[i].na == v->after->crits[i].na) continue;
      cJSON *c = cJSON_CreateObject();
      cJSON_AddStringToObject(c, "criterion", v->mt->crits[i].id);
      add_pts(c, "points", r->crits[i].points);
      add_pts(c, "points_after", v->after->crits[i].points);
      cJSON_AddItemToArray(cs, c);
    }
  }
  if (v->choice) {
    cJSON *t = cJSON_AddObjectToObject(o, "target");
    cJSON_AddStringToObject(t, "kind", v->target_kind);
    cJSON_AddStringToObject(t, "value", v->target_text);
    add_pts(t, "par_index", v->target);
    cJSON_AddBoolToObject(o, "reachable", v->choice->reachable);
    add_pts(o, "par_index_after", v->choice->total_after);
    cJSON_AddNumberToObject(o, "rank_after", v->rank_after);
    if (v->band_after) cJSON_AddStringToObject(o, "band_after", v->band_after); else cJSON_AddNullToObject(o, "band_after");
    cJSON_AddNumberToObject(o, "cost", (double)v->choice->cost);
    cJSON_AddStringToObject(o, "cost_by", v->effort ? "effort" : "count");
    each_task(v, json_task, cJSON_AddArrayToObject(o, "tasks"));
  } else if (end) {
    add_pts(o, "par_index_after", end->total);
    cJSON_AddNumberToObject(o, "rank_after", v->rank_what_if);
  }
  if (v->nalone) {
    cJSON *ts = cJSON_AddArrayToObject(o, "tasks");
    for (int k = 0; k < v->nalone; k++) {
      const ledger_deduction *d = &v->base->deds[v->alone[k]];
      cJSON *t = cJSON_CreateObject();
      cJSON_AddStringToObject(t, "criterion", v->mt->crits[d->crit].id);
      cJSON_AddStringToObject(t, "office", office_of(v, d, 0));
      cJSON_AddStringToObject(t, "role", "lead");
      add_pts(t, "points", v->alone_total[v->alone[k]] - v->base->total);
      add_pts(t, "deduction_points", d->points);
      add_pts(t, "par_index_after", v->alone_total[v->alone[k]]);
      cJSON_AddNumberToObject(t, "rank_after", v->alone_rank[v->alone[k]]);
      cJSON_AddStringToObject(t, "task", text_of(d, 0));
      cJSON_AddItemToArray(ts, t);
    }
  }
  cJSON_AddBoolToObject(o, "scores_from_stored_run", v->from_run != 0);
  print(f, o);
}

static void csv_task(const plan_view *v, const ledger_deduction *d, int t, void *ud) {
  FILE *f = ud;
  csv_field(f, v->before->unit.id, 0);
  csv_int(f, v->before->year, 0);
  csv_field(f, v->mt->crits[d->crit].id, 0);
  csv_field(f, office_of(v, d, t), 0);
  csv_field(f, t == 0 ? "lead" : "support", 0);
  csv_pts(f, t == 0 ? d->points : 0, 0);
  csv_field(f, text_of(d, t), 1);
}

void out_plan_csv(FILE *f, const plan_view *v) {
  csv_bom(f);
  fputs("unit,year,criterion,office,role,points,task\r\n", f);
  each_task(v, csv_task, f);
  for (int k = 0; k < v->nalone; k++) {
    const ledger_deduction *d = &v->base->deds[v->alone[k]];
    csv_field(f, v->before->unit.id, 0);
    csv_int(f, v->before->year, 0);
    csv_field(f, v->mt->crits[d->crit].id, 0);
    csv_field(f, office_of(v, d, 0), 0);
    csv_field(f, "lead", 0);
    csv_pts(f, v->alone_total[v->alone[k]] - v->base->total, 0);
    csv_field(f, text_of(d, 0), 1);
  }
}

void out_plan_office(FILE *f, const methodology *mt, const plan_office *o, const char *office, int year,
                     const char *format, report_lang lang) {
  int vi = lang == LANG_VI;
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX], c[PTS_FMT_MAX];
  const char *name = methodology_office_name(mt, office);
  if (!strcmp(format, "json")) {
    cJSON *j = cJSON_CreateObject(), *ts;
    cJSON_AddStringToObject(j, "office", office);
    cJSON_AddNumberToObject(j, "year", year);
    cJSON_AddNumberToObject(j, "units", o->units);
    ts = cJSON_AddArrayToObject(j, "tasks");
    for (int i = 0; i < o->n; i++) {
      const plan_office_task *t = &o->tasks[i];
      cJSON *x = cJSON_CreateObject();
      cJSON_AddStringToObject(x, "unit", t->unit);
      cJSON_AddStringToObject(x, "criterion", t->criterion);
      cJSON_AddStringToObject(x, "office", office);
      cJSON_AddStringToObject(x, "role", "lead");
      add_pts(x, "points", t->gain);
      add_pts(x, "deduction_points", t->points);
      add_pts(x, "par_index", t->total);
      cJSON_AddNumberToObject(x, "rank", t->rank);
      add_pts(x, "par_index_after", t->total_after);
      cJSON_AddNumberToObject(x, "rank_after", t->rank_after);
      cJSON_AddStringToObject(x, "task", t->task);
      cJSON_AddItemToArray(ts, x);
    }
    print(f, j);
    return;
  }
  if (!strcmp(format, "csv")) {
    csv_bom(f);
    fputs("office,year,unit,criterion,points,deduction_points,par_index,rank,par_index_after,rank_after,task\r\n", f);
    for (int i = 0; i < o->n; i++) {
      const plan_office_task *t = &o->tasks[i];
      csv_field(f, office, 0); csv_int(f, year, 0); csv_field(f, t->unit, 0); csv_field(f, t->criterion, 0);
      csv_pts(f, t->gain, 0); csv_pts(f, t->points, 0); csv_pts(f, t->total, 0); csv_int(f, t->rank, 0);
      csv_pts(f, t->total_after, 0); csv_int(f, t->rank_after, 0); csv_field(f, t->task, 1);
    }
    return;
  }
  fprintf(f, "%s · %s (%s) · %d · %d %s\n", vi ? "Nhiệm vụ chủ trì" : "Lead tasks", name ? name : office, office, year,
          o->units, vi ? "đơn vị" : "units");
  if (!o->n) fprintf(f, "\n%s\n", vi ? "Không có nhiệm vụ chủ trì." : "No lead tasks.");
  for (int i = 0; i < o->n; i++) {
    const plan_office_task *t = &o->tasks[i];
    fprintf(f, "%4d. %s [%s] +%s (%s %s → %s, %s %d → %d): %s\n", i + 1, t->unit, t->criterion, P(a, t->gain, vi),
            vi ? "PAR INDEX" : "PAR index", P(b, t->total, vi), P(c, t->total_after, vi), vi ? "hạng" : "rank", t->rank,
            t->rank_after, t->task);
  }
}
