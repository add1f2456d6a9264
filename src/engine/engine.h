/*
** engine.h -- joins the store and the rulebook: reads a year's facts in one
** query, scores every unit with one loaded rulebook, stores the run.
**
** Ownership: engine_results owns its unit_results; engine_results_free.
** Streaming: with `each` set, every unit goes to each() as soon as it is
** scored (and stored); units[0] is kept whole, every later unit only as a
** summary (unit, year, appraisal, survey, total: no criteria, components or
** deductions), so a run over every unit of a country holds one or two
** ledgers at a time.
*/
#ifndef PARINDEX_ENGINE_H
#define PARINDEX_ENGINE_H

#include <stdint.h>

#include "ledger.h"
#include "rulebook.h"
#include "store.h"

/* Called once per unit, in unit id order; non-zero stops the run (an error
** whose message the callee wrote into err). */
typedef int (*engine_unit_fn)(const unit_result *r, void *ud, char *err, size_t errlen);

typedef struct {
  unit_result *units; int n, cap;
  int64_t run_id;           /* 0 when not stored; set before the first each() */
  engine_unit_fn each;      /* set by the caller to stream (see above) */
  void *ud;
  int round;                /* set by the caller: the appraisal round (1, 2) the stored run is marked as */
  unit_result scratch;      /* while streaming: the unit being scored */
  arena a;                  /* while streaming: the summaries' strings */
} engine_results;

/* Load the rulebook in dir, checking owners against the store's offices. */
rulebook *engine_load_rules(store *s, const char *dir, const rule_limits *limits,
                            char *err, size_t errlen);

/* Score `year` for one unit (or all when unit is NULL). out: zeroed, or with
** only `each` and `ud` set. With persist, the
** run and its whole ledger are stored in one transaction, or not at all.
** 0, or -1 with a message; an unknown unit or a year without facts is an error. */
int engine_score(store *s, rulebook *rb, int year, const char *unit, int persist,
                 engine_results *out, char *err, size_t errlen);
/* The same; without unit, every unit of only_kind (units.kind) with facts
** in year; only_kind NULL: the kind the rulebook's folder names (levels.h),
** or every unit when it names none. engine_score passes NULL. */
int engine_score_kind(store *s, rulebook *rb, int year, const char *unit, const char *only_kind, int persist,
                      engine_results *out, char *err, size_t errlen);
void engine_results_free(engine_results *r);

#endif
