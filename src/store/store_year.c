/*
** store_year.c -- what `plan` asks the store about a year, to know whether a
** stored run still holds the year's current scores (see store.h).
*/
#include "store_int.h"

static int one_int(store *s, const char *sql, int year, int64_t *out) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(store_sqlite(s), sql, -1, &st, NULL) != SQLITE_OK) return store_db_fail(s, "reading the store");
  if (sqlite3_bind_parameter_count(st)) sqlite3_bind_int(st, 1, year);
  int rc = sqlite3_step(st);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading the store");
}

int store_last_import(store *s, int64_t *id) {
  return one_int(s, "SELECT COALESCE(MAX(id),0) FROM imports", 0, id);
}

int store_year_has_units(store *s, int year, int64_t *n) {
  return one_int(s, "SELECT COUNT(*) FROM (SELECT DISTINCT unit FROM facts WHERE year=?1 LIMIT 2)", year, n);
}

int store_run_totals(store *s, int64_t run, int (*cb)(const char *unit, int64_t total, void *ud), void *ud) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(store_sqlite(s), "SELECT unit,total FROM run_units WHERE run=?1", -1, &st, NULL) != SQLITE_OK)
    return store_db_fail(s, "reading a run");
  sqlite3_bind_int64(st, 1, run);
  int rc, stop = 0;
  while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
    stop = cb((const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1), ud);
  if (!stop && rc != SQLITE_DONE) stop = store_db_fail(s, "reading a run");
  sqlite3_finalize(st);
  return stop;
}
