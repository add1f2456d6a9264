/*
** store_fact_rows.h -- one unit's stored facts as rows, for `facts show` and
** `facts template --unit`: each with its value as stored text, its source
** document and note, and the import that wrote it (number and time).
**
** Ownership: the row handed to the callback is valid during the call only.
*/
#ifndef PARINDEX_STORE_FACT_ROWS_H
#define PARINDEX_STORE_FACT_ROWS_H

#include <stdint.h>

#include "store.h"

typedef struct {
  const char *unit;
  const char *key, *type;   /* type: "integer", "number", ... (facts.h names) */
  const char *value;        /* as stored: a number's text, 0/1 for booleans, a list's JSON */
  const char *source, *note;   /* NULL when absent */
  int64_t import;           /* the import that wrote the value (0: before schema v4) */
  const char *imported;     /* that import's time (UTC), NULL when unknown */
} store_fact_row;

typedef int (*store_fact_row_cb)(const store_fact_row *row, void *ud);
/* Every fact of unit (NULL: of every unit) for year, by unit and key; the
** callback returns non-zero to stop (returned as is). 0, or -1
** (store_errmsg). */
int store_each_fact_row(store *s, const char *unit, int year, store_fact_row_cb cb, void *ud);

#endif
