/*
** province.c -- ranking and year-over-year comparison.
*/
#include "province.h"

#include <stdlib.h>
#include <string.h>

static int cmp_standing(const void *x, const void *y) {
  const standing *a = x, *b = y;
  if (a->r->total != b->r->total) return a->r->total > b->r->total ? -1 : 1;
  return strcmp(a->r->unit.id, b->r->unit.id);
}

standing *province_rank(const methodology *mt, const engine_results *res) {
  standing *s = calloc((size_t)(res->n ? res->n : 1), sizeof *s);
  if (!s) abort();
  for (int i = 0; i < res->n; i++) s[i].r = &res->units[i];
  qsort(s, (size_t)res->n, sizeof *s, cmp_standing);
  for (int i = 0; i < res->n; i++) {
    s[i].rank = i > 0 && s[i].r->total == s[i - 1].r->total ? s[i - 1].rank : i + 1;
    s[i].band = methodology_band(mt, s[i].r->total);
  }
  return s;
}

const standing *province_find(const standing *s, int n, const char *unit) {
  for (int i = 0; i < n; i++)
    if (!strcmp(s[i].r->unit.id, unit)) return &s[i];
  return NULL;
}

void province_compare(comparison *c, const methodology *mt_from, const unit_result *from,
                      const standing *st_from, int n_from, const methodology *mt_to,
                      const unit_result *to, const standing *st_to, int n_to,
                      const unit_result *same) {
  memset(c, 0, sizeof *c);
  c->from_year = from->year; c->to_year = to->year;
  c->mt_from = mt_from; c->mt_to = mt_to;
  c->from = from; c->to = to; c->same = same;
  const standing *sf = st_from ? province_find(st_from, n_from, from->unit.id) : NULL;
  const standing *stt = st_to ? province_find(st_to, n_to, to->unit.id) : NULL;
  if (sf) { c->from_rank = sf->rank; c->from_band = sf->band; c->from_units = n_from; }
  if (stt) { c->to_rank = stt->rank; c->to_band = stt->band; c->to_units = n_to; }
  int cap = mt_to->ncomps + mt_from->ncomps;
  c->comps = calloc((size_t)(cap ? cap : 1), sizeof *c->comps);
  c->rising = calloc((size_t)(cap ? cap : 1), sizeof *c->rising);
  c->falling = calloc((size_t)(cap ? cap : 1), sizeof *c->falling);
  if (!c->comps || !c->rising || !c->falling) abort();
  for (int pass = 0; pass < 2; pass++) {             /* later rulebook's, then earlier-only */
    const methodology *mt = pass ? mt_from : mt_to;
    for (int i = 0; i < mt->ncomps; i++) {
      int f = methodology_component(mt_from, mt->comps[i].id), t = methodology_component(mt_to, mt->comps[i].id);
      if (pass && t >= 0) continue;
      cmp_component *k = &c->comps[c->ncomps++];
      k->id = mt->comps[i].id;
      k->name = mt->comps[i].name;
      k->in_from = f >= 0;
      k->in_to = t >= 0;
      if (f >= 0) {
        k->from_points = from->comps[f].points; k->from_max = from->comps[f].max;
        k->from_pct = pts_percent(k->from_points, k->from_max);
        k->from_rank = from->comps[f].rank;
      }
      if (t >= 0) {
        k->to_points = to->comps[t].points; k->to_max = to->comps[t].max;
        k->to_pct = pts_percent(k->to_points, k->to_max);
        k->to_rank = to->comps[t].rank;
        if (same) {
          k->has_same = 1;
          k->same_points = same->comps[t].points; k->same_max = same->comps[t].max;
          k->same_pct = pts_percent(k->same_points, k->same_max);
          k->perf_change = k->to_pct - k->same_pct;
          if (f >= 0) k->method_change = k->same_pct - k->from_pct;
        }
      }
      if (f >= 0 && t >= 0) {
        k->change = k->to_pct - k->from_pct;
        k->max_changed = k->from_max != k->to_max;
        if (k->change > 0) c->rising[c->nrising++] = c->ncomps - 1;
        else if (k->change < 0) c->falling[c->nfalling++] = c->ncomps - 1;
      }
    }
  }
}

void comparison_free(comparison *c) {
  free(c->comps); free(c->rising); free(c->falling);
  memset(c, 0, sizeof *c);
}
