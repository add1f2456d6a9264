/*
** ledger.c -- building a unit's result.
*/
#include "ledger.h"

#include <string.h>

void ledger_init(unit_result *r, const unit_info *unit, int year, int ncrits, int ncomps) {
  memset(r, 0, sizeof *r);
  ledger_reinit(r, unit, year, ncrits, ncomps);
}

void ledger_reinit(unit_result *r, const unit_info *unit, int year, int ncrits, int ncomps) {
  arena a = r->a;
  arena_reset(&a);
  memset(r, 0, sizeof *r);
  r->a = a;
  r->unit.id = arena_strdup(&r->a, unit->id);
  r->unit.name = arena_strdup(&r->a, unit->name);
  r->unit.kind = arena_strdup(&r->a, unit->kind);
  r->unit.parent = arena_strdup(&r->a, unit->parent);
  r->year = year;
  r->ncrits = ncrits;
  r->ncomps = ncomps;
  r->crits = arena_alloc(&r->a, (size_t)(ncrits ? ncrits : 1) * sizeof *r->crits);
  r->comps = arena_alloc(&r->a, (size_t)(ncomps ? ncomps : 1) * sizeof *r->comps);
}

void ledger_free(unit_result *r) {
  arena_free(&r->a);
  memset(r, 0, sizeof *r);
}

ledger_deduction *ledger_add_deduction(unit_result *r, int crit) {
  if (r->nded == r->capded) {
    int cap = r->capded ? 2 * r->capded : 16;
    ledger_deduction *d = arena_alloc(&r->a, (size_t)cap * sizeof *d);
    if (r->nded) memcpy(d, r->deds, (size_t)r->nded * sizeof *d);
    r->deds = d; r->capded = cap;
  }
  ledger_deduction *d = &r->deds[r->nded++];
  memset(d, 0, sizeof *d);
  d->crit = crit;
  return d;
}

void ledger_add_task(unit_result *r, ledger_deduction *d, const char *office, const char *text) {
  if (d->ntasks == d->captasks) {
    int cap = d->captasks ? 2 * d->captasks : 2;
    ledger_task *t = arena_alloc(&r->a, (size_t)cap * sizeof *t);
    if (d->ntasks) memcpy(t, d->tasks, (size_t)d->ntasks * sizeof *t);
    d->tasks = t; d->captasks = cap;
  }
  d->tasks[d->ntasks].office = arena_strdup(&r->a, office);
  d->tasks[d->ntasks].text = arena_strdup(&r->a, text);
  d->ntasks++;
}
