/*
** out_csv.c -- CSV output: UTF-8 with BOM, RFC 4180 quoting, CRLF rows.
*/
#include <stdlib.h>
#include <string.h>

#include "report.h"

void csv_bom(FILE *f) { fputs("\xEF\xBB\xBF", f); }

void csv_field(FILE *f, const char *s, int last) {
  if (!s) s = "";
  if (strpbrk(s, ",\"\r\n")) {
    fputc('"', f);
    for (; *s; s++) {
      if (*s == '"') fputc('"', f);
      fputc(*s, f);
    }
    fputc('"', f);
  } else fputs(s, f);
  fputs(last ? "\r\n" : ",", f);
}

void csv_pts(FILE *f, pts_t v, int last) {
  char buf[PTS_FMT_MAX];
  csv_field(f, pts_format(buf, v, '.', 1), last);
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
  fputs("unit,year,office,office_name,role,criterion,points,deduction_points,task,why,at\r\n", f);
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
    const ledger_deduction *d = &r->deds[items[i].ded];   /* the u.lose call that made it */
    char at[4200] = "";
    if (d->file >= 0 && d->file < mt->nfiles) snprintf(at, sizeof at, "%s:%d", mt->files[d->file], d->line);
    csv_field(f, at, 1);
  }
  free(items);
}
