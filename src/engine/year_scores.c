/*
** year_scores.c -- one year's rulebook and every unit of that year scored,
** without storing anything (see year_scores.h).
*/
#include "year_scores.h"
#include "levels.h"
#include "store_levels.h"

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

/* The published run's units as stored, with the run's own rulebook. */
static int load_published(store *s, year_scores *y, char *err, size_t errlen) {
  int rc = audit_run_load(s, y->published_run, NULL, &y->run, err, errlen);
  if (rc) {
    if (rc > 0) snprintf(err, errlen, "the published run %lld of %d is missing", (long long)y->published_run, y->year);
    return -1;
  }
  if (!(y->rb = audit_run_rulebook(&y->run, err, errlen))) return -1;
  y->mt = rulebook_methodology(y->rb);
  y->res.units = calloc((size_t)(y->run.nunit_rows ? y->run.nunit_rows : 1), sizeof *y->res.units);
  if (!y->res.units) abort();
  y->res.cap = y->run.nunit_rows;
  y->res.run_id = y->published_run;
  for (int i = 0; i < y->run.nunit_rows; i++) {
    const audit_unit_row *u = &y->run.unit_rows[i];
    if (u->problem) {
      snprintf(err, errlen, "the published run %lld: unit %s: %s (parindex verify %lld)", (long long)y->published_run,
               u->unit.id, u->problem, (long long)y->published_run);
      return -1;
    }
    unit_result *r = &y->res.units[y->res.n];
    if (audit_run_result(s, &y->run, y->mt, u, r, err, errlen)) return -1;
    y->res.n++;
    for (size_t k = 0; k < u->nfacts && !r->illustrative; k++)
      r->illustrative = u->facts[k].source &&
                        !strncmp(u->facts[k].source, ILLUSTRATIVE_SOURCE, strlen(ILLUSTRATIVE_SOURCE));
  }
  return 0;
}

int year_scores_load(store *s, const char *rules_root, int year, const char *kind, const char *parent,
                     const rule_limits *limits, year_scores *y, char *err, size_t errlen) {
  memset(y, 0, sizeof *y);
  y->year = year;
  err[0] = '\0';
  if (levels_resolve(rules_root, kind, year, y->dir, sizeof y->dir, err, errlen)) return -1;
  if (kind) snprintf(y->kind, sizeof y->kind, "%s", kind);
  else if (levels_rulebook_kind(s, y->dir, y->kind, sizeof y->kind)) goto fail;
  int pub = *y->kind ? store_publication(s, year, y->kind, &y->published_run, y->decision, sizeof y->decision,
                                         y->decision_date, sizeof y->decision_date) : 0;
  if (pub < 0) goto fail;
  if (pub) {
    if (load_published(s, y, err, errlen)) goto fail;
  } else {
    y->published_run = 0;
    if (!(y->rb = engine_load_rules(s, y->dir, limits, err, errlen))) return -1;
    y->mt = rulebook_methodology(y->rb);
  }
  if (!pub && engine_score_kind(s, y->rb, year, NULL, y->kind[0] ? y->kind : NULL, 0, &y->res, err, errlen)) {
  fail:
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
  if (y->published_run) audit_run_free(&y->run);
  engine_results_free(&y->res);
  rulebook_free(y->rb);
  memset(y, 0, sizeof *y);
}

const unit_result *year_scores_unit(const year_scores *y, const char *unit) {
  for (int i = 0; i < y->res.n; i++)
    if (!strcmp(y->res.units[i].unit.id, unit)) return &y->res.units[i];
  return NULL;
}
