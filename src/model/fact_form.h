/*
** fact_form.h -- the form an office fills in (`facts template`): one row per
** fact the rulebook declares, with the unit's stored value and source when
** the form is prefilled. Plain data: tools/facts_form.c fills it from the
** catalogue and the store, report/out_fact_form.c writes it.
**
** Ownership: the declarations are borrowed from the methodology (which
** must outlive the form); every other string lives in the form's arena
** (fact_form_free).
*/
#ifndef PARINDEX_FACT_FORM_H
#define PARINDEX_FACT_FORM_H

#include "arena.h"
#include "methodology.h"

typedef struct {
  const meth_fact *decl;
  const char *unit;         /* the unit this row is for; "" on a blank form */
  const char *value;        /* as the importer reads it back: "true"/"false", "86.75", "2022-06-24",
                               a list's JSON array; NULL when not filled in */
  const char *source, *note;    /* NULL when none */
  const char *type;         /* the stored value's type when it has one (an integer where the
                               declaration says number stays one), else NULL: the declared type */
} fact_form_row;

typedef struct {
  const methodology *m;
  const char *unit;          /* the unit of a one-unit form; "" for a blank form or all units */
  int year;
  int units;                 /* how many units' rows (0: a blank form) */
  fact_form_row *rows; int n;   /* unit by unit, each in the catalogue's key order */
  arena a;
} fact_form;

static inline void fact_form_free(fact_form *f) { arena_free(&f->a); f->rows = NULL; f->n = 0; }

#endif
