/*
** facts_form.c -- the catalogue as a form, prefilled from the store.
*/
#include "facts_form.h"

#include <stdio.h>
#include <string.h>

#include "store_fact_rows.h"

static int on_row(const store_fact_row *r, void *ud) {
  fact_form *f = ud;
  for (int i = 0; i < f->n; i++) {             /* both in key order, but few: a scan is enough */
    fact_form_row *row = &f->rows[i];
    if (strcmp(row->decl->key, r->key)) continue;
    const char *v = r->value;
    if (!strcmp(r->type, "boolean")) v = strcmp(v, "0") ? "true" : "false";
    row->value = arena_strdup(&f->a, v);
    row->source = arena_strdup(&f->a, r->source);
    row->note = arena_strdup(&f->a, r->note);
    row->type = arena_strdup(&f->a, r->type);
    return 0;
  }
  return 0;                                     /* a fact no rule reads: not on the form */
}

int facts_form_build(store *s, const methodology *m, int year, const char *unit, fact_form *form,
                     char *err, size_t errlen) {
  memset(form, 0, sizeof *form);
  form->m = m;
  form->year = year;
  form->unit = form->unit_name = "";
  if (!m->nfacts) {
    snprintf(err, errlen, "%s: the rulebook declares no facts (fact \"key\" { ... }, see rules/README.md)", m->dir);
    return -1;
  }
  form->rows = arena_alloc(&form->a, (size_t)m->nfacts * sizeof *form->rows);
  form->n = m->nfacts;
  for (int i = 0; i < m->nfacts; i++) form->rows[i].decl = &m->facts[i];
  if (!unit) return 0;
  int has = store_has_unit(s, unit);
  if (has <= 0) {
    snprintf(err, errlen, has < 0 ? "%s" : "unknown unit '%s'", has < 0 ? store_errmsg(s) : unit);
    return -1;
  }
  form->unit = form->unit_name = arena_strdup(&form->a, unit);
  if (store_each_fact_row(s, unit, year, on_row, form)) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    return -1;
  }
  return 0;
}
