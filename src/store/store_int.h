/*
** store_int.h -- internal to the store layer: what store_runs.c needs from
** store.c (the handle, error reporting and a cache of extra statements).
*/
#ifndef PARINDEX_STORE_INT_H
#define PARINDEX_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

#define STORE_EXTRA_STMTS 48
#define STORE_IMPORT_SLOT 32     /* slots from here on are store_import.c's */

sqlite3 *store_sqlite(store *s);
/* Record "what: sqlite message" as the store's error; returns -1. */
int store_db_fail(store *s, const char *what);
/* The statement in `slot`, prepared from sql on first use; NULL on error. */
sqlite3_stmt *store_extra_stmt(store *s, int slot, const char *sql);

/* The migrations (store_schema.c): [i] takes the schema from version i to
** i+1; STORE_SCHEMA_VERSION of them. */
extern const char *const store_migrations[];

#endif
