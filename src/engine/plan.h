/*
** plan.h -- what a unit's tasks are worth: re-totalling a unit's ledger
** with some deductions removed, and the exact search for the cheapest set of
** tasks that reaches a target total. Pure computation on a scored
** unit_result: no store, no Lua.
**
** The model: doing a deduction's task removes that deduction; its criterion
** is then re-totalled through the same arithmetic as scoring (each
** remaining deduction capped so the criterion stays >= 0, i.e. the
** criterion loses min(the requested sum of what remains, its max); a
** component with a criterion not applicable is rescaled; see score.h). The
** facts are not changed: which facts would change is not knowable from the
** ledger. What re-totalling gives back is the task's worth, so under a
** cap (1.7: five shortcomings of 0,5 on 2 points) one task alone may be
** worth nothing.
**
** Ownership: plan_choice.deds is malloc'd (plan_choice_free); every other
** argument is borrowed for the call.
*/
#ifndef PARINDEX_PLAN_H
#define PARINDEX_PLAN_H

#include "ledger.h"
#include "methodology.h"

/* A task's cost in the search: its deduction's effort weight (:effort), or
** 1 when the rule gives none. */
int plan_cost(const ledger_deduction *d);

/* out := r with the deductions i where done[i] is non-zero removed, its
** criteria, components and totals recomputed with score_totals. out: zeroed
** or reused (ledger_free); its deductions borrow r's reasons, facts and
** tasks. done may be NULL (nothing removed). */
void plan_retotal(const methodology *m, const unit_result *r, const unsigned char *done, unit_result *out);

typedef struct {
  int reachable;            /* the target total can be reached */
  pts_t total_after;        /* the unit's total with the chosen tasks done */
  long cost;                /* their summed cost (plan_cost) */
  int *deds; int n;         /* the chosen deductions, indexes into r->deds, ascending */
} plan_choice;

/* The cheapest set of r's deductions whose removal brings r's total to at
** least `target` (found exactly: a knapsack over the unit's deductions by
** criterion, then component, with each criterion and component re-totalled
** as above); among sets of equal cost, one with the highest total. When no
** set reaches it, reachable is 0 and the choice is the cheapest set that
** reaches the highest total possible. 0, or -1 when the search would need
** more than 2^22 cells (out is then empty): (the summed cost + 1) x (the
** deductions + criteria + components); with efforts of at most 100 that is
** some 400 deductions. Time grows with the square of the summed cost. */
int plan_search(const methodology *m, const unit_result *r, pts_t target, plan_choice *out);
void plan_choice_free(plan_choice *c);

#endif
