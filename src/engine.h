/*
** engine.h -- joins the store and the rulebook: reads a year's facts in one
** query, scores every unit with one loaded rulebook, stores the run.
**
** Ownership: engine_results owns its unit_results; engine_results_free.
*/
#ifndef PARINDEX_ENGINE_H
#define PARINDEX_ENGINE_H

#include <stdint.h>

#include "ledger.h"
#include "rulebook.h"
#include "store.h"

typedef struct {
  unit_result *units; int n, cap;
  int64_t run_id;           /* 0 when not stored */
} engine_results;

/* Load the rulebook in dir, checking owners against the store's offices. */
rulebook *engine_load_rules(store *s, const char *dir, const sandbox_limits *limits,
                            char *err, size_t errlen);

/* Score `year` for one unit (or all when unit is NULL). With persist, the
** run and its whole ledger are stored in one transaction, or not at all.
** 0, or -1 with a message; an unknown unit or a year without facts is an error. */
int engine_score(store *s, rulebook *rb, int year, const char *unit, int persist,
                 engine_results *out, char *err, size_t errlen);
void engine_results_free(engine_results *r);

#endif
