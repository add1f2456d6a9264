/*
** import.h -- facts, units and offices from .json and .csv files into the store.
**
** One call is one transaction: the files are read in turn as streams, each
** record written once it is checked; on the first problem (reported as
** "file:line: field: what is wrong") the transaction is rolled back and
** nothing is written. The list of updated facts goes to `out` after the
** commit. Memory stays flat: one CSV chunk, one unit-year's facts, or one
** JSON file's text and tree at a time, and up to 16 MiB of the list of
** updates (past that the store keeps and sorts it). Test hook: the
** environment variable PARINDEX_UPDATES_HELD=BYTES sets that 16 MiB.
**
** Ownership: the store and out stay the caller's; import_stats is filled
** in place; nothing is kept after the call.
*/
#ifndef PARINDEX_IMPORT_H
#define PARINDEX_IMPORT_H

#include <stdio.h>
#include "store.h"

typedef struct {
  int files;
  long offices[3], units[3], facts[3];    /* indexed by put_result */
} import_stats;

/* Import every path (a .json/.csv file, or a folder whose .json/.csv files
** are taken in name order). Returns 0, or -1 with the message in err. */
int import_paths(store *s, const char *const *paths, int npaths, FILE *out,
                 import_stats *stats, char *err, size_t errlen);

#endif
