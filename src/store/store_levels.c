/*
** store_levels.c -- the kinds and parents of units, and self-assessments
** (see store_levels.h).
*/
#include "store_levels.h"

#include <stdio.h>
#include <string.h>

#include "store_int.h"

enum { L_KINDS, L_UNDER, L_KIND_KNOWN, L_LEVEL, L_SELF_NEXT, L_SELF_PUT, L_SELF_EACH, L_ADJ_PUT, L_ADJ_LAST, L_ADJ_EACH, L_ADJ_UNIT, L_RUN_ADJ_PUT, L_RUN_ADJ_GET, L_KIND_RUN, L_PUBLISH, L_PUBLICATION,
       L_COUNT };
_Static_assert(STORE_LEVELS_SLOT + L_COUNT <= STORE_IMPORT_SLOT, "raise STORE_IMPORT_SLOT");

static const char *const sql[L_COUNT] = {
  /* the upper levels first: a kind's depth is the longest chain of parents' kinds above it (kind
  ** edges: a few rows, found through units' primary key; cycles stop at 16) */
  [L_KINDS] = "WITH RECURSIVE e(ck,pk) AS (SELECT DISTINCT c.kind,p.kind FROM units c JOIN units p ON p.id=c.parent"
              " WHERE c.kind<>p.kind), d(k,depth) AS (SELECT DISTINCT kind,0 FROM units UNION ALL"
              " SELECT e.ck,d.depth+1 FROM e JOIN d ON e.pk=d.k WHERE d.depth<16)"
              " SELECT kind,COUNT(*) FROM units u WHERE EXISTS(SELECT 1 FROM facts WHERE year=?1 AND unit=u.id)"
              " GROUP BY kind ORDER BY (SELECT MAX(depth) FROM d WHERE d.k=u.kind),kind",
  [L_UNDER] = "SELECT 1 FROM units u WHERE kind=?2 AND parent=?3 AND EXISTS(SELECT 1 FROM facts WHERE year=?1"
              " AND unit=u.id) LIMIT 1",
  [L_KIND_KNOWN] = "SELECT 1 FROM units WHERE kind=?1 LIMIT 1",
  [L_LEVEL] = "SELECT kind,parent FROM units WHERE id=?1",
  [L_SELF_NEXT] = "SELECT COALESCE(MAX(submission),0)+1 FROM self_assessments",
  [L_SELF_PUT] = "INSERT INTO self_assessments(unit,year,criterion,submission,created,points,evidence,explanation,source)"
                 " VALUES(?1,?2,?3,?4,strftime('%Y-%m-%dT%H:%M:%SZ','now'),?5,?6,?7,?8)",
  [L_SELF_EACH] = "SELECT criterion,points,evidence,explanation,source,submission,created FROM self_assessments a"
                  " WHERE unit=?1 AND year=?2 AND submission=(SELECT MAX(submission) FROM self_assessments b"
                  "  WHERE b.unit=a.unit AND b.year=a.year AND b.criterion=a.criterion) ORDER BY criterion",
  [L_ADJ_PUT] = "INSERT INTO adjustments(created,unit,year,criterion,change,reason,role,document,date,round)"
                " VALUES(strftime('%Y-%m-%dT%H:%M:%SZ','now'),?1,?2,?3,?4,?5,?6,?7,?8,?9)",
  [L_ADJ_LAST] = "SELECT COALESCE(MAX(id),0) FROM adjustments",
#define ADJ_COLS "SELECT id,created,unit,year,criterion,change,reason,role,document,date,round FROM adjustments"
  [L_ADJ_EACH] = ADJ_COLS " WHERE year=?1 AND id<=?3 ORDER BY unit,id",
  [L_ADJ_UNIT] = ADJ_COLS " WHERE year=?1 AND unit=?2 AND id<=?3 ORDER BY unit,id",
  [L_RUN_ADJ_PUT] = "INSERT INTO run_adjustments(run,upto,round) VALUES(?1,?2,?3)",
  [L_RUN_ADJ_GET] = "SELECT upto FROM run_adjustments WHERE run=?1",
  [L_KIND_RUN] = "SELECT r.id,t.units,COALESCE(a.facts_import,-1),COALESCE(x.upto,0) FROM runs r"
                 " JOIN run_totals t ON t.run=r.id LEFT JOIN run_audit a ON a.run=r.id"
                 " LEFT JOIN run_adjustments x ON x.run=r.id WHERE r.year=?1"
                 " AND NOT EXISTS(SELECT 1 FROM run_units u WHERE u.run=r.id AND u.kind IS NOT ?2)"
                 " ORDER BY r.id DESC LIMIT 1",
  [L_PUBLISH] = "INSERT OR IGNORE INTO publications(year,kind,run,decision,date,created)"
                " VALUES(?1,?2,?3,?4,?5,strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
  [L_PUBLICATION] = "SELECT run,decision,date FROM publications WHERE year=?1 AND kind=?2",
};

static sqlite3_stmt *stmt(store *s, int q) { return store_extra_stmt(s, STORE_LEVELS_SLOT + q, sql[q]); }

int store_year_kinds(store *s, int year, int (*cb)(const char *kind, int64_t units, void *ud), void *ud) {
  sqlite3_stmt *st = stmt(s, L_KINDS);
  if (!st) return -1;
  sqlite3_bind_int(st, 1, year);
  int rc, stop = 0;
  while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) stop = cb(store_col(st, 0), sqlite3_column_int64(st, 1), ud);
  sqlite3_reset(st);
  if (stop) return stop;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading the kinds of units");
}

int store_kind_under(store *s, int year, const char *kind, const char *parent) {
  sqlite3_stmt *st = stmt(s, L_UNDER);
  if (!st) return -1;
  sqlite3_bind_int(st, 1, year);
  sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, parent, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading the units under a parent");
}

int store_kind_known(store *s, const char *kind) {
  sqlite3_stmt *st = stmt(s, L_KIND_KNOWN);
  if (!st) return -1;
  sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading the kinds of units");
}

int store_unit_level(store *s, const char *unit, char *kind, size_t nkind, char *parent, size_t nparent) {
  sqlite3_stmt *st = stmt(s, L_LEVEL);
  if (!st) return -1;
  sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    snprintf(kind, nkind, "%s", store_col(st, 0) ? store_col(st, 0) : "");
    snprintf(parent, nparent, "%s", store_col(st, 1) ? store_col(st, 1) : "");
  }
  sqlite3_reset(st);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading a unit");
}

int store_self_next(store *s, int64_t *submission) {
  sqlite3_stmt *st = stmt(s, L_SELF_NEXT);
  if (!st) return -1;
  int rc = sqlite3_step(st);
  *submission = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_reset(st);
  return rc == SQLITE_ROW ? 0 : store_db_fail(s, "numbering the self-assessment");
}

int store_self_put(store *s, int64_t submission, const store_self_row *r) {
  sqlite3_stmt *st = stmt(s, L_SELF_PUT);
  if (!st) return -1;
  sqlite3_bind_text(st, 1, r->unit, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, r->year);
  sqlite3_bind_text(st, 3, r->criterion, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 4, submission);
  sqlite3_bind_int64(st, 5, r->points);
  sqlite3_bind_text(st, 6, r->evidence ? r->evidence : "[]", -1, SQLITE_STATIC);
  store_bind_opt(st, 7, r->explanation);
  store_bind_opt(st, 8, r->source);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "storing the self-assessment");
}

int store_self_each(store *s, const char *unit, int year, int (*cb)(const store_self_row *r, void *ud), void *ud) {
  sqlite3_stmt *st = stmt(s, L_SELF_EACH);
  if (!st) return -1;
  sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, year);
  int rc, stop = 0;
  while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    store_self_row r = {unit, year, store_col(st, 0), sqlite3_column_int64(st, 1), store_col(st, 2), store_col(st, 3), store_col(st, 4),
                        sqlite3_column_int64(st, 5), store_col(st, 6)};
    stop = cb(&r, ud);
  }
  sqlite3_reset(st);
  if (stop) return stop;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading the self-assessment");
}

int store_adjust_put(store *s, const store_adjustment *a, int64_t *id) {
  sqlite3_stmt *st = stmt(s, L_ADJ_PUT);
  if (!st || store_begin(s)) return -1;
  sqlite3_bind_text(st, 1, a->unit, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, a->year);
  sqlite3_bind_text(st, 3, a->criterion, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 4, a->change);
  sqlite3_bind_text(st, 5, a->reason, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, a->role, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 7, a->document, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 8, a->date, -1, SQLITE_STATIC);
  if (a->round) sqlite3_bind_int(st, 9, a->round);
  else sqlite3_bind_null(st, 9);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (rc != SQLITE_DONE) { store_db_fail(s, "recording the adjustment"); store_rollback(s); return -1; }
  *id = sqlite3_last_insert_rowid(store_sqlite(s));
  if (store_commit(s)) { store_rollback(s); return -1; }
  return 0;
}

static int one_int64(store *s, int q, int64_t bind, int64_t *out, const char *what) {
  sqlite3_stmt *st = stmt(s, q);
  if (!st) return -1;
  if (sqlite3_bind_parameter_count(st)) sqlite3_bind_int64(st, 1, bind);
  int rc = sqlite3_step(st);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_reset(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_fail(s, what);
}

int store_adjust_last(store *s, int64_t *id) { return one_int64(s, L_ADJ_LAST, 0, id, "reading the adjustments"); }

int store_run_adjust_get(store *s, int64_t run, int64_t *upto) {
  return one_int64(s, L_RUN_ADJ_GET, run, upto, "reading a run's adjustments");
}

int store_run_adjust_put(store *s, int64_t run, int64_t upto, int round) {
  sqlite3_stmt *st = stmt(s, L_RUN_ADJ_PUT);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, run);
  sqlite3_bind_int64(st, 2, upto);
  if (round) sqlite3_bind_int(st, 3, round);
  else sqlite3_bind_null(st, 3);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "storing the run's adjustments");
}

int store_adjust_each(store *s, int year, const char *unit, int64_t upto,
                      int (*cb)(const store_adjustment *a, void *ud), void *ud) {
  sqlite3_stmt *st = stmt(s, unit ? L_ADJ_UNIT : L_ADJ_EACH);
  if (!st) return -1;
  sqlite3_bind_int(st, 1, year);
  if (unit) sqlite3_bind_text(st, 2, unit, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 3, upto);
  int rc, stop = 0;
  while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    store_adjustment a = {sqlite3_column_int64(st, 0), store_col(st, 1), store_col(st, 2), sqlite3_column_int(st, 3), store_col(st, 4),
                          sqlite3_column_int64(st, 5), store_col(st, 6), store_col(st, 7), store_col(st, 8), store_col(st, 9),
                          sqlite3_column_int(st, 10)};
    stop = cb(&a, ud);
  }
  sqlite3_reset(st);
  if (stop) return stop;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading the adjustments");
}

int store_latest_kind_run(store *s, int year, const char *kind, store_kind_run *out) {
  sqlite3_stmt *st = stmt(s, L_KIND_RUN);
  if (!st) return -1;
  sqlite3_bind_int(st, 1, year);
  sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW)
    *out = (store_kind_run){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
                            sqlite3_column_int64(st, 3)};
  sqlite3_reset(st);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading the runs");
}

int store_publish(store *s, int year, const char *kind, int64_t run, const char *decision, const char *date) {
  sqlite3_stmt *st = stmt(s, L_PUBLISH);
  if (!st || store_begin(s)) return -1;
  sqlite3_bind_int(st, 1, year);
  sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 3, run);
  sqlite3_bind_text(st, 4, decision, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 5, date, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) { store_db_fail(s, "publishing"); store_rollback(s); return -1; }
  int added = sqlite3_changes(store_sqlite(s));
  if (store_commit(s)) { store_rollback(s); return -1; }
  return added ? 0 : 1;
}

int store_publication(store *s, int year, const char *kind, int64_t *run, char *decision, size_t nd, char *date,
                      size_t ndate) {
  sqlite3_stmt *st = stmt(s, L_PUBLICATION);
  if (!st) return -1;
  sqlite3_bind_int(st, 1, year);
  sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *run = sqlite3_column_int64(st, 0);
    snprintf(decision, nd, "%s", store_col(st, 1));
    snprintf(date, ndate, "%s", store_col(st, 2));
  }
  sqlite3_reset(st);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading the publications");
}
