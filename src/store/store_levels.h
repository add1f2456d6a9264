/*
** store_levels.h -- the levels of a province in the store (units of several
** kinds, each under a parent) and the units' self-assessments (issue 17).
**
** Ownership: as store.h. Strings handed to callbacks are valid only during
** the callback; strings passed in are read during the call only.
*/
#ifndef PARINDEX_STORE_LEVELS_H
#define PARINDEX_STORE_LEVELS_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* The kinds of the units with facts in year, in name order, each with how
** many such units (cb returns 0 to go on). 0, or -1 (store_errmsg). */
int store_year_kinds(store *s, int year, int (*cb)(const char *kind, int64_t units, void *ud), void *ud);
/* Has a unit of kind directly under parent facts in year? 1, 0, -1. */
int store_kind_under(store *s, int year, const char *kind, const char *parent);
/* Is there a unit of this kind? 1, 0, -1. */
int store_kind_known(store *s, const char *kind);
/* The kind and parent of unit into kind[] and parent[] ("" when none):
** 1, 0 for an unknown unit, -1. */
int store_unit_level(store *s, const char *unit, char *kind, size_t nkind, char *parent, size_t nparent);

/* One criterion of a unit's self-assessment: its own points (hundredths),
** the evidence it cites (a JSON array text) and its explanation (NULL:
** none). */
typedef struct {
  const char *unit; int year;
  const char *criterion;
  int64_t points;
  const char *evidence, *explanation, *source;
  int64_t submission;       /* read back: which submission it came from */
  const char *created;      /* read back: when it was stored (UTC) */
} store_self_row;

/* The number the next submission gets (1 + the highest so far); call inside
** the transaction that stores it. 0, or -1. */
int store_self_next(store *s, int64_t *submission);
/* Store one row of submission `submission` (in a transaction); a criterion
** given twice in one submission is refused by the primary key. 0, or -1. */
int store_self_put(store *s, int64_t submission, const store_self_row *r);
/* The self-assessment in force of unit and year: per criterion its latest
** submission, in criterion order (as text). cb returns 0 to go on. 0, -1,
** or what cb returned. */
int store_self_each(store *s, const char *unit, int year, int (*cb)(const store_self_row *r, void *ud), void *ud);

#endif
