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
  r->total = r->appraisal + r->survey;
  score_rank_components(r);
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
