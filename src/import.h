/*
** import.h -- facts, units and offices from .json and .csv files into the store.
**
** One call is one transaction: every file is read and checked first; the
** first problem is reported as "file:line: field: what is wrong" and nothing
** is written. A report of what changed goes to `out`.
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
