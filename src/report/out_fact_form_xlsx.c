/*
** out_fact_form_xlsx.c -- the form of facts (`facts template`) as an XLSX
** workbook: sheet "Dữ kiện" with one row per declared fact (the importer's
** columns first, each header naming its column in parentheses, then what
** the office needs to fill it in), and one sheet per list fact with one row
** per record and one column per record field. Values are typed cells:
** numbers as numbers, booleans as booleans, dates as dates.
**
** A form of many units (`--all-units`) is wide instead: on "Dữ kiện" one
** row per unit and one column per declared fact, headed "description
** (key)", with a row of types under the header ("Kiểu (type)") and the
** unit's source and note once per row (written when every fact of the
** unit has the same one: per-fact sources are the one-unit form's); the
** catalogue on "Danh mục", lists on their sheets as in the long form.
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
enum { W_FIRST = 4 };      /* the wide form: unit, year, source, note, then a column per declared fact */

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

/* The type row's value is stored with. */
static fact_type stored_type(const fact_form_row *row) {
  for (int u = 0; row->type && u <= FT_LIST; u++) if (!strcmp(row->type, fact_type_name((fact_type)u))) return (fact_type)u;
  return row->decl->type;
}

/* The type of each declared fact's column (types[i] for m->facts[i]): the
** type its values are stored with when they all agree (an integer where the
** declaration says number stays one), else the declared type. */
static void column_types(const fact_form *form, fact_type *types) {
  const methodology *m = form->m;
  char *seen = calloc((size_t)m->nfacts + 1, 1);  /* 1: a value seen, 2: types differ */
  if (!seen) abort();
  for (int i = 0; i < m->nfacts; i++) types[i] = m->facts[i].type;
  for (int i = 0; i < form->n; i++) {
    const fact_form_row *row = &form->rows[i];
    int k = (int)(row->decl - m->facts);
    if (!row->value || seen[k] == 2) continue;
    fact_type t = stored_type(row);
    if (!seen[k]) { seen[k] = 1; types[k] = t; }
    else if (types[k] != t) { seen[k] = 2; types[k] = row->decl->type; }
  }
  free(seen);
}

/* Every unit's row on the wide sheet: the facts of a unit are consecutive
** in form->rows. */
static int wide_rows(xlsx_book *b, const fact_form *form, lxw_worksheet *ws, list_out *lists) {
  const methodology *m = form->m;
  int r = 2;                                   /* under the header and the types */
  for (int i = 0; i < form->n; r++) {
    const char *unit = form->rows[i].unit, *source = NULL, *note = NULL;
    int same_src = 1, same_note = 1, j = i;
    if (r >= 1048576) return -1;
    for (; j < form->n && !strcmp(form->rows[j].unit, unit); j++) {
      const fact_form_row *row = &form->rows[j];
      const meth_fact *d = row->decl;
      if (!row->value) continue;
      if (same_src && source && (!row->source || strcmp(source, row->source))) same_src = 0;
      if (!source) source = row->source ? row->source : "";
      if (same_note && note && (!row->note || strcmp(note, row->note))) same_note = 0;
      if (!note) note = row->note ? row->note : "";
      int c = W_FIRST + (int)(d - m->facts);
      if (d->type == FT_LIST) {
        list_out *l = &lists[d - m->facts];
        char see[64];
        snprintf(see, sizeof see, "→ trang tính %s", l->name);
        str(ws, r, c, strcmp(row->value, "[]") ? see : "[]", NULL);
        list_rows(b, form, row, l);
      } else value_cell(b, ws, r, c, stored_type(row), row->value);   /* an integer as one (#,##0) */
    }
    str(ws, r, 0, unit, NULL);
    worksheet_write_number(ws, (lxw_row_t)r, 1, form->year, NULL);
    if (same_src) str(ws, r, 2, source, b->text);
    if (same_note) str(ws, r, 3, note, b->text);
    i = j;
  }
  return 0;
}

/* The wide sheet's header: unit, year, source, note, then "description (key)" per declared fact,
** and under it the row of types. */
static lxw_worksheet *wide_sheet(xlsx_book *b, const methodology *m, const fact_type *types) {
  int n = W_FIRST + m->nfacts;
  xlsx_column *cols = calloc((size_t)n, sizeof *cols);
  char **titles = calloc((size_t)n, sizeof *titles);
  if (!cols || !titles) abort();
  cols[0] = main_cols[C_UNIT]; cols[1] = main_cols[C_YEAR]; cols[2] = main_cols[C_SOURCE]; cols[3] = main_cols[C_NOTE];
  for (int i = 0; i < m->nfacts; i++) {
    size_t len = strlen(m->facts[i].description) + strlen(m->facts[i].key) + 4;
    if (!(titles[W_FIRST + i] = malloc(len))) abort();
    snprintf(titles[W_FIRST + i], len, "%s (%s)", m->facts[i].description, m->facts[i].key);
    cols[W_FIRST + i] = (xlsx_column){titles[W_FIRST + i], m->facts[i].type == FT_TEXT ? 30 : 16};
  }
  lxw_worksheet *ws = xlsx_book_sheet(b, "Dữ kiện", cols, n);
  if (ws) {
    worksheet_set_row(ws, 0, 75, NULL);
    worksheet_write_string(ws, 1, 0, main_cols[C_TYPE].title, b->header);
    for (int i = 0; i < m->nfacts; i++) str(ws, 1, W_FIRST + i, fact_type_name(types[i]), b->header);
    worksheet_freeze_panes(ws, 2, 1);            /* the header, the types and the unit stay in view */
  }
  for (int i = 0; i < n; i++) free(titles[i]);
  free(titles); free(cols);
  return ws;
}

int out_fact_form_xlsx(const char *path, const fact_form *form, char *err, size_t errlen) {
  xlsx_book b;
  if (xlsx_book_open(&b, path, form->n > 5000)) { snprintf(err, errlen, "%s: cannot write", path); return -1; }
  const methodology *m = form->m;
  int many = form->units > 1;                   /* the wide form */
  fact_type *types = calloc((size_t)m->nfacts + 1, sizeof *types);
  if (!types) abort();
  if (many) column_types(form, types);
  lxw_worksheet *ws = many ? wide_sheet(&b, m, types) : xlsx_book_sheet(&b, "Dữ kiện", main_cols, NCOLS);
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
  lxw_worksheet *cat = !many ? NULL : xlsx_book_sheet(&b, "Danh mục", main_cols + C_KEY, 1);
  if (many && !catalogue(&b, m, cat)) rc = -1;
  if (many && ws && !rc && wide_rows(&b, form, ws, lists)) rc = -1;
  for (int i = 0; !many && ws && !rc && i < form->n; i++) {
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
    describe(&b, ws, r, C_DESC, d);
  }
  free(lists);
  free(types);
  if (xlsx_book_close(&b, err, errlen)) return -1;
  if (rc) snprintf(err, errlen, "%s: a sheet could not be added", path);
  return rc;
}
