/*
** store_published.c -- the decisions that published results, and their
** rows (see store_published.h).
*/
#include "store_published.h"

#include "store_int.h"

enum { P_DEC_PUT, P_ROW_PUT, P_DEC_GET, P_ROWS, P_KINDS, P_COUNT };
_Static_assert(STORE_PUBLISHED_SLOT + P_COUNT <= STORE_EXTRA_STMTS, "raise STORE_EXTRA_STMTS");

static const char *const sql[P_COUNT] = {
  [P_DEC_PUT] = "INSERT INTO published_decisions(created,year,kind,number,date,body,subject,units,source,digest,parent)"
                " VALUES(strftime('%Y-%m-%dT%H:%M:%SZ','now'),?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
  [P_ROW_PUT] = "INSERT INTO published_results(decision,unit,name,total,rank) VALUES(?1,?2,?3,?4,?5)",
  [P_DEC_GET] = "SELECT id,created,number,date,body,subject,COALESCE(units,0),source,digest FROM published_decisions"
                " WHERE year=?1 AND kind=?2 AND parent=?3 ORDER BY id DESC LIMIT 1",
  [P_ROWS] = "SELECT r.unit,COALESCE(r.name,(SELECT u.name FROM units u WHERE u.id=r.unit)),COALESCE(r.total,-1),r.rank"
             " FROM published_results r WHERE r.decision=?1 ORDER BY r.rank,r.unit",
  [P_KINDS] = "SELECT DISTINCT year,kind,parent FROM published_decisions WHERE ?1=0 OR year=?1 ORDER BY year,kind,parent",
};

static sqlite3_stmt *stmt(store *s, int q) { return store_extra_stmt(s, STORE_PUBLISHED_SLOT + q, sql[q]); }

static int done(sqlite3_stmt *st, int rc) {
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc;
}

int store_published_put(store *s, const store_decision *d, const store_published_row *rows, int n, int64_t *id) {
  sqlite3_stmt *st = stmt(s, P_DEC_PUT), *rs = stmt(s, P_ROW_PUT);
  if (!st || !rs) return -1;
  sqlite3_bind_int(st, 1, d->year);
  sqlite3_bind_text(st, 2, d->kind ? d->kind : "", -1, SQLITE_STATIC);
  store_bind_opt(st, 3, d->number);
  store_bind_opt(st, 4, d->date);
  store_bind_opt(st, 5, d->body);
  store_bind_opt(st, 6, d->subject);
  if (d->units > 0) sqlite3_bind_int(st, 7, d->units);
  else sqlite3_bind_null(st, 7);
  sqlite3_bind_text(st, 8, d->source, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 9, d->digest, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 10, d->parent ? d->parent : "", -1, SQLITE_STATIC);
  if (done(st, sqlite3_step(st)) != SQLITE_DONE) return store_db_fail(s, "storing the published decision");
  *id = sqlite3_last_insert_rowid(store_sqlite(s));
  for (int i = 0; i < n; i++) {
    sqlite3_bind_int64(rs, 1, *id);
    sqlite3_bind_text(rs, 2, rows[i].unit, -1, SQLITE_STATIC);
    store_bind_opt(rs, 3, rows[i].name);
    if (rows[i].total >= 0) sqlite3_bind_int64(rs, 4, rows[i].total);
    else sqlite3_bind_null(rs, 4);
    sqlite3_bind_int(rs, 5, rows[i].rank);
    if (done(rs, sqlite3_step(rs)) != SQLITE_DONE) return store_db_fail(s, "storing the published results");
  }
  return 0;
}

int store_published_get(store *s, int year, const char *kind, const char *parent, int (*dec_cb)(const store_decision *d, void *ud),
                        int (*row_cb)(const store_published_row *r, void *ud), void *ud) {
  sqlite3_stmt *st = stmt(s, P_DEC_GET), *rs = stmt(s, P_ROWS);
  if (!st || !rs) return -1;
  sqlite3_bind_int(st, 1, year);
  sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, parent, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) return done(st, rc) == SQLITE_DONE ? 0 : store_db_fail(s, "reading the published decision");
  store_decision d = {year, kind, parent, store_col(st, 2), store_col(st, 3), store_col(st, 4), store_col(st, 5), sqlite3_column_int(st, 6),
                      store_col(st, 7), store_col(st, 8), sqlite3_column_int64(st, 0), store_col(st, 1)};
  int stop = dec_cb ? dec_cb(&d, ud) : 0;
  int64_t id = d.id;
  done(st, SQLITE_DONE);
  if (stop || !row_cb) return 1;
  sqlite3_bind_int64(rs, 1, id);
  while ((rc = sqlite3_step(rs)) == SQLITE_ROW) {
    store_published_row r = {store_col(rs, 0), store_col(rs, 1), sqlite3_column_int64(rs, 2), sqlite3_column_int(rs, 3)};
    if (row_cb(&r, ud)) { rc = SQLITE_DONE; break; }
  }
  return done(rs, rc) == SQLITE_DONE ? 1 : store_db_fail(s, "reading the published results");
}

int store_published_kinds(store *s, int year, int (*cb)(int year, const char *kind, const char *parent, void *ud),
                          void *ud) {
  sqlite3_stmt *st = stmt(s, P_KINDS);
  if (!st) return -1;
  sqlite3_bind_int(st, 1, year);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    if (cb(sqlite3_column_int(st, 0), store_col(st, 1), store_col(st, 2), ud)) { rc = SQLITE_DONE; break; }
  return done(st, rc) == SQLITE_DONE ? 0 : store_db_fail(s, "reading the published decisions");
}
