/*
** audit_digest.c -- the canonical texts and digests of a run (audit_digest.h).
*/
#include "audit_digest.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* s with \\, tab, newline and carriage return escaped; NULL as \N. Runs
** of plain bytes are copied whole. */
static void escaped(jsonw *w, const char *s) {
  if (!s) { JSONW_LIT(w, "\\N"); return; }
  for (;;) {
    size_t n = strcspn(s, "\\\t\n\r");
    jsonw_rawn(w, s, n);
    s += n;
    if (!*s) return;
    char e[2] = {'\\', *s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' : '\\'};
    jsonw_rawn(w, e, 2);
    s++;
  }
}

double audit_number_parse(const char *v) {
  if (v[0] == '0' && v[1] == 'x' && strlen(v) == 18) {
    uint64_t b = strtoull(v + 2, NULL, 16);
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
  }
  return strtod(v, NULL);
}

void audit_keys_text(jsonw *keys, const unit_facts *uf) {
  jsonw_reset(keys);
  for (size_t i = 0; i < uf->n; i++) {
    const char *t = fact_type_name(uf->facts[i].type);
    escaped(keys, uf->facts[i].key);
    JSONW_LIT(keys, "\t");
    jsonw_rawn(keys, t, strlen(t));
    JSONW_LIT(keys, "\n");
  }
  jsonw_text(keys);
}

/* x as the decimal of fewest places (at most 9) that reads back as exactly
** x, into o; NULL when there is none. M / 10^k, for integers M below 2^53
** and k <= 22, is rounded once, correctly, like strtod of the decimal: if
** it gives x, the decimal reads back as x. */
static char *number_decimal(char *o, double x) {
  static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  for (int k = 0; k < 10; k++) {
    double y = x * p10[k];
    if (!(y < 9007199254740992.0 && y > -9007199254740992.0)) return NULL;   /* NaN too */
    int64_t m = (int64_t)(y < 0 ? y - 0.5 : y + 0.5);
    if ((double)m / p10[k] != x) continue;
    if (m == 0) {                                /* x is 0 or -0: "0" reads back as 0 only */
      uint64_t b;
      memcpy(&b, &x, sizeof b);
      if (b) return NULL;
    }
    char buf[32], *e = buf + sizeof buf, *d = e;
    uint64_t u = m < 0 ? 0 - (uint64_t)m : (uint64_t)m;
    for (int i = 0; u || i <= k; i++) {
      if (i == k && k) *--d = '.';
      *--d = (char)('0' + u % 10);
      u /= 10;
    }
    if (m < 0) *--d = '-';
    memcpy(o, d, (size_t)(e - d));
    return o + (e - d);
  }
  return NULL;
}

/* A fact's value as a number, integer or boolean: at most VALUE_MAX bytes at o. */
#define VALUE_MAX 32
static char *plain_value(char *o, const fact *f) {
  static const char hex[] = "0123456789abcdef";
  if (f->type == FT_BOOLEAN) {
    memcpy(o, f->integer ? "true" : "false", 5);
    return o + (f->integer ? 4 : 5);
  }
  if (f->type == FT_NUMBER) {
    char *end = number_decimal(o, f->num);
    if (end) return end;
    uint64_t b;                                  /* "0x" and the 16 hex digits of its bits */
    memcpy(&b, &f->num, sizeof b);
    *o++ = '0';
    *o++ = 'x';
    for (int i = 0; i < 16; i++) o[i] = hex[(b >> (60 - 4 * i)) & 0xf];
    return o + 16;
  }
  char buf[24], *e = buf + sizeof buf, *d = e;    /* %lld without printf */
  long long v = f->integer;
  uint64_t x = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do *--d = (char)('0' + x % 10); while (x /= 10);
  if (v < 0) *--d = '-';
  memcpy(o, d, (size_t)(e - d));
  return o + (e - d);
}

void audit_values_text(jsonw *values, const unit_facts *uf) {
  jsonw_reset(values);
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    if (f->type == FT_NUMBER || f->type == FT_INTEGER || f->type == FT_BOOLEAN) {
      if (values->n + VALUE_MAX + 1 > values->cap) jsonw_grow(values, VALUE_MAX);
      values->n = (size_t)(plain_value(values->p + values->n, f) - values->p);
    } else escaped(values, f->text ? f->text : "");
    if (f->source || f->note) { JSONW_LIT(values, "\t"); escaped(values, f->source); }
    if (f->note) { JSONW_LIT(values, "\t"); escaped(values, f->note); }
    JSONW_LIT(values, "\n");
  }
  jsonw_text(values);
}

/* The field at *p up to a tab or newline, unescaped in place (NULL for \N);
** *sep gets the character that ended it (0: the end of the text, or bad). */
static char *field_at(char **p, char *sep) {
  char *start = *p, *in = *p, *out = *p;
  int null = in[0] == '\\' && in[1] == 'N' && (in[2] == '\t' || in[2] == '\n');
  if (null) in += 2;
  while (!null && *in && *in != '\t' && *in != '\n') {
    if (*in != '\\') { *out++ = *in++; continue; }
    char c = in[1] == 't' ? '\t' : in[1] == 'n' ? '\n' : in[1] == 'r' ? '\r' : in[1] == '\\' ? '\\' : 0;
    if (!c) { *sep = 0; return NULL; }
    *out++ = c;
    in += 2;
  }
  *sep = *in;
  if (*in) in++;
  if (!null) *out = '\0';                        /* at or before the separator just passed */
  *p = in;
  return null ? NULL : start;
}

int audit_facts_parse_texts(char *keys, char *values, int (*fn)(char *const fields[5], void *ud), void *ud) {
  char *k = keys, *v = values, sep;
  while (*k) {
    char *fields[5] = {0};
    fields[0] = field_at(&k, &sep);
    if (sep != '\t' || !fields[0]) return -1;
    fields[1] = field_at(&k, &sep);
    if (sep != '\n' || !*v) return -1;
    for (int i = 2; i < 5; i++) {
      fields[i] = field_at(&v, &sep);
      if (sep != '\t') break;
    }
    if (sep != '\n' || !fields[2] || fn(fields, ud)) return -1;
  }
  return *v ? -1 : 0;
}

/* The bytes of the ledger digest's first line, gathered so that the
** digest takes them in one piece. */
typedef struct { sha256_ctx *c; size_t n; char b[256]; } line_buf;

static void line_add(line_buf *l, const char *s, size_t n) {
  if (l->n + n > sizeof l->b) {
    sha256_add(l->c, l->b, l->n);
    l->n = 0;
    if (n > sizeof l->b) { sha256_add(l->c, s, n); return; }
  }
  memcpy(l->b + l->n, s, n);
  l->n += n;
}

void audit_ledger_digest_on(sha256_ctx *c, const unit_info *u, int64_t appraisal, int64_t survey, int64_t total,
                            const char *ledger_json, char out[SHA256_HEX]) {
  const char *v[4] = {u->id, u->name, u->kind, u->parent};
  int64_t n[3] = {appraisal, survey, total};
  char num[24];
  line_buf l = {.c = c};
  for (int i = 0; i < 4; i++) {
    if (i) line_add(&l, "\t", 1);
    if (v[i]) line_add(&l, v[i], strlen(v[i])); else line_add(&l, "\\N", 2);
  }
  for (int i = 0; i < 3; i++) {
    char *e = num + sizeof num, *o = e;      /* %lld without printf: one per unit */
    uint64_t x = n[i] < 0 ? 0 - (uint64_t)n[i] : (uint64_t)n[i];
    do *--o = (char)('0' + x % 10); while (x /= 10);
    if (n[i] < 0) *--o = '-';
    line_add(&l, "\t", 1);
    line_add(&l, o, (size_t)(e - o));
  }
  line_add(&l, "\n", 1);
  sha256_add(c, l.b, l.n);
  sha256_adds(c, ledger_json);
  sha256_next(c, out);
}

void audit_ledger_digest(const unit_info *u, int64_t appraisal, int64_t survey, int64_t total,
                         const char *ledger_json, char out[SHA256_HEX]) {
  sha256_ctx *c = sha256_new();
  if (!c) abort();
  audit_ledger_digest_on(c, u, appraisal, survey, total, ledger_json, out);
  sha256_free(c);
}

static void field(sha256_ctx *c, const char *name, const char *v) {
  sha256_adds(c, name);
  sha256_add(c, "\t", 1);
  sha256_adds(c, v ? v : "\\N");
  sha256_add(c, "\n", 1);
}

static void field_int(sha256_ctx *c, const char *name, int64_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%" PRId64, v);
  field(c, name, buf);
}

sha256_ctx *audit_run_digest_begin(const audit_run_head *h) {
  sha256_ctx *c = sha256_new();
  if (!c) abort();
  char prev[128];
  sha256_adds(c, "parindex run v5\n");
  field_int(c, "run", h->id);
  if (h->prev_digest) snprintf(prev, sizeof prev, "%" PRId64 "\t%s", h->prev, h->prev_digest);
  else snprintf(prev, sizeof prev, "\\N\t\\N");
  field(c, "prev", prev);
  field(c, "created", h->created);
  field(c, "engine", h->engine);
  field(c, "rules", h->rules);
  field(c, "rules_abs", h->rules_abs);
  field_int(c, "year", h->year);
  field_int(c, "units", h->units);
  field(c, "rules_sha256", h->rules_sha256);
  field_int(c, "facts_import", h->facts_import);
  return c;
}

void audit_run_digest_office(sha256_ctx *c, const char *id, const char *name) {
  sha256_add(c, "office\t", 7);
  sha256_adds(c, id);
  sha256_add(c, "\t", 1);
  sha256_adds(c, name);
  sha256_add(c, "\n", 1);
}

void audit_digest_unit_line(jsonw *w, const char *unit, const char *keys_sha256, const char *facts_sha256,
                            const char *ledger_sha256) {
  const char *v[4] = {unit, keys_sha256, facts_sha256, ledger_sha256};
  JSONW_LIT(w, "unit");
  for (int i = 0; i < 4; i++) {
    JSONW_LIT(w, "\t");
    if (v[i]) jsonw_rawn(w, v[i], strlen(v[i])); else JSONW_LIT(w, "\\N");
  }
  JSONW_LIT(w, "\n");
}
