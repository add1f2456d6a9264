/*
** out_results_xlsx.c -- rank, compare, tasks and explain as XLSX workbooks
** (libxlsxwriter, through xlsx_out.h): points and percentages as numbers a
** spreadsheet can sum, shown with two decimals (Excel writes the reader's
** decimal separator: 65,84 in a Vietnamese Excel); headers in the --lang
** language, Vietnamese by default; the header row frozen. tasks: one sheet
** per office.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xlsx_out.h"

#define VI(vi, en) (lang == LANG_VI ? (vi) : (en))

static void pts(xlsx_book *b, lxw_worksheet *ws, int r, int c, pts_t v) {
  worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, (double)v / 100.0, b->points);
}
static void str(lxw_worksheet *ws, int r, int c, const char *s, lxw_format *f) {
  if (s && *s) worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, s, f);
}
static void num(lxw_worksheet *ws, int r, int c, double v) { worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, NULL); }

static int done(xlsx_book *b, int ok, const char *path, char *err, size_t errlen) {
  if (xlsx_book_close(b, err, errlen)) return -1;
  if (!ok) { snprintf(err, errlen, "%s: a sheet could not be added", path); return -1; }
  return 0;
}

/* One ranking sheet (title: its name). */
static lxw_worksheet *rank_sheet(xlsx_book *b, const char *title, const standing *st, int n, int year,
                                 report_lang lang) {
  const xlsx_column cols[] = {
    {VI("Năm", "Year"), 7}, {VI("Hạng", "Rank"), 7}, {VI("Mã đơn vị", "Unit"), 20}, {VI("Đơn vị", "Name"), 28},
    {VI("Điểm thẩm định", "Appraisal points"), 14}, {VI("Điểm điều tra XHH", "Survey points"), 14},
    {"PAR INDEX", 12}, {VI("Xếp loại", "Band"), 12}, {VI("Dữ liệu minh họa", "Illustrative"), 12},
    {VI("Loại đơn vị", "Kind"), 12}, {VI("Đơn vị cấp trên", "Parent"), 16}};
  lxw_worksheet *ws = xlsx_book_sheet(b, title, cols, 11);
  for (int i = 0; ws && i < n; i++) {
    const unit_result *r = st[i].r;
    num(ws, i + 1, 0, year);
    num(ws, i + 1, 1, st[i].rank);
    str(ws, i + 1, 2, r->unit.id, NULL);
    str(ws, i + 1, 3, r->unit.name, NULL);
    pts(b, ws, i + 1, 4, r->appraisal);
    pts(b, ws, i + 1, 5, r->survey);
    pts(b, ws, i + 1, 6, r->total);
    str(ws, i + 1, 7, st[i].band, NULL);
    if (r->illustrative) str(ws, i + 1, 8, VI("có (*)", "yes (*)"), NULL);
    str(ws, i + 1, 9, r->unit.kind, NULL);
    str(ws, i + 1, 10, r->unit.parent, NULL);
  }
  return ws;
}

int out_rank_xlsx(const char *path, const standing *st, int n, int year, report_lang lang, char *err, size_t errlen) {
  rank_table t = {NULL, st, n};
  return out_rank_xlsx_tables(path, &t, 1, year, lang, err, errlen);
}

int out_rank_xlsx_tables(const char *path, const rank_table *t, int nt, int year, report_lang lang, char *err,
                         size_t errlen) {
  xlsx_book b;
  if (xlsx_book_open(&b, path, 0)) { snprintf(err, errlen, "%s: cannot write", path); return -1; }
  int ok = 1;
  for (int i = 0; i < nt && ok; i++) {
    char title[32];                      /* a sheet name has at most 31 characters */
    if (t[i].kind) snprintf(title, sizeof title, "%d %s", year, t[i].kind);
    else snprintf(title, sizeof title, VI("Xếp hạng %d", "Ranking %d"), year);
    ok = rank_sheet(&b, title, t[i].st, t[i].n, year, lang) != NULL;
  }
  return done(&b, ok, path, err, errlen);
}

int out_compare_xlsx(const char *path, const comparison *c, report_lang lang, char *err, size_t errlen) {
  xlsx_book b;
  if (xlsx_book_open(&b, path, 0)) { snprintf(err, errlen, "%s: cannot write", path); return -1; }
  char f1[48], f2[48], f3[48], t1[48], t2[48], t3[48];
  snprintf(f1, sizeof f1, VI("Điểm %d", "Points %d"), c->from_year);
  snprintf(f2, sizeof f2, VI("Tối đa %d", "Max %d"), c->from_year);
  snprintf(f3, sizeof f3, VI("Tỷ lệ %d (%%)", "Percent %d"), c->from_year);
  snprintf(t1, sizeof t1, VI("Điểm %d", "Points %d"), c->to_year);
  snprintf(t2, sizeof t2, VI("Tối đa %d", "Max %d"), c->to_year);
  snprintf(t3, sizeof t3, VI("Tỷ lệ %d (%%)", "Percent %d"), c->to_year);
  const xlsx_column cols[] = {
    {VI("Lĩnh vực", "Component"), 10}, {VI("Tên", "Name"), 50}, {f1, 10}, {f2, 10}, {f3, 11}, {t1, 10}, {t2, 10},
    {t3, 11}, {VI("Tăng, giảm (điểm %)", "Change (points of %)"), 13}, {VI("Đổi điểm tối đa", "Max changed"), 11},
    {VI("Thứ hạng trong đơn vị", "Rank within unit"), 11}};
  lxw_worksheet *ws = xlsx_book_sheet(&b, VI("So sánh", "Comparison"), cols, 11);
  int r = 1;
  for (int i = 0; ws && i < c->ncomps; i++, r++) {
    const cmp_component *k = &c->comps[i];
    str(ws, r, 0, k->id, NULL);
    str(ws, r, 1, k->name, b.text);
    if (k->in_from) { pts(&b, ws, r, 2, k->from_points); pts(&b, ws, r, 3, k->from_max); pts(&b, ws, r, 4, k->from_pct); }
    if (k->in_to) { pts(&b, ws, r, 5, k->to_points); pts(&b, ws, r, 6, k->to_max); pts(&b, ws, r, 7, k->to_pct); }
    if (k->in_from && k->in_to) pts(&b, ws, r, 8, k->change);
    str(ws, r, 9, k->max_changed ? VI("có", "yes") : "", NULL);
    if (k->in_to) num(ws, r, 10, k->to_rank);
  }
  const struct { const char *label; pts_t x, y; } tot[] = {
    {VI("Điểm thẩm định", "Appraisal points"), c->from->appraisal, c->to->appraisal},
    {VI("Điểm điều tra xã hội học", "Survey points"), c->from->survey, c->to->survey},
    {"PAR INDEX", c->from->total, c->to->total}};
  for (int i = 0; ws && i < 3; i++, r++) {
    str(ws, r, 1, tot[i].label, b.header);
    pts(&b, ws, r, 2, tot[i].x);
    pts(&b, ws, r, 5, tot[i].y);
    pts(&b, ws, r, 8, tot[i].y - tot[i].x);
  }
  return done(&b, ws != NULL, path, err, errlen);
}

int out_tasks_xlsx(const char *path, const methodology *mt, const unit_result *u, const char *office, report_lang lang,
                   char *err, size_t errlen) {
  xlsx_book b;
  if (xlsx_book_open(&b, path, 0)) { snprintf(err, errlen, "%s: cannot write", path); return -1; }
  task_item *items;
  int n = report_collect_tasks(mt, u, office, &items), ok = 1;
  const xlsx_column cols[] = {
    {VI("Phòng, đơn vị", "Office"), 30}, {VI("Tiêu chí", "Criterion"), 9}, {VI("Nhiệm vụ", "Task"), 70},
    {VI("Điểm bị trừ", "Points lost"), 11}, {VI("Lý do trừ điểm", "Why"), 70}};
  for (int i = 0; i < n;) {                     /* one sheet per office, in the items' office order */
    int end = i;
    while (end < n && !strcmp(items[end].office, items[i].office)) end++;
    lxw_worksheet *ws = xlsx_book_sheet(&b, items[i].office, cols, 5);
    if (!ws) { ok = 0; break; }
    for (int k = i; k < end; k++) {
      int r = k - i + 1;
      str(ws, r, 0, items[k].office_name ? items[k].office_name : items[k].office, b.text);
      str(ws, r, 1, items[k].criterion, NULL);
      str(ws, r, 2, items[k].text, b.text);
      pts(&b, ws, r, 3, items[k].points);
      str(ws, r, 4, items[k].reason, b.text);
    }
    i = end;
  }
  if (n == 0 && !xlsx_book_sheet(&b, VI("Nhiệm vụ", "Tasks"), cols, 5)) ok = 0;
  free(items);
  return done(&b, ok, path, err, errlen);
}

/* "key = value (source)" of a deduction's facts, one per line, malloc'd. */
static char *facts_text(const ledger_deduction *d) {
  size_t cap = 1;
  for (int x = 0; x < d->nfacts; x++)
    cap += strlen(d->facts[x].key) + strlen(d->facts[x].value ? d->facts[x].value : "") +
           strlen(d->facts[x].source ? d->facts[x].source : "") + 8;
  char *s = malloc(cap), *p = s;
  if (!s) abort();
  *p = '\0';
  for (int x = 0; x < d->nfacts; x++) {
    const ledger_fact *f = &d->facts[x];
    p += snprintf(p, cap - (size_t)(p - s), "%s%s = %s%s%s%s", x ? "\n" : "", f->key, f->value ? f->value : "",
                  f->source ? " (" : "", f->source ? f->source : "", f->source ? ")" : "");
  }
  return s;
}

/* The criterion's statements of what was achieved (u.achieved), one per line, in column 9. */
static void achieved_cell(xlsx_book *b, lxw_worksheet *ws, int r, const unit_result *u, const ledger_criterion *lc) {
  size_t cap = 1;
  for (int k = 0; k < lc->acount; k++) cap += strlen(u->achs[lc->afirst + k].text) + 1;
  char *s = malloc(cap), *p = s;
  if (!s) abort();
  *p = '\0';
  for (int k = 0; k < lc->acount; k++)
    p += snprintf(p, cap - (size_t)(p - s), "%s%s", k ? "\n" : "", u->achs[lc->afirst + k].text);
  str(ws, r, 9, s, b->text);
  free(s);
}

int out_explain_xlsx(const char *path, const methodology *mt, const unit_result *u, const char *crit, report_lang lang,
                     char *err, size_t errlen) {
  xlsx_book b;
  if (xlsx_book_open(&b, path, 0)) { snprintf(err, errlen, "%s: cannot write", path); return -1; }
  const xlsx_column cols[] = {
    {VI("Lĩnh vực", "Component"), 9}, {VI("Tiêu chí", "Criterion"), 9}, {VI("Tên tiêu chí", "Name"), 45},
    {VI("Điểm", "Points"), 9}, {VI("Tối đa", "Max"), 9}, {VI("Điểm trừ", "Deducted"), 9},
    {VI("Lý do", "Reason"), 60}, {VI("Dữ kiện (nguồn)", "Facts (source)"), 60}, {VI("Nhiệm vụ", "Tasks"), 60},
    {VI("Kết quả đạt được", "Achieved"), 60}};
  lxw_worksheet *ws = xlsx_book_sheet(&b, VI("Giải trình", "Explanation"), cols, 10);
  int r = 1;
  for (int i = 0; ws && i < mt->ncrits; i++) {
    const meth_criterion *k = &mt->crits[i];
    const ledger_criterion *lc = &u->crits[i];
    if (crit && strcmp(crit, k->id)) continue;
    int rows = lc->count ? lc->count : 1;
    for (int d = 0; d < rows; d++, r++) {
      str(ws, r, 0, k->compid, NULL);
      str(ws, r, 1, k->id, NULL);
      str(ws, r, 2, k->name, b.text);
      if (lc->na) { str(ws, r, 6, lc->na_reason, b.text); str(ws, r, 3, VI("không chấm", "n/a"), NULL); continue; }
      if (d == 0) { pts(&b, ws, r, 3, lc->points); pts(&b, ws, r, 4, lc->max); achieved_cell(&b, ws, r, u, lc); }
      if (!lc->count) continue;
      const ledger_deduction *ld = &u->deds[lc->first + d];
      pts(&b, ws, r, 5, ld->points);
      str(ws, r, 6, ld->reason, b.text);
      char *facts = facts_text(ld);
      str(ws, r, 7, facts, b.text);
      free(facts);
      size_t cap = 1;
      for (int t = 0; t < ld->ntasks; t++) cap += strlen(ld->tasks[t].office) + strlen(ld->tasks[t].text) + 6;
      char *tasks = malloc(cap), *p = tasks;
      if (!tasks) abort();
      *p = '\0';
      for (int t = 0; t < ld->ntasks; t++)
        p += snprintf(p, cap - (size_t)(p - tasks), "%s[%s] %s", t ? "\n" : "", ld->tasks[t].office, ld->tasks[t].text);
      str(ws, r, 8, tasks, b.text);
      free(tasks);
    }
  }
  return done(&b, ws != NULL, path, err, errlen);
}
