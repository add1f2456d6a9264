/*
** out_fact_form_xlsx.c -- the form of facts (`facts template`) as an XLSX
** workbook: sheet "Dữ kiện" with one row per declared fact (the importer's
** columns first, each header naming its column in parentheses, then what
** the office needs to fill it in), and one sheet per list fact with one row
** per record and one column per record field. Values are typed cells:
** numbers as numbers, booleans as booleans, dates as dates.
*/
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xlsx_out.h"

static const xlsx_column main_cols[] = {
  {"Mã đơn vị (unit)", 12}, {"Năm (year)", 7}, {"Mã dữ kiện (key)", 34}, {"Giá trị (value)", 16},
  {"Kiểu (type)", 9}, {"Nguồn, tài liệu (source)", 40}, {"Ghi chú (note)", 30}, {"Mô tả (description)", 50},
  {"Đơn vị tính (measure)", 12}, {"Tối thiểu (min)", 9}, {"Tối đa (max)", 9}, {"Bắt buộc (required)", 9},
  {"Phòng cung cấp (office)", 18}, {"Tài liệu kiểm chứng (evidence)", 50},
};
enum { C_UNIT, C_YEAR, C_KEY, C_VALUE, C_TYPE, C_SOURCE, C_NOTE, C_DESC, C_MEASURE, C_MIN, C_MAX, C_REQ, C_OFFICE, C_EVID, NCOLS };

static void str(lxw_worksheet *ws, int r, int c, const char *s, lxw_format *f) {
  if (s && *s) worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, s, f);
}

/* A stored value (fact_form_row.value) of type t as a typed cell. */
static void value_cell(xlsx_book *b, lxw_worksheet *ws, int r, int c, fact_type t, const char *v) {
  if (!v) return;
  if (t == FT_INTEGER) worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, strtod(v, NULL), b->integer);
  else if (t == FT_NUMBER) worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, strtod(v, NULL), b->number);
  else if (t == FT_BOOLEAN) worksheet_write_boolean(ws, (lxw_row_t)r, (lxw_col_t)c, !strcmp(v, "true"), NULL);
  else if (t != FT_DATE || xlsx_book_date(b, ws, r, c, v)) str(ws, r, c, v, NULL);
}

/* A record field's JSON value as a typed cell. */
static void json_cell(xlsx_book *b, lxw_worksheet *ws, int r, int c, fact_type t, const cJSON *v) {
  if (cJSON_IsBool(v)) worksheet_write_boolean(ws, (lxw_row_t)r, (lxw_col_t)c, cJSON_IsTrue(v), NULL);
  else if (cJSON_IsNumber(v))
    worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v->valuedouble, t == FT_INTEGER ? b->integer : b->number);
  else if (cJSON_IsString(v) && (t != FT_DATE || xlsx_book_date(b, ws, r, c, v->valuestring)))
    str(ws, r, c, v->valuestring, b->text);
}

typedef struct { lxw_worksheet *ws; int next; char name[32]; } list_out;   /* a list's sheet */

/* The sheet of list fact d, named name: a column per record field. */
static lxw_worksheet *list_sheet(xlsx_book *b, const meth_fact *d, const char *name) {
  int n = 3 + d->nfields;
  xlsx_column *cols = calloc((size_t)n, sizeof *cols);
  char **titles = calloc((size_t)n, sizeof *titles);
  if (!cols || !titles) abort();
  cols[0] = main_cols[C_UNIT]; cols[1] = main_cols[C_YEAR]; cols[2] = main_cols[C_KEY];
  for (int i = 0; i < d->nfields; i++) {
    size_t len = strlen(d->fields[i].description) + strlen(d->fields[i].name) + 4;
    if (!(titles[3 + i] = malloc(len))) abort();
    snprintf(titles[3 + i], len, "%s (%s)", d->fields[i].description, d->fields[i].name);
    cols[3 + i] = (xlsx_column){titles[3 + i], d->fields[i].type == FT_TEXT ? 40 : 13};
  }
  lxw_worksheet *ws = xlsx_book_sheet(b, name, cols, n);
  for (int i = 0; i < n; i++) free(titles[i]);
  free(titles); free(cols);
  return ws;
}

/* A unit's records of list row: one row each on its sheet. */
static void list_rows(xlsx_book *b, const fact_form *form, const fact_form_row *row, list_out *l) {
  const meth_fact *d = row->decl;
  cJSON *arr = row->value ? cJSON_Parse(row->value) : NULL;
  for (const cJSON *rec = cJSON_IsArray(arr) ? arr->child : NULL; rec; rec = rec->next) {
    int r = l->next++;
    str(l->ws, r, 0, row->unit, NULL);
    worksheet_write_number(l->ws, (lxw_row_t)r, 1, form->year, NULL);
    str(l->ws, r, 2, d->key, NULL);
    for (int i = 0; i < d->nfields; i++)
      json_cell(b, l->ws, r, 3 + i, d->fields[i].type, cJSON_GetObjectItemCaseSensitive(rec, d->fields[i].name));
  }
  cJSON_Delete(arr);
}

/* What the catalogue says of d, in columns from c on (description .. evidence). */
static void describe(xlsx_book *b, lxw_worksheet *ws, int r, int c, const meth_fact *d) {
  str(ws, r, c, d->description, b->text);
  str(ws, r, c + 1, d->measure, NULL);
  if (d->has_min) worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)(c + 2), d->min, b->number);
  if (d->has_max) worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)(c + 3), d->max, b->number);
  str(ws, r, c + 4, d->optional ? "không" : "có", NULL);
  str(ws, r, c + 5, d->office, NULL);
  str(ws, r, c + 6, d->evidence, b->text);
}

/* The sheet "Danh mục" of a form with many units: one row per declared fact. */
static int catalogue(xlsx_book *b, const methodology *m, lxw_worksheet *ws) {
  if (!ws) return 0;
  for (int c = C_DESC; c < NCOLS; c++) {
    worksheet_set_column(ws, (lxw_col_t)(c - C_DESC + 1), (lxw_col_t)(c - C_DESC + 1), main_cols[c].width, NULL);
    worksheet_write_string(ws, 0, (lxw_col_t)(c - C_DESC + 1), main_cols[c].title, b->header);
  }
  for (int i = 0; i < m->nfacts; i++) {
    str(ws, i + 1, 0, m->facts[i].key, NULL);
    describe(b, ws, i + 1, 1, &m->facts[i]);
  }
  return 1;
}

int out_fact_form_xlsx(const char *path, const fact_form *form, char *err, size_t errlen) {
  xlsx_book b;
  if (xlsx_book_open(&b, path, form->n > 5000)) { snprintf(err, errlen, "%s: cannot write", path); return -1; }
  const methodology *m = form->m;
  lxw_worksheet *ws = xlsx_book_sheet(&b, "Dữ kiện", main_cols, form->units <= 1 ? NCOLS : C_DESC);
  int rc = ws ? 0 : -1;
  list_out *lists = calloc((size_t)m->nfacts, sizeof *lists);
  if (!lists) abort();
  for (int i = 0; ws && i < m->nfacts; i++) {     /* the lists' sheets, after the main one */
    if (m->facts[i].type != FT_LIST) continue;
    list_out *l = &lists[i];
    snprintf(l->name, sizeof l->name, "%.28s", m->facts[i].key);
    for (int k = 0, dup = 1; k < i; k++)           /* keys cut to 28 characters may meet */
      if (lists[k].ws && !strcmp(lists[k].name, l->name)) { snprintf(l->name, sizeof l->name, "%.26s_%d", m->facts[i].key, ++dup % 100); k = -1; }
    if (!(l->ws = list_sheet(&b, &m->facts[i], l->name))) rc = -1;
    l->next = 1;
  }
  int wide = form->units <= 1;                  /* one unit: the catalogue beside each row */
  lxw_worksheet *cat = wide ? NULL : xlsx_book_sheet(&b, "Danh mục", main_cols + C_KEY, 1);
  if (!wide && !catalogue(&b, m, cat)) rc = -1;
  for (int i = 0; ws && !rc && i < form->n; i++) {
    const fact_form_row *row = &form->rows[i];
    const meth_fact *d = row->decl;
    int r = i + 1;
    str(ws, r, C_UNIT, row->unit, NULL);
    worksheet_write_number(ws, (lxw_row_t)r, C_YEAR, form->year, NULL);
    str(ws, r, C_KEY, d->key, NULL);
    str(ws, r, C_TYPE, row->type ? row->type : fact_type_name(d->type), NULL);
    if (d->type == FT_LIST) {                    /* its records are on a sheet of their own */
      list_out *l = &lists[d - m->facts];
      char see[64];
      snprintf(see, sizeof see, "→ trang tính %s", l->name);
      int empty = row->value && !strcmp(row->value, "[]");   /* stored, with no record: kept as [] */
      str(ws, r, C_VALUE, empty ? "[]" : see, NULL);
      list_rows(&b, form, row, l);
    } else value_cell(&b, ws, r, C_VALUE, d->type, row->value);
    str(ws, r, C_SOURCE, row->source, b.text);
    str(ws, r, C_NOTE, row->note, b.text);
    if (wide) describe(&b, ws, r, C_DESC, d);
  }
  free(lists);
  if (xlsx_book_close(&b, err, errlen)) return -1;
  if (rc) snprintf(err, errlen, "%s: a sheet could not be added", path);
  return rc;
}
