/*
** ledger.h -- one unit's result: criteria, components, totals and every
** deduction with its reason, facts and tasks. Plain data.
**
** Ownership: a unit_result owns all of its strings and arrays through its
** arena; ledger_free releases everything at once. Indexes into the
** rulebook's component and criterion arrays tie the two together.
*/
#ifndef PARINDEX_LEDGER_H
#define PARINDEX_LEDGER_H

#include "arena.h"
#include "facts.h"
#include "points.h"

/* The source that marks facts as illustrative, not published (data/README.md). */
#define ILLUSTRATIVE_SOURCE "Dữ liệu minh họa"

/* The default task of a deduction that names none: this and its reason,
** for the criterion's owner. */
#define LEDGER_FIX_PREFIX "Khắc phục: "

typedef struct { const char *office, *text; } ledger_task;

typedef struct {            /* a fact as the deduction saw it */
  const char *key, *type, *value, *source, *note;
} ledger_fact;

typedef struct {
  int crit;                 /* criterion index in the rulebook */
  pts_t requested;          /* what the rule asked to deduct */
  pts_t points;             /* what was deducted (capped so points stay >= 0) */
  const char *reason;
  int file, line;           /* where u.lose was called: the methodology's files[file] (-1:
                            ** not known, a ledger stored before schema v5), line */
  ledger_fact *facts; int nfacts;
  ledger_task *tasks; int ntasks, captasks;   /* tasks[0]: the lead office (chủ trì); the others support (phối hợp) */
  int effort;               /* the rule's effort weight (:effort), 0 when not given */
  int cap;                  /* bonus and penalty lines: what held points below requested
                            ** (LEDGER_CAP_*); criteria's deductions: 0 */
} ledger_deduction;

/* Why a bonus or penalty line gives less than requested. */
enum {
  LEDGER_CAP_NONE = 0,
  LEDGER_CAP_ITEM = 1,      /* the item's own max */
  LEDGER_CAP_TOTAL = 2,     /* the index's bonus_cap or penalty_cap */
  LEDGER_CAP_INDEX = 3      /* the index held within 0 .. total (exceed_total = false) */
};

/* What the unit achieved under a criterion, as the rule states it
** (u.achieved): the report's "what went well", computed from the facts. */
typedef struct {
  int crit;                 /* criterion index in the rulebook */
  const char *text;
  int file, line;           /* where u.achieved was called, as for a deduction (-1: not known) */
  ledger_fact *facts; int nfacts;
} ledger_achievement;

typedef struct {
  pts_t points, max;
  int na;                   /* not applicable: excluded from its component */
  int na_full;              /* not applicable, full points (when_not_applicable = "full"): na is 0,
                               points are max, na_reason says why */
  const char *na_reason;
  int first, count;         /* its deductions: deds[first .. first+count) */
  int afirst, acount;       /* its statements of what was achieved: achs[afirst .. afirst+acount) */
} ledger_criterion;

typedef struct { pts_t points, max; int rank; } ledger_component;

typedef struct {
  unit_info unit;
  int year;
  ledger_criterion *crits; int ncrits;
  ledger_component *comps; int ncomps;
  ledger_deduction *deds; int nded, capded;
  ledger_deduction *extras; int nextras, capextras;   /* bonus and penalty lines: crit is the
                            ** methodology's extras index; requested and points >= 0 */
  pts_t bonus, penalty;     /* the extras' points, after the caps */
  ledger_achievement *achs; int nach, capach;
  pts_t appraisal, survey, total;   /* total = appraisal + survey + bonus - penalty */
  int illustrative;         /* a fact's source starts with ILLUSTRATIVE_SOURCE */
  arena a;
} unit_result;

/* Does d imply a task? Every deduction does but an adjustment of the
** appraisal council that gives points back (requested < 0). */
static inline int ledger_has_task(const ledger_deduction *d) { return d->requested >= 0; }

/* Copies unit's strings; arrays sized for the rulebook. */
void ledger_init(unit_result *r, const unit_info *unit, int year, int ncrits, int ncomps);
/* The same, reusing r's arena (r zeroed or from an earlier init/reinit):
** the previous content is dropped. */
void ledger_reinit(unit_result *r, const unit_info *unit, int year, int ncrits, int ncomps);
void ledger_free(unit_result *r);
ledger_deduction *ledger_add_deduction(unit_result *r, int crit);
/* A bonus or penalty line of the methodology's extras[item]. */
ledger_deduction *ledger_add_extra(unit_result *r, int item);
/* A statement of what was achieved under criterion crit, its text to be set
** by the caller (in r's arena); the criterion's afirst/acount are kept. */
ledger_achievement *ledger_add_achievement(unit_result *r, int crit);
void ledger_add_task(unit_result *r, ledger_deduction *d, const char *office, const char *text);
/* The same with the text prefix followed by text (one copy, no temporary). */
void ledger_add_task_prefixed(unit_result *r, ledger_deduction *d, const char *office,
                              const char *prefix, const char *text);
/* lf := f as a deduction shows it (numbers "%.15g", booleans true/false);
** the strings are copied into r's arena. */
void ledger_set_fact(unit_result *r, ledger_fact *lf, const fact *f);

#endif
