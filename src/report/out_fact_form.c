/*
** out_fact_form.c -- the form of facts (`facts template`) as CSV: one row per
** declared fact, in columns the importer reads back (unit, year, key, value,
** type, source, note) followed by what the office needs to fill it in.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "double_text.h"
#include "report.h"

/* A number's text with the CSV's decimal separator. */
static void num_text(FILE *f, const char *s) {
  char buf[64];
  snprintf(buf, sizeof buf, "%s", s);
  char *dot = strchr(buf, '.');
  if (dot && csv_decimal() != '.') *dot = csv_decimal();
  csv_field(f, buf, 0);
}

static void num_field(FILE *f, int has, double x) {
  char buf[NUMTEXT_G15_MAX];
  if (has) num_text(f, numtext_g15(buf, x));
  else csv_field(f, "", 0);
}

/* A list's fields as one text: "ten (text): Tên báo cáo; han (date, optional): ...". */
static void fields_field(FILE *f, const meth_fact *d) {
  if (d->type != FT_LIST) { csv_field(f, "", 1); return; }
  size_t cap = 64;
  for (int i = 0; i < d->nfields; i++) cap += strlen(d->fields[i].name) + strlen(d->fields[i].description) + 40;
  char *s = malloc(cap), *p = s;
  if (!s) abort();
  *p = '\0';
  for (int i = 0; i < d->nfields; i++)
    p += snprintf(p, cap - (size_t)(p - s), "%s%s (%s%s): %s", i ? "; " : "", d->fields[i].name,
                  fact_type_name(d->fields[i].type), d->fields[i].optional ? ", optional" : "", d->fields[i].description);
  csv_field(f, s, 1);
  free(s);
}

void out_fact_form_csv(FILE *f, const fact_form *form) {
  char year[16];
  snprintf(year, sizeof year, "%d", form->year);
  csv_bom(f);
  static const char *const machine[] = {"unit", "year", "key", "value", "type", "source", "note", "description",
    "measure", "min", "max", "required", "office", "evidence", "fields", NULL};
  static const char *const vi[] = {"Mã đơn vị (unit)", "Năm (year)", "Mã dữ kiện (key)", "Giá trị (value)",
    "Kiểu (type)", "Nguồn, tài liệu (source)", "Ghi chú (note)", "Mô tả (description)", "Đơn vị tính (measure)",
    "Tối thiểu (min)", "Tối đa (max)", "Bắt buộc (required)", "Phòng cung cấp (office)",
    "Tài liệu kiểm chứng (evidence)", "Các trường của bản ghi (fields)", NULL};
  static const char *const en[] = {"Unit (unit)", "Year (year)", "Fact (key)", "Value (value)", "Type (type)",
    "Source document (source)", "Note (note)", "Description (description)", "Unit of measure (measure)",
    "Minimum (min)", "Maximum (max)", "Required (required)", "Supplied by (office)", "Evidence (evidence)",
    "Record fields (fields)", NULL};
  csv_header(f, machine, vi, en);     /* with --excel the titles name their columns in parentheses */
  for (int i = 0; i < form->n; i++) {
    const fact_form_row *r = &form->rows[i];
    const meth_fact *d = r->decl;
    csv_field(f, r->unit, 0);
    csv_field(f, year, 0);
    csv_field(f, d->key, 0);
    const char *t = r->type ? r->type : fact_type_name(d->type);
    if (r->value && (!strcmp(t, "number") || !strcmp(t, "integer"))) num_text(f, r->value);
    else csv_field(f, r->value, 0);
    csv_field(f, t, 0);
    csv_field(f, r->source, 0);
    csv_field(f, r->note, 0);
    csv_field(f, d->description, 0);
    csv_field(f, d->measure, 0);
    num_field(f, d->has_min, d->min);
    num_field(f, d->has_max, d->max);
    csv_bool(f, !d->optional, 0);
    csv_field(f, d->office, 0);
    csv_field(f, d->evidence, 0);
    fields_field(f, d);
  }
}
