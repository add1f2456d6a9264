/*
** store.c -- SQLite fact store: schema, migrations, prepared statements.
*/
#include "store.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

enum {                                  /* prepared statements */
  Q_OFFICE_GET, Q_OFFICE_INS, Q_OFFICE_UPD, Q_OFFICE_ALL,
  Q_UNIT_GET, Q_UNIT_INS, Q_UNIT_UPD,
  Q_FACT_GET, Q_FACT_INS, Q_FACT_UPD,
  Q_FACTS_YEAR, Q_FACTS_UNIT,
  Q_RUN_NEW, Q_RUN_UNIT, Q_RUN_COMP, Q_RUN_CRIT, Q_RUN_DED, Q_RUN_FINISH,
  Q_COUNT
};

static const char *const query_sql[Q_COUNT] = {
  [Q_OFFICE_GET] = "SELECT name FROM offices WHERE id=?1",
  [Q_OFFICE_INS] = "INSERT INTO offices(id,name) VALUES(?1,?2)",
  [Q_OFFICE_UPD] = "UPDATE offices SET name=?2 WHERE id=?1",
  [Q_OFFICE_ALL] = "SELECT id,name FROM offices ORDER BY id",
  [Q_UNIT_GET] = "SELECT name,kind,parent FROM units WHERE id=?1",
  [Q_UNIT_INS] = "INSERT INTO units(id,name,kind,parent) VALUES(?1,?2,?3,?4)",
  [Q_UNIT_UPD] = "UPDATE units SET name=?2,kind=?3,parent=?4 WHERE id=?1",
  [Q_FACT_GET] = "SELECT type,value,source,note FROM facts WHERE year=?1 AND unit=?2 AND key=?3",
  [Q_FACT_INS] = "INSERT INTO facts(year,unit,key,type,value,source,note) VALUES(?1,?2,?3,?4,?5,?6,?7)",
  [Q_FACT_UPD] = "UPDATE facts SET type=?4,value=?5,source=?6,note=?7 WHERE year=?1 AND unit=?2 AND key=?3",
  [Q_FACTS_YEAR] =
    "SELECT f.unit,u.name,u.kind,u.parent,f.key,f.type,f.value,f.source,f.note"
    " FROM facts f JOIN units u ON u.id=f.unit WHERE f.year=?1 ORDER BY f.unit,f.key",
  [Q_FACTS_UNIT] =
    "SELECT f.unit,u.name,u.kind,u.parent,f.key,f.type,f.value,f.source,f.note"
    " FROM facts f JOIN units u ON u.id=f.unit WHERE f.year=?1 AND f.unit=?2 ORDER BY f.key",
  [Q_RUN_NEW] = "INSERT INTO runs(created,engine,rules,year)"
                " VALUES(strftime('%Y-%m-%dT%H:%M:%SZ','now'),?1,?2,?3)",
  [Q_RUN_UNIT] = "INSERT INTO run_units(run,unit,appraisal,survey,total) VALUES(?1,?2,?3,?4,?5)",
  [Q_RUN_COMP] = "INSERT INTO run_components(run,unit,component,points,max) VALUES(?1,?2,?3,?4,?5)",
  [Q_RUN_CRIT] = "INSERT INTO run_criteria(run,unit,criterion,points,max,na) VALUES(?1,?2,?3,?4,?5,?6)",
  [Q_RUN_DED] = "INSERT INTO run_deductions(run,unit,criterion,seq,requested,points,reason,facts,tasks)"
                " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
  [Q_RUN_FINISH] = "INSERT INTO run_totals(run,units) VALUES(?1,?2)",
};

/* Migration i brings the schema from version i to i+1. */
static const char *const migrations[] = {
  "CREATE TABLE offices(id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE units(id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
  "  parent TEXT) WITHOUT ROWID;"
  "CREATE TABLE facts(year INTEGER NOT NULL, unit TEXT NOT NULL, key TEXT NOT NULL,"
  "  type TEXT NOT NULL CHECK(type IN ('number','integer','boolean','date','text','list')),"
  "  value NOT NULL, source TEXT, note TEXT,"
  "  PRIMARY KEY(year,unit,key)) WITHOUT ROWID;"
  "CREATE TABLE runs(id INTEGER PRIMARY KEY, created TEXT NOT NULL, engine TEXT NOT NULL,"
  "  rules TEXT NOT NULL, year INTEGER NOT NULL);"
  "CREATE TABLE run_totals(run INTEGER PRIMARY KEY REFERENCES runs(id), units INTEGER NOT NULL);"
  "CREATE TABLE run_units(run INTEGER NOT NULL, unit TEXT NOT NULL, appraisal INTEGER NOT NULL,"
  "  survey INTEGER NOT NULL, total INTEGER NOT NULL, PRIMARY KEY(run,unit));"
  "CREATE TABLE run_components(run INTEGER NOT NULL, unit TEXT NOT NULL, component TEXT NOT NULL,"
  "  points INTEGER NOT NULL, max INTEGER NOT NULL, PRIMARY KEY(run,unit,component));"
  "CREATE TABLE run_criteria(run INTEGER NOT NULL, unit TEXT NOT NULL, criterion TEXT NOT NULL,"
  "  points INTEGER, max INTEGER NOT NULL, na TEXT, PRIMARY KEY(run,unit,criterion));"
  "CREATE TABLE run_deductions(run INTEGER NOT NULL, unit TEXT NOT NULL, criterion TEXT NOT NULL,"
  "  seq INTEGER NOT NULL, requested INTEGER NOT NULL, points INTEGER NOT NULL,"
  "  reason TEXT NOT NULL, facts TEXT NOT NULL, tasks TEXT NOT NULL,"
  "  PRIMARY KEY(run,unit,criterion,seq));"
  "CREATE TRIGGER runs_no_update BEFORE UPDATE ON runs BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_totals_no_update BEFORE UPDATE ON run_totals BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_totals_no_delete BEFORE DELETE ON run_totals BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_units_no_update BEFORE UPDATE ON run_units BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_units_no_delete BEFORE DELETE ON run_units BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_components_no_update BEFORE UPDATE ON run_components BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_components_no_delete BEFORE DELETE ON run_components BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_criteria_no_update BEFORE UPDATE ON run_criteria BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_criteria_no_delete BEFORE DELETE ON run_criteria BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_deductions_no_update BEFORE UPDATE ON run_deductions BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_deductions_no_delete BEFORE DELETE ON run_deductions BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;",
};
_Static_assert(sizeof migrations / sizeof *migrations == STORE_SCHEMA_VERSION,
               "one migration per schema version");

struct store {
  sqlite3 *db;
  sqlite3_stmt *q[Q_COUNT];
  int in_tx;
  char err[512];
};

static int fail(store *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(s->err, sizeof s->err, fmt, ap);
  va_end(ap);
  return -1;
}

/* What to add to a message when SQLite refused to write a read-only store. */
static const char *readonly_hint(store *s) {
  static char hint[1200];
  if ((sqlite3_extended_errcode(s->db) & 0xff) != SQLITE_READONLY) return "";
  const char *path = sqlite3_db_filename(s->db, "main");
  snprintf(hint, sizeof hint, " (the store %.1000s is read-only: the file and its folder must be writable)",
           path && *path ? path : "");
  return hint;
}

static int db_fail(store *s, const char *what) {
  return fail(s, "%s: %s%s", what, sqlite3_errmsg(s->db), readonly_hint(s));
}

const char *store_errmsg(const store *s) { return s->err; }

static int exec(store *s, const char *sql) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    fail(s, "%s%s", msg ? msg : sqlite3_errmsg(s->db), readonly_hint(s));
    sqlite3_free(msg);
    return -1;
  }
  return 0;
}

static int user_version(store *s, int *v) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
    return db_fail(s, "reading schema version");
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc == SQLITE_ROW ? 0 : db_fail(s, "reading schema version");
}

static int migrate(store *s) {
  int v;
  if (user_version(s, &v)) return -1;
  if (v > STORE_SCHEMA_VERSION)
    return fail(s, "store schema version %d is newer than this parindex supports (%d)",
                v, STORE_SCHEMA_VERSION);
  if (v == STORE_SCHEMA_VERSION) return 0;
  if (exec(s, "BEGIN IMMEDIATE")) return -1;
  if (user_version(s, &v)) goto rollback;      /* another process may have migrated */
  for (; v < STORE_SCHEMA_VERSION; v++) {
    char pragma[64];
    if (exec(s, migrations[v])) goto rollback;
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
    if (exec(s, pragma)) goto rollback;
  }
  if (exec(s, "COMMIT")) goto rollback;
  return 0;
rollback:
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
}

store *store_open(const char *path, char *err, size_t errlen) {
  store *s = calloc(1, sizeof *s);
  if (!s) { snprintf(err, errlen, "out of memory"); return NULL; }
  if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
    snprintf(err, errlen, "%s: cannot open store: %s", path,
             s->db ? sqlite3_errmsg(s->db) : "out of memory");
    goto fail;
  }
  sqlite3_busy_timeout(s->db, 10000);
  sqlite3_extended_result_codes(s->db, 1);
  if (exec(s, "PRAGMA foreign_keys=ON") || migrate(s)) {
    snprintf(err, errlen, "%s: %s", path, s->err);
    goto fail;
  }
  /* WAL lets several scorers share one store; a read-only store keeps its mode. */
  sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
  sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
  const char *pages = getenv("PARINDEX_MAX_PAGE_COUNT");     /* test hook, see store.h */
  if (pages && *pages) {
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA max_page_count=%lld", atoll(pages));
    sqlite3_exec(s->db, pragma, NULL, NULL, NULL);
  }
  for (int i = 0; i < Q_COUNT; i++)
    if (sqlite3_prepare_v3(s->db, query_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->q[i], NULL) != SQLITE_OK) {
      snprintf(err, errlen, "%s: preparing statement: %s", path, sqlite3_errmsg(s->db));
      goto fail;
    }
  return s;
fail:
  store_close(s);
  return NULL;
}

void store_close(store *s) {
  if (!s) return;
  for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(s->q[i]);
  sqlite3_close(s->db);
  free(s);
}

int store_begin(store *s) {
  if (exec(s, "BEGIN IMMEDIATE")) return -1;
  s->in_tx = 1;
  return 0;
}

int store_commit(store *s) {
  if (exec(s, "COMMIT")) return -1;
  s->in_tx = 0;
  return 0;
}

void store_rollback(store *s) {
  if (s->in_tx || !sqlite3_get_autocommit(s->db))
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  s->in_tx = 0;
}

/* Bind helpers: NULL strings bind NULL; everything is copied by SQLite. */
static void bind_text(sqlite3_stmt *st, int i, const char *v) {
  if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(st, i);
}

static int step_done(store *s, sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE ? 0 : db_fail(s, what);
}

static int same_text(const unsigned char *a, const char *b) {
  if (!a || !b) return !a && !b;
  return strcmp((const char *)a, b) == 0;
}

int store_put_office(store *s, const char *id, const char *name, put_result *res) {
  sqlite3_stmt *g = s->q[Q_OFFICE_GET];
  bind_text(g, 1, id);
  int rc = sqlite3_step(g);
  int found = rc == SQLITE_ROW, same = found && same_text(sqlite3_column_text(g, 0), name);
  sqlite3_reset(g);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(s, "reading office");
  *res = !found ? PUT_NEW : same ? PUT_SAME : PUT_UPDATED;
  if (same) return 0;
  sqlite3_stmt *w = s->q[found ? Q_OFFICE_UPD : Q_OFFICE_INS];
  bind_text(w, 1, id);
  bind_text(w, 2, name);
  return step_done(s, w, "writing office");
}

int store_put_unit(store *s, const unit_info *u, put_result *res) {
  sqlite3_stmt *g = s->q[Q_UNIT_GET];
  bind_text(g, 1, u->id);
  int rc = sqlite3_step(g);
  int found = rc == SQLITE_ROW;
  int same = found && same_text(sqlite3_column_text(g, 0), u->name) &&
             same_text(sqlite3_column_text(g, 1), u->kind) &&
             same_text(sqlite3_column_text(g, 2), u->parent);
  sqlite3_reset(g);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(s, "reading unit");
  *res = !found ? PUT_NEW : same ? PUT_SAME : PUT_UPDATED;
  if (same) return 0;
  sqlite3_stmt *w = s->q[found ? Q_UNIT_UPD : Q_UNIT_INS];
  bind_text(w, 1, u->id);
  bind_text(w, 2, u->name);
  bind_text(w, 3, u->kind);
  bind_text(w, 4, u->parent);
  return step_done(s, w, "writing unit");
}

int store_has_unit(store *s, const char *id) {
  sqlite3_stmt *g = s->q[Q_UNIT_GET];
  bind_text(g, 1, id);
  int rc = sqlite3_step(g);
  sqlite3_reset(g);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : db_fail(s, "reading unit");
}

static void bind_value(sqlite3_stmt *st, int i, const fact *f) {
  switch (f->type) {
  case FT_NUMBER: sqlite3_bind_double(st, i, f->num); break;
  case FT_INTEGER: case FT_BOOLEAN: sqlite3_bind_int64(st, i, f->integer); break;
  default: bind_text(st, i, f->text); break;
  }
}

/* Does the stored row (type, value, source, note) equal f? */
static int row_equals(sqlite3_stmt *g, const fact *f) {
  if (!same_text(sqlite3_column_text(g, 0), fact_type_name(f->type))) return 0;
  switch (f->type) {
  case FT_NUMBER:
    if (sqlite3_column_type(g, 1) != SQLITE_FLOAT || sqlite3_column_double(g, 1) != f->num) return 0;
    break;
  case FT_INTEGER: case FT_BOOLEAN:
    if (sqlite3_column_type(g, 1) != SQLITE_INTEGER || sqlite3_column_int64(g, 1) != f->integer) return 0;
    break;
  default:
    if (!same_text(sqlite3_column_text(g, 1), f->text)) return 0;
  }
  return same_text(sqlite3_column_text(g, 2), f->source) &&
         same_text(sqlite3_column_text(g, 3), f->note);
}

int store_put_fact(store *s, const char *unit, int year, const fact *f,
                   put_result *res, char **old) {
  sqlite3_stmt *g = s->q[Q_FACT_GET];
  sqlite3_bind_int(g, 1, year);
  bind_text(g, 2, unit);
  bind_text(g, 3, f->key);
  int rc = sqlite3_step(g);
  int found = rc == SQLITE_ROW, same = found && row_equals(g, f);
  if (found && !same && old) {
    const unsigned char *t = sqlite3_column_text(g, 1);
    *old = strdup(t ? (const char *)t : "");
  }
  sqlite3_reset(g);
  sqlite3_clear_bindings(g);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(s, "reading fact");
  *res = !found ? PUT_NEW : same ? PUT_SAME : PUT_UPDATED;
  if (same) return 0;
  sqlite3_stmt *w = s->q[found ? Q_FACT_UPD : Q_FACT_INS];
  sqlite3_bind_int(w, 1, year);
  bind_text(w, 2, unit);
  bind_text(w, 3, f->key);
  bind_text(w, 4, fact_type_name(f->type));
  bind_value(w, 5, f);
  bind_text(w, 6, f->source);
  bind_text(w, 7, f->note);
  return step_done(s, w, "writing fact");
}

int store_each_office(store *s, store_office_cb cb, void *ud) {
  sqlite3_stmt *st = s->q[Q_OFFICE_ALL];
  int rc, stop = 0;
  while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
    stop = cb((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1), ud);
  sqlite3_reset(st);
  if (stop) return stop;
  return rc == SQLITE_DONE ? 0 : db_fail(s, "reading offices");
}

static int parse_type(const char *t, fact_type *out) {
  static const char *const names[] = {"number", "integer", "boolean", "date", "text", "list"};
  for (int i = 0; i < 6; i++)
    if (t && strcmp(t, names[i]) == 0) { *out = (fact_type)i; return 1; }
  return 0;
}

int store_each_unit_facts(store *s, int year, const char *unit, store_facts_cb cb, void *ud) {
  sqlite3_stmt *st = s->q[unit ? Q_FACTS_UNIT : Q_FACTS_YEAR];
  arena a = {0};
  size_t cap = 64, n = 0;
  fact *facts = malloc(cap * sizeof *facts);
  unit_facts uf = {{0}, year, NULL, 0};
  int rc, stop = 0;
  if (!facts) return fail(s, "out of memory");
  sqlite3_bind_int(st, 1, year);
  if (unit) bind_text(st, 2, unit);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *id = (const char *)sqlite3_column_text(st, 0);
    if (!uf.unit.id || strcmp(uf.unit.id, id) != 0) {
      if (uf.unit.id) {                              /* flush the previous unit */
        uf.facts = facts; uf.n = n;
        if ((stop = cb(&uf, ud))) break;
        arena_reset(&a);
        n = 0;
      }
      uf.unit.id = arena_strdup(&a, id);
      uf.unit.name = arena_strdup(&a, (const char *)sqlite3_column_text(st, 1));
      uf.unit.kind = arena_strdup(&a, (const char *)sqlite3_column_text(st, 2));
      uf.unit.parent = arena_strdup(&a, (const char *)sqlite3_column_text(st, 3));
    }
    if (n == cap) {
      fact *grown = realloc(facts, 2 * cap * sizeof *facts);
      if (!grown) { stop = fail(s, "out of memory"); break; }
      facts = grown; cap *= 2;
    }
    fact *f = &facts[n++];
    memset(f, 0, sizeof *f);
    f->key = arena_strdup(&a, (const char *)sqlite3_column_text(st, 4));
    if (!parse_type((const char *)sqlite3_column_text(st, 5), &f->type)) {
      stop = fail(s, "fact %s/%d/%s has an unknown type", id, year, f->key);
      break;
    }
    switch (f->type) {
    case FT_NUMBER: f->num = sqlite3_column_double(st, 6); break;
    case FT_INTEGER: case FT_BOOLEAN: f->integer = sqlite3_column_int64(st, 6); break;
    default: f->text = arena_strdup(&a, (const char *)sqlite3_column_text(st, 6));
    }
    f->source = arena_strdup(&a, (const char *)sqlite3_column_text(st, 7));
    f->note = arena_strdup(&a, (const char *)sqlite3_column_text(st, 8));
  }
  if (!stop && rc != SQLITE_DONE) stop = db_fail(s, "reading facts");
  if (!stop && uf.unit.id) { uf.facts = facts; uf.n = n; stop = cb(&uf, ud); }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  free(facts);
  arena_free(&a);
  return stop;
}

int store_run_new(store *s, const char *engine, const char *rules, int year, int64_t *run_id) {
  sqlite3_stmt *st = s->q[Q_RUN_NEW];
  bind_text(st, 1, engine);
  bind_text(st, 2, rules);
  sqlite3_bind_int(st, 3, year);
  if (step_done(s, st, "storing run")) return -1;
  *run_id = sqlite3_last_insert_rowid(s->db);
  return 0;
}

int store_run_unit(store *s, int64_t run, const char *unit, int64_t appraisal,
                   int64_t survey, int64_t total) {
  sqlite3_stmt *st = s->q[Q_RUN_UNIT];
  sqlite3_bind_int64(st, 1, run);
  bind_text(st, 2, unit);
  sqlite3_bind_int64(st, 3, appraisal);
  sqlite3_bind_int64(st, 4, survey);
  sqlite3_bind_int64(st, 5, total);
  return step_done(s, st, "storing run unit");
}

int store_run_component(store *s, int64_t run, const char *unit, const char *comp,
                        int64_t points, int64_t max) {
  sqlite3_stmt *st = s->q[Q_RUN_COMP];
  sqlite3_bind_int64(st, 1, run);
  bind_text(st, 2, unit);
  bind_text(st, 3, comp);
  sqlite3_bind_int64(st, 4, points);
  sqlite3_bind_int64(st, 5, max);
  return step_done(s, st, "storing run component");
}

int store_run_criterion(store *s, int64_t run, const char *unit, const char *crit,
                        int na, int64_t points, int64_t max, const char *na_reason) {
  sqlite3_stmt *st = s->q[Q_RUN_CRIT];
  sqlite3_bind_int64(st, 1, run);
  bind_text(st, 2, unit);
  bind_text(st, 3, crit);
  if (na) sqlite3_bind_null(st, 4); else sqlite3_bind_int64(st, 4, points);
  sqlite3_bind_int64(st, 5, max);
  bind_text(st, 6, na ? na_reason : NULL);
  return step_done(s, st, "storing run criterion");
}

int store_run_deduction(store *s, int64_t run, const char *unit, const char *crit,
                        int seq, int64_t requested, int64_t points, const char *reason,
                        const char *facts_json, const char *tasks_json) {
  sqlite3_stmt *st = s->q[Q_RUN_DED];
  sqlite3_bind_int64(st, 1, run);
  bind_text(st, 2, unit);
  bind_text(st, 3, crit);
  sqlite3_bind_int(st, 4, seq);
  sqlite3_bind_int64(st, 5, requested);
  sqlite3_bind_int64(st, 6, points);
  bind_text(st, 7, reason);
  bind_text(st, 8, facts_json);
  bind_text(st, 9, tasks_json);
  return step_done(s, st, "storing deduction");
}

int store_run_finish(store *s, int64_t run, int units) {
  sqlite3_stmt *st = s->q[Q_RUN_FINISH];
  sqlite3_bind_int64(st, 1, run);
  sqlite3_bind_int(st, 2, units);
  return step_done(s, st, "storing run total");
}
