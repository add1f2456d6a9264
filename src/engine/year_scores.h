/*
** year_scores.h -- one year across the province, what rank, compare and
** report share: the year's rulebook resolved from a rules root and loaded,
** every unit with facts scored (nothing stored) and ranked.
**
** Ownership: a year_scores owns its rulebook, results and standing;
** year_scores_free releases them.
*/
#ifndef PARINDEX_YEAR_SCORES_H
#define PARINDEX_YEAR_SCORES_H

#include "audit.h"
#include "engine.h"
#include "province.h"

typedef struct {
  int year;
  char dir[4096];           /* the rulebook folder used */
  char kind[256];           /* the kind of units it scores ("": every unit) */
  rulebook *rb;
  const methodology *mt;    /* rb's */
  engine_results res;
  standing *st;             /* res.n entries, highest total first */
  /* a published year (publish): the results are the official run's, as stored */
  int64_t published_run;    /* 0: scored now */
  char decision[256], decision_date[16];
  audit_run run;            /* the published run, when published_run */
} year_scores;

/* When the year is published for the kind (publish), the results are the
** published run's stored ledgers with its own rules (a later run or a rule
** change does not change them); else: */
/* Resolve the year's rulebook for units of `kind` under rules_root
** (levels_resolve; kind NULL: the root is one rulebook for every unit), load
** it with limits (NULL: defaults) and score every unit of that kind with
** facts in year; with parent (not NULL), keep and rank only the units under
** it. 0, or -1 with a message in err (y is then empty). */
int year_scores_load(store *s, const char *rules_root, int year, const char *kind, const char *parent,
                     const rule_limits *limits, year_scores *y, char *err, size_t errlen);
void year_scores_free(year_scores *y);
/* The unit's result in y, or NULL when the unit has no facts that year. */
const unit_result *year_scores_unit(const year_scores *y, const char *unit);

#endif
