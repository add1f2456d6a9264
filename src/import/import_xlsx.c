/*
** import_xlsx.c -- facts from an .xlsx workbook (xlsx_read.h reads it).
**
** A sheet is known by its header row, the first of its first 20 rows that
** names the columns: a header cell names its column by itself ("value"),
** by the name in its last parentheses ("Giá trị (value)", as `facts
** template` writes them) or by its Vietnamese title ("Giá trị"). Rows above
** the header (titles, merged or not) are skipped, and so are sheets with
** no header (instructions). The sheets:
**   unit, year, key, value [, type, source, note]   facts, one per row;
**   unit, year, key and other columns (no value)    a list: one record per
**                                                   row, a field per column;
**   unit, year [, source, note] and other columns   the wide form (`facts
**     (no key, no value)                            template --all-units`):
**     one row per unit, a fact per column named by its key, each cell a
**     fact of its row's unit (empty cells skipped); an optional row right
**     under the header whose unit cell reads "Kiểu (type)" gives each
**     column's type; the row's source and note go with each of its facts;
**   id, name, kind [, parent]  units;   id, name    offices.
** A list fact's row on a facts sheet gives its source and note; its records
** come from the list sheets (rows of the same unit, year and key). A row
** whose value is left empty is not filled in, and skipped. Values are
** read the way an office worker typed them: a date cell is a date; a
** number typed as text with a decimal comma ("86,75") is a number; "có" and
** "không" are true and false for a boolean; "24/06/2022" typed as text is a
** date where the type is date (and in list records). Problems name
** file:sheet!cell.
*/
#include "import_xlsx.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "import_check.h"
#include "import_csv.h"
#include "xlsx_read.h"

enum { C_UNIT, C_YEAR, C_KEY, C_VALUE, C_TYPE, C_SOURCE, C_NOTE, C_ID, C_NAME, C_KIND, C_PARENT, NKNOWN };
static const char *const known[NKNOWN] = {"unit", "year", "key", "value", "type", "source", "note",
                                          "id", "name", "kind", "parent"};
static const struct { const char *title; int col; } titles[] = {
  {"mã đơn vị", C_UNIT}, {"đơn vị", C_UNIT}, {"năm", C_YEAR}, {"mã dữ kiện", C_KEY}, {"dữ kiện", C_KEY},
  {"giá trị", C_VALUE}, {"kiểu", C_TYPE}, {"nguồn", C_SOURCE}, {"ghi chú", C_NOTE},
};

enum { S_UNKNOWN, S_FACTS, S_LIST, S_WIDE, S_UNITS, S_OFFICES, S_SKIP };
#define SHEET_DONE 2              /* on_row: the rest of this sheet is not for this pass */

typedef struct { char *key; cJSON *records; loc at; int used; } group;   /* a list's records */
typedef struct { group *v; size_t n, cap; } groups;

typedef struct {
  importer *b;
  int file, sheet, pass, kind;
  int col[NKNOWN];
  char *field[256]; int fcol[256], nfields;   /* a list sheet's record fields, a wide sheet's keys (in fa) */
  char *ftype[256];         /* a wide sheet's column types (in fa), NULL where not given */
  int data_rows;            /* rows read after the header */
  arena fa;
  groups *g;
  int cb_failed;            /* the problem is in b->err */
} sheet_ctx;

static int fail_cell(sheet_ctx *c, int col, int row, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int fail_cell(sheet_ctx *c, int col, int row, const char *fmt, ...) {
  importer *b = c->b;
  char cell[16];
  int n = snprintf(b->err, b->errlen, "%s:%s!%s: ", b->files[c->file], b->xl[b->nxl - 1].names[c->sheet],
                   xlsx_cell_name(cell, col, row));
  va_list ap;
  va_start(ap, fmt);
  if (n >= 0 && (size_t)n < b->errlen) vsnprintf(b->err + n, b->errlen - (size_t)n, fmt, ap);
  va_end(ap);
  return -1;
}

/* The column a header text names, or -1; for other columns, *name (lower
** case, a list sheet's field) and *orig (as written, a wide sheet's key). */
static int header_column(const char *text, char *name, char *orig, size_t n) {
  const char *s = text, *e = text + strlen(text);
  while (*s == ' ') s++;
  while (e > s && e[-1] == ' ') e--;
  const char *open = NULL;
  if (e > s && e[-1] == ')')
    for (const char *p = e - 1; p > s; p--) if (*p == '(') { open = p; break; }
  if (open) { s = open + 1; e--; }
  size_t len = (size_t)(e - s);
  if (len == 0 || len >= n) { name[0] = orig[0] = '\0'; return -1; }
  for (size_t i = 0; i < len; i++) name[i] = (char)tolower((unsigned char)s[i]);
  name[len] = '\0';
  memcpy(orig, s, len);
  orig[len] = '\0';
  for (int k = 0; k < NKNOWN; k++) if (!strcmp(name, known[k])) return k;
  for (size_t k = 0; k < sizeof titles / sizeof *titles; k++) if (!strcmp(name, titles[k].title)) return titles[k].col;
  return -1;
}

static int ident(const char *s) {
  if (!*s) return 0;
  for (; *s; s++) if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '-')) return 0;
  return 1;
}

/* Is this row the header? Sets c->kind and the columns. */
static void find_header(sheet_ctx *c, const xlsx_cell *cells, int n) {
  int *col = c->col;
  for (int k = 0; k < NKNOWN; k++) col[k] = -1;
  c->nfields = 0;
  char name[256], orig[256];
  arena_reset(&c->fa);
  for (int i = 0; i < n; i++) {
    if (cells[i].kind != XC_TEXT) continue;
    int k = header_column(cells[i].text, name, orig, sizeof name);
    if (k >= 0 && col[k] < 0) col[k] = cells[i].col;
    else if (k < 0 && ident(name) && c->nfields < 256) {
      c->fcol[c->nfields] = cells[i].col;
      c->ftype[c->nfields] = NULL;
      c->field[c->nfields++] = arena_strdup(&c->fa, orig);   /* a list's fields lower-cased below */
    }
  }
  if (col[C_UNIT] >= 0 && col[C_YEAR] >= 0 && col[C_KEY] >= 0)
    c->kind = col[C_VALUE] >= 0 ? S_FACTS : c->nfields ? S_LIST : S_UNKNOWN;
  else if (col[C_UNIT] >= 0 && col[C_YEAR] >= 0 && col[C_VALUE] < 0 && c->nfields) c->kind = S_WIDE;
  else if (col[C_ID] >= 0 && col[C_NAME] >= 0) c->kind = col[C_KIND] >= 0 ? S_UNITS : S_OFFICES;
  for (int i = 0; c->kind == S_LIST && i < c->nfields; i++)
    for (char *p = c->field[i]; *p; p++) *p = (char)tolower((unsigned char)*p);
  if (c->kind != S_LIST && c->kind != S_WIDE) {  /* fields are a list's or a wide sheet's only */
    for (int i = 0; i < c->nfields; i++) c->fcol[i] = -1;
  }
  importer *b = c->b;
  int vc = c->kind == S_FACTS ? col[C_VALUE] : c->kind == S_LIST ? col[C_KEY] : col[C_ID];
  if (vc >= 0) b->xl[b->nxl - 1].valcol[c->sheet] = vc;
}

static const xlsx_cell *cell_at(const xlsx_cell *cells, int n, int col) {
  for (int i = 0; col >= 0 && i < n; i++) if (cells[i].col == col) return &cells[i];
  return NULL;
}

/* A cell's value as text (NULL when empty); an error cell fails. */
static int cell_text(sheet_ctx *c, const xlsx_cell *x, int row, const char **out) {
  *out = NULL;
  if (!x) return 0;
  if (x->kind == XC_ERROR) return fail_cell(c, x->col, row, "the cell holds the error %s", x->text);
  if (x->kind == XC_BOOL) { *out = x->text[0] == '1' ? "true" : "false"; return 0; }
  const char *s = x->text;
  while (*s == ' ') s++;
  *out = *s ? x->text : NULL;
  return 0;
}

/* "24/06/2022" (or 24-06-2022, 24.06.2022) as "2022-06-24" in buf, or NULL. */
static const char *vn_date(const char *s, char *buf) {
  int d, m, y;
  char s1, s2, end;
  if (sscanf(s, "%2d%c%2d%c%4d%c", &d, &s1, &m, &s2, &y, &end) != 5 || s1 != s2 || !strchr("/-.", s1)) return NULL;
  if (y < 1000 || !date_valid(y, m, d)) return NULL;
  return date_format_iso(buf, (pdate){y, m, d});
}

/* What the office typed, as the importer's text for type `type`. */
static const char *as_typed(sheet_ctx *c, const xlsx_cell *x, const char *v, const char *type, char *buf, size_t n) {
  if (!type || !x || x->kind != XC_TEXT) return v;
  if (!strcmp(type, "boolean")) {
    if (!strcmp(v, "có") || !strcmp(v, "Có") || !strcmp(v, "TRUE") || !strcmp(v, "đúng")) return "true";
    if (!strcmp(v, "không") || !strcmp(v, "Không") || !strcmp(v, "FALSE") || !strcmp(v, "sai")) return "false";
  } else if (!strcmp(type, "date")) {
    const char *d = vn_date(v, buf);
    if (d) return d;
  } else if (!strcmp(type, "integer") || !strcmp(type, "number")) {   /* "58 000", "86,75" */
    size_t k = 0;
    for (const char *p = v; *p && k + 1 < n; p++) {
      if (*p == ' ') continue;
      if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) { p++; continue; }   /* no-break space */
      buf[k++] = *p;
    }
    buf[k] = '\0';
    return k && strspn(buf, "0123456789+-.,eE") == k ? buf : v;   /* else as typed, for the message */
  }
  (void)c;
  return v;
}

static int cmp_group(const void *a, const void *b) { return strcmp(((const group *)a)->key, ((const group *)b)->key); }

static group *find_group(groups *g, const char *key) {
  group k = {(char *)key, NULL, {0, 0}, 0};
  return g->n ? bsearch(&k, g->v, g->n, sizeof *g->v, cmp_group) : NULL;
}

static void group_key(char *buf, size_t n, const char *unit, const char *year, const char *key) {
  snprintf(buf, n, "%s\x1f%s\x1f%s", unit, year, key);
}

/* A list sheet's row: one record, added to its group (pass 1). */
static int list_row(sheet_ctx *c, int row, const xlsx_cell *cells, int n) {
  const char *unit, *year, *key;
  if (cell_text(c, cell_at(cells, n, c->col[C_UNIT]), row, &unit) || cell_text(c, cell_at(cells, n, c->col[C_YEAR]), row, &year) ||
      cell_text(c, cell_at(cells, n, c->col[C_KEY]), row, &key))
    return -1;
  cJSON *rec = cJSON_CreateObject();
  for (int i = 0; i < c->nfields; i++) {
    const xlsx_cell *x = cell_at(cells, n, c->fcol[i]);
    const char *v;
    char date[16];
    if (cell_text(c, x, row, &v)) { cJSON_Delete(rec); return -1; }
    if (!v) continue;
    cJSON *j = x->kind == XC_NUMBER || x->kind == XC_WHOLE ? cJSON_CreateRaw(v) : x->kind == XC_BOOL ? cJSON_CreateBool(v[0] == 't')
             : cJSON_CreateString(x->kind == XC_TEXT && vn_date(v, date) ? date : v);
    cJSON_AddItemToObject(rec, c->field[i], j);
  }
  if (!rec->child) { cJSON_Delete(rec); return 0; }   /* an empty row */
  if (!unit || !year || !key) { cJSON_Delete(rec); return fail_cell(c, c->col[!unit ? C_UNIT : !year ? C_YEAR : C_KEY], row, "missing"); }
  char gk[600];
  group_key(gk, sizeof gk, unit, year, key);
  group *g = NULL;
  for (size_t i = c->g->n; i-- > 0 && !g;)      /* records of one list come together: look back a little */
    if (!strcmp(c->g->v[i].key, gk)) g = &c->g->v[i];
    else if (c->g->n - i > 8) break;
  if (!g) {
    GROW(c->b, c->g->v, c->g->n, c->g->cap);
    g = &c->g->v[c->g->n++];
    *g = (group){strdup(gk), cJSON_CreateArray(), {c->file, c->sheet * XLSX_ROWS + row}, 0};
    if (!g->key) abort();
  }
  cJSON_AddItemToArray(g->records, rec);
  return 0;
}

/* A list's records as the importer's JSON text (b->tmp). */
static const char *group_text(importer *b, group *g) {
  char *s = cJSON_PrintUnformatted(g->records);
  if (!s) abort();
  char *t = arena_strdup(&b->tmp, s);
  cJSON_free(s);
  g->used = 1;
  return t;
}

static int emit(sheet_ctx *c, loc at, const char *unit, long long year, const char *key, const char *value,
                const char *type, const char *source, const char *note) {
  pfact pf;
  memset(&pf, 0, sizeof pf);
  pf.at = at;
  pf.unit = unit;
  if (imp_set_year(c->b, at, &pf, year)) return -1;
  pf.f.key = key;
  if (imp_text_value(c->b, at, &pf, value, type, ';')) return -1;
  pf.f.source = source;
  pf.f.note = note;
  return imp_emit_fact(c->b, &pf);
}

static int fact_cell(sheet_ctx *c, int row, const xlsx_cell *vx, const char *unit, const char *year, const char *key,
                     const char *value, const char *type, const char *source, const char *note);

/* A list's records (from the list sheets) where the cell of a list fact does not hold them. */
static const char *list_value(sheet_ctx *c, const char *value, const char *unit, const char *year, const char *key) {
  if (value && value[0] == '[') return value;
  char gk[600];
  group_key(gk, sizeof gk, unit ? unit : "", year ? year : "", key ? key : "");
  group *g = find_group(c->g, gk);
  return g ? group_text(c->b, g) : NULL;
}

static int facts_row(sheet_ctx *c, int row, const xlsx_cell *cells, int n) {
  const char *unit, *year, *key, *value, *type, *source, *note;
  const xlsx_cell *vx = cell_at(cells, n, c->col[C_VALUE]);
  if (cell_text(c, cell_at(cells, n, c->col[C_UNIT]), row, &unit) || cell_text(c, cell_at(cells, n, c->col[C_YEAR]), row, &year) ||
      cell_text(c, cell_at(cells, n, c->col[C_KEY]), row, &key) || cell_text(c, vx, row, &value) ||
      cell_text(c, cell_at(cells, n, c->col[C_TYPE]), row, &type) || cell_text(c, cell_at(cells, n, c->col[C_SOURCE]), row, &source) ||
      cell_text(c, cell_at(cells, n, c->col[C_NOTE]), row, &note))
    return -1;
  if (type && !strcmp(type, "list")) value = list_value(c, value, unit, year, key);   /* on a list sheet */
  return fact_cell(c, row, vx, unit, year, key, value, type, source, note);
}

/* One fact's cell vx (its text value, or a list's records) of a facts or wide
** sheet's row, checked and emitted; where the row's unit, year and key are
** (their cells, for messages) is in c->col. */
static int fact_cell(sheet_ctx *c, int row, const xlsx_cell *vx, const char *unit, const char *year, const char *key,
                     const char *value, const char *type, const char *source, const char *note) {
  loc at = {c->file, c->sheet * XLSX_ROWS + row};
  int list = type && !strcmp(type, "list");
  if (!value) return 0;                          /* not filled in */
  if (!unit) return fail_cell(c, c->col[C_UNIT], row, "unit: missing");
  if (!imp_valid_id(unit)) return fail_cell(c, c->col[C_UNIT], row, "unit: '%s' is not a valid id", unit);
  char *end;
  long long y = year ? strtoll(year, &end, 10) : 0;
  if (!year || *end) return fail_cell(c, c->col[C_YEAR], row, "year: '%s' is not an integer", year ? year : "");
  if (!key || !imp_valid_id(key)) return fail_cell(c, c->col[C_KEY] >= 0 ? c->col[C_KEY] : vx->col, row, "key: '%s' is not a valid key", key ? key : "");
  char buf[256];
  if (vx && vx->kind == XC_DATE && !type) type = "date";
  const char *v = list ? value : as_typed(c, vx, value, type, buf, sizeof buf);
  return emit(c, at, unit, y, key, v, type, source, note);
}

/* A wide sheet's row: the types under the header, or a unit's facts, one per filled cell. */
static int wide_row(sheet_ctx *c, int row, const xlsx_cell *cells, int n) {
  const char *unit, *year, *source, *note;
  if (cell_text(c, cell_at(cells, n, c->col[C_UNIT]), row, &unit) || cell_text(c, cell_at(cells, n, c->col[C_YEAR]), row, &year) ||
      cell_text(c, cell_at(cells, n, c->col[C_SOURCE]), row, &source) || cell_text(c, cell_at(cells, n, c->col[C_NOTE]), row, &note))
    return -1;
  char name[64], orig[64];
  if (c->data_rows++ == 0 && unit && header_column(unit, name, orig, sizeof name) == C_TYPE) {
    for (int i = 0, j = 0; i < c->nfields; i++) {   /* both in column order */
      while (j < n && cells[j].col < c->fcol[i]) j++;
      const char *t = NULL;
      if (j < n && cells[j].col == c->fcol[i] && cell_text(c, &cells[j], row, &t)) return -1;
      c->ftype[i] = t ? arena_strdup(&c->fa, t) : NULL;
    }
    return 0;
  }
  importer *b = c->b;
  for (int i = 0, j = 0; i < c->nfields; i++) {
    while (j < n && cells[j].col < c->fcol[i]) j++;
    if (j >= n) break;
    if (cells[j].col != c->fcol[i]) continue;
    const xlsx_cell *vx = &cells[j];
    const char *value, *type = c->ftype[i];
    if (cell_text(c, vx, row, &value)) return -1;
    if (!value) continue;                        /* not filled in */
    if (type && !strcmp(type, "list")) value = list_value(c, value, unit, year, c->field[i]);
    if (type && vx->kind == XC_WHOLE && !strcmp(type, "number")) type = "integer";   /* formatted as one */
    b->xl[b->nxl - 1].valcol[c->sheet] = vx->col;   /* a problem is at this cell */
    if (fact_cell(c, row, vx, unit, year, c->field[i], value, type, source, note)) return -1;
  }
  return 0;
}

static int other_row(sheet_ctx *c, int row, const xlsx_cell *cells, int n) {
  const char *id, *name, *kind, *parent;
  if (cell_text(c, cell_at(cells, n, c->col[C_ID]), row, &id) || cell_text(c, cell_at(cells, n, c->col[C_NAME]), row, &name) ||
      cell_text(c, cell_at(cells, n, c->col[C_KIND]), row, &kind) || cell_text(c, cell_at(cells, n, c->col[C_PARENT]), row, &parent))
    return -1;
  if (!id && !name) return 0;
  if (!id || !imp_valid_id(id)) return fail_cell(c, c->col[C_ID], row, "id: '%s' is not a valid id", id ? id : "");
  if (!name) return fail_cell(c, c->col[C_NAME], row, "name: must not be empty");
  loc at = {c->file, c->sheet * XLSX_ROWS + row};
  if (c->kind == S_OFFICES) return imp_emit_office(c->b, id, name, at);
  if (!kind) return fail_cell(c, c->col[C_KIND], row, "kind: must not be empty");
  unit_info u = {id, name, kind, parent};
  return imp_emit_unit(c->b, &u, at);
}

static int on_row(int row, const xlsx_cell *cells, int n, void *ud) {
  sheet_ctx *c = ud;
  if (row >= XLSX_ROWS) { c->cb_failed = 1; return fail_cell(c, 0, XLSX_ROWS - 1, "row %d: beyond Excel's 1,048,576 rows", row); }
  if (c->kind == S_UNKNOWN) {
    if (row > 20) { c->kind = S_SKIP; return SHEET_DONE; }
    find_header(c, cells, n);
    if (c->kind == S_UNKNOWN) return 0;
    return (c->pass == 0) != (c->kind == S_LIST) ? SHEET_DONE : 0;   /* lists first, then the rest */
  }
  int rc = 0;
  if (c->pass == 0 && c->kind == S_LIST) rc = list_row(c, row, cells, n);
  else if (c->pass == 1 && c->kind == S_FACTS) rc = facts_row(c, row, cells, n);
  else if (c->pass == 1 && c->kind == S_WIDE) rc = wide_row(c, row, cells, n);
  else if (c->pass == 1 && (c->kind == S_UNITS || c->kind == S_OFFICES)) rc = other_row(c, row, cells, n);
  arena_reset(&c->b->tmp);
  if (rc < 0) c->cb_failed = 1;
  return rc;
}

/* The file's sheet names, for messages (imp_where), made once per file. */
static void register_sheets(importer *b, int file, const xlsx *x) {
  for (size_t i = 0; i < b->nxl; i++)
    if (b->xl[i].file == file) {                 /* read again (a later pass): last in the list */
      imp_xl_file t = b->xl[i];
      b->xl[i] = b->xl[b->nxl - 1];
      b->xl[b->nxl - 1] = t;
      return;
    }
  GROW(b, b->xl, b->nxl, b->capxl);
  int n = xlsx_nsheets(x);
  b->xl[b->nxl].file = file;
  b->xl[b->nxl].n = n;
  b->xl[b->nxl].names = arena_alloc(&b->xla, (size_t)(n ? n : 1) * sizeof(char *));
  b->xl[b->nxl].valcol = arena_alloc(&b->xla, (size_t)(n ? n : 1) * sizeof(int));
  for (int i = 0; i < n; i++) b->xl[b->nxl].names[i] = arena_strdup(&b->xla, xlsx_sheet_name(x, i));
  b->nxl++;
}

int imp_xlsx_file(importer *b, int file) {
  xlsx *x = xlsx_open(b->files[file], b->err, b->errlen);
  if (!x) return -1;
  if (xlsx_nsheets(x) > 1000) {                  /* places are sheet * XLSX_ROWS + row, in an int */
    snprintf(b->err, b->errlen, "%s: %d sheets: at most 1000 are read", b->files[file], xlsx_nsheets(x));
    xlsx_close(x);
    return -1;
  }
  register_sheets(b, file, x);
  groups g = {0};
  int rc = 0, facts = 0;
  for (int pass = 0; pass < 2 && !rc; pass++) {
    for (int s = 0; s < xlsx_nsheets(x) && !rc; s++) {
      sheet_ctx c = {.b = b, .file = file, .sheet = s, .pass = pass, .g = &g};
      char err[1024];
      rc = xlsx_each_row(x, s, on_row, &c, err, sizeof err);
      if (rc == SHEET_DONE) rc = 0;
      if (rc < 0 && !c.cb_failed) snprintf(b->err, b->errlen, "%s", err);
      facts += c.kind == S_FACTS || c.kind == S_LIST || c.kind == S_WIDE || c.kind == S_UNITS || c.kind == S_OFFICES;
      arena_free(&c.fa);
    }
    if (pass == 0 && g.n) qsort(g.v, g.n, sizeof *g.v, cmp_group);
  }
  for (size_t i = 0; !rc && i < g.n; i++) {       /* lists without a row on a facts sheet */
    if (g.v[i].used) continue;
    char *unit = g.v[i].key, *year = strchr(unit, '\x1f'), *key = year ? strchr(year + 1, '\x1f') : NULL;
    if (!key) continue;
    *year++ = '\0';
    *key++ = '\0';
    sheet_ctx c = {.b = b, .file = file, .sheet = g.v[i].at.line / XLSX_ROWS};
    rc = emit(&c, g.v[i].at, unit, strtoll(year, NULL, 10), key, group_text(b, &g.v[i]), "list", NULL, NULL);
    arena_reset(&b->tmp);
  }
  if (!rc && !facts) {
    snprintf(b->err, b->errlen, "%s: no sheet with a header this importer knows (unit, year, key, value; or id, name)",
             b->files[file]);
    rc = -1;
  }
  for (size_t i = 0; i < g.n; i++) { free(g.v[i].key); cJSON_Delete(g.v[i].records); }
  free(g.v);
  xlsx_close(x);
  return rc;
}
