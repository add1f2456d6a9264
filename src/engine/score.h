/*
** score.h -- the arithmetic of a unit's result, from its deductions: each
** criterion's points, each component's (rescaled when a criterion is not
** applicable), the appraisal, survey and index totals, and the rank of each
** component inside the unit. Exact: integer hundredths (points.h).
** Knows the model only; the Lua host records deductions, this adds them up.
**
** Ownership: fills a unit_result the caller owns (ledger_free); borrows
** the methodology and the rulebook for the call only.
*/
#ifndef PARINDEX_SCORE_H
#define PARINDEX_SCORE_H

#include "ledger.h"
#include "methodology.h"
#include "rulebook.h"

/* Fill r's criterion, component and index totals from its deductions and
** "not applicable" marks, for methodology m (the one r was built for), and
** rank its components (score_rank_components). */
void score_totals(const methodology *m, unit_result *r);

/* The bonus and penalty lines' points from what each asked, in the order
** recorded: each item gives (takes) at most its max, all bonus (penalty)
** items together at most the index's bonus_cap (penalty_cap); then, unless
** the rulebook says exceed_total = true, the index is held within 0 ..
** total, by taking the excess off the last bonus (penalty) lines. Each line
** says which held it (cap, LEDGER_CAP_*). Sets r->bonus, r->penalty and
** r->total = appraisal + survey + bonus - penalty. Part of score_totals. */
void score_extras(const methodology *m, unit_result *r);

/* A component's points from the sum of its applicable criteria's points and
** maxima; na: one of its criteria is not applicable (then the sum is
** rescaled to the component's max; with none applicable, the max). */
pts_t score_component_points(const meth_component *mc, pts_t sum, pts_t summax, int na);

/* comps[c].rank := 1 + the number of components with a strictly higher
** points/max ratio, compared exactly (equal ratios share a rank). */
void score_rank_components(unit_result *r);

/* Score one unit with rb: rulebook_run, then score_totals. 0, or -1 with
** the rule's message in err (see rulebook_run). */
int score_unit(rulebook *rb, const unit_facts *uf, unit_result *r, char *err, size_t errlen);

#endif
