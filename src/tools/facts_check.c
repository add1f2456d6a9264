/*
** facts_check.c -- the stored facts of a year against the catalogue.
*/
#include "facts_check.h"

#include <string.h>

#include "fact_check.h"

typedef struct { FILE *out; facts_check_totals *t; const methodology *m; int unit_missing; } ctx;

static void on_problem(const unit_facts *uf, const fact_problem *p, void *ud) {
  ctx *c = ud;
  switch (p->kind) {
  case FACT_MISSING_OPTIONAL: c->t->optional_missing++; return;
  case FACT_MISSING:
    c->t->missing++;
    c->unit_missing++;
    fprintf(c->out, "%s %d: %s: missing (required: %s; office %s)\n", uf->unit.id, uf->year, p->key,
            p->decl->description, p->decl->office);
    return;
  case FACT_UNDECLARED:
    c->t->undeclared++;
    fprintf(c->out, "%s %d: %s: stored but not declared: no rule reads it\n", uf->unit.id, uf->year, p->key);
    return;
  default:
    c->t->invalid++;
    fprintf(c->out, "%s %d: %s: %s\n", uf->unit.id, uf->year, p->key, p->detail);
  }
}

static int on_unit(const unit_facts *uf, void *ud) {
  ctx *c = ud;
  c->t->units++;
  c->unit_missing = 0;
  fact_check_unit(c->m, uf, FACT_CHECK_ALL, on_problem, c);
  if (c->unit_missing) c->t->missing_units++;
  return 0;
}

int facts_check(store *s, const rulebook *rb, int year, const char *unit, const char *kind, FILE *out,
                facts_check_totals *t, char *err, size_t errlen) {
  const methodology *m = rulebook_methodology(rb);
  memset(t, 0, sizeof *t);
  if (!m->nfacts) {
    snprintf(err, errlen, "%s: the rulebook declares no facts (fact \"key\" { ... }, see rules/README.md)", m->dir);
    return -1;
  }
  ctx c = {out, t, m, 0};
  if (!unit && kind ? store_each_unit_facts_kind(s, year, kind, on_unit, &c)
                    : store_each_unit_facts(s, year, unit, on_unit, &c)) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    return -1;
  }
  if (!t->units) {
    if (unit) snprintf(err, errlen, store_has_unit(s, unit) > 0 ? "unit '%s' has no facts for %d" : "unknown unit '%s'", unit, year);
    else if (kind) snprintf(err, errlen, "no unit of kind '%s' has facts for %d in the store", kind, year);
    else snprintf(err, errlen, "no facts for %d in the store (import them first)", year);
    return -1;
  }
  return 0;
}
