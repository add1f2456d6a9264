/*
** store_runs.h -- the audit trail in the store (schema v2): what a run read
** (rule files with their text, offices, the last import of facts) and its digests, and
** reading every stored run back. SQL only: hashing and rebuilding results
** belong to audit.c.
**
** Writes happen inside the scoring run's transaction (engine.c). Rows handed
** to callbacks are valid only during the callback.
*/
#ifndef PARINDEX_STORE_RUNS_H
#define PARINDEX_STORE_RUNS_H

#include <stdint.h>

#include "facts.h"
#include "store.h"

int store_run_file(store *s, int64_t run, int seq, const char *path, const char *sha256,
                   const char *content);
int store_run_office(store *s, int64_t run, const char *id, const char *name);
/* The run's rulebook digest, and the last import of facts it saw: its facts
** are those as that import left them (store_each_unit_facts_asof). Runs
** stored by schema v2 and v3 kept their facts (run_facts, fact_texts) and a
** facts digest instead. */
int store_run_audit(store *s, int64_t run, const char *rules_sha256);

/* Since schema v5: the text of a unit's fact keys, kept once per sha256 in
** fact_texts (the unit's own digests and facts are in run_units). */
int store_run_fact_keys(store *s, const char *sha256, const char *text);
/* Since schema v5: the run's place in the chain, its rulebook folder as an
** absolute path and its digest. prev 0 and prev_digest NULL: the first. */
int store_run_chain(store *s, int64_t run, const char *rules_abs, int64_t prev,
                    const char *prev_digest, const char *digest);

#define STORE_ROW_MAX 16
typedef struct {              /* one result row: text (NULL for SQL NULL) and integer views */
  int n;
  const char *t[STORE_ROW_MAX];
  int64_t i[STORE_ROW_MAX];
} store_row;
typedef int (*store_row_cb)(const store_row *row, void *ud);

typedef enum {
  /* ?1 year (0: any), ?2 unit (NULL: any) -> id created engine rules year units rules_sha256 facts_sha256
     facts_import rules_abs digest prev prev_digest chained (facts_sha256 in runs stored by v2 and
     v3, facts_import since v4, the rest since v5: chained is 1 when the run has a run_chain row)
     round (since v6: the appraisal round it was marked as, NULL when not) */
  RQ_RUNS,
  /* ?1 run -> the same columns as RQ_RUNS */
  RQ_RUN,
  RQ_FILES,          /* ?1 run -> seq path sha256 content */
  RQ_OFFICES,        /* ?1 run -> id name */
  RQ_UNITS,          /* ?1 run -> unit name kind parent sha256 appraisal survey total (sha256 only
                        in runs stored by v2 and v3; before v2, name, kind, parent are the unit's now) */
  RQ_FACTS,          /* ?1 run ?2 unit -> key type value source note */
  RQ_COMPONENTS,     /* ?1 run ?2 unit -> component points max */
  RQ_CRITERIA,       /* ?1 run ?2 unit -> criterion points max na */
  RQ_DEDUCTIONS,     /* ?1 run ?2 unit -> criterion seq requested points reason facts tasks at */
  RQ_FACT_TEXT,      /* ?1 run ?2 unit -> content (schema v3 runs: the facts as one text) */
  /* since v5: */
  RQ_CHAIN_TIP,      /* ?1 run -> run digest: the last run of the chain before ?1 */
  RQ_CHAIN_ORPHANS,  /* ?1 run -> run: chain entries up to ?1 whose run is gone */
  /* (every unit digest below as 64 hex digits, whether stored as its 32 bytes, since v6, or as text) */
  RQ_UNIT_DIGESTS,   /* ?1 run -> unit keys_sha256 facts_sha256 ledger_sha256 */
  /* ?1 run ?2 unit (NULL: all) -> unit name kind parent appraisal survey total ledger facts_sha256
     ledger_sha256 facts keys_sha256 keys (keys: the fact_texts row of keys_sha256, NULL if none) */
  RQ_UNIT_ROWS,
  /* ?1 run -> unit key type value since imported: the facts of the run's units and year written
     by imports after the one the run saw (imported 0: no such import, the row was written by hand) */
  RQ_FACTS_SINCE,
  /* ?1 run ?2 unit -> item requested points reason facts tasks at cap: the bonus and penalty
  ** lines of the stored ledger ($.extras, run_ledger.h), in order */
  RQ_EXTRAS,
  RQ_ACHIEVEMENTS,   /* ?1 run ?2 unit -> criterion seq statement facts at (run_ledger.h) */
  RQ_COUNT
} store_run_query_id;

/* Run one of the queries above; the callback returns 0 to go on. Returns 0,
** the callback's non-zero value, or -1 on a store error. */
int store_run_query(store *s, store_run_query_id q, int64_t a, const char *b, store_row_cb cb, void *ud);

/* The same one row at a time, for reading two queries side by side:
** begin, then next until it returns 0 (1: *row filled, valid until the
** next call; -1: a store error), then end. One cursor per query at a time. */
int store_run_cursor_begin(store *s, store_run_query_id q, int64_t a, const char *b);
int store_run_cursor_next(store *s, store_run_query_id q, store_row *row);
void store_run_cursor_end(store *s, store_run_query_id q);

#endif
