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

/* A number as "0x" and the hex digits of its bits: exact, and far cheaper
** than a decimal that reads back exactly. */
static void number_text(jsonw *w, double x) {
  static const char hex[] = "0123456789abcdef";
  uint64_t b;
  memcpy(&b, &x, sizeof b);
  char bits[18] = {'0', 'x'};
  for (int i = 0; i < 16; i++) bits[2 + i] = hex[(b >> (60 - 4 * i)) & 0xf];
  jsonw_rawn(w, bits, sizeof bits);
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

/* Do uf's keys and types give exactly the text in keys? (Most units of a
** run have the keys of the unit before: the text need not be made again.) */
static int same_keys(const jsonw *keys, const unit_facts *uf) {
  const char *p = keys->p, *end = keys->p + keys->n;
  if (!p) return 0;
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    const char *t = fact_type_name(f->type);
    size_t k = strlen(f->key), n = strlen(t);
    if (strcspn(f->key, "\\\t\n\r") != k || (size_t)(end - p) < k + n + 2 || memcmp(p, f->key, k) ||
        p[k] != '\t' || memcmp(p + k + 1, t, n) || p[k + 1 + n] != '\n')
      return 0;
    p += k + n + 2;
  }
  return p == end;
}

int audit_facts_text(jsonw *keys, jsonw *values, const unit_facts *uf) {
  int kept = same_keys(keys, uf);
  if (!kept) jsonw_reset(keys);
  jsonw_reset(values);
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    if (!kept) {
      escaped(keys, f->key);
      JSONW_LIT(keys, "\t");
      jsonw_rawn(keys, fact_type_name(f->type), strlen(fact_type_name(f->type)));
      JSONW_LIT(keys, "\n");
    }
    switch (f->type) {
    case FT_NUMBER: number_text(values, f->num); break;
    case FT_INTEGER: jsonw_int(values, f->integer); break;
    case FT_BOOLEAN: if (f->integer) JSONW_LIT(values, "true"); else JSONW_LIT(values, "false"); break;
    default: escaped(values, f->text ? f->text : "");
    }
    if (f->source || f->note) { JSONW_LIT(values, "\t"); escaped(values, f->source); }
    if (f->note) { JSONW_LIT(values, "\t"); escaped(values, f->note); }
    JSONW_LIT(values, "\n");
  }
  jsonw_text(keys);
  jsonw_text(values);
  return kept;
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

void audit_ledger_digest(const unit_info *u, int64_t appraisal, int64_t survey, int64_t total,
                         const char *ledger_json, char out[SHA256_HEX]) {
  const char *v[4] = {u->id, u->name, u->kind, u->parent};
  int64_t n[3] = {appraisal, survey, total};
  char num[24];
  sha256_ctx *c = sha256_new();
  if (!c) abort();
  for (int i = 0; i < 4; i++) {
    if (i) sha256_add(c, "\t", 1);
    if (v[i]) sha256_adds(c, v[i]); else sha256_add(c, "\\N", 2);
  }
  for (int i = 0; i < 3; i++) {
    char *e = num + sizeof num, *o = e;      /* %lld without printf: one per unit */
    uint64_t x = n[i] < 0 ? 0 - (uint64_t)n[i] : (uint64_t)n[i];
    do *--o = (char)('0' + x % 10); while (x /= 10);
    if (n[i] < 0) *--o = '-';
    sha256_add(c, "\t", 1);
    sha256_add(c, o, (size_t)(e - o));
  }
  sha256_add(c, "\n", 1);
  sha256_adds(c, ledger_json);
  sha256_end(c, out);
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
