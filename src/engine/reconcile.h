/*
** reconcile.h -- a unit's self-assessment beside its appraised result, per
** criterion: the self-assessed points, the appraised points (the ledger),
** the difference (appraised - self) and the deductions that explain it.
**
** Ownership: a reconciliation owns its rows and their strings (arena);
** it points into the unit_result and methodology it was built from, which
** must outlive it. reconcile_free releases it.
*/
#ifndef PARINDEX_RECONCILE_H
#define PARINDEX_RECONCILE_H

#include "arena.h"
#include "ledger.h"
#include "methodology.h"
#include "store.h"

typedef struct {
  int crit;                 /* index into the methodology's criteria, -1: not in the rulebook */
  const char *criterion;    /* its id */
  int has_self;             /* the unit gave its own points */
  pts_t self, appraised, difference;   /* difference = appraised - self (when has_self) */
  const char *evidence;     /* the documents it cited (a JSON array text), or NULL */
  const char *explanation;  /* its giải trình, or NULL */
  long long submission;
} recon_row;

typedef struct {
  const methodology *mt;
  const unit_result *r;
  recon_row *rows; int n;   /* every criterion of the rulebook in order, then self-assessed ones it lacks */
  pts_t self_total, appraised_total;   /* over the criteria with a self-assessment */
  int nself;
  arena a;
} reconciliation;

/* Build from the self-assessment in force of r's unit and year. 0, or -1
** (store_errmsg). A unit without a self-assessment gives rows with
** has_self 0 everywhere (the caller says so). */
int reconcile_build(store *s, const methodology *mt, const unit_result *r, reconciliation *out);
void reconcile_free(reconciliation *rc);

#endif
