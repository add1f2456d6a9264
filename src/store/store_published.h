/*
** store_published.h -- the results a decision published (issue 16): the
** decision that ranked a year's units of one kind (number, date, issuing
** body, subject, how many units it ranks) and its rows (unit, name, total,
** rank), as `parindex published` imported them from the decision. They let
** a report give the rank and the other units' totals as published when the
** store does not hold the other units' facts.
**
** A decision is never changed: importing a corrected one adds a new
** decision, and the latest of a year and kind is the one in force. Its
** digest (the sha256 of its canonical text, made by the importer) tells an
** import of the same decision again, which changes nothing.
**
** Ownership: as store.h. Strings handed to callbacks are valid only during
** the callback; strings passed in are read during the call only.
*/
#ifndef PARINDEX_STORE_PUBLISHED_H
#define PARINDEX_STORE_PUBLISHED_H

#include <stdint.h>

#include "store.h"

typedef struct {
  int year;
  const char *kind;                   /* the kind of unit it ranks; "" for every kind */
  const char *parent;                 /* the units of the kind under this unit; "" for wherever they are */
  const char *number, *date, *body, *subject;   /* NULL when the decision does not give them */
  int units;                          /* how many units it ranks; 0 when not given */
  const char *source;                 /* the file it was imported from */
  const char *digest;                 /* sha256 of its canonical text (64 hex digits) */
  int64_t id;                         /* read back: its number in the store */
  const char *created;                /* read back: when it was imported (UTC) */
} store_decision;

typedef struct {
  const char *unit, *name;            /* name: the decision's; read back, else the store's name of
                                         the unit; NULL when neither */
  int64_t total;                      /* hundredths; -1 when not given */
  int rank;
} store_published_row;

/* Add decision d with its n rows, inside the caller's transaction: 0 and
** *id, or -1. */
int store_published_put(store *s, const store_decision *d, const store_published_row *rows, int n, int64_t *id);

/* The decision in force for year, kind and parent (exactly: "" is the one
** for every kind, or for wherever the units are): dec_cb once, then row_cb for each row by rank, then unit (either
** may be NULL; a callback returns 0 to go on). 1, 0 when there is none, -1. */
int store_published_get(store *s, int year, const char *kind, const char *parent, int (*dec_cb)(const store_decision *d, void *ud),
                        int (*row_cb)(const store_published_row *r, void *ud), void *ud);

/* The kinds and parents with a decision for year (0: any year), each with
** its year, in year, kind, parent order (cb returns 0 to go on). 0, or -1. */
int store_published_kinds(store *s, int year, int (*cb)(int year, const char *kind, const char *parent, void *ud),
                          void *ud);

#endif
