/*
** out_reconcile_xlsx.c -- `reconcile --format xlsx`: a unit's self-assessment
** beside the appraisal as a workbook the appraisal office can sort and sum.
** One row per criterion of the rulebook: its max, the self-assessed and the
** appraised points and the difference (appraised - self) as numbers shown
** with two decimals (Excel writes the reader's decimal separator: 0,43 in a
** Vietnamese Excel), then as wrapped text the deductions that explain the
** difference, the facts behind them with their sources, and the evidence and
** explanation (giải trình) the unit cited. A totals row of formulas over the
** self-assessed criteria, written with their values, equals the JSON's
** self_total, appraised_total and difference. Headers in --lang, Vietnamese
** by default; the header row frozen.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xlsx_out.h"

#define VI(vi, en) (lang == LANG_VI ? (vi) : (en))

enum { C_COMP, C_CRIT, C_NAME, C_MAX, C_SELF, C_APPR, C_DIFF, C_WHY, C_FACTS, C_EVID, C_EXPL, NCOLS };

static void put_pts(xlsx_book *b, lxw_worksheet *ws, int r, int c, pts_t v) {
  worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, (double)v / 100.0, b->points);
}

static void put_text(xlsx_book *b, lxw_worksheet *ws, int r, int c, const char *s) {
  if (s && *s) worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, s, b->text);
}

/* A text written by fn into memory, malloc'd ("" when nothing). */
typedef struct { FILE *f; char *buf; size_t len; } membuf;
static FILE *mem_open(membuf *m) {
  memset(m, 0, sizeof *m);
  m->f = open_memstream(&m->buf, &m->len);
  if (!m->f) abort();
  return m->f;
}
static char *mem_close(membuf *m) {
  fclose(m->f);
  /* a trailing newline is not part of a cell */
  while (m->len && m->buf[m->len - 1] == '\n') m->buf[--m->len] = '\0';
  return m->buf;
}

/* The deductions of row's criterion, one a line: "−0,50 reason" (a council
** adjustment that gives points back: "+"); then, when not applicable, why. */
static char *why_text(const reconciliation *rc, const recon_row *row, report_lang lang) {
  const ledger_criterion *lc = &rc->r->crits[row->crit];
  membuf m;
  FILE *f = mem_open(&m);
  char p[PTS_FMT_MAX];
  for (int k = 0; k < lc->count; k++) {
    const ledger_deduction *d = &rc->r->deds[lc->first + k];
    pts_t v = d->points < 0 ? -d->points : d->points;
    fprintf(f, "%s%s %s\n", d->points < 0 ? "+" : "−", pts_format(p, v, lang == LANG_VI ? ',' : '.', 1), d->reason);
  }
  if (lc->na) fprintf(f, "%s: %s\n", VI("Không áp dụng", "Not applicable"), lc->na_reason ? lc->na_reason : "");
  if (row->has_self && row->difference > 0 && !lc->count)
    fprintf(f, "%s\n", VI("Thẩm định cao hơn tự chấm: không có khoản trừ", "Appraised above the self-assessment: no deduction"));
  return mem_close(&m);
}

/* The facts the deductions read, each once: "key = value (source)". */
static char *facts_text(const reconciliation *rc, const recon_row *row) {
  const ledger_criterion *lc = &rc->r->crits[row->crit];
  membuf m;
  FILE *f = mem_open(&m);
  for (int k = 0; k < lc->count; k++) {
    const ledger_deduction *d = &rc->r->deds[lc->first + k];
    for (int x = 0; x < d->nfacts; x++) {
      const ledger_fact *lf = &d->facts[x];
      int seen = 0;                              /* two deductions reading one fact: listed once */
      for (int j = 0; j <= k && !seen; j++) {
        const ledger_deduction *e = &rc->r->deds[lc->first + j];
        for (int y = 0; y < (j == k ? x : e->nfacts) && !seen; y++) seen = !strcmp(e->facts[y].key, lf->key);
      }
      if (seen) continue;
      fprintf(f, "%s = %s%s%s%s\n", lf->key, lf->value ? lf->value : "", lf->source ? " (" : "",
              lf->source ? lf->source : "", lf->source ? ")" : "");
    }
  }
  return mem_close(&m);
}

static void criterion_row(xlsx_book *b, lxw_worksheet *ws, int r, const reconciliation *rc, const recon_row *row,
                          report_lang lang) {
  const meth_criterion *k = &rc->mt->crits[row->crit];
  worksheet_write_string(ws, (lxw_row_t)r, C_COMP, k->compid, NULL);
  worksheet_write_string(ws, (lxw_row_t)r, C_CRIT, k->id, NULL);
  put_text(b, ws, r, C_NAME, k->name);
  put_pts(b, ws, r, C_MAX, k->max);
  if (row->has_self) put_pts(b, ws, r, C_SELF, row->self);
  put_pts(b, ws, r, C_APPR, row->appraised);
  if (row->has_self) put_pts(b, ws, r, C_DIFF, row->difference);
  char *why = why_text(rc, row, lang), *facts = facts_text(rc, row);
  put_text(b, ws, r, C_WHY, why);
  put_text(b, ws, r, C_FACTS, facts);
  free(why);
  free(facts);
  if (row->has_self) {
    membuf m;
    out_reconcile_evidence(mem_open(&m), row->evidence);
    char *ev = mem_close(&m);
    put_text(b, ws, r, C_EVID, *ev ? ev : VI("không có", "none"));
    free(ev);
    put_text(b, ws, r, C_EXPL, row->explanation);
  }
}

/* The totals row (row r, data rows 1..r-1): SUM of the self column, SUMIFS of
** the appraised column over the rows with a self-assessment, their
** difference; each formula written with its value. */
static void totals_row(xlsx_book *b, lxw_worksheet *ws, int r, const reconciliation *rc, report_lang lang) {
  char label[128], f[160];
  snprintf(label, sizeof label, VI("Tổng các tiêu chí đơn vị tự chấm (%d tiêu chí)", "Total of the self-assessed criteria (%d)"),
           rc->nself);
  worksheet_write_string(ws, (lxw_row_t)r, C_NAME, label, b->header);
  int last = r;                                   /* 1-based number of the last data row */
  snprintf(f, sizeof f, "=SUM(E2:E%d)", last);
  worksheet_write_formula_num(ws, (lxw_row_t)r, C_SELF, f, b->points, (double)rc->self_total / 100.0);
  snprintf(f, sizeof f, "=SUMIFS(F2:F%d,E2:E%d,\"<>\")", last, last);
  worksheet_write_formula_num(ws, (lxw_row_t)r, C_APPR, f, b->points, (double)rc->appraised_total / 100.0);
  snprintf(f, sizeof f, "=F%d-E%d", r + 1, r + 1);
  worksheet_write_formula_num(ws, (lxw_row_t)r, C_DIFF, f, b->points,
                              (double)(rc->appraised_total - rc->self_total) / 100.0);
}

int out_reconcile_xlsx(const char *path, const reconciliation *rc, report_lang lang, char *err, size_t errlen) {
  xlsx_book b;
  if (xlsx_book_open(&b, path, 0)) { snprintf(err, errlen, "%s: cannot write", path); return -1; }
  const xlsx_column cols[NCOLS] = {
    {VI("Lĩnh vực", "Component"), 9}, {VI("Tiêu chí", "Criterion"), 9}, {VI("Tên tiêu chí", "Name"), 45},
    {VI("Điểm tối đa", "Max"), 9}, {VI("Điểm tự chấm", "Self-assessed"), 10}, {VI("Điểm thẩm định", "Appraised"), 10},
    {VI("Chênh lệch (thẩm định - tự chấm)", "Difference (appraised - self)"), 13},
    {VI("Khoản trừ điểm, lý do", "Deductions, why"), 60}, {VI("Dữ kiện (nguồn)", "Facts (source)"), 60},
    {VI("Minh chứng đơn vị viện dẫn", "Evidence the unit cited"), 45},
    {VI("Giải trình của đơn vị", "The unit's explanation"), 45}};
  char title[64];
  snprintf(title, sizeof title, VI("Đối chiếu %d", "Reconciliation %d"), rc->r->year);
  lxw_worksheet *ws = xlsx_book_sheet(&b, title, cols, NCOLS);
  int r = 1;
  for (int i = 0; ws && i < rc->n; i++)
    if (rc->rows[i].crit >= 0) criterion_row(&b, ws, r++, rc, &rc->rows[i], lang);
  if (ws) {
    totals_row(&b, ws, r++, rc, lang);
    r++;
    for (int i = 0; i < rc->n; i++) {           /* criteria the unit scored that the rulebook lacks */
      const recon_row *row = &rc->rows[i];
      if (row->crit >= 0) continue;
      worksheet_write_string(ws, (lxw_row_t)r, C_CRIT, row->criterion, NULL);
      worksheet_write_string(ws, (lxw_row_t)r, C_NAME,
                             VI("Tiêu chí tự chấm không có trong bộ tiêu chí", "Self-assessed criterion not in the rulebook"), b.text);
      put_pts(&b, ws, r++, C_SELF, row->self);
    }
    char line[1024];
    snprintf(line, sizeof line, "%s: %s (%s) · %d", VI("Đơn vị", "Unit"), rc->r->unit.name, rc->r->unit.id, rc->r->year);
    worksheet_write_string(ws, (lxw_row_t)r++, C_NAME, line, NULL);
    snprintf(line, sizeof line, "%s: %s (%s)", VI("Bộ tiêu chí", "Rules"), rc->mt->name, rc->mt->dir);
    worksheet_write_string(ws, (lxw_row_t)r++, C_NAME, line, NULL);
    if (!rc->nself)
      worksheet_write_string(ws, (lxw_row_t)r, C_NAME,
                             VI("Đơn vị chưa có kết quả tự chấm điểm.", "The unit has no self-assessment."), NULL);
  }
  int ok = ws != NULL;
  if (xlsx_book_close(&b, err, errlen)) return -1;
  if (!ok) { snprintf(err, errlen, "%s: a sheet could not be added", path); return -1; }
  return 0;
}
