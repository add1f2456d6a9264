/*
** out_csv.c -- CSV output: UTF-8 with BOM, RFC 4180 quoting, CRLF rows.
*/
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The style of every CSV written: RFC 4180 with a decimal point and the
** machine headers, or (csv_excel) what Excel with Vietnamese regional
** settings reads: ';' between fields, decimal commas, headers in a language. */
static struct { char sep, dec; int excel; report_lang lang; } style = {',', '.', 0, LANG_VI};

void csv_excel(report_lang lang) { style.sep = ';'; style.dec = ','; style.excel = 1; style.lang = lang; }

void csv_bom(FILE *f) { fputs("\xEF\xBB\xBF", f); }

char csv_decimal(void) { return style.dec; }

void csv_header(FILE *f, const char *const *machine, const char *const *vi, const char *const *en) {
  const char *const *h = !style.excel ? machine : style.lang == LANG_EN ? en : vi;
  for (int i = 0; h[i]; i++) csv_field(f, h[i], !h[i + 1]);
}

void csv_bool(FILE *f, int v, int last) {
  static const char *const words[3][2] = {{"false", "true"}, {"không", "có"}, {"no", "yes"}};
  csv_field(f, words[!style.excel ? 0 : style.lang == LANG_EN ? 2 : 1][v != 0], last);
}

void csv_empty(FILE *f, int n, int last) {
  for (int i = 0; i < n; i++) csv_field(f, "", last && i == n - 1);
}

void csv_field(FILE *f, const char *s, int last) {
  if (!s) s = "";
  char special[] = {style.sep, '"', '\r', '\n', '\0'};
  if (strpbrk(s, special)) {
    fputc('"', f);
    for (; *s; s++) {
      if (*s == '"') fputc('"', f);
      fputc(*s, f);
    }
    fputc('"', f);
  } else fputs(s, f);
  if (last) fputs("\r\n", f);
  else fputc(style.sep, f);
}

void csv_pts(FILE *f, pts_t v, int last) {
  char buf[PTS_FMT_MAX];
  csv_field(f, pts_format(buf, v, style.dec, 1), last);
}

void csv_int(FILE *f, long long v, int last) {
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", v);
  csv_field(f, buf, last);
}

void out_tasks_csv(FILE *f, const methodology *mt, const unit_result *r, const char *office) {
  task_item *items;
  int n = report_collect_tasks(mt, r, office, &items);
  csv_bom(f);
  static const char *const machine[] = {"unit", "year", "office", "office_name", "role", "criterion", "points",
                                        "deduction_points", "task", "why", "at", NULL};
  static const char *const vi[] = {"Mã đơn vị", "Năm", "Mã phòng", "Phòng, đơn vị", "Vai trò", "Tiêu chí",
                                   "Điểm có thể lấy lại", "Điểm bị trừ", "Nhiệm vụ", "Lý do trừ điểm", "Quy tắc", NULL};
  static const char *const en[] = {"Unit", "Year", "Office", "Office name", "Role", "Criterion", "Points to win back",
                                   "Points lost", "Task", "Why", "Rule line", NULL};
  csv_header(f, machine, vi, en);
  for (int i = 0; i < n; i++) {
    csv_field(f, r->unit.id, 0);
    csv_int(f, r->year, 0);
    csv_field(f, items[i].office, 0);
    csv_field(f, items[i].office_name, 0);
    csv_field(f, items[i].lead ? "lead" : "support", 0);
    csv_field(f, items[i].criterion, 0);
    csv_pts(f, items[i].lead ? items[i].points : 0, 0);
    csv_pts(f, items[i].points, 0);
    csv_field(f, items[i].text, 0);
    csv_field(f, items[i].reason, 0);
    const ledger_deduction *d = report_task_line(r, &items[i]);   /* the u.lose call that made it */
    char *at = report_rule_line(mt, d);
    csv_field(f, at, 1);
    free(at);
  }
  free(items);
}
