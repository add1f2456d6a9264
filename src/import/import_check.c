/*
** import_check.c -- what both formats check and share: messages with their
** file, line and column; ids, years, type names, dates; the numbers of a
** strictly checked JSON text taken from their written text (json_strict.h);
** list values (records) checked and printed back as written.
*/
#include "import_check.h"
#include "xlsx_read.h"

#include <ctype.h>
#include <stdint.h>
#include <stdarg.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "json_writer.h"

const char *imp_where(const importer *b, loc at, char *buf, size_t n) {
  for (size_t i = 0; i < b->nxl; i++) {        /* a place in an .xlsx file: file:sheet!cell */
    int sheet = at.line / XLSX_ROWS;
    if (b->xl[i].file != at.file || sheet >= b->xl[i].n) continue;
    char cell[16];
    snprintf(buf, n, "%s:%s!%s", b->files[at.file], b->xl[i].names[sheet],
             xlsx_cell_name(cell, b->xl[i].valcol[sheet], at.line % XLSX_ROWS));
    return buf;
  }
  snprintf(buf, n, "%s:%d", b->files[at.file], at.line);
  return buf;
}

int imp_fail(importer *b, loc at, const char *fmt, ...) {
  va_list ap;
  char where[4200];
  int n = snprintf(b->err, b->errlen, "%s: ", imp_where(b, at, where, sizeof where));
  va_start(ap, fmt);
  if (n >= 0 && (size_t)n < b->errlen) vsnprintf(b->err + n, b->errlen - (size_t)n, fmt, ap);
  va_end(ap);
  return -1;
}

/* "file:line:col: message" for a problem at a column of the file being read. */
int imp_fail_col(importer *b, int line, int col, const char *msg) {
  snprintf(b->err, b->errlen, "%s:%d:%d: %s", b->files[b->cur], line, col, msg);
  return -1;
}

int imp_store_fail(importer *b) {
  snprintf(b->err, b->errlen, "writing the store: %s (nothing was imported)", store_errmsg(b->s));
  return -1;
}

/* ---- checks shared by both formats ---- */

int imp_valid_id(const char *s) {
  size_t n = 0;
  for (; s[n]; n++)
    if (!isalnum((unsigned char)s[n]) && !strchr("_-.", s[n])) return 0;
  return n > 0 && n <= 128;
}

int imp_set_year(importer *b, loc at, pfact *pf, long long y) {
  if (y < 1900 || y > 2200) return imp_fail(b, at, "year: %lld is not a plausible year", y);
  pf->year = (int)y;
  return 0;
}

int imp_parse_type(const char *t, fact_type *out) {
  for (int i = 0; i <= FT_LIST; i++)
    if (strcmp(t, fact_type_name((fact_type)i)) == 0) { *out = (fact_type)i; return 1; }
  return 0;
}

int imp_check_date(importer *b, loc at, const char *field, const char *s) {
  pdate d;
  if (!date_parse_iso(s, &d))
    return imp_fail(b, at, "%s: '%s' is not a valid date (expected YYYY-MM-DD)", field, s);
  return 0;
}

/* The text of a number of the tree the strict check j saw (see tag). */
json_span imp_number_text(const json_strict *j, const cJSON *v) {
  size_t k = (size_t)v->valueint;
  return v->valueint >= 0 && k < j->nnums ? j->nums[k] : (json_span){"?", 1};
}

/* A list value: an array of flat records; ISO-looking strings must be real
** dates, numbers must be what they were written as (json_number_problem). */
int imp_check_list(importer *b, loc at, const char *key, const cJSON *arr, const json_strict *j) {
  int i = 0;
  for (const cJSON *rec = arr->child; rec; rec = rec->next, i++) {
    loc rat = {at.file, rec->type & cJSON_Object ? rec->valueint : at.line};
    if (!cJSON_IsObject(rec))
      return imp_fail(b, at, "value: %s[%d]: a list holds records (JSON objects)", key, i + 1);
    for (const cJSON *m = rec->child; m; m = m->next) {
      if (cJSON_IsArray(m) || cJSON_IsObject(m))
        return imp_fail(b, rat, "value: %s[%d].%s: record fields must be plain values", key, i + 1, m->string);
      if (cJSON_IsNumber(m)) {
        json_span t = imp_number_text(j, m);
        json_num v;
        json_number(t.p, t.n, &v);
        const char *bad = json_number_problem(&v, JSON_AS_WRITTEN);
        if (bad) return imp_fail(b, rat, "value: %s[%d].%s: %.*s %s", key, i + 1, m->string, (int)t.n, t.p, bad);
      }
      if (cJSON_IsString(m) && date_looks_iso(m->valuestring)) {
        char field[256];
        snprintf(field, sizeof field, "value: %s[%d].%s", key, i + 1, m->string);
        if (imp_check_date(b, rat, field, m->valuestring)) return -1;
      }
    }
  }
  return 0;
}

/* What the strict check j recorded, into cJSON's tree in the otherwise
** unused valueint: each object's line (or `line` if not 0, for a list in a
** CSV field), each number's index into j->nums. A pre-order walk meets
** them in document order, as the check did. */
void imp_tag(cJSON *node, imp_tagger *t) {
  for (; node; node = node->next) {
    if (cJSON_IsObject(node))
      node->valueint = t->line ? t->line : t->obj < t->j->nlines ? t->j->lines[t->obj++] : 0;
    else if (cJSON_IsNumber(node))
      node->valueint = t->num < t->j->nnums ? (int)t->num++ : -1;
    if (node->child) imp_tag(node->child, t);
  }
}

/* A list value's text: its records printed back with numbers as written. */
const char *imp_list_text(importer *b, const cJSON *v, const json_strict *j) {
  jsonw w = {0};
  json_print(&w, v, j);
  const char *text = arena_strdup(&b->tmp, jsonw_text(&w));
  jsonw_free(&w);
  return text;
}

/* A fact's number, written t (quoted in messages when `quote`, as CSV's
** are), as type `want` (-1: none, so as written: an integer without a
** fraction or an exponent, else a number). Never rounded to fit a type. */
int imp_number_value(importer *b, loc at, int quote, json_span t, const json_num *n, int want, fact *f) {
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

/* Line and column (in characters) after reading s[0..n), from *line, *col. */
void imp_advance(const unsigned char *s, size_t n, int *line, int *col) {
  for (size_t k = 0; k < n; k++)
    if (s[k] == '\n') { (*line)++; *col = 1; }
    else if ((s[k] & 0xC0) != 0x80) (*col)++;
}


/* The first byte of s[0..len) that does not begin a valid UTF-8 character
** (or is NUL): its offset, with *bad = 1. Else len, or (when !final) the
** start of a character cut by the end of s, to be read again with more. */
size_t imp_utf8_scan(const unsigned char *s, size_t len, int final, int *bad) {
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

int imp_points_text(const char *p, size_t n, int comma, int64_t *out) {
  int64_t v = 0;
  size_t dec = 0, digits = 0;
  int point = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = p[i];
    if ((ch == '.' || (comma && ch == ',')) && !point) { point = 1; continue; }
    if (ch < '0' || ch > '9' || (point && ++dec > 2) || v > 100000000) return -1;
    v = v * 10 + (ch - '0');
    digits++;
  }
  if (!digits) return -1;
  for (; dec < 2; dec++) v *= 10;
  *out = v;
  return 0;
}

/* The column named name: a header that is the name, or a title that ends
** with it in parentheses ("Giá trị (value)", as `facts template --excel`
** writes them). */
int imp_column(char *const *hdr, int n, const char *name) {
  size_t k = strlen(name);
  for (int i = 0; i < n; i++) {
    size_t len = strlen(hdr[i]);
    if (strcmp(hdr[i], name) == 0) return i;
    if (len > k + 2 && hdr[i][len - 1] == ')' && hdr[i][len - k - 2] == '(' && !strncmp(hdr[i] + len - k - 1, name, k))
      return i;
  }
  return -1;
}

/* A member named twice in one object: cJSON keeps both and lookups see only
** the first, so the second value would be dropped without a word. */
static int cmp_name(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

const char *imp_json_duplicate(const cJSON *node, int line, int *at) {
  for (; node; node = node->next) {
    int here = cJSON_IsObject(node) ? node->valueint : line;
    size_t n = 0;
    if (cJSON_IsObject(node))
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
      free(names);
      if (dup) { *at = here; return dup; }
    }
    const char *d = node->child ? imp_json_duplicate(node->child, here, at) : NULL;
    if (d) return d;
  }
  return NULL;
}

cJSON *imp_json_parse(json_strict *j, const char *buf, size_t len, const char *file, char *err, size_t errlen) {
  int bad;
  size_t off = imp_utf8_scan((const unsigned char *)buf, len, 1, &bad);
  if (bad) {
    int line = 1, col = 1;
    imp_advance((const unsigned char *)buf, off, &line, &col);
    snprintf(err, errlen, "%s:%d:%d: %s", file, line, col, buf[off] ? "invalid UTF-8" : "NUL byte in text");
    return NULL;
  }
  if (json_strict_check(j, buf, len)) {
    int line = 1, col = 1;
    imp_advance((const unsigned char *)buf, j->at, &line, &col);
    snprintf(err, errlen, "%s:%d:%d: %s", file, line, col, j->err);
    return NULL;
  }
  cJSON *root = cJSON_ParseWithLength(buf, len);
  if (!root) { snprintf(err, errlen, "%s:1: JSON: out of memory", file); return NULL; }
  imp_tagger t = {j, 0, 0, 0};
  imp_tag(root, &t);
  int at;
  const char *dup = imp_json_duplicate(root, 1, &at);
  if (dup) {
    snprintf(err, errlen, "%s:%d: %s: member given twice in one object", file, at, dup);
    cJSON_Delete(root);
    return NULL;
  }
  return root;
}
