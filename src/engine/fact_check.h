/*
** fact_check.h -- a unit's stored facts against the rulebook's catalogue of
** facts (methodology.h, meth_fact): required facts that are missing, stored
** facts the catalogue does not declare (no rule reads them), values of the
** wrong type or out of the declared range, and list records whose fields
** are missing, undeclared or of the wrong type.
**
** Ownership: a problem handed to the callback (its key, declaration and
** detail text) is valid during the call only.
*/
#ifndef PARINDEX_FACT_CHECK_H
#define PARINDEX_FACT_CHECK_H

#include "facts.h"
#include "methodology.h"

typedef enum {
  FACT_MISSING,             /* a required fact the unit does not have */
  FACT_MISSING_OPTIONAL,    /* an optional one (reported only with FACT_CHECK_ALL) */
  FACT_UNDECLARED,          /* stored, but no declaration: no rule reads it */
  FACT_WRONG_TYPE,
  FACT_OUT_OF_RANGE,
  FACT_BAD_RECORD           /* a list record: a field missing, undeclared or of the wrong type */
} fact_problem_kind;

typedef struct {
  fact_problem_kind kind;
  const char *key;
  const meth_fact *decl;    /* NULL for FACT_UNDECLARED */
  const fact *stored;       /* NULL for FACT_MISSING* */
  const char *detail;       /* what is wrong, in English ("is text, declared integer") */
} fact_problem;

typedef void (*fact_problem_fn)(const unit_facts *uf, const fact_problem *p, void *ud);

enum { FACT_CHECK_MISSING = 0, FACT_CHECK_ALL = 1 };

/* Check uf against m's catalogue (nothing when m declares no facts).
** FACT_CHECK_MISSING: only required facts that are missing (what scoring
** needs); FACT_CHECK_ALL: every problem above. Calls fn per problem, in key
** order; returns the number of required facts missing. */
int fact_check_unit(const methodology *m, const unit_facts *uf, int what, fact_problem_fn fn, void *ud);

/* Is a stored value of type t what a declaration of type want accepts?
** (An integer is also a number.) */
int fact_type_fits(fact_type want, fact_type t);

#endif
