/*
** import.c -- read, check and write facts, units and offices in one
** transaction, a record at a time. This file reads and checks (JSON, CSV,
** files and folders) and drives the import; import_write.c writes.
**
** The files are read in turn: a CSV file as a stream, a JSON file whole
** (cJSON needs the text), each after a first pass over its bytes (size,
** UTF-8); a JSON text is then checked against RFC 8259 (json_strict.h), and
** its numbers are taken from their text, never from cJSON's doubles. Every record is checked and written into the import's one open
** transaction at once; only the facts of the unit-year being read are held,
** to be written together. What spans records is the store's to remember
** (store_import.h): what this import wrote (for duplicates), each unit-year
** and whether the store had facts of it before, the updates to list.
** Units may be given in any file of the import, before or after the facts
** and units that name them: those references are checked at the end.
**
** The first problem rolls everything back. The one reported is the first
** problem of a file itself (encoding, syntax, a field) in input order;
** failing that the first duplicate met; failing that the first reference
** to a unit that is still unknown at the end. Where a duplicate was first
** given is found by reading the files again (only then).
*/
#include "import.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_reader.h"
#include "date.h"
#include "import_int.h"
#include "json_strict.h"
#include "json_writer.h"
#include "store_import.h"

#define MAX_FILE_BYTES (512L * 1024 * 1024)

int imp_fail(importer *b, loc at, const char *fmt, ...) {
  va_list ap;
  int n = snprintf(b->err, b->errlen, "%s:%d: ", b->files[at.file], at.line);
  va_start(ap, fmt);
  if (n >= 0 && (size_t)n < b->errlen) vsnprintf(b->err + n, b->errlen - (size_t)n, fmt, ap);
  va_end(ap);
  return -1;
}

/* "file:line:col: message" for a problem at a column of the file being read. */
static int fail_col(importer *b, int line, int col, const char *msg) {
  snprintf(b->err, b->errlen, "%s:%d:%d: %s", b->files[b->cur], line, col, msg);
  return -1;
}

static void advance(const unsigned char *s, size_t n, int *line, int *col);

int imp_store_fail(importer *b) {
  snprintf(b->err, b->errlen, "writing the store: %s (nothing was imported)", store_errmsg(b->s));
  return -1;
}

/* ---- checks shared by both formats ---- */

static int valid_id(const char *s) {
  size_t n = 0;
  for (; s[n]; n++)
    if (!isalnum((unsigned char)s[n]) && !strchr("_-.", s[n])) return 0;
  return n > 0 && n <= 128;
}

static int set_year(importer *b, loc at, pfact *pf, long long y) {
  if (y < 1900 || y > 2200) return imp_fail(b, at, "year: %lld is not a plausible year", y);
  pf->year = (int)y;
  return 0;
}

static int parse_type_name(const char *t, fact_type *out) {
  for (int i = 0; i <= FT_LIST; i++)
    if (strcmp(t, fact_type_name((fact_type)i)) == 0) { *out = (fact_type)i; return 1; }
  return 0;
}

static int check_date(importer *b, loc at, const char *field, const char *s) {
  pdate d;
  if (!date_parse_iso(s, &d))
    return imp_fail(b, at, "%s: '%s' is not a valid date (expected YYYY-MM-DD)", field, s);
  return 0;
}

/* The text of a number of the tree the strict check j saw (see tag). */
static json_span number_text(const json_strict *j, const cJSON *v) {
  size_t k = (size_t)v->valueint;
  return v->valueint >= 0 && k < j->nnums ? j->nums[k] : (json_span){"?", 1};
}

/* A list value: an array of flat records; ISO-looking strings must be real
** dates, numbers must be what they were written as (json_number_problem). */
static int check_list(importer *b, loc at, const char *key, const cJSON *arr, const json_strict *j) {
  int i = 0;
  for (const cJSON *rec = arr->child; rec; rec = rec->next, i++) {
    loc rat = {at.file, rec->type & cJSON_Object ? rec->valueint : at.line};
    if (!cJSON_IsObject(rec))
      return imp_fail(b, at, "value: %s[%d]: a list holds records (JSON objects)", key, i + 1);
    for (const cJSON *m = rec->child; m; m = m->next) {
      if (cJSON_IsArray(m) || cJSON_IsObject(m))
        return imp_fail(b, rat, "value: %s[%d].%s: record fields must be plain values", key, i + 1, m->string);
      if (cJSON_IsNumber(m)) {
        json_span t = number_text(j, m);
        json_num v;
        json_number(t.p, t.n, &v);
        const char *bad = json_number_problem(&v, JSON_AS_WRITTEN);
        if (bad) return imp_fail(b, rat, "value: %s[%d].%s: %.*s %s", key, i + 1, m->string, (int)t.n, t.p, bad);
      }
      if (cJSON_IsString(m) && date_looks_iso(m->valuestring)) {
        char field[256];
        snprintf(field, sizeof field, "value: %s[%d].%s", key, i + 1, m->string);
        if (check_date(b, rat, field, m->valuestring)) return -1;
      }
    }
  }
  return 0;
}

/* ---- JSON ---- */

static int member_of(const char *name, const char *const *list) {
  for (; *list; list++)
    if (!strcmp(name, *list)) return 1;
  return 0;
}

/* What the strict check j recorded, into cJSON's tree in the otherwise
** unused valueint: each object's line (or `line` if not 0, for a list in a
** CSV field), each number's index into j->nums. A pre-order walk meets
** them in document order, as the check did. */
typedef struct { const json_strict *j; size_t obj, num; int line; } tagger;

static void tag(cJSON *node, tagger *t) {
  for (; node; node = node->next) {
    if (cJSON_IsObject(node))
      node->valueint = t->line ? t->line : t->obj < t->j->nlines ? t->j->lines[t->obj++] : 0;
    else if (cJSON_IsNumber(node))
      node->valueint = t->num < t->j->nnums ? (int)t->num++ : -1;
    if (node->child) tag(node->child, t);
  }
}

/* A list value's text: its records printed back with numbers as written. */
static const char *list_text(importer *b, const cJSON *v, const json_strict *j) {
  jsonw w = {0};
  json_print(&w, v, j);
  const char *text = arena_strdup(&b->tmp, jsonw_text(&w));
  jsonw_free(&w);
  return text;
}

static const char *json_str(importer *b, const cJSON *o, const char *name, int required,
                            loc at, int *err) {
  const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
  if (!m || cJSON_IsNull(m)) {
    if (required) *err = imp_fail(b, at, "%s: missing", name);
    return NULL;
  }
  if (!cJSON_IsString(m)) { *err = imp_fail(b, at, "%s: must be a string", name); return NULL; }
  if (required && !*m->valuestring) { *err = imp_fail(b, at, "%s: must not be empty", name); return NULL; }
  return m->valuestring;
}

/* A fact's number, written t (quoted in messages when `quote`, as CSV's
** are), as type `want` (-1: none, so as written: an integer without a
** fraction or an exponent, else a number). Never rounded to fit a type. */
static int number_value(importer *b, loc at, int quote, json_span t, const json_num *n, int want, fact *f) {
  json_as as = want == FT_INTEGER ? JSON_AS_INTEGER : want == FT_NUMBER ? JSON_AS_DOUBLE : JSON_AS_WRITTEN;
  const char *bad = json_number_problem(n, as), *q = quote ? "'" : "";
  if (bad) {
    int shown = t.n > 60 ? 60 : (int)t.n;
    return imp_fail(b, at, "value: %s%.*s%s%s %s%s", q, shown, t.p, shown < (int)t.n ? "..." : "", q, bad,
                    as == JSON_AS_WRITTEN && n->integer ? "; give the fact the type number, or write it as text" : "");
  }
  if (as == JSON_AS_DOUBLE || !n->integer) { f->type = FT_NUMBER; f->num = n->d; }
  else { f->type = FT_INTEGER; f->integer = n->i; }
  return 0;
}

static int json_value(importer *b, loc at, pfact *pf, const cJSON *v, const char *type) {
  fact *f = &pf->f;
  fact_type want = FT_TEXT;
  if (type && !parse_type_name(type, &want))
    return imp_fail(b, at, "type: unknown type '%s' (number, integer, boolean, date, text, list)", type);
  if (!v || cJSON_IsNull(v)) return imp_fail(b, at, "value: missing");
  if (cJSON_IsBool(v)) {
    if (type && want != FT_BOOLEAN) return imp_fail(b, at, "value: a boolean where type is %s", type);
    f->type = FT_BOOLEAN; f->integer = cJSON_IsTrue(v);
  } else if (cJSON_IsNumber(v)) {
    if (type && want != FT_NUMBER && want != FT_INTEGER)
      return imp_fail(b, at, "value: a number where type is %s", type);
    json_span t = number_text(b->json, v);
    json_num n;
    json_number(t.p, t.n, &n);
    if (number_value(b, at, 0, t, &n, type ? (int)want : -1, f)) return -1;
  } else if (cJSON_IsString(v)) {
    const char *s = v->valuestring;
    if (type && want != FT_TEXT && want != FT_DATE)
      return imp_fail(b, at, "value: a string where type is %s", type);
    if ((type && want == FT_DATE) || (!type && date_looks_iso(s))) {
      if (check_date(b, at, "value", s)) return -1;
      f->type = FT_DATE;
    } else f->type = FT_TEXT;
    f->text = s;
  } else if (cJSON_IsArray(v)) {
    if (type && want != FT_LIST) return imp_fail(b, at, "value: a list where type is %s", type);
    if (check_list(b, at, f->key, v, b->json)) return -1;
    f->type = FT_LIST;
    f->text = list_text(b, v, b->json);
  } else return imp_fail(b, at, "value: must be a number, boolean, string or list of records");
  return 0;
}

static int json_fact(importer *b, const cJSON *o, const char *dunit,
                     const cJSON *dyear, const char *dsource) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return imp_fail(b, at, "facts: each fact must be an object");
  static const char *const fields[] = {"unit", "year", "key", "value", "type", "source", "note", NULL};
  for (const cJSON *m = o->child; m; m = m->next)
    if (!member_of(m->string, fields) && m->string[0] != '_')
      return imp_fail(b, at, "%s: unknown field (unit, year, key, value, type, source, note)", m->string);
  pfact fact_, *pf = &fact_;
  memset(pf, 0, sizeof *pf);
  pf->at = at;
  pf->unit = json_str(b, o, "unit", 0, at, &err);
  if (err) return -1;
  if (!pf->unit) pf->unit = dunit;
  if (!pf->unit) return imp_fail(b, at, "unit: missing (in the fact or at the top of the file)");
  if (!valid_id(pf->unit)) return imp_fail(b, at, "unit: '%s' is not a valid id", pf->unit);
  const cJSON *y = cJSON_GetObjectItemCaseSensitive(o, "year");
  if (!y) y = dyear;
  if (!y) return imp_fail(b, at, "year: missing (in the fact or at the top of the file)");
  json_num yn = {0};
  if (cJSON_IsNumber(y)) {
    json_span t = number_text(b->json, y);
    json_number(t.p, t.n, &yn);
    if (yn.integer && !yn.fits) return imp_fail(b, at, "year: %.*s is not a plausible year", (int)t.n, t.p);
  }
  if (!cJSON_IsNumber(y) || !yn.integer) return imp_fail(b, at, "year: must be an integer");
  if (set_year(b, at, pf, yn.i)) return -1;
  pf->f.key = json_str(b, o, "key", 1, at, &err);
  if (err) return -1;
  if (!valid_id(pf->f.key)) return imp_fail(b, at, "key: '%s' is not a valid key (letters, digits, _ - .)", pf->f.key);
  const char *type = json_str(b, o, "type", 0, at, &err);
  if (err) return -1;
  if (json_value(b, at, pf, cJSON_GetObjectItemCaseSensitive(o, "value"), type)) return -1;
  pf->f.source = json_str(b, o, "source", 0, at, &err);
  if (err) return -1;
  if (!pf->f.source) pf->f.source = dsource;
  pf->f.note = json_str(b, o, "note", 0, at, &err);
  if (err) return -1;
  return imp_emit_fact(b, pf);
}

static int json_unit(importer *b, const cJSON *o) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return imp_fail(b, at, "units: each unit must be an object");
  unit_info u = {0};
  u.id = json_str(b, o, "id", 1, at, &err);
  if (!err) u.name = json_str(b, o, "name", 1, at, &err);
  if (!err) u.kind = json_str(b, o, "kind", 1, at, &err);
  if (!err) u.parent = json_str(b, o, "parent", 0, at, &err);
  if (err) return -1;
  if (!valid_id(u.id)) return imp_fail(b, at, "id: '%s' is not a valid id", u.id);
  return imp_emit_unit(b, &u, at);
}

static int json_office(importer *b, const cJSON *o) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return imp_fail(b, at, "offices: each office must be an object");
  const char *id = json_str(b, o, "id", 1, at, &err), *name = NULL;
  if (!err) name = json_str(b, o, "name", 1, at, &err);
  if (err) return -1;
  if (!valid_id(id)) return imp_fail(b, at, "id: '%s' is not a valid id", id);
  return imp_emit_office(b, id, name, at);
}

/* A member named twice in one object: cJSON keeps both and lookups see only
** the first, so the second value would be dropped without a word. */
static int cmp_name(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int json_duplicates(importer *b, const cJSON *node, int line) {
  for (; node; node = node->next) {
    int at = cJSON_IsObject(node) ? node->valueint : line;
    if (cJSON_IsObject(node)) {
      size_t n = 0;
      for (const cJSON *m = node->child; m; m = m->next) n++;
      if (n > 1) {
        const char **names = malloc(n * sizeof *names);
        if (!names) abort();
        n = 0;
        for (const cJSON *m = node->child; m; m = m->next) names[n++] = m->string;
        qsort(names, n, sizeof *names, cmp_name);
        const char *dup = NULL;
        for (size_t i = 1; i < n && !dup; i++)
          if (!strcmp(names[i], names[i - 1])) dup = names[i];
        int rc = dup ? imp_fail(b, (loc){b->cur, at}, "%s: member given twice in one object", dup) : 0;
        free(names);
        if (rc) return -1;
      }
    }
    if (node->child && json_duplicates(b, node->child, at)) return -1;
  }
  return 0;
}

static int json_file(importer *b, const char *buf, size_t len) {
  json_strict j = {0};
  cJSON *root = NULL;
  int rc = -1;
  loc top = {b->cur, 1};
  if (json_strict_check(&j, buf, len)) {   /* RFC 8259, before the lenient cJSON */
    int line = 1, col = 1;
    advance((const unsigned char *)buf, j.at, &line, &col);
    fail_col(b, line, col, j.err);
    goto done;
  }
  if (!(root = cJSON_ParseWithLength(buf, len))) {
    imp_fail(b, top, "JSON: cJSON did not parse what the strict check passed (out of memory?)");
    goto done;
  }
  tagger t = {&j, 0, 0, 0};
  tag(root, &t);
  b->json = &j;
  if (!cJSON_IsObject(root)) { imp_fail(b, top, "the file must hold one JSON object"); goto done; }
  if (json_duplicates(b, root, 1)) goto done;
  int err = 0;
  const char *dunit = json_str(b, root, "unit", 0, top, &err);
  const char *dsource = err ? NULL : json_str(b, root, "source", 0, top, &err);
  if (err) goto done;
  const cJSON *dyear = cJSON_GetObjectItemCaseSensitive(root, "year");
  static const char *const lists[] = {"offices", "units", "facts", NULL};
  static const char *const defaults[] = {"unit", "year", "source", NULL};
  for (const cJSON *m = root->child; m; m = m->next) {
    int known = member_of(m->string, lists);
    if (!known && !member_of(m->string, defaults) && m->string[0] != '_') {
      imp_fail(b, top, "%s: unknown top-level member (offices, units, facts, unit, year, source)", m->string);
      goto done;
    }
    if (!known) continue;
    if (!cJSON_IsArray(m)) { imp_fail(b, top, "%s: must be an array", m->string); goto done; }
    for (const cJSON *o = m->child; o; o = o->next) {
      int r = m->string[0] == 'f' ? json_fact(b, o, dunit, dyear, dsource)
            : m->string[0] == 'u' ? json_unit(b, o)
            : json_office(b, o);
      arena_reset(&b->tmp);
      if (r) { rc = r; goto done; }
    }
  }
  rc = 0;
done:
  b->json = NULL;
  json_strict_free(&j);
  cJSON_Delete(root);
  return rc;
}

/* ---- CSV ---- */

static int column(char **hdr, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (strcmp(hdr[i], name) == 0) return i;
  return -1;
}

/* Is s a number as a spreadsheet writes one: sign, digits, a fraction, an
** exponent ("+5", ".5" and "5." too)? */
static int csv_number(const char *s) {
  const char *p = s + (*s == '+' || *s == '-');
  size_t digits = strspn(p, "0123456789");
  p += digits;
  if (*p == '.') { size_t k = strspn(p + 1, "0123456789"); digits += k; p += 1 + k; }
  if (!digits) return 0;
  if (*p == 'e' || *p == 'E') {
    p += 1 + (p[1] == '+' || p[1] == '-');
    size_t k = strspn(p, "0123456789");
    if (!k) return 0;
    p += k;
  }
  return *p == '\0';
}

/* '08123', '-007': a 0 before another digit. */
static int leading_zero(const char *s) {
  s += *s == '+' || *s == '-';
  return s[0] == '0' && s[1] >= '0' && s[1] <= '9';
}

/* A list in a CSV field: JSON, checked as a JSON file is; records on the row's line. */
static int csv_list(importer *b, loc at, fact *f, const char *s) {
  json_strict j = {0};
  cJSON *v = NULL;
  int rc = -1;
  if (json_strict_check(&j, s, strlen(s))) {
    int line = 1, col = 1;
    advance((const unsigned char *)s, j.at, &line, &col);
    imp_fail(b, at, "value: %s (line %d, character %d of the field)", j.err, line, col);
    goto done;
  }
  v = cJSON_Parse(s);
  if (!v || !cJSON_IsArray(v)) { imp_fail(b, at, "value: a list must be a JSON array of records"); goto done; }
  tagger t = {&j, 0, 0, at.line};
  tag(v, &t);
  if (check_list(b, at, f->key, v, &j)) goto done;
  f->type = FT_LIST;
  f->text = list_text(b, v, &j);
  rc = 0;
done:
  cJSON_Delete(v);
  json_strict_free(&j);
  return rc;
}

static int text_value(importer *b, loc at, pfact *pf, const char *s, const char *type, char sep) {
  fact *f = &pf->f;
  fact_type want = FT_TEXT;
  if (type && *type && !parse_type_name(type, &want))
    return imp_fail(b, at, "type: unknown type '%s' (number, integer, boolean, date, text, list)", type);
  int typed = type && *type;
  if (!*s && !(typed && want == FT_TEXT)) return imp_fail(b, at, "value: missing");
  char num[64];
  size_t len = strlen(s);
  if (len > 0 && len < sizeof num) {     /* '86,75' is a number in a ';' file */
    memcpy(num, s, len + 1);
    char *c = strchr(num, ',');
    if (c && sep == ';') *c = '.';
    /* a number, but untyped '08123' is text: a code as Excel users type it */
    if (csv_number(num) && (typed || !leading_zero(num))) {
      if (typed && want != FT_NUMBER && want != FT_INTEGER && want != FT_TEXT)
        return imp_fail(b, at, "value: a number where type is %s", type);
      if (!(typed && want == FT_TEXT)) {
        json_num n;
        json_number(num, len, &n);
        return number_value(b, at, 1, (json_span){s, len}, &n, typed ? (int)want : -1, f);
      }
    }
  }
  if (typed && (want == FT_NUMBER || want == FT_INTEGER))
    return imp_fail(b, at, "value: '%s' is not a number", s);
  if ((!typed || want == FT_BOOLEAN) && (!strcmp(s, "true") || !strcmp(s, "false"))) {
    f->type = FT_BOOLEAN; f->integer = s[0] == 't';
    return 0;
  }
  if (typed && want == FT_BOOLEAN) return imp_fail(b, at, "value: '%s' is not true or false", s);
  if ((typed && want == FT_DATE) || (!typed && date_looks_iso(s))) {
    if (check_date(b, at, "value", s)) return -1;
    f->type = FT_DATE; f->text = s;
    return 0;
  }
  if ((typed && want == FT_LIST) || (!typed && s[0] == '[')) return csv_list(b, at, f, s);
  f->type = FT_TEXT; f->text = s;
  return 0;
}


/* The rows of a CSV file, from a reader set up by the caller. */
static int csv_rows(importer *b, csv_reader *r) {
  char **row;
  int rc = -1, n;
  arena ha = {0};                       /* the header */
  loc at = {b->cur, 1};
  int nh = csv_next(r, &row);
  if (nh <= 0) {
    at.line = r->line ? r->line : 1;
    imp_fail(b, at, nh < 0 ? r->err : "empty CSV file (expected a header line)");
    goto done;
  }
  char **hdr = arena_alloc(&ha, (size_t)nh * sizeof *hdr);
  for (int i = 0; i < nh; i++) hdr[i] = arena_strdup(&ha, row[i]);
  int cu = column(hdr, nh, "unit"), cy = column(hdr, nh, "year"), ck = column(hdr, nh, "key"),
      cv = column(hdr, nh, "value"), ct = column(hdr, nh, "type"), cs = column(hdr, nh, "source"),
      cn = column(hdr, nh, "note"), cid = column(hdr, nh, "id"), cname = column(hdr, nh, "name"),
      ckind = column(hdr, nh, "kind"), cpar = column(hdr, nh, "parent");
  enum { FACTS, UNITS, OFFICES } kind;
  if (cu >= 0 && cy >= 0 && ck >= 0 && cv >= 0) kind = FACTS;
  else if (cid >= 0 && cname >= 0 && ckind >= 0) kind = UNITS;
  else if (cid >= 0 && cname >= 0 && nh == 2) kind = OFFICES;
  else {
    imp_fail(b, at, "header: expected unit,year,key,value[,type,source,note] or id,name,kind[,parent] or id,name");
    goto done;
  }
  while ((n = csv_next(r, &row)) > 0) {
    int e = 0;
    at.line = r->line;
    if (n != nh) { imp_fail(b, at, "row has %d fields, header has %d", n, nh); goto done; }
    if (kind == FACTS) {
      pfact pf;
      memset(&pf, 0, sizeof pf);
      pf.at = at;
      pf.unit = row[cu];
      if (!valid_id(pf.unit)) { imp_fail(b, at, "unit: '%s' is not a valid id", row[cu]); goto done; }
      char *end;
      long long y = strtoll(row[cy], &end, 10);
      if (!*row[cy] || *end) { imp_fail(b, at, "year: '%s' is not an integer", row[cy]); goto done; }
      if (set_year(b, at, &pf, y)) goto done;
      pf.f.key = row[ck];
      if (!valid_id(pf.f.key)) { imp_fail(b, at, "key: '%s' is not a valid key (letters, digits, _ - .)", row[ck]); goto done; }
      if (text_value(b, at, &pf, row[cv], ct >= 0 ? row[ct] : NULL, r->sep)) goto done;
      pf.f.source = cs >= 0 && *row[cs] ? row[cs] : NULL;
      pf.f.note = cn >= 0 && *row[cn] ? row[cn] : NULL;
      e = imp_emit_fact(b, &pf);
    } else if (kind == UNITS) {
      if (!valid_id(row[cid])) { imp_fail(b, at, "id: '%s' is not a valid id", row[cid]); goto done; }
      if (!*row[cname]) { imp_fail(b, at, "name: must not be empty"); goto done; }
      if (!*row[ckind]) { imp_fail(b, at, "kind: must not be empty"); goto done; }
      unit_info u = {row[cid], row[cname], row[ckind], cpar >= 0 && *row[cpar] ? row[cpar] : NULL};
      e = imp_emit_unit(b, &u, at);
    } else {
      if (!valid_id(row[cid])) { imp_fail(b, at, "id: '%s' is not a valid id", row[cid]); goto done; }
      if (!*row[cname]) { imp_fail(b, at, "name: must not be empty"); goto done; }
      e = imp_emit_office(b, row[cid], row[cname], at);
    }
    arena_reset(&b->tmp);
    if (e) { rc = e; goto done; }
  }
  if (n < 0) { at.line = r->line; imp_fail(b, at, "%s", r->err); goto done; }
  rc = 0;
done:
  arena_free(&ha);
  return rc;
}

/* ---- files and folders ---- */

/* The first byte of s[0..len) that does not begin a valid UTF-8 character
** (or is NUL): its offset, with *bad = 1. Else len, or (when !final) the
** start of a character cut by the end of s, to be read again with more. */
static size_t utf8_scan(const unsigned char *s, size_t len, int final, int *bad) {
  *bad = 0;
  for (size_t i = 0; i < len;) {
    uint64_t w;                               /* 8 bytes of ASCII but NUL at once */
    if (i + 8 <= len && (memcpy(&w, s + i, 8), !((w | (w - 0x0101010101010101u)) & 0x8080808080808080u))) {
      i += 8;
      continue;
    }
    unsigned char c = s[i];
    if (c - 1u < 0x7Fu) { i++; continue; }    /* ASCII but NUL: most bytes */
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n && i + n > len && !final) return i;
    int ok = n && i + n <= len;
    for (size_t k = 1; ok && k < n; k++) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok && n == 2) ok = c >= 0xC2;
    if (ok && n == 3) {
      unsigned cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
    }
    if (ok && n == 4) {
      unsigned cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6);
      ok = cp >= 0x10000 && cp <= 0x10FFFF;
    }
    if (!ok || c == 0) { *bad = 1; return i; }
    i += n;
  }
  return len;
}

/* Line and column (in characters) after reading s[0..n), from *line, *col. */
static void advance(const unsigned char *s, size_t n, int *line, int *col) {
  for (size_t k = 0; k < n; k++)
    if (s[k] == '\n') { (*line)++; *col = 1; }
    else if ((s[k] & 0xC0) != 0x80) (*col)++;
}

static int bad_byte(importer *b, int line, int col, unsigned char c) {
  return fail_col(b, line, col, c == 0 ? "NUL byte in text" : "invalid UTF-8");
}

static int check_utf8(importer *b, const unsigned char *s, size_t len) {
  int bad, line = 1, col = 1;
  size_t i = utf8_scan(s, len, 1, &bad);
  if (!bad) return 0;
  advance(s, i, &line, &col);
  return bad_byte(b, line, col, s[i]);
}

static int read_error(importer *b) {
  snprintf(b->err, b->errlen, "%s: read error", b->files[b->cur]);
  return -1;
}

/* A whole stream into memory (a JSON file, or a CSV file that cannot be
** read twice), up to the size limit. */
static int read_whole(importer *b, FILE *f, char **out, size_t *len) {
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) abort();
  for (;;) {
    if (n == cap) {
      if (cap >= (size_t)MAX_FILE_BYTES) { free(buf); return imp_fail(b, (loc){b->cur, 1}, "file larger than 512 MiB"); }
      char *g = realloc(buf, 2 * cap + 1);
      if (!g) abort();
      buf = g; cap *= 2;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  if (ferror(f)) { free(buf); return read_error(b); }
  buf[n] = '\0';
  *out = buf; *len = n;
  return 0;
}

/* The first pass over a CSV file, a chunk at a time: its size and its
** encoding, before any row is read (as for a file read whole). */
static int check_stream(importer *b, FILE *f, off_t size) {
  if (size >= MAX_FILE_BYTES) return imp_fail(b, (loc){b->cur, 1}, "file larger than 512 MiB");
  if (size == 0) return imp_fail(b, (loc){b->cur, 1}, "empty file");
  unsigned char *buf = malloc(CSV_CHUNK + 4);
  if (!buf) abort();
  size_t carry = 0;                     /* a character cut by the chunk's end */
  long long base = 0, total = 0;        /* the offset of buf[0]; bytes read */
  int rc = 0;
  for (;;) {
    size_t k = fread(buf + carry, 1, CSV_CHUNK, f), n = carry + k, i;
    int bad, final = k < CSV_CHUNK;
    if (ferror(f)) { rc = read_error(b); break; }
    if ((total += (long long)k) >= MAX_FILE_BYTES) { rc = imp_fail(b, (loc){b->cur, 1}, "file larger than 512 MiB"); break; }
    i = utf8_scan(buf, n, final, &bad);
    if (bad) {                          /* where: read up to it again */
      unsigned char c = buf[i];
      long long at = base + (long long)i;
      int line = 1, col = 1;
      rewind(f);
      while (at > 0 && (k = fread(buf, 1, at < CSV_CHUNK ? (size_t)at : CSV_CHUNK, f)) > 0) {
        advance(buf, k, &line, &col);
        at -= (long long)k;
      }
      rc = bad_byte(b, line, col, c);
      break;
    }
    carry = n - i;
    memmove(buf, buf + i, carry);
    base += (long long)i;
    if (final) break;
  }
  free(buf);
  return rc;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Read file i, handing each record to emit_ by b->mode: 0, -1 on a problem,
** 1 when FIND found the record. */
int imp_read_file(importer *b, int i) {
  const char *path = b->files[i];
  b->cur = i;
  FILE *f = fopen(path, "rb");
  if (!f) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
  int csv = ends_with(path, ".csv"), rc;
  struct stat st;
  csv_reader r;
  if (csv && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {    /* streamed */
    rc = check_stream(b, f, st.st_size);
    if (!rc && fseek(f, 0, SEEK_SET)) rc = read_error(b);
    if (!rc) {
      rc = csv_open(&r, f) ? (imp_fail(b, (loc){i, 1}, "%s", r.err)) : csv_rows(b, &r);
      csv_free(&r);
    }
  } else {
    char *buf = NULL;
    size_t len = 0;
    rc = read_whole(b, f, &buf, &len);
    if (!rc && len == 0) rc = imp_fail(b, (loc){i, 1}, "empty file");
    if (!rc) rc = check_utf8(b, (const unsigned char *)buf, len);
    if (!rc && csv) {
      csv_init(&r, buf, len);
      rc = csv_rows(b, &r);
      csv_free(&r);
    } else if (!rc) rc = json_file(b, buf, len);
    free(buf);
  }
  fclose(f);
  arena_reset(&b->tmp);
  return rc;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int collect(importer *b, arena *names, const char *path, size_t *cap) {
  struct stat st;
  if (stat(path, &st) != 0) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    if (!d) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
    size_t first = b->nfiles;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.' || !(ends_with(e->d_name, ".json") || ends_with(e->d_name, ".csv"))) continue;
      size_t len = strlen(path) + strlen(e->d_name) + 2;
      char *p = arena_alloc(names, len);
      snprintf(p, len, "%s%s%s", path, ends_with(path, "/") ? "" : "/", e->d_name);
      GROW(b, b->files, b->nfiles, *cap);
      b->files[b->nfiles++] = p;
    }
    closedir(d);
    if (b->nfiles == first) return snprintf(b->err, b->errlen, "%s: no .json or .csv files in this folder", path), -1;
    qsort(b->files + first, b->nfiles - first, sizeof *b->files, cmp_str);
    return 0;
  }
  if (!ends_with(path, ".json") && !ends_with(path, ".csv"))
    return snprintf(b->err, b->errlen, "%s: not a .json or .csv file", path), -1;
  GROW(b, b->files, b->nfiles, *cap);
  b->files[b->nfiles++] = arena_strdup(names, path);
  return 0;
}

int import_paths(store *s, const char *const *paths, int npaths, FILE *out,
                 import_stats *stats, char *err, size_t errlen) {
  importer b = {0};
  arena names = {0};
  size_t capfiles = 0;
  int rc = -1, open = 0;
  b.s = s; b.out = out; b.st = stats;
  const char *held = getenv("PARINDEX_UPDATES_HELD");
  b.upd.held = held && *held ? strtoul(held, NULL, 10) : UPDATES_HELD;
  b.err = err; b.errlen = errlen;
  memset(stats, 0, sizeof *stats);
  for (int i = 0; i < npaths; i++)
    if (collect(&b, &names, paths[i], &capfiles)) goto done;
  if (store_import_begin(s)) { imp_store_fail(&b); goto done; }
  open = 1;
  for (size_t i = 0; i < b.nfiles; i++)
    if (imp_read_file(&b, (int)i)) goto done;
  if (b.mode == WRITE && imp_flush(&b)) goto done;
  if (imp_report(&b) || imp_spill_rest(&b)) goto done;
  if (store_commit(s)) { imp_store_fail(&b); goto done; }
  open = 0;
  if (out) imp_list_updates(&b);
  stats->files = (int)b.nfiles;
  rc = 0;
done:
  if (open) store_rollback(s);
  imp_free(&b);
  arena_free(&names);
  return rc;
}
