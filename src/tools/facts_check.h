/*
** facts_check.h -- 'parindex facts check': every unit's stored facts for a
** year against the rulebook's catalogue, all problems at once (fact_check.h):
** required facts missing, stored facts no rule reads, values of the wrong
** type or out of range, list records with missing or wrong fields. One
** line per problem on out, then a summary.
*/
#ifndef PARINDEX_FACTS_CHECK_H
#define PARINDEX_FACTS_CHECK_H

#include <stdio.h>

#include "rulebook.h"
#include "store.h"

typedef struct {
  int units;                /* units checked */
  int missing, missing_units;   /* required facts missing, and in how many units */
  int invalid;              /* wrong type, out of range, bad records */
  int undeclared;           /* stored facts no declaration names */
  int optional_missing;     /* optional facts a unit has not (counted, not listed) */
} facts_check_totals;

/* Check every unit with facts for year (or only unit; or, kind not NULL,
** every unit of that kind). 0, or -1 with a message in err (a store error,
** a rulebook without a catalogue). */
int facts_check(store *s, const rulebook *rb, int year, const char *unit, const char *kind, FILE *out,
                facts_check_totals *t, char *err, size_t errlen);

#endif
