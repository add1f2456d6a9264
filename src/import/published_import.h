/*
** published_import.h -- the results a decision published, as the decision
** gives them (issue 16): the unit, its total, its rank, the decision's
** number and date, how many units it ranks. Read from the decision's file
** and stored in one transaction (store_published.h), or not at all.
**
** The formats (data/README.md, "Published results"):
**   .json   {"year": 2022, "kind": "district", ("parent": "muong-te",)
**            "decision": {"number": "701/QĐ-UBND", "date": "2023-05-24",
**                         "body": "UBND tỉnh Lai Châu", "subject": "về …"},
**            "units": 8, "about": "…",
**            "results": [{"unit": "muong-te", "name": "Huyện Mường Tè",
**                         "total": 65.84, "rank": 7}]}
**           (RFC 8259 JSON, checked as fact files are; numbers from their text)
**   .csv, .xlsx  a header row naming the columns unit, rank, and optionally
**           name and total (or titles ending "(unit)", …), one row per unit;
**           the decision's year, kind, parent, number, date, body, subject
**           and units come from published_meta (the command's options).
** parent: the decision ranks the units of its kind under that unit (a
** district's decision on its communes, before 2025); without it, wherever
** they are.
** A total has at most two decimals (a decimal comma in a CSV or text cell
** too); a rank is a whole number from 1, within `units`; a unit the store
** does not hold needs its name; one the store holds must be of the
** decision's kind and under its parent; a higher total never ranks below a lower one.
**
** Ownership: the store, meta and out stay the caller's.
*/
#ifndef PARINDEX_PUBLISHED_IMPORT_H
#define PARINDEX_PUBLISHED_IMPORT_H

#include <stdio.h>

#include "store.h"

typedef struct {
  int year;                           /* 0: not given */
  const char *kind, *parent, *number, *date, *body, *subject;   /* NULL: not given */
  int units;                          /* 0: not given */
} published_meta;

/* Import every file (a decision each); on success print one line per file
** to out. 0, or -1 with "file:line: field: message" in err and nothing
** stored. */
int published_import(store *s, const published_meta *meta, const char *const *paths, int n, FILE *out, char *err,
                     size_t errlen);

#endif
