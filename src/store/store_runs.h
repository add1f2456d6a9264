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

#define STORE_ROW_MAX 12
typedef struct {              /* one result row: text (NULL for SQL NULL) and integer views */
  int n;
  const char *t[STORE_ROW_MAX];
  int64_t i[STORE_ROW_MAX];
} store_row;
typedef int (*store_row_cb)(const store_row *row, void *ud);

typedef enum {
  /* ?1 year (0: any), ?2 unit (NULL: any) -> id created engine rules year units rules_sha256 facts_sha256
     facts_import (facts_sha256 in runs stored by v2 and v3, facts_import since v4) */
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
  RQ_DEDUCTIONS,     /* ?1 run ?2 unit -> criterion seq requested points reason facts tasks */
  RQ_FACT_TEXT,      /* ?1 run ?2 unit -> content (schema v3 runs: the facts as one text) */
  RQ_COUNT
} store_run_query_id;

/* Run one of the queries above; the callback returns 0 to go on. Returns 0,
** the callback's non-zero value, or -1 on a store error. */
int store_run_query(store *s, store_run_query_id q, int64_t a, const char *b, store_row_cb cb, void *ud);

#endif
