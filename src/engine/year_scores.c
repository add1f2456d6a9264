/*
** year_scores.c -- one year's rulebook and every unit of that year scored,
** without storing anything (see year_scores.h).
*/
#include "year_scores.h"
#include "levels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keep only the units under parent (the others' ledgers freed). */
static void keep_parent(engine_results *res, const char *parent) {
  int k = 0;
  for (int i = 0; i < res->n; i++) {
    const char *p = res->units[i].unit.parent;
    if (p && !strcmp(p, parent)) res->units[k++] = res->units[i];
    else ledger_free(&res->units[i]);
  }
  res->n = k;
}

int year_scores_load(store *s, const char *rules_root, int year, const char *kind, const char *parent,
                     const rule_limits *limits, year_scores *y, char *err, size_t errlen) {
  memset(y, 0, sizeof *y);
  y->year = year;
  err[0] = '\0';
  if (levels_resolve(rules_root, kind, year, y->dir, sizeof y->dir, err, errlen)) return -1;
  if (!(y->rb = engine_load_rules(s, y->dir, limits, err, errlen))) return -1;
  y->mt = rulebook_methodology(y->rb);
  if (kind) snprintf(y->kind, sizeof y->kind, "%s", kind);
  if ((!kind && levels_rulebook_kind(s, y->dir, y->kind, sizeof y->kind)) ||
      engine_score_kind(s, y->rb, year, NULL, y->kind[0] ? y->kind : NULL, 0, &y->res, err, errlen)) {
    if (!err[0]) snprintf(err, errlen, "%s", store_errmsg(s));
    year_scores_free(y);
    return -1;
  }
  if (parent) {
    keep_parent(&y->res, parent);
    if (y->res.n == 0) {
      snprintf(err, errlen, "no unit%s%s%s under '%s' has facts for %d", *y->kind ? " of kind '" : "", y->kind,
               *y->kind ? "'" : "", parent, year);
      year_scores_free(y);
      return -1;
    }
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
