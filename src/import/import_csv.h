/*
** import_csv.h -- reading a CSV fact file (import_csv.c).
**
** Ownership: reads r, which stays the caller's; strings go to b->tmp.
*/
#ifndef PARINDEX_IMPORT_CSV_H
#define PARINDEX_IMPORT_CSV_H

#include "csv_reader.h"
#include "import_int.h"

/* Every row of r (the file being read, b->cur), checked and handed to
** imp_emit_*: 0, -1 on a problem, 1 when FIND or BACKFILL stopped. */
int imp_csv_rows(importer *b, csv_reader *r);
/* A fact's value from its text s and its type column (NULL or "" when the
** row has none), as CSV reads it (with sep ';', "86,75" is a number) into
** pf->f; the XLSX reader shares it. 0, or -1 with the message. */
int imp_text_value(importer *b, loc at, pfact *pf, const char *s, const char *type, char sep);

#endif
