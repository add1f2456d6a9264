/*
** score.c -- a unit's totals from its deductions (see score.h).
*/
#include "score.h"

void score_totals(const methodology *m, unit_result *r) {
  for (int i = 0; i < m->ncrits; i++) {
    ledger_criterion *lc = &r->crits[i];
    pts_t lost = 0;
    for (int k = 0; k < lc->count; k++) lost += r->deds[lc->first + k].points;
    lc->max = m->crits[i].max;
    lc->points = lc->na ? 0 : lc->max - lost;
  }
  r->appraisal = r->survey = 0;
  for (int c = 0; c < m->ncomps; c++) {
    const meth_component *mc = &m->comps[c];
    pts_t sum = 0, summax = 0;
    int na = 0;
    for (int i = mc->first; i < mc->first + mc->count; i++) {
      if (r->crits[i].na) { na = 1; continue; }
      sum += r->crits[i].points;
      summax += r->crits[i].max;
    }
    r->comps[c].max = mc->max;
    r->comps[c].points = score_component_points(mc, sum, summax, na);
    if (mc->kind == METH_SURVEY) r->survey += r->comps[c].points;
    else r->appraisal += r->comps[c].points;
  }
  score_extras(m, r);
  score_rank_components(r);
}

/* Take up to *left points off the lines of kind penalty, last first,
** marking them LEDGER_CAP_INDEX. */
static void hold_back(const methodology *m, unit_result *r, int penalty, pts_t *left) {
  for (int k = r->nextras - 1; k >= 0 && *left > 0; k--) {
    ledger_deduction *d = &r->extras[k];
    if (m->extras[d->crit].penalty != penalty || d->points == 0) continue;
    pts_t take = d->points < *left ? d->points : *left;
    d->points -= take;
    *left -= take;
    d->cap = LEDGER_CAP_INDEX;
    *(penalty ? &r->penalty : &r->bonus) -= take;
  }
}

void score_extras(const methodology *m, unit_result *r) {
  r->bonus = r->penalty = 0;
  int cur = -1;
  pts_t item = 0;                            /* the current item's points so far */
  for (int k = 0; k < r->nextras; k++) {
    ledger_deduction *d = &r->extras[k];
    const meth_extra *x = &m->extras[d->crit];
    if (d->crit != cur) { cur = d->crit; item = 0; }
    pts_t *sum = x->penalty ? &r->penalty : &r->bonus;
    pts_t cap = x->penalty ? m->penalty_cap : m->bonus_cap;
    pts_t p = d->requested;
    d->cap = LEDGER_CAP_NONE;
    if (p > x->max - item) { p = x->max - item; d->cap = LEDGER_CAP_ITEM; }
    if (cap >= 0 && p > cap - *sum) { p = cap - *sum; d->cap = LEDGER_CAP_TOTAL; }
    d->points = p;
    item += p;
    *sum += p;
  }
  pts_t base = r->appraisal + r->survey;
  if (!m->exceed_total) {                    /* the index stays within 0 .. total */
    pts_t over = base + r->bonus - r->penalty - m->total, under = r->penalty - r->bonus - base;
    if (over > 0) hold_back(m, r, 0, &over);
    if (under > 0) hold_back(m, r, 1, &under);
  }
  r->total = base + r->bonus - r->penalty;
}

pts_t score_component_points(const meth_component *mc, pts_t sum, pts_t summax, int na) {
  return !na ? sum : summax ? pts_rescale(sum, mc->max, summax) : mc->max;
}

void score_rank_components(unit_result *r) {
  for (int c = 0; c < r->ncomps; c++) {
    int rank = 1;
    for (int d = 0; d < r->ncomps; d++)
      if (r->comps[d].points * r->comps[c].max > r->comps[c].points * r->comps[d].max) rank++;
    r->comps[c].rank = rank;
  }
}

int score_unit(rulebook *rb, const unit_facts *uf, unit_result *r, char *err, size_t errlen) {
  if (rulebook_run(rb, uf, r, err, errlen)) return -1;
  score_totals(rulebook_methodology(rb), r);
  return 0;
}
