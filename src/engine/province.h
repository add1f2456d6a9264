/*
** province.h -- the view across units and years, computed from engine
** results: the ranking of a year (competition ranking, rating bands from
** the rulebook) and the comparison of one unit between two years.
** Pure computation: no store, no Lua, no output.
**
** Ownership: a standing array and a comparison point into the results and
** rulebooks they were built from, which must outlive them; free the array
** with free() and the comparison with comparison_free().
*/
#ifndef PARINDEX_PROVINCE_H
#define PARINDEX_PROVINCE_H

#include "engine.h"
#include "methodology.h"

typedef struct {
  const unit_result *r;
  int rank;                 /* competition ranking: 1, 2, 2, 4 */
  const char *band;         /* the rulebook's band of the total, or NULL */
} standing;

/* Every unit of res, highest PAR index first (equal totals by unit id).
** Returns a malloc'd array of res->n standings. */
standing *province_rank(const methodology *mt, const engine_results *res);
/* The standing of unit in s[0..n), or NULL. */
const standing *province_find(const standing *s, int n, const char *unit);

typedef struct {
  const char *id, *name;    /* name from the later rulebook when it has the component */
  int in_from, in_to;       /* declared by the earlier / later methodology */
  pts_t from_points, from_max, from_pct;
  pts_t to_points, to_max, to_pct;
  pts_t change;             /* to_pct - from_pct: hundredths of a percentage point */
  int max_changed;          /* both have it, with different maxima */
  int from_rank, to_rank;   /* rank inside the unit ("thứ 7/8") */
  int has_same;             /* --same-rules: earlier facts under the later rules */
  pts_t same_points, same_max, same_pct;
  pts_t method_change;      /* same_pct - from_pct: what the new rules alone change */
  pts_t perf_change;        /* to_pct - same_pct: what the unit's work changed */
} cmp_component;

typedef struct {
  int from_year, to_year;
  const methodology *mt_from, *mt_to;
  const unit_result *from, *to, *same;  /* same may be NULL */
  int from_rank, to_rank;               /* 0 when unknown */
  int from_units, to_units;
  const char *from_band, *to_band;
  cmp_component *comps; int ncomps;
  int *rising; int nrising;             /* indexes into comps, in component order */
  int *falling; int nfalling;
} comparison;

/* Compare one unit's results of two years (each scored with its own
** rulebook); same, if not NULL, is the earlier year scored with the later
** rulebook. Ranks and bands come from the two years' standings (may be
** NULL). */
void province_compare(comparison *c, const methodology *mt_from, const unit_result *from,
                      const standing *st_from, int n_from, const methodology *mt_to,
                      const unit_result *to, const standing *st_to, int n_to,
                      const unit_result *same);
void comparison_free(comparison *c);

#endif
