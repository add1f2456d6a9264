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

int store_year_units(store *s, int year, int64_t *n) {
  return one_int(s, "SELECT COUNT(DISTINCT unit) FROM facts WHERE year=?1", year, n);
}
