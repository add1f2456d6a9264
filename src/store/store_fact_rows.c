/*
** store_fact_rows.c -- a unit's facts with their provenance.
*/
#include "store_fact_rows.h"

#include "store_int.h"

int store_each_fact_row(store *s, const char *unit, int year, store_fact_row_cb cb, void *ud) {
#define ROWS_SQL(where)                                                               \
  "SELECT f.key, f.type, CAST(f.value AS TEXT), f.source, f.note, f.since, i.created, f.unit" \
  "  FROM facts f LEFT JOIN imports i ON i.id = f.since WHERE " where " ORDER BY f.unit, f.key"
  const char *sql = unit ? ROWS_SQL("f.year = ?2 AND f.unit = ?1") : ROWS_SQL("f.year = ?2");
  sqlite3 *db = store_sqlite(s);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return store_db_fail(s, "reading facts");
  if (unit) sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, year);
  int rc, stop = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    store_fact_row r = {
      (const char *)sqlite3_column_text(st, 7), (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
      (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
      (const char *)sqlite3_column_text(st, 4), sqlite3_column_int64(st, 5),
      (const char *)sqlite3_column_text(st, 6)};
    if ((stop = cb(&r, ud))) break;
  }
  if (!stop && rc != SQLITE_DONE) stop = store_db_fail(s, "reading facts");
  sqlite3_finalize(st);
  return stop;
}
