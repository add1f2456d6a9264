/*
** year_scores.c -- one year's rulebook and every unit of that year scored,
** without storing anything (see year_scores.h).
*/
#include "year_scores.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int year_scores_load(store *s, const char *rules_root, int year, const rule_limits *limits,
                     year_scores *y, char *err, size_t errlen) {
  memset(y, 0, sizeof *y);
  y->year = year;
  if (rulebook_resolve(rules_root, year, y->dir, sizeof y->dir, err, errlen)) return -1;
  if (!(y->rb = engine_load_rules(s, y->dir, limits, err, errlen))) return -1;
  y->mt = rulebook_methodology(y->rb);
  if (engine_score(s, y->rb, year, NULL, 0, &y->res, err, errlen)) {
    year_scores_free(y);
    return -1;
  }
  y->st = province_rank(y->mt, &y->res);
  return 0;
}

void year_scores_free(year_scores *y) {
  free(y->st);
  engine_results_free(&y->res);
  rulebook_free(y->rb);
  memset(y, 0, sizeof *y);
}

const unit_result *year_scores_unit(const year_scores *y, const char *unit) {
  for (int i = 0; i < y->res.n; i++)
    if (!strcmp(y->res.units[i].unit.id, unit)) return &y->res.units[i];
  return NULL;
}
