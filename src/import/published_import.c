/*
** published_import.c -- a decision's published results into the store (see
** published_import.h): each file read into one decision (pub), checked as
** a whole, then stored unless the store holds the same decision already.
*/
#include "published_import.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "csv_reader.h"
#include "date.h"
#include "import_check.h"
#include "json_strict.h"
#include "path.h"
#include "points.h"
#include "sha256.h"
#include "store_levels.h"
#include "store_published.h"
#include "xlsx_read.h"

#define MAX_ROWS 100000              /* units one decision ranks: a country's communes fit */

typedef struct { store_published_row r; char where[64]; } pub_row;

typedef struct {
  store *s;
  const char *file;
  char *err; size_t errlen;
  arena a;                           /* the decision's strings */
  store_decision d;
  pub_row *rows; int n, cap;
  const json_strict *j;              /* a JSON file: its numbers as written */
} pub;

static int pfail(pub *p, const char *where, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int pfail(pub *p, const char *where, const char *fmt, ...) {
  int k = snprintf(p->err, p->errlen, "%s%s%s: ", p->file, where && *where ? ":" : "", where ? where : "");
  va_list ap;
  va_start(ap, fmt);
  if (k >= 0 && (size_t)k < p->errlen) vsnprintf(p->err + k, p->errlen - (size_t)k, fmt, ap);
  va_end(ap);
  return -1;
}

static pub_row *add_row(pub *p, const char *where) {
  if (p->n == MAX_ROWS) { pfail(p, where, "more than %d results in one decision", MAX_ROWS); return NULL; }
  if (p->n == p->cap) {
    p->cap = p->cap ? 2 * p->cap : 16;
    p->rows = realloc(p->rows, (size_t)p->cap * sizeof *p->rows);
    if (!p->rows) abort();
  }
  pub_row *r = &p->rows[p->n++];
  memset(r, 0, sizeof *r);
  r->r.total = -1;
  snprintf(r->where, sizeof r->where, "%s", where);
  return r;
}

/* ---- the fields of a row, from text (CSV cells, text cells of a sheet) ---- */

static int set_unit(pub *p, pub_row *r, const char *v) {
  if (!imp_valid_id(v)) return pfail(p, r->where, "unit: '%s' is not a valid id (letters, digits, _ - .)", v);
  r->r.unit = arena_strdup(&p->a, v);
  return 0;
}

static int set_name(pub *p, pub_row *r, const char *v) {
  r->r.name = *v ? arena_strdup(&p->a, v) : NULL;
  return 0;
}

static int set_total_text(pub *p, pub_row *r, const char *v) {
  if (!*v) return 0;                                /* not given */
  if (imp_points_text(v, strlen(v), !strchr(v, '.'), &r->r.total))
    return pfail(p, r->where, "total: '%s' is not points from 0 with at most two decimals", v);
  return 0;
}

static int set_rank_text(pub *p, pub_row *r, const char *v) {
  char *end;
  errno = 0;
  long k = strtol(v, &end, 10);
  if (!*v || *end || errno || k < 1 || k > MAX_ROWS || v[0] == '+' || v[0] == ' ')
    return pfail(p, r->where, "rank: '%s' is not a whole number from 1", v);
  r->r.rank = (int)k;
  return 0;
}

/* ---- .json ---- */

static const char *jwhere(const cJSON *o, char *buf, size_t n) {
  snprintf(buf, n, "%d", o && cJSON_IsObject(o) ? o->valueint : 1);
  return buf;
}

/* *out := the string member (NULL when ""), or -1. */
static int jstr(pub *p, const cJSON *o, const cJSON *m, const char *what, const char **out) {
  char w[16];
  if (!cJSON_IsString(m)) return pfail(p, jwhere(o, w, sizeof w), "%s: must be a string", what);
  *out = *m->valuestring ? arena_strdup(&p->a, m->valuestring) : NULL;
  return 0;
}

/* A whole number from lo to hi, from its text. */
static int jint(pub *p, const cJSON *o, const cJSON *m, const char *what, long long lo, long long hi, long long *out) {
  char w[16];
  json_num v = {0};
  if (cJSON_IsNumber(m)) {
    json_span t = imp_number_text(p->j, m);
    json_number(t.p, t.n, &v);
  }
  if (!cJSON_IsNumber(m) || !v.integer || !v.fits || v.i < lo || v.i > hi)
    return pfail(p, jwhere(o, w, sizeof w), "%s: must be a whole number from %lld to %lld", what, lo, hi);
  *out = v.i;
  return 0;
}

static int json_result(pub *p, const cJSON *e, int i) {
  char w[16], what[32];
  if (!cJSON_IsObject(e)) return pfail(p, jwhere(NULL, w, sizeof w), "results[%d]: must be an object", i);
  pub_row *r = add_row(p, jwhere(e, w, sizeof w));
  if (!r) return -1;
  const cJSON *m;
  cJSON_ArrayForEach(m, e) {
    const char *k = m->string;
    snprintf(what, sizeof what, "results[%d].%s", i, k);
    long long rank;
    if (!strcmp(k, "unit") || !strcmp(k, "name")) {
      if (!cJSON_IsString(m) || !*m->valuestring) return pfail(p, r->where, "%s: must be a non-empty string", what);
      if (!strcmp(k, "unit") ? set_unit(p, r, m->valuestring) : set_name(p, r, m->valuestring)) return -1;
    } else if (!strcmp(k, "total")) {
      json_span t = cJSON_IsNumber(m) ? imp_number_text(p->j, m) : (json_span){NULL, 0};
      if (!t.p || imp_points_text(t.p, t.n, 0, &r->r.total))
        return pfail(p, r->where, "%s: must be points from 0 with at most two decimals", what);
    } else if (!strcmp(k, "rank")) {
      if (jint(p, e, m, what, 1, MAX_ROWS, &rank)) return -1;
      r->r.rank = (int)rank;
    } else return pfail(p, r->where, "%s: not a field of a published result (unit, name, total, rank)", what);
  }
  if (!r->r.unit || !r->r.rank) return pfail(p, r->where, "results[%d]: needs \"unit\" and \"rank\"", i);
  return 0;
}

static int json_decision(pub *p, const cJSON *o, const cJSON *m) {
  char w[16];
  if (!cJSON_IsObject(m)) return pfail(p, jwhere(o, w, sizeof w), "decision: must be an object");
  const cJSON *f;
  cJSON_ArrayForEach(f, m) {
    const char *k = f->string, **out = !strcmp(k, "number") ? &p->d.number : !strcmp(k, "date") ? &p->d.date
                                     : !strcmp(k, "body") ? &p->d.body : !strcmp(k, "subject") ? &p->d.subject : NULL;
    char what[64];
    snprintf(what, sizeof what, "decision.%s", k);
    if (!out) return pfail(p, jwhere(m, w, sizeof w), "%s: not a field of a decision (number, date, body, subject)", what);
    if (jstr(p, m, f, what, out)) return -1;
  }
  return 0;
}

static int read_json(pub *p, const char *buf, size_t len) {
  json_strict j = {0};
  cJSON *root = NULL;
  int rc = -1;
  char w[16];
  p->j = &j;
  if (!(root = imp_json_parse(&j, buf, len, p->file, p->err, p->errlen))) goto done;
  if (!cJSON_IsObject(root)) { pfail(p, "1", "expected one object {\"year\", \"decision\", \"units\", \"results\"}"); goto done; }
  const cJSON *m, *results = NULL;
  int has_year = 0;
  cJSON_ArrayForEach(m, root) {
    const char *k = m->string;
    long long v;
    int bad = 0;
    if (!strcmp(k, "year")) { bad = jint(p, root, m, "year", 1900, 2200, &v); p->d.year = (int)v; has_year = 1; }
    else if (!strcmp(k, "kind")) bad = jstr(p, root, m, "kind", &p->d.kind);
    else if (!strcmp(k, "parent")) bad = jstr(p, root, m, "parent", &p->d.parent);
    else if (!strcmp(k, "units")) { bad = jint(p, root, m, "units", 1, MAX_ROWS, &v); p->d.units = (int)v; }
    else if (!strcmp(k, "decision")) bad = json_decision(p, root, m);
    else if (!strcmp(k, "results")) results = m;
    else if (!strcmp(k, "about")) bad = !cJSON_IsString(m) && pfail(p, jwhere(root, w, sizeof w), "about: must be a string");
    else bad = pfail(p, jwhere(root, w, sizeof w), "%s: not a field of published results (year, kind, parent, decision, "
                     "units, results, about)", k);
    if (bad) goto done;
  }
  if (!has_year) { pfail(p, jwhere(root, w, sizeof w), "year: required"); goto done; }
  if (!cJSON_IsArray(results)) { pfail(p, jwhere(root, w, sizeof w), "results: required, a list of results"); goto done; }
  int i = 0;
  cJSON_ArrayForEach(m, results)
    if (json_result(p, m, i++)) goto done;
  rc = 0;
done:
  cJSON_Delete(root);
  json_strict_free(&j);
  p->j = NULL;
  return rc;
}

/* ---- .csv and .xlsx: a table ---- */

enum { T_UNIT, T_NAME, T_TOTAL, T_RANK, T_N };
static const char *const tcols[T_N] = {"unit", "name", "total", "rank"};

/* The columns of a header row: 1 when it names unit and rank, 0 when it is
** not a header, -1 for a header with a column parindex does not know. */
static int header(pub *p, const char *where, char *const *cells, int n, int col[T_N]) {
  for (int c = 0; c < T_N; c++) col[c] = imp_column(cells, n, tcols[c]);
  if (col[T_UNIT] < 0 || col[T_RANK] < 0) return 0;
  for (int i = 0; i < n; i++) {
    int known = !*cells[i];
    for (int c = 0; c < T_N && !known; c++) known = col[c] == i;
    if (!known) return pfail(p, where, "header: column '%s' is not one of unit, name, total, rank", cells[i]);
  }
  return 1;
}

static int table_row(pub *p, const char *where, char *const *cells, int n, const int col[T_N]) {
  int blank = 1;
  for (int i = 0; i < n && blank; i++) blank = !*cells[i];
  if (blank) return 0;
  pub_row *r = add_row(p, where);
  if (!r) return -1;
  const char *get[T_N];
  for (int c = 0; c < T_N; c++) get[c] = col[c] >= 0 && col[c] < n ? cells[col[c]] : "";
  if (set_unit(p, r, get[T_UNIT]) || set_name(p, r, get[T_NAME]) || set_total_text(p, r, get[T_TOTAL]) ||
      set_rank_text(p, r, get[T_RANK]))
    return -1;
  return 0;
}

static int read_csv(pub *p, const char *buf, size_t len) {
  csv_reader r;
  char **row, where[32];
  int n, col[T_N], rc = -1, bad;
  size_t at = imp_utf8_scan((const unsigned char *)buf, len, 1, &bad);
  if (bad) {
    int line = 1, c = 1;
    imp_advance((const unsigned char *)buf, at, &line, &c);
    snprintf(p->err, p->errlen, "%s:%d:%d: %s", p->file, line, c, buf[at] ? "invalid UTF-8" : "NUL byte in text");
    return -1;
  }
  csv_init(&r, buf, len);
  n = csv_next(&r, &row);
  if (n <= 0) { pfail(p, "1", "%s", n < 0 ? r.err : "empty CSV file (expected the header unit,name,total,rank)"); goto done; }
  snprintf(where, sizeof where, "%d", r.line);
  int h = header(p, where, row, n, col);
  if (h <= 0) { if (!h) pfail(p, where, "header: expected the columns unit and rank (and name, total)"); goto done; }
  int nh = n;
  while ((n = csv_next(&r, &row)) > 0) {
    snprintf(where, sizeof where, "%d", r.line);
    if (n != nh) { pfail(p, where, "row has %d fields, header has %d", n, nh); goto done; }
    if (table_row(p, where, row, n, col)) goto done;
  }
  if (n < 0) { snprintf(where, sizeof where, "%d", r.line); pfail(p, where, "%s", r.err); goto done; }
  rc = 0;
done:
  csv_free(&r);
  return rc;
}

typedef struct { pub *p; const char *sheet; int col[T_N], found; } xl_ctx;

static int xl_row(int row, const xlsx_cell *cells, int n, void *ud) {
  xl_ctx *x = ud;
  pub *p = x->p;
  char where[300], cell[PTS_FMT_MAX];
  int width = n ? cells[n - 1].col + 1 : 0;
  if (width > 256) width = 256;
  char *text[256];
  for (int i = 0; i < width; i++) text[i] = "";
  for (int i = 0; i < n && cells[i].col < width; i++) text[cells[i].col] = (char *)cells[i].text;
  snprintf(where, sizeof where, "%s!%s", x->sheet, xlsx_cell_name(cell, 0, row));
  if (!x->found) {
    if (row > 20) return 1;                         /* no header in the first 20 rows: not this sheet */
    int h = header(p, where, text, width, x->col);
    if (h < 0) return -1;
    x->found = h;
    return 0;
  }
  /* a number cell's total: the double Excel stored, which holds two decimals to 1e-6 */
  for (int i = 0; i < n; i++) {
    if (cells[i].col != x->col[T_TOTAL] || (cells[i].kind != XC_NUMBER && cells[i].kind != XC_WHOLE)) continue;
    double v = strtod(cells[i].text, NULL) * 100;
    if (v >= 0 && v < 1e10 && fabs(v - nearbyint(v)) < 1e-6)
      text[cells[i].col] = arena_strdup(&p->a, pts_format(cell, (pts_t)nearbyint(v), '.', 1));
  }
  snprintf(where, sizeof where, "%s!%s", x->sheet, xlsx_cell_name(cell, x->col[T_UNIT], row));
  return table_row(p, where, text, width, x->col) ? -1 : 0;
}

static int read_xlsx(pub *p) {
  char err[1024];
  xlsx *x = xlsx_open(p->file, err, sizeof err);
  if (!x) { snprintf(p->err, p->errlen, "%s", err); return -1; }
  int rc = 0, found = 0;
  for (int i = 0; i < xlsx_nsheets(x) && !found && !rc; i++) {
    xl_ctx c = {p, xlsx_sheet_name(x, i), {0}, 0};
    int r = xlsx_each_row(x, i, xl_row, &c, err, sizeof err);
    if (r < 0 && !*p->err) { snprintf(p->err, p->errlen, "%s", err); rc = -1; }
    else if (r < 0 || (r > 0 && c.found)) rc = -1;
    found = c.found;
  }
  xlsx_close(x);
  if (!rc && !found) rc = pfail(p, NULL, "no sheet has a header row with the columns unit and rank (and name, total)");
  return rc;
}

/* ---- the decision as a whole ---- */

static int by_rank(const void *a, const void *b) {
  const pub_row *x = a, *y = b;
  return x->r.rank != y->r.rank ? (x->r.rank > y->r.rank) - (x->r.rank < y->r.rank) : strcmp(x->r.unit, y->r.unit);
}

static int by_unit(const void *a, const void *b) {
  return strcmp((*(const pub_row *const *)a)->r.unit, (*(const pub_row *const *)b)->r.unit);
}

static int check(pub *p) {
  store_decision *d = &p->d;
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX];
  if (d->year < 1900 || d->year > 2200) return pfail(p, NULL, "year: required, from 1900 to 2200");
  if (!p->n) return pfail(p, NULL, "results: a decision publishes at least one result");
  pdate dd;
  if (d->date && !date_parse_iso(d->date, &dd)) return pfail(p, NULL, "decision.date: '%s' is not a date YYYY-MM-DD", d->date);
  if (d->date && dd.y < d->year)
    return pfail(p, NULL, "decision.date: %s is before the year %d it publishes", d->date, d->year);
  if (d->kind) {
    int k = store_kind_known(p->s, d->kind);
    if (k < 0) return pfail(p, NULL, "%s", store_errmsg(p->s));
    if (!k) return pfail(p, NULL, "kind: the store has no unit of kind '%s' (import the units first)", d->kind);
  }
  if (d->parent) {
    int k = store_has_unit(p->s, d->parent);
    if (k < 0) return pfail(p, NULL, "%s", store_errmsg(p->s));
    if (!k) return pfail(p, NULL, "parent: the store has no unit '%s' (import the units first)", d->parent);
  }
  if (d->units && p->n > d->units)
    return pfail(p, NULL, "results: %d results, but the decision ranks %d unit%s", p->n, d->units, d->units == 1 ? "" : "s");
  qsort(p->rows, (size_t)p->n, sizeof *p->rows, by_rank);
  for (int i = 0; i < p->n; i++) {
    const pub_row *r = &p->rows[i];
    char kind[256], parent[256];
    if (d->units && r->r.rank > d->units)
      return pfail(p, r->where, "rank: %d is beyond the %d units the decision ranks", r->r.rank, d->units);
    int known = store_unit_level(p->s, r->r.unit, kind, sizeof kind, parent, sizeof parent);
    if (known < 0) return pfail(p, NULL, "%s", store_errmsg(p->s));
    if (!known && !r->r.name)
      return pfail(p, r->where, "name: unit '%s' is not in the store, so the decision's name of it is needed", r->r.unit);
    if (known && d->kind && strcmp(kind, d->kind))
      return pfail(p, r->where, "unit: '%s' is a %s, the decision publishes %s results", r->r.unit, kind, d->kind);
    if (known && d->parent && strcmp(parent, d->parent))
      return pfail(p, r->where, "unit: '%s' is under %s, the decision ranks the units under %s", r->r.unit,
                   *parent ? parent : "no unit", d->parent);
    if (i && r->r.total >= 0) {                     /* rows by rank: the nearest total ranked as high or higher */
      const pub_row *q = &p->rows[i - 1];
      for (int k = i - 2; k >= 0 && q->r.total < 0; k--) q = &p->rows[k];
      if (q->r.total >= 0 && (q->r.total < r->r.total || (q->r.rank == r->r.rank && q->r.total != r->r.total)))
        return pfail(p, r->where, "rank: %s ranks %d with %s points, %s ranks %d with %s: %s", r->r.unit, r->r.rank,
                     pts_format(a, r->r.total, '.', 1), q->r.unit, q->r.rank, pts_format(b, q->r.total, '.', 1),
                     q->r.rank == r->r.rank ? "the same rank needs the same total" : "a higher total cannot rank lower");
    }
  }
  const pub_row **by = malloc((size_t)p->n * sizeof *by);
  if (!by) abort();
  for (int i = 0; i < p->n; i++) by[i] = &p->rows[i];
  qsort(by, (size_t)p->n, sizeof *by, by_unit);
  int dup = -1;
  for (int i = 1; i < p->n && dup < 0; i++)
    if (!strcmp(by[i - 1]->r.unit, by[i]->r.unit)) dup = i;
  if (dup >= 0) {
    const pub_row *x = by[dup - 1], *y = by[dup];
    pfail(p, y->where, "unit: '%s' is listed twice (also at %s)", y->r.unit, x->where);
  }
  free(by);
  return dup >= 0 ? -1 : 0;
}

/* The sha256 of the decision's canonical text: every field length-prefixed
** (NULL as "~"), the rows in rank then unit order. */
static void digest(const pub *p, char out[SHA256_HEX]) {
  sha256_ctx *c = sha256_new();
  if (!c) abort();
  char buf[64];
  const char *f[] = {p->d.kind, p->d.parent, p->d.number, p->d.date, p->d.body, p->d.subject};
  snprintf(buf, sizeof buf, "parindex published 2\n%d %d\n", p->d.year, p->d.units);
  sha256_adds(c, buf);
  for (int i = 0; i < 6; i++) {
    snprintf(buf, sizeof buf, f[i] ? "%zu:" : "~", f[i] ? strlen(f[i]) : 0);
    sha256_adds(c, buf);
    sha256_adds(c, f[i]);
  }
  for (int i = 0; i < p->n; i++) {
    const store_published_row *r = &p->rows[i].r;
    snprintf(buf, sizeof buf, "\n%zu:", strlen(r->unit));
    sha256_adds(c, buf);
    sha256_adds(c, r->unit);
    snprintf(buf, sizeof buf, r->name ? " %zu:" : " ~", r->name ? strlen(r->name) : 0);
    sha256_adds(c, buf);
    sha256_adds(c, r->name);
    snprintf(buf, sizeof buf, " %lld %d", (long long)r->total, r->rank);
    sha256_adds(c, buf);
  }
  sha256_end(c, out);                             /* frees c */
}

typedef struct { char digest[SHA256_HEX]; int64_t id; } held;
static int held_cb(const store_decision *d, void *ud) {
  held *h = ud;
  snprintf(h->digest, sizeof h->digest, "%s", d->digest);
  h->id = d->id;
  return 0;
}

/* The seen (year, kind, parent) of this import: one decision each. */
typedef struct { int year; char *kind, *parent, *file; } seen;

static int store_one(pub *p, seen **sv, int *nsv, FILE *out) {
  const char *kind = p->d.kind ? p->d.kind : "", *parent = p->d.parent ? p->d.parent : "";
  char who[600];
  snprintf(who, sizeof who, "%s%s%s", *kind ? kind : "all", *parent ? " units under " : " units", parent);
  for (int i = 0; i < *nsv; i++)
    if ((*sv)[i].year == p->d.year && !strcmp((*sv)[i].kind, kind) && !strcmp((*sv)[i].parent, parent))
      return pfail(p, NULL, "the decision of %d for %s is also in %s: import one", p->d.year, who, (*sv)[i].file);
  seen *g = realloc(*sv, (size_t)(*nsv + 1) * sizeof *g);
  if (!g) abort();
  *sv = g;
  g[*nsv] = (seen){p->d.year, strdup(kind), strdup(parent), strdup(p->file)};
  if (!g[*nsv].kind || !g[*nsv].parent || !g[*nsv].file) abort();
  (*nsv)++;
  char dg[SHA256_HEX];
  digest(p, dg);
  held h = {{0}, 0};
  int has = store_published_get(p->s, p->d.year, kind, parent, held_cb, NULL, &h);
  if (has < 0) return pfail(p, NULL, "%s", store_errmsg(p->s));
  const char *num = p->d.number ? p->d.number : "without a number";
  if (has && !strcmp(h.digest, dg)) {
    fprintf(out, "%s: %d, %s: decision %s is in the store already (decision %lld): nothing changed\n", p->file,
            p->d.year, who, num, (long long)h.id);
    return 0;
  }
  p->d.kind = kind;
  p->d.parent = parent;
  p->d.source = p->file;
  p->d.digest = dg;
  store_published_row *rows = malloc((size_t)p->n * sizeof *rows);
  if (!rows) abort();
  for (int i = 0; i < p->n; i++) rows[i] = p->rows[i].r;
  int64_t id;
  int rc = store_published_put(p->s, &p->d, rows, p->n, &id);
  free(rows);
  if (rc) return pfail(p, NULL, "writing the store: %s", store_errmsg(p->s));
  fprintf(out, "%s: %d, %s: decision %s%s%s, %d result%s (decision %lld", p->file, p->d.year, who, num,
          p->d.date ? " of " : "", p->d.date ? p->d.date : "", p->n, p->n == 1 ? "" : "s", (long long)id);
  if (p->d.units) fprintf(out, ", %d units ranked", p->d.units);
  if (has) fprintf(out, "; replaces decision %lld", (long long)h.id);
  fputs(")\n", out);
  return 0;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && !strcmp(s + n - k, suffix);
}

static int one_file(pub *p, const published_meta *m, const char *path) {
  int json = ends_with(path, ".json"), csv = ends_with(path, ".csv"), xl = ends_with(path, ".xlsx");
  int given = m->year || m->kind || m->parent || m->number || m->date || m->body || m->subject || m->units;
  if (!json && !csv && !xl) return pfail(p, NULL, "not a .json, .csv or .xlsx file");
  if (json && given)
    return pfail(p, NULL, "a .json decision gives its own year and decision: --year, --kind, --parent, --decision, --date, "
                 "--body, --subject and --units go with .csv and .xlsx files");
  if (!json) {
    if (!m->year) return pfail(p, NULL, "a .%s file holds the results only: give the decision's --year (and --kind, "
                              "--decision, --date, --units)", csv ? "csv" : "xlsx");
    p->d = (store_decision){m->year, m->kind, m->parent, m->number, m->date, m->body, m->subject, m->units, NULL, NULL, 0,
                            NULL};
  }
  if (xl) return read_xlsx(p);
  size_t len;
  char *buf = file_read_all(path, &len);
  if (!buf) return pfail(p, NULL, "%s", strerror(errno));
  int rc = json ? read_json(p, buf, len) : read_csv(p, buf, len);
  free(buf);
  return rc;
}

int published_import(store *s, const published_meta *meta, const char *const *paths, int n, FILE *out, char *err,
                     size_t errlen) {
  seen *sv = NULL;
  int nsv = 0, rc = 0;
  char *lines = NULL;
  size_t nlines = 0;
  FILE *mem = open_memstream(&lines, &nlines);         /* printed after the commit */
  if (!mem) abort();
  if (store_begin(s)) { snprintf(err, errlen, "%s", store_errmsg(s)); rc = -1; }
  for (int i = 0; i < n && !rc; i++) {
    char file[4096];
    snprintf(file, sizeof file, "%s", paths[i]);
    path_normalize(file);
    pub p = {s, file, err, errlen, {0}, {0}, NULL, 0, 0, NULL};
    err[0] = '\0';
    rc = one_file(&p, meta, paths[i]) || check(&p) || store_one(&p, &sv, &nsv, mem) ? -1 : 0;
    free(p.rows);
    arena_free(&p.a);
  }
  if (!rc && store_commit(s)) { snprintf(err, errlen, "%s", store_errmsg(s)); rc = -1; }
  if (rc) store_rollback(s);
  fclose(mem);
  if (!rc) fputs(lines, out);
  free(lines);
  for (int i = 0; i < nsv; i++) { free(sv[i].kind); free(sv[i].parent); free(sv[i].file); }
  free(sv);
  return rc;
}
