/*
** import_json.h -- reading a JSON fact file (import_json.c).
**
** Ownership: reads buf, which stays the caller's; strings go to b->tmp.
*/
#ifndef PARINDEX_IMPORT_JSON_H
#define PARINDEX_IMPORT_JSON_H

#include <stddef.h>

#include "import_int.h"

/* The whole text of the file being read (b->cur), checked and handed record
** by record to imp_emit_*: 0, -1 on a problem, 1 when FIND or BACKFILL
** stopped at its record. */
int imp_json_file(importer *b, const char *buf, size_t len);

#endif
