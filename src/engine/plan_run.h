/*
** plan_run.h -- what `plan` needs from the store and the rulebook: one
** unit scored with some facts changed (nothing stored), the other units'
** current totals, and one office's lead tasks across every unit.
**
** The other units' totals come from the latest stored run of the year that
** still holds them: the same parindex version, the same rule files byte for
** byte (by sha256), no import since, and every unit with facts; otherwise
** every unit is scored now (nothing stored). Doing a task: see plan.h.
**
** Ownership: a plan_field and a plan_office own their arrays and strings
** (plan_field_free, plan_office_free); the store and the rulebook are
** borrowed for the call.
*/
#ifndef PARINDEX_PLAN_RUN_H
#define PARINDEX_PLAN_RUN_H

#include <stdint.h>

#include "ledger.h"
#include "rulebook.h"
#include "store.h"

typedef struct { const char *key, *value; } plan_set;   /* a fact set to a value, as text */

/* Score one unit of year from the store's facts with sets[0..nsets) applied:
** a value is typed like the fact it replaces (integer, number, boolean
** true/false, date YYYY-MM-DD, text, list as a JSON array of records), a new
** fact by its text as import infers it. out: zeroed or reused (ledger_free).
** 0, or -1 with a message (an unknown unit, a value that is not of its
** fact's type, a rule error). */
int plan_score_unit(store *s, rulebook *rb, int year, const char *unit, const plan_set *sets, int nsets,
                    unit_result *out, char *err, size_t errlen);

typedef struct {
  pts_t *totals; int n, cap; /* every unit's total but the planned one's, highest first */
  int units;                /* units with facts in the year, the planned one included */
  int64_t run;              /* the stored run they were read from; 0 when scored now */
} plan_field;

/* The year's totals of every unit but `unit` (NULL: every unit). 0, or -1. */
int plan_field_load(store *s, rulebook *rb, int year, const char *unit, plan_field *f, char *err, size_t errlen);
void plan_field_free(plan_field *f);
/* The rank a total would have against f: 1 + the number of totals above it. */
int plan_rank(const plan_field *f, pts_t total);

typedef struct {
  const char *unit, *name, *criterion, *task;
  int ded;                  /* the deduction's index in the unit's ledger */
  pts_t points;             /* the deduction's points in the ledger */
  pts_t gain;               /* what doing it alone gives back (re-totalled) */
  pts_t total, total_after;
  int rank, rank_after;     /* among every unit of the year */
} plan_office_task;

typedef struct {
  plan_office_task *tasks; int n, cap;
  int units;
  arena a;
} plan_office;

/* Every unit of year scored now (nothing stored); the tasks `office` leads
** in each, ordered by gain, then by places gained, largest first. 0, or -1. */
int plan_office_load(store *s, rulebook *rb, int year, const char *office, plan_office *o, char *err, size_t errlen);
void plan_office_free(plan_office *o);

#endif
