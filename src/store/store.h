/*
** store.h -- the SQLite fact store and run ledger. Knows SQLite, nothing else.
**
** Ownership: a store owns its sqlite3 handle and prepared statements.
** Strings passed in are only read during the call (SQLite binds them without
** a copy); strings handed to callbacks are valid only during the callback.
** One thread per store (the connection is opened without SQLite's mutexes).
** Errors: functions return 0 on success and -1 on failure; store_errmsg()
** then tells why, until the next call.
** Writes: callers wrap every logical write in store_begin/store_commit; on any
** error they call store_rollback, so nothing half-written stays.
*/
#ifndef PARINDEX_STORE_H
#define PARINDEX_STORE_H

#include <stdint.h>
#include "facts.h"

#define STORE_SCHEMA_VERSION 9
#define STORE_APPLICATION_ID 1347568728   /* PRAGMA application_id of a parindex store: 0x50524458, "PRDX" */

typedef struct store store;

typedef enum { PUT_NEW, PUT_UPDATED, PUT_SAME } put_result;

/* Open and migrate (upgrade) the parindex store at path. A missing file, an
** empty one and any file that is not a parindex store are refused, and
** nothing in them is changed (see store_kind.c for how a store is known).
** On failure returns NULL and writes a message into err, naming the file.
** Test hook: the environment variable PARINDEX_MAX_PAGE_COUNT=N sets SQLite's
** PRAGMA max_page_count for this connection, so that tests can simulate a
** full disk ("database or disk is full"); PARINDEX_UNITS_DESC=1 makes
** store_each_unit_facts give a year's units in descending id order, so that
** tests can score them in reverse order. Unset in normal use. */
store *store_open(const char *path, char *err, size_t errlen);
/* The same, but a new or empty file becomes a new store (*created = 1). */
store *store_open_or_create(const char *path, int *created, char *err, size_t errlen);
void store_close(store *s);
const char *store_errmsg(const store *s);

int store_begin(store *s);
int store_commit(store *s);
void store_rollback(store *s);      /* safe to call when no transaction is open */

/* Insert or update; *res says which (PUT_SAME: nothing changed). */
int store_put_office(store *s, const char *id, const char *name, put_result *res);
int store_put_unit(store *s, const unit_info *u, put_result *res);
/* For PUT_UPDATED, *old (if old != NULL) receives a malloc'd text of the
** previous value that the caller frees. */
int store_put_fact(store *s, const char *unit, int year, const fact *f,
                   put_result *res, char **old);
/* 1 if present, 0 if not, -1 on error. */
int store_has_unit(store *s, const char *id);
/* Does the unit have any fact for year? 1, 0, -1. */
int store_has_facts(store *s, const char *unit, int year);
/* Is there a fact unit/year/key? 1, 0, -1. */
int store_has_fact(store *s, const char *unit, int year, const char *key);
/* Insert n facts of a unit-year whose keys are distinct and not in the
** store yet (see store_has_facts, store_has_fact): each is PUT_NEW. Multi-row INSERTs, far cheaper per
** fact than store_put_fact. */
int store_put_new_facts(store *s, const char *unit, int year, const fact *const *facts, int n);

/* Offices, in id order. */
typedef int (*store_office_cb)(const char *id, const char *name, void *ud);
int store_each_office(store *s, store_office_cb cb, void *ud);

/* Every unit with facts in year (or only `unit` if not NULL), in id order,
** with all its facts sorted by key: one query for the whole run.
** The callback returns 0 to go on, non-zero to stop (returned as is). */
typedef int (*store_facts_cb)(const unit_facts *uf, void *ud);
int store_each_unit_facts(store *s, int year, const char *unit, store_facts_cb cb, void *ud);
/* The same for every unit of one kind (units.kind) with facts in year. */
int store_each_unit_facts_kind(store *s, int year, const char *kind, store_facts_cb cb, void *ud);
/* The same, with the facts as they were after import number `import` (the
** history the store keeps since schema v4; see store_run_audit). */
int store_each_unit_facts_asof(store *s, int year, const char *unit, int64_t import,
                               store_facts_cb cb, void *ud);

/* For plan (store_year.c): the last import that wrote facts (0 when none);
** how many units have facts in year, counting only up to 2; every unit of
** a run with its total (cb returns 0 to go on). 0, or -1 (store_errmsg). */
int store_last_import(store *s, int64_t *id);
int store_year_has_units(store *s, int year, int64_t *n);
int store_run_totals(store *s, int64_t run, int (*cb)(const char *unit, int64_t total, void *ud), void *ud);

/* Runs: append-only. Call inside one transaction. */
int store_run_new(store *s, const char *engine, const char *rules, int year,
                  int64_t *run_id);
/* A unit of a run: its name, kind and parent, its totals, and its whole ledger (components, criteria,
** deductions with their fact keys and tasks) as one JSON text in the format
** that store.c's v4 migration describes; the views run_components,
** run_criteria and run_deductions show it as rows. Strings are read during
** the call only. */
/* Since schema v5, a unit's digests and the text of the facts it read
** (audit_digest.h in the engine says what they are of). */
typedef struct { const char *keys_sha256, *facts_sha256, *facts, *ledger_sha256; } store_unit_digests;
int store_run_unit(store *s, int64_t run, const unit_info *unit, int64_t appraisal,
                   int64_t survey, int64_t total, const char *ledger_json, const store_unit_digests *d);
/* Rows per multi-row INSERT of facts (a prepared statement per row count). */
#define STORE_ROWS_MAX 32
int store_run_finish(store *s, int64_t run, int units);

#endif
