/*
** plan.c -- re-totalling a ledger without some deductions, and the exact
** search for the cheapest set of tasks reaching a total (see plan.h).
**
** The search is three nested knapsacks over exact costs 0..C (C = the
** summed cost of the unit's deductions): in each criterion, the largest
** requested sum removable at each cost (a criterion's re-totalled points
** depend only on that sum); in each component, the largest sum of its
** criteria's gains at each cost (its points grow with that sum, rescaled or
** not); over components, the largest gain of the index at each cost. Every
** level keeps its choices, so the set is read back exactly.
*/
#include "plan.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

#define NONE (LLONG_MIN / 4)

int plan_cost(const ledger_deduction *d) { return d->effort > 0 ? d->effort : 1; }

void plan_retotal(const methodology *m, const unit_result *r, const unsigned char *done, unit_result *out) {
  ledger_reinit(out, &r->unit, r->year, r->ncrits, r->ncomps);
  out->illustrative = r->illustrative;
  out->nded = out->capded = r->nded;
  out->deds = arena_alloc(&out->a, (size_t)(r->nded ? r->nded : 1) * sizeof *out->deds);
  if (r->nded) memcpy(out->deds, r->deds, (size_t)r->nded * sizeof *out->deds);
  out->nextras = out->capextras = r->nextras;           /* bonus and penalty lines stay as they are */
  out->extras = arena_alloc(&out->a, (size_t)(r->nextras ? r->nextras : 1) * sizeof *out->extras);
  if (r->nextras) memcpy(out->extras, r->extras, (size_t)r->nextras * sizeof *out->extras);
  out->nach = out->capach = r->nach;          /* what was achieved stays (its texts are r's) */
  out->achs = arena_alloc(&out->a, (size_t)(r->nach ? r->nach : 1) * sizeof *out->achs);
  if (r->nach) memcpy(out->achs, r->achs, (size_t)r->nach * sizeof *out->achs);
  for (int i = 0; i < r->ncrits; i++) {
    const ledger_criterion *lc = &r->crits[i];
    out->crits[i] = *lc;
    pts_t lost = 0, max = m->crits[i].max;
    for (int k = 0; k < lc->count; k++) {      /* as u.lose caps: never below 0 points */
      ledger_deduction *d = &out->deds[lc->first + k];
      if (done && done[lc->first + k]) { d->points = 0; continue; }
      if (d->requested >= 0) d->points = d->requested < max - lost ? d->requested : max - lost;
      else d->points = d->requested > -lost ? d->requested : -lost;   /* an adjustment giving points back (adjust.h) */
      lost += d->points;
    }
  }
  score_totals(m, out);
}

typedef struct { long long *v; int n; } row;    /* best value at each exact cost 0..n-1 */

static row row_new(int n) {
  row x = {malloc((size_t)n * sizeof *x.v), n};
  if (!x.v) abort();
  for (int c = 0; c < n; c++) x.v[c] = NONE;
  return x;
}

/* acc := the best of acc[c - k] + add[k] over k, remembering k in pick[c]. */
static row combine(row acc, row add, int *pick) {
  row out = row_new(acc.n + add.n - 1);
  for (int c = 0; c < out.n; c++) pick[c] = -1;
  for (int a = 0; a < acc.n; a++) {
    if (acc.v[a] == NONE) continue;
    for (int k = 0; k < add.n; k++) {
      if (add.v[k] == NONE) continue;
      long long v = acc.v[a] + add.v[k];
      if (v > out.v[a + k]) { out.v[a + k] = v; pick[a + k] = k; }
    }
  }
  free(acc.v);
  return out;
}

typedef struct {
  int first, n;             /* its deductions that can be searched */
  int *idx;                 /* their indexes in r->deds */
  long long *rem;           /* (n+1) x (cost+1): the largest requested sum removable */
  int cost;                 /* their summed cost */
  int *pick;                /* in its component's knapsack: the cost given to it, per reached cost */
  int pick_n;
} crit_plan;

int plan_search(const methodology *m, const unit_result *r, pts_t target, plan_choice *out) {
  memset(out, 0, sizeof *out);
  long total_cost = 0;
  for (int i = 0; i < r->nded; i++) if (r->deds[i].requested > 0) total_cost += plan_cost(&r->deds[i]);
  if ((total_cost + 1) * (long)(r->nded + m->ncrits + m->ncomps + 2) > (1L << 22)) return -1;
  crit_plan *cp = calloc((size_t)(m->ncrits ? m->ncrits : 1), sizeof *cp);
  row *comp_rows = calloc((size_t)(m->ncomps ? m->ncomps : 1), sizeof *comp_rows);
  if (!cp || !comp_rows) abort();
  /* criteria: removable requested sums by exact cost */
  for (int i = 0; i < m->ncrits; i++) {
    const ledger_criterion *lc = &r->crits[i];
    crit_plan *p = &cp[i];
    p->idx = malloc((size_t)(lc->count ? lc->count : 1) * sizeof *p->idx);
    if (!p->idx) abort();
    for (int k = 0; k < lc->count; k++)
      if (!lc->na && r->deds[lc->first + k].requested > 0) {
        p->idx[p->n++] = lc->first + k;
        p->cost += plan_cost(&r->deds[lc->first + k]);
      }
    int w = p->cost + 1;
    p->rem = malloc((size_t)(p->n + 1) * (size_t)w * sizeof *p->rem);
    if (!p->rem) abort();
    for (int c = 0; c < w; c++) p->rem[c] = c ? NONE : 0;
    for (int k = 1; k <= p->n; k++) {
      const ledger_deduction *d = &r->deds[p->idx[k - 1]];
      int dc = plan_cost(d);
      long long *prev = p->rem + (size_t)(k - 1) * w, *cur = p->rem + (size_t)k * w;
      for (int c = 0; c < w; c++) {
        cur[c] = prev[c];
        if (c >= dc && prev[c - dc] != NONE && prev[c - dc] + d->requested > cur[c]) cur[c] = prev[c - dc] + d->requested;
      }
    }
  }
  /* components: the best sum of their criteria's gains by cost, then the component's gain */
  row top = row_new(1);
  top.v[0] = 0;
  int **top_pick = calloc((size_t)(m->ncomps ? m->ncomps : 1), sizeof *top_pick);
  if (!top_pick) abort();
  for (int c = 0; c < m->ncomps; c++) {
    const meth_component *mc = &m->comps[c];
    row acc = row_new(1);
    acc.v[0] = 0;
    pts_t sum0 = 0, summax = 0;
    int na = 0;
    for (int i = mc->first; i < mc->first + mc->count; i++) {
      const ledger_criterion *lc = &r->crits[i];
      if (lc->na) { na = 1; continue; }
      sum0 += lc->points;
      summax += lc->max;
      crit_plan *p = &cp[i];
      int w = p->cost + 1;
      pts_t req = 0, max = m->crits[i].max;
      for (int k = 0; k < lc->count; k++) req += r->deds[lc->first + k].requested;
      pts_t lost0 = req < max ? req : max;
      row gain = row_new(w);
      const long long *rem = p->rem + (size_t)p->n * w;
      for (int k = 0; k < w; k++)
        if (rem[k] != NONE) gain.v[k] = lost0 - (req - rem[k] < max ? req - rem[k] : max);
      p->pick_n = acc.n + w - 1;
      p->pick = malloc((size_t)p->pick_n * sizeof *p->pick);
      if (!p->pick) abort();
      acc = combine(acc, gain, p->pick);
      free(gain.v);
    }
    pts_t base = score_component_points(mc, sum0, summax, na);
    for (int k = 0; k < acc.n; k++)
      if (acc.v[k] != NONE) acc.v[k] = score_component_points(mc, sum0 + (pts_t)acc.v[k], summax, na) - base;
    comp_rows[c] = acc;
    top_pick[c] = malloc((size_t)(top.n + acc.n - 1) * sizeof **top_pick);
    if (!top_pick[c]) abort();
    top = combine(top, acc, top_pick[c]);
  }
  /* the cheapest cost reaching the target, else the cheapest reaching the best */
  int at = -1;
  long long best = NONE;
  for (int c = 0; c < top.n; c++) {
    if (top.v[c] == NONE) continue;
    if (at < 0 && r->total + top.v[c] >= target) at = c;
    if (top.v[c] > best) best = top.v[c];
  }
  out->reachable = at >= 0;
  if (at < 0)
    for (int c = 0; c < top.n && at < 0; c++) if (top.v[c] == best) at = c;
  out->cost = at;
  out->deds = malloc((size_t)(r->nded ? r->nded : 1) * sizeof *out->deds);
  unsigned char *done = calloc((size_t)(r->nded ? r->nded : 1), 1);
  if (!out->deds || !done) abort();
  /* read the choices back: components, then criteria, then deductions */
  int rest = at;
  for (int c = m->ncomps - 1; c >= 0; c--) {
    int k = top_pick[c][rest];
    rest -= k;
    const meth_component *mc = &m->comps[c];
    int crest = k;
    for (int i = mc->first + mc->count - 1; i >= mc->first; i--) {
      crit_plan *p = &cp[i];
      if (!p->pick) continue;
      int ki = p->pick[crest];
      crest -= ki;
      int w = p->cost + 1, cc = ki;
      for (int j = p->n; j >= 1; j--) {
        const long long *prev = p->rem + (size_t)(j - 1) * w, *cur = p->rem + (size_t)j * w;
        if (cur[cc] == prev[cc]) continue;           /* the j-th was not taken */
        done[p->idx[j - 1]] = 1;
        cc -= plan_cost(&r->deds[p->idx[j - 1]]);
      }
    }
  }
  for (int i = 0; i < r->nded; i++) if (done[i]) out->deds[out->n++] = i;
  unit_result after = {0};
  plan_retotal(m, r, done, &after);
  out->total_after = after.total;
  ledger_free(&after);
  free(done);
  for (int i = 0; i < m->ncrits; i++) { free(cp[i].idx); free(cp[i].rem); free(cp[i].pick); }
  for (int c = 0; c < m->ncomps; c++) { free(comp_rows[c].v); free(top_pick[c]); }
  free(cp); free(comp_rows); free(top_pick); free(top.v);
  return 0;
}

void plan_choice_free(plan_choice *c) {
  free(c->deds);
  memset(c, 0, sizeof *c);
}
