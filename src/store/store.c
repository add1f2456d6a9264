/*
** store.c -- the SQLite fact store: opening and migrating it (the schema is
** in store_schema.c), transactions, and the prepared statements of facts,
** units, offices and runs.
*/
#include "store.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "store_int.h"

#define STR_(x) #x
#define STR(x) STR_(x)

enum {                                  /* prepared statements */
  Q_OFFICE_GET, Q_OFFICE_INS, Q_OFFICE_UPD, Q_OFFICE_ALL,
  Q_UNIT_GET, Q_UNIT_INS, Q_UNIT_UPD,
  Q_FACT_GET, Q_FACT_INS, Q_FACT_UPD, Q_FACT_ANY,
  Q_FACTS_YEAR, Q_FACTS_KIND, Q_FACTS_UNIT, Q_FACTS_YEAR_ASOF, Q_FACTS_UNIT_ASOF, Q_IMPORT_NEW,
  Q_RUN_NEW, Q_RUN_UNIT, Q_RUN_FINISH,
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
  [Q_FACT_INS] = "INSERT INTO facts(year,unit,key,type,value,source,note,since) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
  [Q_FACT_ANY] = "SELECT 1 FROM facts WHERE year=?1 AND unit=?2 LIMIT 1",
  [Q_FACT_UPD] = "UPDATE facts SET type=?4,value=?5,source=?6,note=?7,since=?8 WHERE year=?1 AND unit=?2 AND key=?3",
  /* the primary key's order: no sort; the unit row is read once per unit */
  [Q_FACTS_YEAR] = "SELECT unit,key,type,value,source,note FROM facts WHERE year=?1 ORDER BY unit,key",
#define FACTS_YEAR_DESC "SELECT unit,key,type,value,source,note FROM facts WHERE year=?1 ORDER BY unit DESC,key"
  /* the kind's units by id (units_kind), each one's facts by primary key; no ",f.key" (a sort): see flush_unit */
#define FACTS_KIND(order) "SELECT f.unit,f.key,f.type,f.value,f.source,f.note FROM units u CROSS JOIN facts f" \
                          " ON f.year=?1 AND f.unit=u.id WHERE u.kind=?2 ORDER BY " order
  [Q_FACTS_KIND] = FACTS_KIND("u.id"),
#define FACTS_KIND_DESC FACTS_KIND("u.id DESC")
  [Q_FACTS_UNIT] = "SELECT unit,key,type,value,source,note FROM facts WHERE year=?1 AND unit=?2 ORDER BY key",
  /* the facts as import ?3 left them (schema v4) */
#define FACTS_ASOF(where) \
  "SELECT unit,key,type,value,source,note FROM facts WHERE year=?1 AND since<=?3" where \
  " UNION ALL SELECT unit,key,type,value,source,note FROM fact_history" \
  " WHERE year=?1 AND since<=?3 AND until>?3" where " ORDER BY unit,key"
  [Q_FACTS_YEAR_ASOF] = FACTS_ASOF(""), [Q_FACTS_UNIT_ASOF] = FACTS_ASOF(" AND unit=?2"),
  [Q_IMPORT_NEW] = "INSERT INTO imports(created) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
  [Q_RUN_NEW] = "INSERT INTO runs(created,engine,rules,year) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ','now'),?1,?2,?3)",
  [Q_RUN_UNIT] = "INSERT INTO run_units(run,unit,appraisal,survey,total,ledger,name,kind,parent,"
                 "keys_sha256,facts_sha256,facts,ledger_sha256) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
  [Q_RUN_FINISH] = "INSERT INTO run_totals(run,units) VALUES(?1,?2)",
};

/* Facts are written with multi-row INSERTs: one statement per count of rows
** is prepared when first needed. A multi-row INSERT costs about half as much
** per row as one INSERT per row (SQLite 3.40).
** OR FAIL: a failing multi-row INSERT OR ABORT would need a statement
** journal (a copy of every page it touches, spilled to a temporary file past
** 64 KiB); every caller rolls the whole transaction back on any error, so
** undoing the one statement is never needed. */
enum { M_FACT, M_COUNT };
static const struct { const char *head; int ncols; } multi_sql[M_COUNT] = {
  [M_FACT] = {"INSERT OR FAIL INTO facts(year,unit,key,type,value,source,note,since) VALUES", 8},
};

struct store {
  sqlite3 *db;
  sqlite3_stmt *q[Q_COUNT];
  sqlite3_stmt *multi[M_COUNT][STORE_ROWS_MAX + 1];
  int in_tx;
  int64_t import;                       /* this transaction's import number, 0 before its first fact */
  char err[512];
  sqlite3_stmt *extra[STORE_EXTRA_STMTS];   /* store_runs.c's and store_import.c's, prepared on first use */
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
    if (exec(s, store_migrations[v])) goto rollback;
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
    if (exec(s, pragma)) goto rollback;
  }
  if (exec(s, "PRAGMA application_id=" STR(STORE_APPLICATION_ID))) goto rollback;   /* it says it is one */
  if (exec(s, "COMMIT")) goto rollback;
  return 0;
rollback:
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
}

/* Open path as a store: only a parindex store, or (create) a new or empty
** file, is ever written to; what it is is read first (store_kind.c). */
static store *open_store(const char *path, int create, int *created, char *err, size_t errlen) {
  if (store_path_check(path, create, err, errlen)) return NULL;
  store *s = calloc(1, sizeof *s);
  if (!s) { snprintf(err, errlen, "out of memory"); return NULL; }
  /* NOMUTEX: a store is used by one thread, so SQLite need not lock per call */
  if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
                      SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
    snprintf(err, errlen, "%s: cannot open store: %s", path,
             s->db ? sqlite3_errmsg(s->db) : "out of memory");
    goto fail;
  }
  sqlite3_busy_timeout(s->db, 10000);
  sqlite3_extended_result_codes(s->db, 1);
  /* 16 KiB pages for a new store (an existing one keeps its own): a unit's
  ** ledger (run_units.ledger, a few KiB) shares a page with others instead of
  ** filling most of a 4 KiB one; a 10,000-unit run writes a third less. Set
  ** before the first read, which sizes the page cache; it writes nothing. */
  if (exec(s, "PRAGMA page_size=16384")) {
    snprintf(err, errlen, "%s: %s", path, s->err);
    goto fail;
  }
  int kind = store_kind(s->db, path, create, err, errlen);
  if (kind < 0) goto fail;
  if (created) *created = kind == STORE_KIND_EMPTY;
  if (exec(s, "PRAGMA foreign_keys=ON") || migrate(s)) {
    snprintf(err, errlen, "%s: %s", path, s->err);
    goto fail;
  }
  /* WAL lets several scorers share one store; a read-only store keeps its mode. */
  sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
  sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
  const char *pages = getenv("PARINDEX_MAX_PAGE_COUNT");     /* test hook, see store.h */
  char pragma[64];
  snprintf(pragma, sizeof pragma, "PRAGMA max_page_count=%lld", pages && *pages ? atoll(pages) : 0LL);
  if (pages && *pages) sqlite3_exec(s->db, pragma, NULL, NULL, NULL);
  const char *desc = getenv("PARINDEX_UNITS_DESC");           /* test hook, see store.h */
  int rev = desc && *desc;
  for (int i = 0; i < Q_COUNT; i++) {
    const char *sql = !rev ? query_sql[i] : i == Q_FACTS_YEAR ? FACTS_YEAR_DESC
                      : i == Q_FACTS_KIND ? FACTS_KIND_DESC : query_sql[i];
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->q[i], NULL) != SQLITE_OK) {
      snprintf(err, errlen, "%s: preparing statement: %s", path, sqlite3_errmsg(s->db));
      goto fail;
    }
  }
  return s;
fail:
  store_close(s);
  return NULL;
}

store *store_open(const char *path, char *err, size_t errlen) {
  return open_store(path, 0, NULL, err, errlen);
}

store *store_open_or_create(const char *path, int *created, char *err, size_t errlen) {
  return open_store(path, 1, created, err, errlen);
}

void store_close(store *s) {
  if (!s) return;
  for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(s->q[i]);
  for (int i = 0; i < STORE_EXTRA_STMTS; i++) sqlite3_finalize(s->extra[i]);
  for (int k = 0; k < M_COUNT; k++)
    for (int n = 0; n <= STORE_ROWS_MAX; n++) sqlite3_finalize(s->multi[k][n]);
  sqlite3_close(s->db);
  free(s);
}

int store_begin(store *s) {
  if (exec(s, "BEGIN IMMEDIATE")) return -1;
  s->in_tx = 1;
  s->import = 0;
  return 0;
}

int store_commit(store *s) {
  if (exec(s, "COMMIT")) return -1;
  s->in_tx = 0;
  s->import = 0;
  return 0;
}

void store_rollback(store *s) {
  if (s->in_tx || !sqlite3_get_autocommit(s->db))
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  s->in_tx = 0;
  s->import = 0;
}

/* Bind helpers: NULL strings bind NULL. Strings are not copied (STATIC):
** every statement is stepped and reset before its function returns. */
static void bind_text(sqlite3_stmt *st, int i, const char *v) {
  if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}

/* Every caller binds every parameter, so bindings need no clearing. */
static int step_done(store *s, sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
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

/* Step a lookup: 1 if it found a row, 0 if not, -1 on error. */
static int found(store *s, sqlite3_stmt *g, const char *what) {
  int rc = sqlite3_step(g);
  sqlite3_reset(g);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : db_fail(s, what);
}

int store_has_unit(store *s, const char *id) {
  sqlite3_stmt *g = s->q[Q_UNIT_GET];
  bind_text(g, 1, id);
  return found(s, g, "reading unit");
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

int store_has_facts(store *s, const char *unit, int year) {
  sqlite3_stmt *g = s->q[Q_FACT_ANY];
  sqlite3_bind_int(g, 1, year);
  bind_text(g, 2, unit);
  return found(s, g, "reading facts");
}

int store_has_fact(store *s, const char *unit, int year, const char *key) {
  sqlite3_stmt *g = s->q[Q_FACT_GET];
  sqlite3_bind_int(g, 1, year);
  bind_text(g, 2, unit);
  bind_text(g, 3, key);
  return found(s, g, "reading fact");
}

/* The number of the import writing facts: a new one for each transaction
** that writes facts (outside a transaction, for each write). 0 on error. */
static int64_t import_number(store *s) {
  if (s->import) return s->import;
  if (step_done(s, s->q[Q_IMPORT_NEW], "numbering the import")) return 0;
  int64_t n = sqlite3_last_insert_rowid(s->db);
  if (s->in_tx) s->import = n;
  return n;
}

/* A fact's eight columns, bound at parameters base+1..base+8 (Q_FACT_INS,
** Q_FACT_UPD with base 0, and each row of M_FACT). */
static void bind_fact(sqlite3_stmt *w, int base, const char *unit, int year, const fact *f, int64_t since) {
  sqlite3_bind_int(w, base + 1, year);
  bind_text(w, base + 2, unit);
  bind_text(w, base + 3, f->key);
  bind_text(w, base + 4, fact_type_name(f->type));
  bind_value(w, base + 5, f);
  bind_text(w, base + 6, f->source);
  bind_text(w, base + 7, f->note);
  sqlite3_bind_int64(w, base + 8, since);
}

int store_put_fact(store *s, const char *unit, int year, const fact *f,
                   put_result *res, char **old) {
  if ((unsigned)f->type > FT_LIST) return fail(s, "fact %s/%d/%s: invalid type", unit, year, f->key);
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
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(s, "reading fact");
  *res = !found ? PUT_NEW : same ? PUT_SAME : PUT_UPDATED;
  if (same) return 0;
  int64_t since = import_number(s);
  if (!since) return -1;
  sqlite3_stmt *w = s->q[found ? Q_FACT_UPD : Q_FACT_INS];
  bind_fact(w, 0, unit, year, f, since);
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

/* The unit row of id into uf->unit (strings in a): 1, 0 if there is none, -1. */
static int read_unit(store *s, const char *id, unit_facts *uf, arena *a) {
  sqlite3_stmt *g = s->q[Q_UNIT_GET];
  bind_text(g, 1, id);
  int rc = sqlite3_step(g);
  if (rc == SQLITE_ROW) {
    uf->unit.id = arena_strdup(a, id);
    uf->unit.name = arena_strdup(a, (const char *)sqlite3_column_text(g, 0));
    uf->unit.kind = arena_strdup(a, (const char *)sqlite3_column_text(g, 1));
    uf->unit.parent = arena_strdup(a, (const char *)sqlite3_column_text(g, 2));
  }
  sqlite3_reset(g);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : db_fail(s, "reading unit");
}

static int cmp_fact_key(const void *a, const void *b) { return strcmp(((const fact *)a)->key, ((const fact *)b)->key); }
/* A unit's facts to cb, sorted by key: sorted here only when the rows were not (FACTS_KIND
** has no ",f.key": SQLite sorted every unit's rows, though its key search gives them in order). */
static int flush_unit(unit_facts *uf, fact *facts, size_t n, int unsorted, store_facts_cb cb, void *ud) {
  if (unsorted) qsort(facts, n, sizeof *facts, cmp_fact_key);
  uf->facts = facts; uf->n = n;
  return cb(uf, ud);
}

/* The units and facts of st's rows (unit, key, type, value, source, note; by unit), st bound. */
static int each_unit_facts(store *s, sqlite3_stmt *st, int year, store_facts_cb cb, void *ud) {
  arena a = {0};
  size_t cap = 64, n = 0;
  fact *facts = malloc(cap * sizeof *facts);
  unit_facts uf = {{0}, year, NULL, 0};
  char *cur = NULL;                     /* the unit of the rows being read */
  int rc, stop = 0, known = 0, unsorted = 0;
  if (!facts) { sqlite3_reset(st); return fail(s, "out of memory"); }
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *id = (const char *)sqlite3_column_text(st, 0);
    if (!cur || strcmp(cur, id) != 0) {
      if (known && (stop = flush_unit(&uf, facts, n, unsorted, cb, ud))) break;   /* the previous unit */
      arena_reset(&a);
      n = 0; unsorted = 0;
      cur = arena_strdup(&a, id);
      if ((known = read_unit(s, cur, &uf, &a)) < 0) { stop = -1; break; }
    }
    if (!known) continue;                            /* facts of a unit not in units */
    if (n == cap) {
      fact *grown = realloc(facts, 2 * cap * sizeof *facts);
      if (!grown) { stop = fail(s, "out of memory"); break; }
      facts = grown; cap *= 2;
    }
    fact *f = &facts[n++];
    memset(f, 0, sizeof *f);
    f->key = arena_strdup(&a, (const char *)sqlite3_column_text(st, 1));
    if (n > 1 && strcmp(facts[n - 2].key, f->key) > 0) unsorted = 1;
    if (!parse_type((const char *)sqlite3_column_text(st, 2), &f->type)) {
      stop = fail(s, "fact %s/%d/%s has an unknown type", id, year, f->key);
      break;
    }
    switch (f->type) {
    case FT_NUMBER: f->num = sqlite3_column_double(st, 3); break;
    case FT_INTEGER: case FT_BOOLEAN: f->integer = sqlite3_column_int64(st, 3); break;
    default: f->text = arena_strdup(&a, (const char *)sqlite3_column_text(st, 3));
    }
    f->source = arena_strdup(&a, (const char *)sqlite3_column_text(st, 4));
    f->note = arena_strdup(&a, (const char *)sqlite3_column_text(st, 5));
  }
  if (!stop && rc != SQLITE_DONE) stop = db_fail(s, "reading facts");
  if (!stop && known) stop = flush_unit(&uf, facts, n, unsorted, cb, ud);
  sqlite3_reset(st);
  free(facts);
  arena_free(&a);
  return stop;
}

int store_each_unit_facts(store *s, int year, const char *unit, store_facts_cb cb, void *ud) {
  sqlite3_stmt *st = s->q[unit ? Q_FACTS_UNIT : Q_FACTS_YEAR];
  sqlite3_bind_int(st, 1, year);
  if (unit) bind_text(st, 2, unit);
  return each_unit_facts(s, st, year, cb, ud);
}

int store_each_unit_facts_kind(store *s, int year, const char *kind, store_facts_cb cb, void *ud) {
  sqlite3_stmt *st = s->q[Q_FACTS_KIND];
  sqlite3_bind_int(st, 1, year);
  bind_text(st, 2, kind);
  return each_unit_facts(s, st, year, cb, ud);
}

int store_each_unit_facts_asof(store *s, int year, const char *unit, int64_t import,
                               store_facts_cb cb, void *ud) {
  sqlite3_stmt *st = s->q[unit ? Q_FACTS_UNIT_ASOF : Q_FACTS_YEAR_ASOF];
  sqlite3_bind_int(st, 1, year);
  if (unit) bind_text(st, 2, unit);
  sqlite3_bind_int64(st, 3, import);
  return each_unit_facts(s, st, year, cb, ud);
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

int store_run_unit(store *s, int64_t run, const unit_info *unit, int64_t appraisal,
                   int64_t survey, int64_t total, const char *ledger, const store_unit_digests *d) {
  sqlite3_stmt *st = s->q[Q_RUN_UNIT];
  sqlite3_bind_int64(st, 1, run);
  bind_text(st, 2, unit->id);
  bind_text(st, 7, unit->name);
  bind_text(st, 8, unit->kind);
  bind_text(st, 9, unit->parent);
  sqlite3_bind_int64(st, 3, appraisal);
  sqlite3_bind_int64(st, 4, survey);
  sqlite3_bind_int64(st, 5, total);
  bind_text(st, 6, ledger);
  unsigned char kb[32], fb[32], lb[32];    /* the digests as BLOBs (store_int.h) */
  store_bind_digest(st, 10, d->keys_sha256, kb);
  store_bind_digest(st, 11, d->facts_sha256, fb);
  bind_text(st, 12, d->facts);
  store_bind_digest(st, 13, d->ledger_sha256, lb);
  return step_done(s, st, "storing run unit");
}

/* The multi-row INSERT of facts for n rows (1..STORE_ROWS_MAX), prepared once. */
static sqlite3_stmt *multi_stmt(store *s, int k, int n) {
  if (s->multi[k][n]) return s->multi[k][n];
  int nc = multi_sql[k].ncols;
  size_t len = strlen(multi_sql[k].head) + (size_t)n * (size_t)(2 * nc + 3) + 1;
  char *sql = malloc(len), *p;
  if (!sql) { fail(s, "out of memory"); return NULL; }
  p = sql + sprintf(sql, "%s", multi_sql[k].head);
  for (int r = 0; r < n; r++) {
    *p++ = r ? ',' : ' ';
    *p++ = '(';
    for (int c = 0; c < nc; c++) { if (c) *p++ = ','; *p++ = '?'; }
    *p++ = ')';
  }
  *p = '\0';
  if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->multi[k][n], NULL) != SQLITE_OK)
    db_fail(s, "preparing a multi-row statement");
  free(sql);
  return s->multi[k][n];
}

int store_put_new_facts(store *s, const char *unit, int year, const fact *const *facts, int n) {
  for (int i = 0; i < n; i++)
    if ((unsigned)facts[i]->type > FT_LIST)
      return fail(s, "fact %s/%d/%s: invalid type", unit, year, facts[i]->key);
  int64_t since = n ? import_number(s) : 0;
  if (n && !since) return -1;
  for (int first = 0; first < n; first += STORE_ROWS_MAX) {
    int m = n - first < STORE_ROWS_MAX ? n - first : STORE_ROWS_MAX;
    sqlite3_stmt *st = multi_stmt(s, M_FACT, m);
    if (!st) return -1;
    for (int r = 0; r < m; r++)
      bind_fact(st, r * multi_sql[M_FACT].ncols, unit, year, facts[first + r], since);
    if (step_done(s, st, "writing facts")) return -1;
  }
  return 0;
}

int store_run_finish(store *s, int64_t run, int units) {
  sqlite3_stmt *st = s->q[Q_RUN_FINISH];
  sqlite3_bind_int64(st, 1, run);
  sqlite3_bind_int(st, 2, units);
  return step_done(s, st, "storing run total");
}

/* ---- for store_runs.c (store_int.h) ---- */

sqlite3 *store_sqlite(store *s) { return s->db; }

int store_db_fail(store *s, const char *what) { return db_fail(s, what); }

sqlite3_stmt *store_extra_stmt(store *s, int slot, const char *sql) {
  if (!s->extra[slot] &&
      sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->extra[slot], NULL) != SQLITE_OK) {
    db_fail(s, "preparing statement");
    return NULL;
  }
  return s->extra[slot];
}
