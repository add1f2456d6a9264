/*
** store_int.h -- internal to the store layer: what store_runs.c needs from
** store.c (the handle, error reporting and a cache of extra statements).
**
** Ownership: statements in s->extra belong to the store (store_close
** finalizes them).
*/
#ifndef PARINDEX_STORE_INT_H
#define PARINDEX_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

#define STORE_EXTRA_STMTS 64
#define STORE_LEVELS_SLOT 24     /* slots from here on are store_levels.c's */
#define STORE_IMPORT_SLOT 40     /* slots from here on are store_import.c's */
#define STORE_PUBLISHED_SLOT 56  /* slots from here on are store_published.c's */

sqlite3 *store_sqlite(store *s);
/* Record "what: sqlite message" as the store's error; returns -1. */
int store_db_fail(store *s, const char *what);
/* The statement in `slot`, prepared from sql on first use; NULL on error. */
sqlite3_stmt *store_extra_stmt(store *s, int slot, const char *sql);

/* Bind text v to parameter i, or NULL when v is NULL (SQLITE_STATIC: v
** must live until the statement has run). */
static inline void store_bind_opt(sqlite3_stmt *st, int i, const char *v) {
  if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}
/* Column i of the current row as text (NULL for NULL), valid until the next step or reset. */
static inline const char *store_col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* Bind a unit digest of a run (store_runs.c): 64 lowercase hex digits as
** their 32 bytes, a BLOB (buf holds them until the statement has run);
** NULL or anything else as given. Readers turn a BLOB back into the hex
** digits in SQL (STORE_DIGEST_HEX), so runs stored before, with the hex
** digits as text, read the same. */
void store_bind_digest(sqlite3_stmt *st, int i, const char *hex, unsigned char buf[32]);
#define STORE_DIGEST_HEX(col) "CASE typeof(" col ") WHEN 'blob' THEN lower(hex(" col ")) ELSE " col " END"

/* The migrations (store_schema.c): [i] takes the schema from version i to
** i+1; STORE_SCHEMA_VERSION of them. */
extern const char *const store_migrations[];

/* Before opening (store_kind.c): may path be opened as a store, or (when
** create) be made one? A missing file is refused unless create; its folder
** must exist. 0, or -1 with the message in err. */
int store_path_check(const char *path, int create, char *err, size_t errlen);
/* What the file open in db is, read without writing: STORE_KIND_PARINDEX
** (of any schema version), STORE_KIND_EMPTY (only when create: a new or
** empty file), or -1 with the message in err (another program's file, not
** SQLite, empty without create). */
enum { STORE_KIND_PARINDEX, STORE_KIND_EMPTY };
int store_kind(sqlite3 *db, const char *path, int create, char *err, size_t errlen);

#endif
