/*
** facts_form.c -- the catalogue as a form, prefilled from the store.
*/
#include "facts_form.h"

#include <stdio.h>
#include <string.h>

#include "store_fact_rows.h"
#include "store_levels.h"

typedef struct {
  fact_form *f; size_t cap; const char *cur; int base;
  store *s; const char *kind;            /* only the units of kind (NULL: every unit) */
  char last[256]; int skip;              /* the unit last seen, and whether it is not of kind */
  int failed;
} build_ctx;

/* Whether unit is of c->kind, asked once per unit (-1: a store error). */
static int of_kind(build_ctx *c, const char *unit) {
  if (!c->kind) return 1;
  if (!strcmp(c->last, unit)) return !c->skip;
  char kind[256], parent[256];
  int has = store_unit_level(c->s, unit, kind, sizeof kind, parent, sizeof parent);
  if (has < 0) return -1;
  snprintf(c->last, sizeof c->last, "%s", unit);
  c->skip = !has || strcmp(kind, c->kind) != 0;
  return !c->skip;
}

/* The rows of one more unit, blank. */
static int add_unit(build_ctx *c, const char *unit) {
  fact_form *f = c->f;
  const methodology *m = f->m;
  if ((size_t)(f->n + m->nfacts) > c->cap) {
    size_t cap = c->cap ? 2 * c->cap : (size_t)m->nfacts;
    while (cap < (size_t)(f->n + m->nfacts)) cap *= 2;
    fact_form_row *g = arena_alloc(&f->a, cap * sizeof *g);
    if (f->n) memcpy(g, f->rows, (size_t)f->n * sizeof *g);
    f->rows = g;
    c->cap = cap;
  }
  c->cur = unit = arena_strdup(&f->a, unit);
  c->base = f->n;
  for (int i = 0; i < m->nfacts; i++) f->rows[f->n++] = (fact_form_row){.decl = &m->facts[i], .unit = unit};
  f->units++;
  return 0;
}

static int on_row(const store_fact_row *r, void *ud) {
  build_ctx *c = ud;
  fact_form *f = c->f;
  int in = r->unit ? of_kind(c, r->unit) : 1;
  if (in < 0) { c->failed = 1; return 1; }
  if (!in) return 0;
  if (r->unit && (!c->cur || strcmp(c->cur, r->unit))) add_unit(c, r->unit);
  const meth_fact *d = methodology_fact(f->m, r->key);
  if (!d) return 0;                             /* a fact no rule reads: not on the form */
  fact_form_row *row = &f->rows[c->base + (int)(d - f->m->facts)];
  const char *v = r->value;
  if (!strcmp(r->type, "boolean")) v = strcmp(v, "0") ? "true" : "false";
  row->value = arena_strdup(&f->a, v);
  row->source = arena_strdup(&f->a, r->source);
  row->note = arena_strdup(&f->a, r->note);
  row->type = arena_strdup(&f->a, r->type);
  return 0;
}

int facts_form_build(store *s, const methodology *m, int year, const char *unit, int all, const char *kind,
                     fact_form *form, char *err, size_t errlen) {
  memset(form, 0, sizeof *form);
  form->m = m;
  form->year = year;
  form->unit = "";
  if (!m->nfacts) {
    snprintf(err, errlen, "%s: the rulebook declares no facts (fact \"key\" { ... }, see rules/README.md)", m->dir);
    return -1;
  }
  build_ctx c = {form, 0, NULL, 0, s, unit ? NULL : kind, "", 0, 0};
  if (!unit && !all) {                          /* blank */
    add_unit(&c, "");
    form->units = 0;
    return 0;
  }
  if (unit) {
    int has = store_has_unit(s, unit);
    if (has <= 0) {
      snprintf(err, errlen, has < 0 ? "%s" : "unknown unit '%s'", has < 0 ? store_errmsg(s) : unit);
      return -1;
    }
    form->unit = arena_strdup(&form->a, unit);
    add_unit(&c, unit);
  }
  if (store_each_fact_row(s, unit, year, on_row, &c) || c.failed) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    return -1;
  }
  if (all && !form->units) {
    if (kind) snprintf(err, errlen, "no unit of kind '%s' has facts for %d in the store", kind, year);
    else snprintf(err, errlen, "no facts for %d in the store (import them first)", year);
    return -1;
  }
  return 0;
}
