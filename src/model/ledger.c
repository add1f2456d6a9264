/*
** ledger.c -- building a unit's result.
*/
#include "ledger.h"

#include <string.h>

#include "double_text.h"

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
  d->file = -1;
  return d;
}

ledger_deduction *ledger_add_extra(unit_result *r, int item) {
  if (r->nextras == r->capextras) {
    int cap = r->capextras ? 2 * r->capextras : 4;
    ledger_deduction *d = arena_alloc(&r->a, (size_t)cap * sizeof *d);
    if (r->nextras) memcpy(d, r->extras, (size_t)r->nextras * sizeof *d);
    r->extras = d; r->capextras = cap;
  }
  ledger_deduction *d = &r->extras[r->nextras++];
  memset(d, 0, sizeof *d);
  d->crit = item;
  d->file = -1;
  return d;
}

ledger_achievement *ledger_add_achievement(unit_result *r, int crit) {
  if (r->nach == r->capach) {
    int cap = r->capach ? 2 * r->capach : 8;
    ledger_achievement *a = arena_alloc(&r->a, (size_t)cap * sizeof *a);
    if (r->nach) memcpy(a, r->achs, (size_t)r->nach * sizeof *a);
    r->achs = a; r->capach = cap;
  }
  ledger_criterion *lc = &r->crits[crit];
  if (lc->acount == 0) lc->afirst = r->nach;
  lc->acount++;
  ledger_achievement *a = &r->achs[r->nach++];
  memset(a, 0, sizeof *a);
  a->crit = crit;
  a->file = -1;
  return a;
}

void ledger_add_task(unit_result *r, ledger_deduction *d, const char *office, const char *text) {
  ledger_add_task_prefixed(r, d, office, "", text);
}

void ledger_add_task_prefixed(unit_result *r, ledger_deduction *d, const char *office,
                              const char *prefix, const char *text) {
  if (d->ntasks == d->captasks) {
    int cap = d->captasks ? 2 * d->captasks : 2;
    ledger_task *t = arena_alloc(&r->a, (size_t)cap * sizeof *t);
    if (d->ntasks) memcpy(t, d->tasks, (size_t)d->ntasks * sizeof *t);
    d->tasks = t; d->captasks = cap;
  }
  char *joined = NULL;
  if (text) {
    size_t np = strlen(prefix), nt = strlen(text);
    joined = arena_bytes(&r->a, np + nt + 1);
    memcpy(joined, prefix, np);
    memcpy(joined + np, text, nt + 1);
  }
  d->tasks[d->ntasks].office = arena_strdup(&r->a, office);
  d->tasks[d->ntasks].text = joined;
  d->ntasks++;
}

static const char *integer_text(char *end, long long n) {
  unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
  *--end = '\0';
  do *--end = (char)('0' + u % 10); while (u /= 10);
  if (n < 0) *--end = '-';
  return end;
}

void ledger_set_fact(unit_result *r, ledger_fact *lf, const fact *f) {
  char buf[64];
  const char *v = f->text;
  if (f->type == FT_NUMBER) v = numtext_g15(buf, f->num);
  else if (f->type == FT_INTEGER) v = integer_text(buf + sizeof buf, f->integer);
  else if (f->type == FT_BOOLEAN) v = f->integer ? "true" : "false";
  lf->type = fact_type_name(f->type);
  const char *from[4] = {f->key, v, f->source, f->note};
  const char **to[4] = {&lf->key, &lf->value, &lf->source, &lf->note};
  size_t len[4], total = 0;
  for (int k = 0; k < 4; k++) total += len[k] = from[k] ? strlen(from[k]) + 1 : 0;
  char *p = arena_bytes(&r->a, total);        /* the four strings in one block */
  for (int k = 0; k < 4; k++) {
    *to[k] = from[k] ? memcpy(p, from[k], len[k]) : NULL;
    p += len[k];
  }
}
