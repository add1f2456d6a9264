/*
** import.c -- read, check, then write in one transaction.
*/
#include "import.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "csv.h"
#include "date.h"

#define MAX_FILE_BYTES (512L * 1024 * 1024)

typedef struct { const char *file; int line; } loc;
typedef struct { loc at; const char *unit; int year; fact f; int done; } pfact;
typedef struct { loc at; unit_info u; } punit;
typedef struct { loc at; const char *id, *name; } poffice;

typedef struct {
  arena a;
  pfact *facts; size_t nfacts, capfacts;
  punit *units; size_t nunits, capunits;
  poffice *offices; size_t noffices, capoffices;
  char *err; size_t errlen;
} batch;

static int fail(batch *b, loc at, const char *fmt, ...) {
  va_list ap;
  int n = snprintf(b->err, b->errlen, "%s:%d: ", at.file, at.line);
  va_start(ap, fmt);
  if (n >= 0 && (size_t)n < b->errlen) vsnprintf(b->err + n, b->errlen - (size_t)n, fmt, ap);
  va_end(ap);
  return -1;
}

/* "file:line:col: message" for a problem at a column. */
static int fail_col(batch *b, const char *file, int line, int col, const char *msg) {
  snprintf(b->err, b->errlen, "%s:%d:%d: %s", file, line, col, msg);
  return -1;
}

#define GROW(b, arr, n, cap)                                         \
  do {                                                               \
    if ((n) == (cap)) {                                              \
      size_t nc = (cap) ? 2 * (cap) : 64;                            \
      void *p = realloc((arr), nc * sizeof *(arr));                  \
      if (!p) abort();                                               \
      (arr) = p; (cap) = nc;                                         \
    }                                                                \
  } while (0)

/* ---- checks shared by both formats ---- */

static int valid_id(const char *s) {
  size_t n = 0;
  for (; s[n]; n++)
    if (!isalnum((unsigned char)s[n]) && !strchr("_-.", s[n])) return 0;
  return n > 0 && n <= 128;
}

static int check_utf8(batch *b, const char *file, const unsigned char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    if (c - 1u < 0x7Fu) { i++; continue; }    /* ASCII but NUL: most bytes */
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
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
    if (!ok || c == 0) {                       /* where: line, and column in characters */
      int line = 1, col = 1;
      for (size_t k = 0; k < i; k++)
        if (s[k] == '\n') { line++; col = 1; }
        else if ((s[k] & 0xC0) != 0x80) col++;
      return fail_col(b, file, line, col, c == 0 ? "NUL byte in text" : "invalid UTF-8");
    }
    i += n;
  }
  return 0;
}

static int set_year(batch *b, loc at, pfact *pf, long long y) {
  if (y < 1900 || y > 2200) return fail(b, at, "year: %lld is not a plausible year", y);
  pf->year = (int)y;
  return 0;
}

static int parse_type_name(const char *t, fact_type *out) {
  for (int i = 0; i <= FT_LIST; i++)
    if (strcmp(t, fact_type_name((fact_type)i)) == 0) { *out = (fact_type)i; return 1; }
  return 0;
}

static int check_date(batch *b, loc at, const char *field, const char *s) {
  pdate d;
  if (!date_parse_iso(s, &d))
    return fail(b, at, "%s: '%s' is not a valid date (expected YYYY-MM-DD)", field, s);
  return 0;
}

/* A list value: an array of flat records; ISO-looking strings must be real dates. */
static int check_list(batch *b, loc at, const char *key, const cJSON *arr) {
  int i = 0;
  for (const cJSON *rec = arr->child; rec; rec = rec->next, i++) {
    loc rat = {at.file, rec->type & cJSON_Object ? rec->valueint : at.line};
    if (!cJSON_IsObject(rec))
      return fail(b, at, "value: %s[%d]: a list holds records (JSON objects)", key, i + 1);
    for (const cJSON *m = rec->child; m; m = m->next) {
      if (cJSON_IsArray(m) || cJSON_IsObject(m))
        return fail(b, rat, "value: %s[%d].%s: record fields must be plain values", key, i + 1, m->string);
      if (cJSON_IsNumber(m) && !isfinite(m->valuedouble))
        return fail(b, rat, "value: %s[%d].%s: not a finite number", key, i + 1, m->string);
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

/* Each JSON object's line, stored in its otherwise unused valueint: objects
** come in document order in a pre-order walk, as '{' do in the text. */
typedef struct { const int *lines; size_t n, next; } objlines;

static void tag_lines(cJSON *node, objlines *ol) {
  for (; node; node = node->next) {
    if (cJSON_IsObject(node)) node->valueint = ol->next < ol->n ? ol->lines[ol->next++] : 0;
    if (node->child) tag_lines(node->child, ol);
  }
}

static int *object_lines(const char *s, size_t len, size_t *count) {
  size_t n = 0, cap = 256;
  int *lines = malloc(cap * sizeof *lines), line = 1, instr = 0;
  if (!lines) abort();
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (instr) {
      if (c == '\\') i++;
      else if (c == '"') instr = 0;
      else if (c == '\n') line++;
    } else if (c == '"') instr = 1;
    else if (c == '\n') line++;
    else if (c == '{') {
      GROW(b, lines, n, cap);
      lines[n++] = line;
    }
  }
  *count = n;
  return lines;
}

static const char *json_str(batch *b, const cJSON *o, const char *name, int required,
                            loc at, int *err) {
  const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
  if (!m || cJSON_IsNull(m)) {
    if (required) *err = fail(b, at, "%s: missing", name);
    return NULL;
  }
  if (!cJSON_IsString(m)) { *err = fail(b, at, "%s: must be a string", name); return NULL; }
  if (required && !*m->valuestring) { *err = fail(b, at, "%s: must not be empty", name); return NULL; }
  return arena_strdup(&b->a, m->valuestring);
}

static int json_value(batch *b, loc at, pfact *pf, const cJSON *v, const char *type) {
  fact *f = &pf->f;
  fact_type want = FT_TEXT;
  if (type && !parse_type_name(type, &want))
    return fail(b, at, "type: unknown type '%s' (number, integer, boolean, date, text, list)", type);
  if (!v || cJSON_IsNull(v)) return fail(b, at, "value: missing");
  if (cJSON_IsBool(v)) {
    if (type && want != FT_BOOLEAN) return fail(b, at, "value: a boolean where type is %s", type);
    f->type = FT_BOOLEAN; f->integer = cJSON_IsTrue(v);
  } else if (cJSON_IsNumber(v)) {
    double d = v->valuedouble;
    if (!isfinite(d)) return fail(b, at, "value: not a finite number");
    int integral = d == floor(d) && fabs(d) < 9e15;
    if (type && want != FT_NUMBER && want != FT_INTEGER)
      return fail(b, at, "value: a number where type is %s", type);
    if (type && want == FT_INTEGER && !integral)
      return fail(b, at, "value: %g is not an integer", d);
    if ((type && want == FT_INTEGER) || (!type && integral)) { f->type = FT_INTEGER; f->integer = (long long)d; }
    else { f->type = FT_NUMBER; f->num = d; }
  } else if (cJSON_IsString(v)) {
    const char *s = v->valuestring;
    if (type && want != FT_TEXT && want != FT_DATE)
      return fail(b, at, "value: a string where type is %s", type);
    if ((type && want == FT_DATE) || (!type && date_looks_iso(s))) {
      if (check_date(b, at, "value", s)) return -1;
      f->type = FT_DATE;
    } else f->type = FT_TEXT;
    f->text = arena_strdup(&b->a, s);
  } else if (cJSON_IsArray(v)) {
    if (type && want != FT_LIST) return fail(b, at, "value: a list where type is %s", type);
    if (check_list(b, at, f->key, v)) return -1;
    char *json = cJSON_PrintUnformatted(v);
    if (!json) abort();
    f->type = FT_LIST;
    f->text = arena_strdup(&b->a, json);
    cJSON_free(json);
  } else return fail(b, at, "value: must be a number, boolean, string or list of records");
  return 0;
}

static int json_fact(batch *b, const char *file, const cJSON *o, const char *dunit,
                     const cJSON *dyear, const char *dsource) {
  loc at = {file, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return fail(b, at, "facts: each fact must be an object");
  static const char *const fields[] = {"unit", "year", "key", "value", "type", "source", "note", NULL};
  for (const cJSON *m = o->child; m; m = m->next)
    if (!member_of(m->string, fields) && m->string[0] != '_')
      return fail(b, at, "%s: unknown field (unit, year, key, value, type, source, note)", m->string);
  GROW(b, b->facts, b->nfacts, b->capfacts);
  pfact *pf = &b->facts[b->nfacts];
  memset(pf, 0, sizeof *pf);
  pf->at = at;
  pf->unit = json_str(b, o, "unit", 0, at, &err);
  if (err) return -1;
  if (!pf->unit) pf->unit = dunit;
  if (!pf->unit) return fail(b, at, "unit: missing (in the fact or at the top of the file)");
  if (!valid_id(pf->unit)) return fail(b, at, "unit: '%s' is not a valid id", pf->unit);
  const cJSON *y = cJSON_GetObjectItemCaseSensitive(o, "year");
  if (!y) y = dyear;
  if (!y) return fail(b, at, "year: missing (in the fact or at the top of the file)");
  if (!cJSON_IsNumber(y) || y->valuedouble != floor(y->valuedouble))
    return fail(b, at, "year: must be an integer");
  if (!(y->valuedouble >= 1900 && y->valuedouble <= 2200))
    return fail(b, at, "year: %g is not a plausible year", y->valuedouble);
  if (set_year(b, at, pf, (long long)y->valuedouble)) return -1;
  pf->f.key = json_str(b, o, "key", 1, at, &err);
  if (err) return -1;
  if (!valid_id(pf->f.key)) return fail(b, at, "key: '%s' is not a valid key (letters, digits, _ - .)", pf->f.key);
  const char *type = json_str(b, o, "type", 0, at, &err);
  if (err) return -1;
  if (json_value(b, at, pf, cJSON_GetObjectItemCaseSensitive(o, "value"), type)) return -1;
  pf->f.source = json_str(b, o, "source", 0, at, &err);
  if (err) return -1;
  if (!pf->f.source) pf->f.source = dsource;
  pf->f.note = json_str(b, o, "note", 0, at, &err);
  if (err) return -1;
  b->nfacts++;
  return 0;
}

static int json_unit(batch *b, const char *file, const cJSON *o) {
  loc at = {file, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return fail(b, at, "units: each unit must be an object");
  GROW(b, b->units, b->nunits, b->capunits);
  punit *pu = &b->units[b->nunits];
  pu->at = at;
  pu->u.id = json_str(b, o, "id", 1, at, &err);
  if (!err) pu->u.name = json_str(b, o, "name", 1, at, &err);
  if (!err) pu->u.kind = json_str(b, o, "kind", 1, at, &err);
  if (!err) pu->u.parent = json_str(b, o, "parent", 0, at, &err);
  if (err) return -1;
  if (!valid_id(pu->u.id)) return fail(b, at, "id: '%s' is not a valid id", pu->u.id);
  b->nunits++;
  return 0;
}

static int json_office(batch *b, const char *file, const cJSON *o) {
  loc at = {file, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return fail(b, at, "offices: each office must be an object");
  GROW(b, b->offices, b->noffices, b->capoffices);
  poffice *po = &b->offices[b->noffices];
  po->at = at;
  po->id = json_str(b, o, "id", 1, at, &err);
  if (!err) po->name = json_str(b, o, "name", 1, at, &err);
  if (err) return -1;
  if (!valid_id(po->id)) return fail(b, at, "id: '%s' is not a valid id", po->id);
  b->noffices++;
  return 0;
}

/* A member named twice in one object: cJSON keeps both and lookups see only
** the first, so the second value would be dropped without a word. */
static int cmp_name(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int json_duplicates(batch *b, const char *file, const cJSON *node, int line) {
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
        int rc = dup ? fail(b, (loc){file, at}, "%s: member given twice in one object", dup) : 0;
        free(names);
        if (rc) return -1;
      }
    }
    if (node->child && json_duplicates(b, file, node->child, at)) return -1;
  }
  return 0;
}

/* An open string, object or array at the end of the text: a cut-off file. */
static int json_truncated(const char *s, size_t len) {
  int depth = 0, instr = 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (instr) {
      if (c == '\\') i++;
      else if (c == '"') instr = 0;
    } else if (c == '"') instr = 1;
    else if (c == '{' || c == '[') depth++;
    else if (c == '}' || c == ']') depth--;
  }
  return instr || depth > 0;
}

static int json_file(batch *b, const char *file, const char *buf, size_t len) {
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
  if (!root) {
    size_t off = end && end >= buf ? (size_t)(end - buf) : 0;
    int line = 1, col = 1;
    for (size_t i = 0; i < off && i < len; i++)
      if (buf[i] == '\n') { line++; col = 1; } else col++;
    return fail_col(b, file, line, col, json_truncated(buf, len)
                    ? "JSON syntax error (unexpected end of file: the file looks truncated)"
                    : "JSON syntax error");
  }
  /* trailing garbage after the value */
  const char *t = end;
  while (t && t < buf + len && isspace((unsigned char)*t)) t++;
  int rc = -1;
  size_t nlines;
  int *lines = object_lines(buf, len, &nlines);
  objlines ol = {lines, nlines, 0};
  tag_lines(root, &ol);
  loc top = {file, 1};
  if (t && t < buf + len) {
    int line = 1;
    for (const char *c = buf; c < t; c++) line += *c == '\n';
    loc at = {file, line};
    fail(b, at, "JSON syntax error: text after the end of the document");
    goto done;
  }
  if (!cJSON_IsObject(root)) { fail(b, top, "the file must hold one JSON object"); goto done; }
  if (json_duplicates(b, file, root, 1)) goto done;
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
      fail(b, top, "%s: unknown top-level member (offices, units, facts, unit, year, source)", m->string);
      goto done;
    }
    if (!known) continue;
    if (!cJSON_IsArray(m)) { fail(b, top, "%s: must be an array", m->string); goto done; }
    for (const cJSON *o = m->child; o; o = o->next) {
      int r = m->string[0] == 'f' ? json_fact(b, file, o, dunit, dyear, dsource)
            : m->string[0] == 'u' ? json_unit(b, file, o)
            : json_office(b, file, o);
      if (r) goto done;
    }
  }
  rc = 0;
done:
  free(lines);
  cJSON_Delete(root);
  return rc;
}

/* ---- CSV ---- */

static int column(char **hdr, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (strcmp(hdr[i], name) == 0) return i;
  return -1;
}

static int text_value(batch *b, loc at, pfact *pf, const char *s, const char *type, char sep) {
  fact *f = &pf->f;
  fact_type want = FT_TEXT;
  if (type && *type && !parse_type_name(type, &want))
    return fail(b, at, "type: unknown type '%s' (number, integer, boolean, date, text, list)", type);
  int typed = type && *type;
  if (!*s && !(typed && want == FT_TEXT)) return fail(b, at, "value: missing");
  char num[64];
  size_t len = strlen(s);
  int numeric = len > 0 && len < sizeof num;
  if (numeric) {                         /* '86,75' is a number in a ';' file */
    memcpy(num, s, len + 1);
    char *c = strchr(num, ',');
    if (c && sep == ';') *c = '.';
    char *end;
    errno = 0;
    double d = strtod(num, &end);
    numeric = *end == '\0' && !isspace((unsigned char)num[0]) && strspn(num, "+-0123456789.eE") == strlen(num);
    if (numeric && (!isfinite(d) || errno == ERANGE)) return fail(b, at, "value: '%s' is not a finite number", s);
    if (numeric) {
      int exact = fabs(d) < 9e15;                /* a long long holds it exactly */
      int integral = exact && strspn(num, "+-0123456789") == strlen(num);
      if (typed && want != FT_NUMBER && want != FT_INTEGER && want != FT_TEXT)
        return fail(b, at, "value: a number where type is %s", type);
      if (!(typed && want == FT_TEXT)) {
        if (typed && want == FT_INTEGER && !(integral || (exact && d == floor(d))))
          return fail(b, at, "value: '%s' is not an integer", s);
        if ((typed && want == FT_INTEGER) || (!typed && integral)) { f->type = FT_INTEGER; f->integer = (long long)d; }
        else { f->type = FT_NUMBER; f->num = d; }
        return 0;
      }
    }
  }
  if (typed && (want == FT_NUMBER || want == FT_INTEGER))
    return fail(b, at, "value: '%s' is not a number", s);
  if ((!typed || want == FT_BOOLEAN) && (!strcmp(s, "true") || !strcmp(s, "false"))) {
    f->type = FT_BOOLEAN; f->integer = s[0] == 't';
    return 0;
  }
  if (typed && want == FT_BOOLEAN) return fail(b, at, "value: '%s' is not true or false", s);
  if ((typed && want == FT_DATE) || (!typed && date_looks_iso(s))) {
    if (check_date(b, at, "value", s)) return -1;
    f->type = FT_DATE; f->text = arena_strdup(&b->a, s);
    return 0;
  }
  if ((typed && want == FT_LIST) || (!typed && s[0] == '[')) {
    cJSON *v = cJSON_Parse(s);
    if (!v || !cJSON_IsArray(v)) { cJSON_Delete(v); return fail(b, at, "value: a list must be a JSON array of records"); }
    for (cJSON *r = v->child; r; r = r->next) r->valueint = at.line;
    int r = check_list(b, at, f->key, v);
    char *json = r ? NULL : cJSON_PrintUnformatted(v);
    cJSON_Delete(v);
    if (r) return -1;
    f->type = FT_LIST; f->text = arena_strdup(&b->a, json);
    cJSON_free(json);
    return 0;
  }
  f->type = FT_TEXT; f->text = arena_strdup(&b->a, s);
  return 0;
}

static int csv_file(batch *b, const char *file, const char *buf, size_t len) {
  csv_reader r;
  char **row;
  int rc = -1, n;
  csv_init(&r, buf, len);
  loc at = {file, 1};
  int nh = csv_next(&r, &row);
  if (nh <= 0) {
    at.line = r.line ? r.line : 1;
    fail(b, at, nh < 0 ? r.err : "empty CSV file (expected a header line)");
    goto done;
  }
  char **hdr = arena_alloc(&b->a, (size_t)nh * sizeof *hdr);
  for (int i = 0; i < nh; i++) hdr[i] = arena_strdup(&b->a, row[i]);
  int cu = column(hdr, nh, "unit"), cy = column(hdr, nh, "year"), ck = column(hdr, nh, "key"),
      cv = column(hdr, nh, "value"), ct = column(hdr, nh, "type"), cs = column(hdr, nh, "source"),
      cn = column(hdr, nh, "note"), cid = column(hdr, nh, "id"), cname = column(hdr, nh, "name"),
      ckind = column(hdr, nh, "kind"), cpar = column(hdr, nh, "parent");
  enum { FACTS, UNITS, OFFICES } kind;
  if (cu >= 0 && cy >= 0 && ck >= 0 && cv >= 0) kind = FACTS;
  else if (cid >= 0 && cname >= 0 && ckind >= 0) kind = UNITS;
  else if (cid >= 0 && cname >= 0 && nh == 2) kind = OFFICES;
  else {
    fail(b, at, "header: expected unit,year,key,value[,type,source,note] or id,name,kind[,parent] or id,name");
    goto done;
  }
  while ((n = csv_next(&r, &row)) > 0) {
    at.line = r.line;
    if (n != nh) { fail(b, at, "row has %d fields, header has %d", n, nh); goto done; }
    if (kind == FACTS) {
      GROW(b, b->facts, b->nfacts, b->capfacts);
      pfact *pf = &b->facts[b->nfacts];
      memset(pf, 0, sizeof *pf);
      pf->at = at;
      pf->unit = arena_strdup(&b->a, row[cu]);
      if (!valid_id(pf->unit)) { fail(b, at, "unit: '%s' is not a valid id", row[cu]); goto done; }
      char *end;
      long long y = strtoll(row[cy], &end, 10);
      if (!*row[cy] || *end) { fail(b, at, "year: '%s' is not an integer", row[cy]); goto done; }
      if (set_year(b, at, pf, y)) goto done;
      pf->f.key = arena_strdup(&b->a, row[ck]);
      if (!valid_id(pf->f.key)) { fail(b, at, "key: '%s' is not a valid key (letters, digits, _ - .)", row[ck]); goto done; }
      if (text_value(b, at, pf, row[cv], ct >= 0 ? row[ct] : NULL, r.sep)) goto done;
      pf->f.source = cs >= 0 && *row[cs] ? arena_strdup(&b->a, row[cs]) : NULL;
      pf->f.note = cn >= 0 && *row[cn] ? arena_strdup(&b->a, row[cn]) : NULL;
      b->nfacts++;
    } else if (kind == UNITS) {
      GROW(b, b->units, b->nunits, b->capunits);
      punit *pu = &b->units[b->nunits];
      pu->at = at;
      if (!valid_id(row[cid])) { fail(b, at, "id: '%s' is not a valid id", row[cid]); goto done; }
      if (!*row[cname]) { fail(b, at, "name: must not be empty"); goto done; }
      if (!*row[ckind]) { fail(b, at, "kind: must not be empty"); goto done; }
      pu->u.id = arena_strdup(&b->a, row[cid]);
      pu->u.name = arena_strdup(&b->a, row[cname]);
      pu->u.kind = arena_strdup(&b->a, row[ckind]);
      pu->u.parent = cpar >= 0 && *row[cpar] ? arena_strdup(&b->a, row[cpar]) : NULL;
      b->nunits++;
    } else {
      GROW(b, b->offices, b->noffices, b->capoffices);
      poffice *po = &b->offices[b->noffices];
      po->at = at;
      if (!valid_id(row[cid])) { fail(b, at, "id: '%s' is not a valid id", row[cid]); goto done; }
      if (!*row[cname]) { fail(b, at, "name: must not be empty"); goto done; }
      po->id = arena_strdup(&b->a, row[cid]);
      po->name = arena_strdup(&b->a, row[cname]);
      b->noffices++;
    }
  }
  if (n < 0) { at.line = r.line; fail(b, at, "%s", r.err); goto done; }
  rc = 0;
done:
  csv_free(&r);
  return rc;
}

/* ---- files and folders ---- */

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int read_file(batch *b, const char *path, char **out, size_t *len) {
  loc at = {path, 0};
  FILE *f = fopen(path, "rb");
  if (!f) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) abort();
  for (;;) {
    if (n == cap) {
      if (cap >= (size_t)MAX_FILE_BYTES) { free(buf); fclose(f); at.line = 1; return fail(b, at, "file larger than 512 MiB"); }
      char *g = realloc(buf, 2 * cap + 1);
      if (!g) abort();
      buf = g; cap *= 2;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) { free(buf); return snprintf(b->err, b->errlen, "%s: read error", path), -1; }
  buf[n] = '\0';
  *out = buf; *len = n;
  return 0;
}

static int import_file(batch *b, const char *path) {
  char *buf = NULL; size_t len = 0;
  if (read_file(b, path, &buf, &len)) return -1;
  const char *file = arena_strdup(&b->a, path);
  int rc;
  if (len == 0) { loc at = {file, 1}; rc = fail(b, at, "empty file"); }
  else if ((rc = check_utf8(b, file, (const unsigned char *)buf, len)) == 0)
    rc = ends_with(path, ".csv") ? csv_file(b, file, buf, len) : json_file(b, file, buf, len);
  free(buf);
  return rc;
}

static int collect(batch *b, const char *path, char ***files, size_t *n, size_t *cap) {
  struct stat st;
  if (stat(path, &st) != 0) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    if (!d) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
    size_t first = *n;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.' || !(ends_with(e->d_name, ".json") || ends_with(e->d_name, ".csv"))) continue;
      size_t len = strlen(path) + strlen(e->d_name) + 2;
      char *p = arena_alloc(&b->a, len);
      snprintf(p, len, "%s%s%s", path, ends_with(path, "/") ? "" : "/", e->d_name);
      GROW(b, *files, *n, *cap);
      (*files)[(*n)++] = p;
    }
    closedir(d);
    if (*n == first) return snprintf(b->err, b->errlen, "%s: no .json or .csv files in this folder", path), -1;
    qsort(*files + first, *n - first, sizeof **files, cmp_str);
    return 0;
  }
  if (!ends_with(path, ".json") && !ends_with(path, ".csv"))
    return snprintf(b->err, b->errlen, "%s: not a .json or .csv file", path), -1;
  GROW(b, *files, *n, *cap);
  (*files)[(*n)++] = arena_strdup(&b->a, path);
  return 0;
}

static int cmp_fact(const void *x, const void *y) {
  const pfact *a = x, *b = y;
  int c = strcmp(a->unit, b->unit);
  if (c) return c;
  if (a->year != b->year) return a->year < b->year ? -1 : 1;
  c = strcmp(a->f.key, b->f.key);
  if (c) return c;
  c = strcmp(a->at.file, b->at.file);
  return c ? c : (a->at.line > b->at.line) - (a->at.line < b->at.line);
}

static int cmp_unit(const void *x, const void *y) {
  const punit *a = x, *b = y;
  int c = strcmp(a->u.id, b->u.id);
  return c ? c : strcmp(a->at.file, b->at.file) ? strcmp(a->at.file, b->at.file) : a->at.line - b->at.line;
}

static int cmp_office(const void *x, const void *y) {
  const poffice *a = x, *b = y;
  int c = strcmp(a->id, b->id);
  return c ? c : strcmp(a->at.file, b->at.file) ? strcmp(a->at.file, b->at.file) : a->at.line - b->at.line;
}

static int find_unit(const batch *b, const char *id) {
  size_t lo = 0, hi = b->nunits;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(b->units[mid].u.id, id);
    if (!c) return 1;
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return 0;
}

static int check_batch(batch *b, store *s) {
  if (b->nfacts) qsort(b->facts, b->nfacts, sizeof *b->facts, cmp_fact);
  if (b->nunits) qsort(b->units, b->nunits, sizeof *b->units, cmp_unit);
  if (b->noffices) qsort(b->offices, b->noffices, sizeof *b->offices, cmp_office);
  for (size_t i = 1; i < b->noffices; i++)
    if (!strcmp(b->offices[i].id, b->offices[i - 1].id))
      return fail(b, b->offices[i].at, "id: office '%s' is also defined at %s:%d", b->offices[i].id,
                  b->offices[i - 1].at.file, b->offices[i - 1].at.line);
  for (size_t i = 1; i < b->nunits; i++)
    if (!strcmp(b->units[i].u.id, b->units[i - 1].u.id))
      return fail(b, b->units[i].at, "id: unit '%s' is also defined at %s:%d", b->units[i].u.id,
                  b->units[i - 1].at.file, b->units[i - 1].at.line);
  for (size_t i = 0; i < b->nunits; i++) {
    const char *p = b->units[i].u.parent;
    if (p && !find_unit(b, p)) {
      int has = store_has_unit(s, p);
      if (has < 0) return snprintf(b->err, b->errlen, "%s", store_errmsg(s)), -1;
      if (!has) return fail(b, b->units[i].at, "parent: unknown unit '%s'", p);
    }
  }
  const char *last_checked = NULL;
  for (size_t i = 0; i < b->nfacts; i++) {
    pfact *f = &b->facts[i];
    if (i > 0) {
      pfact *g = &b->facts[i - 1];
      if (!strcmp(f->unit, g->unit) && f->year == g->year && !strcmp(f->f.key, g->f.key))
        return fail(b, f->at, "key: duplicate fact %s/%d/%s (also at %s:%d)", f->unit, f->year,
                    f->f.key, g->at.file, g->at.line);
    }
    if (last_checked && !strcmp(last_checked, f->unit)) continue;
    last_checked = f->unit;
    if (find_unit(b, f->unit)) continue;
    int has = store_has_unit(s, f->unit);
    if (has < 0) return snprintf(b->err, b->errlen, "%s", store_errmsg(s)), -1;
    if (!has) return fail(b, f->at, "unit: unknown unit '%s' (import its units file too)", f->unit);
  }
  return 0;
}

static void show_value(char *buf, size_t n, const fact *f) {
  switch (f->type) {
  case FT_NUMBER: snprintf(buf, n, "%.15g", f->num); break;
  case FT_INTEGER: snprintf(buf, n, "%lld", f->integer); break;
  case FT_BOOLEAN: snprintf(buf, n, "%s", f->integer ? "true" : "false"); break;
  default: snprintf(buf, n, "%s", f->text); break;
  }
}

static int write_batch(batch *b, store *s, FILE *out, import_stats *st) {
  put_result r;
  const fact **group = NULL;              /* the facts of a unit-year new to the store */
  size_t capgroup = 0;
  if (store_begin(s)) return -1;
  for (size_t i = 0; i < b->noffices; i++) {
    if (store_put_office(s, b->offices[i].id, b->offices[i].name, &r)) goto rollback;
    st->offices[r]++;
  }
  for (size_t i = 0; i < b->nunits; i++) {
    if (store_put_unit(s, &b->units[i].u, &r)) goto rollback;
    st->units[r]++;
  }
  for (size_t i = 0, end; i < b->nfacts; i = end) {    /* facts are sorted by unit, year */
    for (end = i + 1; end < b->nfacts && b->facts[end].year == b->facts[i].year &&
                      !strcmp(b->facts[end].unit, b->facts[i].unit); end++) {}
    int has = store_has_facts(s, b->facts[i].unit, b->facts[i].year);
    if (has < 0) goto rollback;
    if (has) continue;                                 /* below, fact by fact */
    if (capgroup < end - i) {
      const fact **g = realloc(group, (end - i) * sizeof *g);
      if (!g) abort();
      group = g; capgroup = end - i;
    }
    for (size_t k = i; k < end; k++) { group[k - i] = &b->facts[k].f; b->facts[k].done = 1; }
    if (store_put_new_facts(s, b->facts[i].unit, b->facts[i].year, group, (int)(end - i))) goto rollback;
    st->facts[PUT_NEW] += (long)(end - i);
  }
  free(group);
  group = NULL;
  for (size_t i = 0; i < b->nfacts; i++) {
    pfact *pf = &b->facts[i];
    char *old = NULL;
    if (pf->done) continue;
    if (store_put_fact(s, pf->unit, pf->year, &pf->f, &r, &old)) goto rollback;
    st->facts[r]++;
    if (r == PUT_UPDATED && out) {
      char now[80];
      show_value(now, sizeof now, &pf->f);
      fprintf(out, "updated %s %d %s: %.60s -> %s\n", pf->unit, pf->year, pf->f.key,
              old ? old : "", now);
    }
    free(old);
  }
  if (store_commit(s)) goto rollback;
  return 0;
rollback:
  free(group);
  store_rollback(s);
  return -1;
}

int import_paths(store *s, const char *const *paths, int npaths, FILE *out,
                 import_stats *stats, char *err, size_t errlen) {
  batch b = {0};
  char **files = NULL;
  size_t nfiles = 0, capfiles = 0;
  int rc = -1;
  b.err = err; b.errlen = errlen;
  memset(stats, 0, sizeof *stats);
  for (int i = 0; i < npaths; i++)
    if (collect(&b, paths[i], &files, &nfiles, &capfiles)) goto done;
  for (size_t i = 0; i < nfiles; i++)
    if (import_file(&b, files[i])) goto done;
  if (check_batch(&b, s)) goto done;
  if (write_batch(&b, s, out, stats)) {
    snprintf(err, errlen, "writing the store: %s (nothing was imported)", store_errmsg(s));
    goto done;
  }
  stats->files = (int)nfiles;
  rc = 0;
done:
  free(files);
  free(b.facts); free(b.units); free(b.offices);
  arena_free(&b.a);
  return rc;
}
