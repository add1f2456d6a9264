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

const char *audit_number_bits(double x, char buf[19]) {
  static const char hex[] = "0123456789abcdef";
  uint64_t b;
  memcpy(&b, &x, sizeof b);
  buf[0] = '0';
  buf[1] = 'x';
  for (int i = 0; i < 16; i++) buf[2 + i] = hex[(b >> (60 - 4 * i)) & 0xf];
  buf[18] = '\0';
  return buf;
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

void audit_facts_text(jsonw *w, const unit_facts *uf) {
  jsonw_reset(w);
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    char buf[32];
    escaped(w, f->key);
    JSONW_LIT(w, "\t");
    jsonw_rawn(w, fact_type_name(f->type), strlen(fact_type_name(f->type)));
    JSONW_LIT(w, "\t");
    switch (f->type) {
    case FT_NUMBER: jsonw_rawn(w, audit_number_bits(f->num, buf), 18); break;
    case FT_INTEGER: jsonw_int(w, f->integer); break;
    case FT_BOOLEAN: if (f->integer) JSONW_LIT(w, "true"); else JSONW_LIT(w, "false"); break;
    default: escaped(w, f->text ? f->text : "");
    }
    JSONW_LIT(w, "\t");
    escaped(w, f->source);
    JSONW_LIT(w, "\t");
    escaped(w, f->note);
    JSONW_LIT(w, "\n");
  }
  jsonw_text(w);
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

void audit_run_digest_unit(sha256_ctx *c, const char *unit, const char *facts_sha256,
                           const char *ledger_sha256) {
  sha256_add(c, "unit\t", 5);
  sha256_adds(c, unit);
  sha256_add(c, "\t", 1);
  sha256_adds(c, facts_sha256);
  sha256_add(c, "\t", 1);
  sha256_adds(c, ledger_sha256);
  sha256_add(c, "\n", 1);
}
