/*
** stored_run.h -- one unit of a stored run, shown exactly as it was: the
** run's own rule files (kept in the store) loaded as its rulebook, and the
** unit's stored ledger read back with it (explain --run, tasks --run).
**
** Ownership: a stored_unit owns the run, the rulebook and the result in it;
** stored_unit_free releases them. The store stays the caller's.
*/
#ifndef PARINDEX_STORED_RUN_H
#define PARINDEX_STORED_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "ledger.h"
#include "methodology.h"
#include "rulebook.h"
#include "store.h"

typedef struct {
  audit_run run;
  rulebook *rb;             /* the rulebook as the run had it */
  const methodology *mt;    /* rb's */
  const audit_unit_row *u;  /* the unit's row of the run */
  unit_result r;            /* its stored ledger */
  int current_rules;        /* 1: a run stored before the audit trail (schema v1), which
                            ** kept no rule files: rb is the current rules of its folder */
} stored_unit;

enum { STORED_OK = 0, STORED_NO_RUN = 1, STORED_WHICH_UNIT = 2, STORED_NO_UNIT = 3 };

/* Load unit of run id (unit NULL: the run's only unit). Returns STORED_OK;
** STORED_NO_RUN; STORED_WHICH_UNIT when unit is NULL and the run scored
** several (out->run.nunit_rows says how many); STORED_NO_UNIT when the run
** did not score unit; or -1 with a message in err. out is filled as far as
** it got (out->run, out->current_rules) and is to be freed in every case. */
int stored_unit_load(store *s, int64_t id, const char *unit, stored_unit *out, char *err, size_t errlen);
void stored_unit_free(stored_unit *su);

#endif
