/*
** store_levels.h -- the levels of a province in the store (units of several
** kinds, each under a parent) and the units' self-assessments (issue 17).
**
** Ownership: as store.h. Strings handed to callbacks are valid only during
** the callback; strings passed in are read during the call only.
*/
#ifndef PARINDEX_STORE_LEVELS_H
#define PARINDEX_STORE_LEVELS_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* The kinds of the units with facts in year, in name order, each with how
** many such units (cb returns 0 to go on). 0, or -1 (store_errmsg). */
int store_year_kinds(store *s, int year, int (*cb)(const char *kind, int64_t units, void *ud), void *ud);
/* Has a unit of kind directly under parent facts in year? 1, 0, -1. */
int store_kind_under(store *s, int year, const char *kind, const char *parent);
/* Is there a unit of this kind? 1, 0, -1. */
int store_kind_known(store *s, const char *kind);
/* The kind and parent of unit into kind[] and parent[] ("" when none):
** 1, 0 for an unknown unit, -1. */
int store_unit_level(store *s, const char *unit, char *kind, size_t nkind, char *parent, size_t nparent);

/* One criterion of a unit's self-assessment: its own points (hundredths),
** the evidence it cites (a JSON array text) and its explanation (NULL:
** none). */
typedef struct {
  const char *unit; int year;
  const char *criterion;
  int64_t points;
  const char *evidence, *explanation, *source;
  int64_t submission;       /* read back: which submission it came from */
  const char *created;      /* read back: when it was stored (UTC) */
} store_self_row;

/* The number the next submission gets (1 + the highest so far); call inside
** the transaction that stores it. 0, or -1. */
int store_self_next(store *s, int64_t *submission);
/* Store one row of submission `submission` (in a transaction); a criterion
** given twice in one submission is refused by the primary key. 0, or -1. */
int store_self_put(store *s, int64_t submission, const store_self_row *r);
/* The self-assessment in force of unit and year: per criterion its latest
** submission, in criterion order (as text). cb returns 0 to go on. 0, -1,
** or what cb returned. */
int store_self_each(store *s, const char *unit, int year, int (*cb)(const store_self_row *r, void *ud), void *ud);

/* An adjustment of the appraisal council: criterion's points changed by
** `change` hundredths (< 0 taken, > 0 given back), with its justification,
** the person's role, the document (biên bản) and its date (YYYY-MM-DD), in
** appraisal round `round` (0: not said). */
typedef struct {
  int64_t id;               /* read back */
  const char *created;      /* read back */
  const char *unit; int year;
  const char *criterion;
  int64_t change;
  const char *reason, *role, *document, *date;
  int round;
} store_adjustment;

/* Record one (in its own transaction): 0 and *id, or -1. */
int store_adjust_put(store *s, const store_adjustment *a, int64_t *id);
/* The highest adjustment id (0 when none). 0, or -1. */
int store_adjust_last(store *s, int64_t *id);
/* The adjustments of year with id <= upto (unit: only its own; NULL:
** every unit), by unit then id. cb returns 0 to go on. */
int store_adjust_each(store *s, int year, const char *unit, int64_t upto,
                      int (*cb)(const store_adjustment *a, void *ud), void *ud);
/* A run's last applied adjustment and its appraisal round (0: not marked):
** put in the run's transaction; get gives 0 for a run that recorded none
** (stored before v6, or none existed). */
int store_run_adjust_put(store *s, int64_t run, int64_t upto, int round);
int store_run_adjust_get(store *s, int64_t run, int64_t *upto);

/* The latest run of year whose units are all of kind: its id, units, the
** last import of facts and the last adjustment it saw. 1, 0 when there is
** none, -1. */
typedef struct { int64_t run, units, facts_import, adjust_upto; } store_kind_run;
int store_latest_kind_run(store *s, int year, const char *kind, store_kind_run *out);
/* Publish run as the official result of year for kind (its own transaction):
** 0, 1 when year and kind are published already (nothing changes), -1. */
int store_publish(store *s, int year, const char *kind, int64_t run, const char *decision, const char *date);
/* The publication of year and kind: 1 with run, decision and date (YYYY-MM-DD), 0 when none, -1. */
int store_publication(store *s, int year, const char *kind, int64_t *run, char *decision, size_t nd, char *date, size_t ndate);

#endif
