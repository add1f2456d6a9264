/*
** store_kind.c -- what the file given as the store is: a parindex store, a
** new or empty file that may become one, or another program's file, which
** parindex must not change. Decided by reading only, before anything is
** written (page size, WAL mode, migrations).
**
** A parindex store says so in its header: PRAGMA application_id is
** STORE_APPLICATION_ID (set when it is created or upgraded). Stores made
** before that (schema versions 1 to 4, application_id 0) are recognised by
** their version and the tables that version has.
*/
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store.h"
#include "store_int.h"

#define NEW_STORE_HINT "`parindex import` (or `parindex init`) makes one"

/* The tables each schema version has (and every later one keeps). */
static const struct { int since; const char *name; } tables[] = {
  {1, "offices"}, {1, "units"}, {1, "facts"}, {1, "runs"}, {1, "run_totals"}, {1, "run_units"},
  {2, "rule_texts"}, {2, "run_files"}, {2, "run_offices"}, {2, "run_audit"},
  {3, "fact_texts"},
  {4, "imports"}, {4, "fact_history"},
  {5, "run_chain"},
  {6, "self_assessments"}, {6, "adjustments"}, {6, "run_adjustments"}, {6, "publications"},
};

int store_path_check(const char *path, int create, char *err, size_t errlen) {
  struct stat st;
  if (!strcmp(path, ":memory:")) return 0;
  if (stat(path, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return snprintf(err, errlen, "%s is a folder, not a parindex store", path), -1;
    return 0;
  }
  if (errno != ENOENT) return snprintf(err, errlen, "%s: %s", path, strerror(errno)), -1;
  if (!create) return snprintf(err, errlen, "%s: no parindex store here; " NEW_STORE_HINT, path), -1;
  size_t n = strlen(path);                /* the folder it would be made in */
  while (n > 0 && path[n - 1] != '/') n--;
  while (n > 1 && path[n - 1] == '/') n--;
  char *dir = n ? strndup(path, n) : strdup(".");
  if (!dir) return snprintf(err, errlen, "out of memory"), -1;
  int rc = 0;
  if (stat(dir, &st) != 0)
    rc = (snprintf(err, errlen, "%s: cannot make a store there: the folder %s %s", path, dir,
                   errno == ENOENT ? "does not exist" : strerror(errno)), -1);
  else if (!S_ISDIR(st.st_mode))
    rc = (snprintf(err, errlen, "%s: cannot make a store there: %s is not a folder", path, dir), -1);
  free(dir);
  return rc;
}

/* The first column of the first row of sql as an integer: 0, or -1. */
static int query_int(sqlite3 *db, const char *sql, long long *v) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return rc == SQLITE_ROW ? 0 : -1;
}

/* Is table `name` there? 1, 0, -1. */
static int has_table(sqlite3 *db, const char *name) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type='table' AND name=?1", -1, &st, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The first table of `version` that is missing, or NULL ("" on an error). */
static const char *missing_table(sqlite3 *db, long long version) {
  for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
    if (tables[i].since > version) continue;
    int has = has_table(db, tables[i].name);
    if (has <= 0) return has < 0 ? "" : tables[i].name;
  }
  return NULL;
}

/* Up to three of the file's tables, for the message about another program's file. */
static void some_tables(sqlite3 *db, char *buf, size_t n) {
  sqlite3_stmt *st;
  size_t len = 0;
  int k = 0;
  buf[0] = '\0';
  if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type='table' ORDER BY rowid", -1, &st, NULL)
      != SQLITE_OK) return;
  while (sqlite3_step(st) == SQLITE_ROW && len < n) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    int w = snprintf(buf + len, n - len, "%s%s", k ? ", " : "", k < 3 ? name : "...");
    if (w < 0 || k++ == 3) break;
    len += (size_t)w;
  }
  sqlite3_finalize(st);
}

int store_kind(sqlite3 *db, const char *path, int create, char *err, size_t errlen) {
  long long app = 0, version = 0, objects = 0;
  if (query_int(db, "PRAGMA application_id", &app) || query_int(db, "PRAGMA user_version", &version) ||
      query_int(db, "SELECT count(*) FROM sqlite_schema", &objects)) {
    int code = sqlite3_extended_errcode(db) & 0xff;
    if (code == SQLITE_NOTADB)
      snprintf(err, errlen, "%s is not a parindex store: it is not a SQLite database (parindex changed nothing)",
               path);
    else snprintf(err, errlen, "%s: cannot read the store: %s%s", path, sqlite3_errmsg(db),
                  code == SQLITE_READONLY ? " (the store is read-only: the file and its folder must be writable)" : "");
    return -1;
  }
  if (app == 0 && version == 0 && objects == 0) {
    if (create) return STORE_KIND_EMPTY;
    snprintf(err, errlen, "%s: no parindex store here (the file is empty); " NEW_STORE_HINT, path);
    return -1;
  }
  long long known = version < STORE_SCHEMA_VERSION ? version : STORE_SCHEMA_VERSION;
  const char *missing = version >= 1 ? missing_table(db, known) : "offices";
  if (missing && !*missing) {
    snprintf(err, errlen, "%s: cannot read the store: %s", path, sqlite3_errmsg(db));
    return -1;
  }
  if (app == STORE_APPLICATION_ID && missing) {
    snprintf(err, errlen, "%s: this parindex store has lost its table %s (schema version %lld); parindex "
             "changes nothing in it", path, missing, version);
    return -1;
  }
  if (app == STORE_APPLICATION_ID || (app == 0 && !missing)) return STORE_KIND_PARINDEX;
  char what[200];
  if (app) snprintf(what, sizeof what, "its application id is %lld, not parindex's", app);
  else {
    char names[160];
    some_tables(db, names, sizeof names);
    snprintf(what, sizeof what, "%s%s", *names ? "it holds the tables " : "it has no parindex tables", names);
  }
  snprintf(err, errlen, "%s is not a parindex store (%s): parindex changes nothing in it; give --db a "
           "parindex store, or a new file for one", path, what);
  return -1;
}
