/*
** adjust.h -- the appraisal council's adjustments applied to a unit's
** result. Each adjustment becomes its own line of the ledger, after the
** rule's deductions of its criterion: a positive one takes points (capped so
** the criterion stays >= 0, as a rule's deduction), a negative one gives
** points back (capped so it stays <= its maximum). Its reason reads
** "Điều chỉnh của <role> theo <document> ngày <date>: <justification>"; one
** that takes points implies a task for the criterion's owner ("Khắc phục:
** ..."), as a rule's deduction without a task does. It has no rule line
** (`at` is null).
**
** Ownership: an adjust_set owns its adjustments (adjust_set_free).
*/
#ifndef PARINDEX_ADJUST_H
#define PARINDEX_ADJUST_H

#include <stdint.h>

#include "arena.h"
#include "ledger.h"
#include "methodology.h"
#include "rulebook.h"
#include "store.h"

typedef struct {
  const char *unit, *criterion, *reason;   /* reason: the ledger's text */
  pts_t points;             /* as a deduction: > 0 takes points, < 0 gives them back */
} adjust_item;

typedef struct {
  adjust_item *v; int n, cap;
  int64_t upto;             /* the last adjustment id it holds (0: none) */
  arena a;
} adjust_set;

/* The adjustments of year (only unit's when unit is not NULL) with id <=
** upto; upto < 0: every one recorded so far (set->upto says which). 0, -1. */
int adjust_set_load(store *s, int year, const char *unit, int64_t upto, adjust_set *set);
void adjust_set_free(adjust_set *set);
/* Insert set's adjustments of r's unit into r (before score_totals). An
** adjustment of a criterion the rulebook does not have is an error (err). */
int adjust_apply(const adjust_set *set, const methodology *m, unit_result *r, char *err, size_t errlen);

/* score_unit (score.h), then set's adjustments of the unit (set may be
** NULL), then the totals again: how every command scores a unit. */
int adjust_score_unit(rulebook *rb, const unit_facts *uf, const adjust_set *set, unit_result *r, char *err,
                      size_t errlen);

#endif
