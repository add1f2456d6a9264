/*
** store_import.h -- what one import remembers while it streams, kept by the
** store in TEMP tables of its connection (so on disk past SQLite's page
** cache, not in the importer's memory): the offices, units and fact keys it
** wrote (the fact keys only once needed, see import_write.c), each
** unit-year it met and whether the store held facts of it before, and the
** updates to list when there are more than the importer holds. Used by
** import.c and import_write.c.
**
** store_import_begin opens the import's transaction with the tables empty;
** it ends with store_commit or store_rollback as usual. The tables keep
** their rows until the next store_import_begin (the updates are listed after
** the commit). `file` and `line` are the caller's, kept for messages; "first
** in input order" sorts by them.
** Errors: -1 with store_errmsg(), as everywhere in the store.
*/
#ifndef PARINDEX_STORE_IMPORT_H
#define PARINDEX_STORE_IMPORT_H

#include "store.h"

int store_import_begin(store *s);

/* Claim a name for this import: 1 the first time, 0 if it was claimed before
** in this import, -1 on error. */
int store_import_office(store *s, const char *id);
int store_import_unit(store *s, const char *id, const char *parent, int file, int line);
int store_import_key(store *s, const char *unit, int year, const char *key);

/* A unit-year met at (file, line). *first: 1 the first time; then *fresh
** says whether the store held no facts of it (before this import). Later
** calls give *first = 0 and the *fresh recorded the first time. */
int store_import_group(store *s, const char *unit, int year, int file, int line,
                       int *first, int *fresh);

/* The *fresh recorded for a unit-year met before: 1, 0 if not met, -1. */
int store_import_group_fresh(store *s, const char *unit, int year, int *fresh);

/* The first reference, in input order, to a unit the store still lacks: a
** unit-year's unit (*parent = 0) or a unit's parent (*parent = 1). 1 with
** *unit (malloc'd) and where it was met, 0 if there is none, -1 on error. */
int store_import_missing(store *s, char **unit, int *parent, int *file, int *line);

/* Updates of unit/year/key, listed after the commit as `text`: each in
** unit, year, key order (given in that order, they are cheapest to keep).
** The callback returns non-zero to stop. */
typedef struct { const char *unit, *key, *text; int year; } store_update;
int store_import_updated(store *s, const store_update *u, size_t n);
typedef int (*store_text_cb)(const char *text, void *ud);
int store_import_each_update(store *s, store_text_cb cb, void *ud);

#endif
