/*
** store_import.c -- an import's bookkeeping in TEMP tables (see store_import.h).
*/
#include "store_import.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static const char tables[] =
  "CREATE TEMP TABLE IF NOT EXISTS import_offices(id TEXT PRIMARY KEY) WITHOUT ROWID;"
  "CREATE TEMP TABLE IF NOT EXISTS import_units(id TEXT PRIMARY KEY, parent TEXT,"
  "  file INTEGER NOT NULL, line INTEGER NOT NULL) WITHOUT ROWID;"
  "CREATE TEMP TABLE IF NOT EXISTS import_groups(year INTEGER NOT NULL, unit TEXT NOT NULL,"
  "  fresh INTEGER NOT NULL, file INTEGER NOT NULL, line INTEGER NOT NULL,"
  "  PRIMARY KEY(year,unit)) WITHOUT ROWID;"
  "CREATE TEMP TABLE IF NOT EXISTS import_keys(year INTEGER NOT NULL, unit TEXT NOT NULL,"
  "  key TEXT NOT NULL, PRIMARY KEY(year,unit,key)) WITHOUT ROWID;"
  "CREATE TEMP TABLE IF NOT EXISTS import_updates(unit TEXT NOT NULL, year INTEGER NOT NULL,"
  "  key TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY(unit,year,key)) WITHOUT ROWID;";

static const char empty[] =
  "DELETE FROM temp.import_offices; DELETE FROM temp.import_units; DELETE FROM temp.import_groups;"
  "DELETE FROM temp.import_keys; DELETE FROM temp.import_updates;";

enum { I_OFFICE, I_UNIT, I_KEY, I_GROUP_ADD, I_GROUP_GET, I_UPDATE, I_UPDATE_ROWS, I_UPDATES,
       I_MISSING_UNIT, I_MISSING_PARENT, I_COUNT };
_Static_assert(STORE_IMPORT_SLOT + I_COUNT <= STORE_PUBLISHED_SLOT, "raise STORE_PUBLISHED_SLOT");

#define UPDATE_ROWS 32             /* rows of one I_UPDATE_ROWS */
#define ROWS4 "(?,?,?,?),(?,?,?,?),(?,?,?,?),(?,?,?,?)"
#define ROWS16 ROWS4 "," ROWS4 "," ROWS4 "," ROWS4

static const char *const sql[I_COUNT] = {
  [I_OFFICE] = "INSERT OR IGNORE INTO temp.import_offices(id) VALUES(?1)",
  [I_UNIT] = "INSERT OR IGNORE INTO temp.import_units(id,parent,file,line) VALUES(?1,?2,?3,?4)",
  [I_KEY] = "INSERT OR IGNORE INTO temp.import_keys(year,unit,key) VALUES(?1,?2,?3)",
  [I_GROUP_ADD] = "INSERT OR IGNORE INTO temp.import_groups(year,unit,fresh,file,line) VALUES(?1,?2,?3,?4,?5)",
  [I_GROUP_GET] = "SELECT fresh FROM temp.import_groups WHERE year=?1 AND unit=?2",
  [I_UPDATE] = "INSERT INTO temp.import_updates(unit,year,key,text) VALUES(?,?,?,?)",
  [I_UPDATE_ROWS] = "INSERT INTO temp.import_updates(unit,year,key,text) VALUES" ROWS16 "," ROWS16,
  [I_UPDATES] = "SELECT text FROM temp.import_updates ORDER BY unit,year,key",
  [I_MISSING_UNIT] = "SELECT unit,file,line FROM temp.import_groups g"
                     " WHERE NOT EXISTS(SELECT 1 FROM main.units u WHERE u.id=g.unit)"
                     " ORDER BY file,line LIMIT 1",
  [I_MISSING_PARENT] = "SELECT parent,file,line FROM temp.import_units i WHERE parent IS NOT NULL"
                       " AND NOT EXISTS(SELECT 1 FROM main.units u WHERE u.id=i.parent)"
                       " ORDER BY file,line LIMIT 1",
};

static sqlite3_stmt *stmt(store *s, int q) {
  return store_extra_stmt(s, STORE_IMPORT_SLOT + q, sql[q]);
}

/* Strings are bound without a copy: each statement is reset before return. */
static void text(sqlite3_stmt *st, int i, const char *v) {
  if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}

int store_import_begin(store *s) {
  sqlite3 *db = store_sqlite(s);
  /* outside the transaction, so that a rollback keeps the tables (and the
  ** statements prepared on them) */
  if (sqlite3_exec(db, tables, NULL, NULL, NULL) != SQLITE_OK) return store_db_fail(s, "import tables");
  if (store_begin(s)) return -1;
  if (sqlite3_exec(db, empty, NULL, NULL, NULL) != SQLITE_OK) {
    store_db_fail(s, "import tables");
    store_rollback(s);
    return -1;
  }
  return 0;
}

/* Step an INSERT OR IGNORE: 1 if it inserted, 0 if the row was there. */
static int claim(store *s, sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) return store_db_fail(s, what);
  return sqlite3_changes(store_sqlite(s)) > 0;
}

int store_import_office(store *s, const char *id) {
  sqlite3_stmt *st = stmt(s, I_OFFICE);
  if (!st) return -1;
  text(st, 1, id);
  return claim(s, st, "import office");
}

int store_import_unit(store *s, const char *id, const char *parent, int file, int line) {
  sqlite3_stmt *st = stmt(s, I_UNIT);
  if (!st) return -1;
  text(st, 1, id);
  text(st, 2, parent);
  sqlite3_bind_int(st, 3, file);
  sqlite3_bind_int(st, 4, line);
  return claim(s, st, "import unit");
}

int store_import_key(store *s, const char *unit, int year, const char *key) {
  sqlite3_stmt *st = stmt(s, I_KEY);
  if (!st) return -1;
  sqlite3_bind_int(st, 1, year);
  text(st, 2, unit);
  text(st, 3, key);
  return claim(s, st, "import fact key");
}

/* One integer column of a one-row query: 1 with *v, 0 without a row, -1. */
static int one_int(store *s, sqlite3_stmt *st, int *v, const char *what) {
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *v = sqlite3_column_int(st, 0);
  sqlite3_reset(st);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, what);
}

/* Two plain statements: an INSERT with the lookup of facts in it, or with
** RETURNING, costs five times as much. */
int store_import_group(store *s, const char *unit, int year, int file, int line,
                       int *first, int *fresh) {
  int had = store_has_facts(s, unit, year);   /* if met before, this import's own */
  sqlite3_stmt *st = stmt(s, I_GROUP_ADD);
  if (had < 0 || !st) return -1;
  sqlite3_bind_int(st, 1, year);
  text(st, 2, unit);
  sqlite3_bind_int(st, 3, !had);
  sqlite3_bind_int(st, 4, file);
  sqlite3_bind_int(st, 5, line);
  int rc = claim(s, st, "import unit-year");
  if (rc < 0) return -1;
  if ((*first = rc)) { *fresh = !had; return 0; }
  rc = store_import_group_fresh(s, unit, year, fresh);
  return rc == 1 ? 0 : rc < 0 ? -1 : store_db_fail(s, "import unit-year lost");
}

int store_import_group_fresh(store *s, const char *unit, int year, int *fresh) {
  sqlite3_stmt *st = stmt(s, I_GROUP_GET);
  if (!st) return -1;
  sqlite3_bind_int(st, 1, year);
  text(st, 2, unit);
  return one_int(s, st, fresh, "import unit-year");
}

/* The row of a missing-unit query: 1 with its columns, 0, -1. */
static int missing_row(store *s, int q, char **unit, int *file, int *line) {
  sqlite3_stmt *st = stmt(s, q);
  if (!st) return -1;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const unsigned char *u = sqlite3_column_text(st, 0);
    *unit = strdup(u ? (const char *)u : "");
    *file = sqlite3_column_int(st, 1);
    *line = sqlite3_column_int(st, 2);
    if (!*unit) abort();
  }
  sqlite3_reset(st);
  if (rc == SQLITE_ROW) return 1;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "checking units");
}

int store_import_missing(store *s, char **unit, int *parent, int *file, int *line) {
  char *u2 = NULL;
  int f2 = 0, l2 = 0;
  int a = missing_row(s, I_MISSING_UNIT, unit, file, line);
  if (a < 0) return -1;
  int b = missing_row(s, I_MISSING_PARENT, &u2, &f2, &l2);
  if (b < 0) { if (a) free(*unit); return -1; }
  *parent = 0;
  if (b && (!a || f2 < *file || (f2 == *file && l2 < *line))) {   /* the parent comes first */
    if (a) free(*unit);
    *unit = u2; *file = f2; *line = l2; *parent = 1;
    return 1;
  }
  free(u2);
  return a;
}

/* 32 rows a statement: half the cost of one INSERT per row. */
int store_import_updated(store *s, const store_update *u, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t m = n - i >= UPDATE_ROWS ? UPDATE_ROWS : 1;
    sqlite3_stmt *st = stmt(s, m > 1 ? I_UPDATE_ROWS : I_UPDATE);
    if (!st) return -1;
    for (size_t r = 0; r < m; r++, i++) {
      int k = (int)r * 4;
      text(st, k + 1, u[i].unit);
      sqlite3_bind_int(st, k + 2, u[i].year);
      text(st, k + 3, u[i].key);
      text(st, k + 4, u[i].text);
    }
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return store_db_fail(s, "import update");
  }
  return 0;
}

int store_import_each_update(store *s, store_text_cb cb, void *ud) {
  sqlite3_stmt *st = stmt(s, I_UPDATES);
  if (!st) return -1;
  int rc, stop = 0;
  while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
    stop = cb((const char *)sqlite3_column_text(st, 0), ud);
  sqlite3_reset(st);
  if (stop) return stop;
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "listing updates");
}
