/*
** audit_digest.c -- the canonical texts and digests of a run (audit_digest.h).
*/
#include "audit_digest.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "double_text.h"

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

/* A number as %.15g when that reads back exactly, else its bits. */
static void number_text(jsonw *w, double x) {
  static const char hex[] = "0123456789abcdef";
  char buf[NUMTEXT_G15_MAX];
  numtext_g15(buf, x);
  if (strtod(buf, NULL) == x) { jsonw_rawn(w, buf, strlen(buf)); return; }
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

void audit_facts_text(jsonw *keys, jsonw *values, const unit_facts *uf) {
  jsonw_reset(keys);
  jsonw_reset(values);
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    escaped(keys, f->key);
    JSONW_LIT(keys, "\t");
    jsonw_rawn(keys, fact_type_name(f->type), strlen(fact_type_name(f->type)));
    JSONW_LIT(keys, "\n");
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
  char head[4096];
  snprintf(head, sizeof head, "%s\t%s\t%s\t%s\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\n", u->id,
           u->name ? u->name : "\\N", u->kind ? u->kind : "\\N", u->parent ? u->parent : "\\N",
           appraisal, survey, total);
  sha256_ctx *c = sha256_new();
  if (!c) abort();
  sha256_adds(c, head);
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

void audit_run_digest_unit(sha256_ctx *c, const char *unit, const char *keys_sha256,
                           const char *facts_sha256, const char *ledger_sha256) {
  sha256_add(c, "unit\t", 5);
  sha256_adds(c, unit);
  sha256_add(c, "\t", 1);
  sha256_adds(c, keys_sha256);
  sha256_add(c, "\t", 1);
  sha256_adds(c, facts_sha256);
  sha256_add(c, "\t", 1);
  sha256_adds(c, ledger_sha256);
  sha256_add(c, "\n", 1);
}
