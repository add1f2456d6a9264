/*
** import_xlsx.h -- reading an .xlsx workbook of facts (import_xlsx.c): the
** filled `facts template` as it comes back, and plain sheets in the
** documented columns.
**
** Ownership: nothing is returned; strings go to b->tmp.
*/
#ifndef PARINDEX_IMPORT_XLSX_H
#define PARINDEX_IMPORT_XLSX_H

#include "import_int.h"

/* Every sheet of file i (b->files[i]) that has a header it knows, checked
** and handed to imp_emit_*: 0, -1 on a problem (file:sheet!cell: ...), 1
** when FIND or BACKFILL stopped. */
int imp_xlsx_file(importer *b, int i);

#endif
