/*
** rules_diff.h -- 'parindex rules diff DIR_A DIR_B [--unit ID --year Y]': a
** semantic diff of two rulebooks (components, criteria, maxima, owners,
** params, scoring functions), and with a unit and year the effect on its
** points of scoring its facts under both. Prints to stdout.
*/
#ifndef PARINDEX_RULES_DIFF_H
#define PARINDEX_RULES_DIFF_H

#include <stddef.h>

#include "store.h"

typedef struct {
  store *store;             /* NULL: no owner checks and no effect */
  const char *unit;         /* with store: the unit whose points to compare */
  int year;
  char dec;                 /* decimal separator of the output */
} rules_diff_opts;

/* 0, or -1 with a message in err (a rulebook that does not load, a unit
** without facts). */
int rules_diff(const char *dir_a, const char *dir_b, const rules_diff_opts *o, char *err, size_t errlen);

#endif
