/*
** import_int.h -- internal to the importer: the state that the reading
** side (import.c, import_json.c, import_csv.c, import_check.c) and the
** writing side (import_write.c, what happens to each record) share. One importer per import_paths call; see import.c for the design.
*/
#ifndef PARINDEX_IMPORT_INT_H
#define PARINDEX_IMPORT_INT_H

#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "import.h"
#include "store_import.h"

#define RUN_MAX 4096                 /* facts of one unit-year held before they are written */
#define UPDATES_HELD (16u << 20)     /* bytes of the list of updates held (PARINDEX_UPDATES_HELD) */

typedef struct { int file, line; } loc;         /* file: index into importer.files */
typedef struct { loc at; long long seq; const char *unit; int year; fact f; } pfact;   /* seq: the how-manieth fact */

#define NOWHERE ((loc){-1, 0})       /* a place not known */
#define XLSX_ROWS (1 << 20)          /* rows of a sheet (Excel's limit): places in .xlsx files */

typedef struct { int file, n; char **names; int *valcol; } imp_xl_file;   /* an .xlsx file's sheets */

enum { K_OFFICE, K_UNIT, K_FACT };              /* what a record is */
enum { WRITE, CHECK, FIND, BACKFILL };          /* what is done with each record */

typedef struct importer {
  store *s;
  FILE *out;
  import_stats *st;
  char **files; size_t nfiles;
  int mode;                  /* CHECK: reading on after a duplicate, for a problem of a file */
  int cur;                   /* the file being read */
  arena tmp;                 /* strings made for the record being read */
  /* the facts of the unit-year being read, not written yet */
  char *unit; size_t capunit; int year, have_unit;
  int written, fresh;        /* some of its facts are written; the store had none before */
  long long seq;             /* facts read so far */
  int claiming;              /* keys of unit-years the store had are claimed (see write_run) */
  arena runa;
  pfact *run; size_t nrun, caprun;
  const pfact **sorted; const fact **ptrs; size_t capsorted;   /* the run by key */
  struct { int set, kind, year; loc at, also; char *id, *key; } dup;   /* the first duplicate */
  struct { int kind, year; const char *id, *key; loc at; } find;      /* FIND: sought, found */
  struct { long long stop; char *unit; int year, fresh, have, failed; } fill;   /* BACKFILL */
  struct { arena a; store_update *v; size_t n, cap, bytes, held; int spilled; } upd;   /* updates to list */
  const struct json_strict *json;   /* the JSON file being read: its numbers as written */
  /* .xlsx files: a place is loc.line = sheet * XLSX_ROWS + row; their sheet
  ** names and value columns, per file, for messages (file:sheet!cell) */
  imp_xl_file *xl; size_t nxl, capxl;
  arena xla;
  /* Read file i again, handing each record to imp_emit_* by mode: 0, -1 on
  ** a problem (in err), 1 when FIND or BACKFILL stopped at its record. The
  ** writer reads the files again through this (import.c sets it to its
  ** reader), so that writing does not depend on reading. */
  int (*read_file)(struct importer *b, int i);
  char *err; size_t errlen;
} importer;

/* Each record once checked: 0 to read on, -1 on an error, 1 to stop (FIND,
** BACKFILL). Strings are read during the call only. */
int imp_emit_fact(importer *b, const pfact *pf);
int imp_emit_unit(importer *b, const unit_info *u, loc at);
int imp_emit_office(importer *b, const char *id, const char *name, loc at);
/* After the last file: write the facts still held; -1 on an error. */
int imp_flush(importer *b);
/* The problem found across records, if any: the first duplicate, else the
** first unit still unknown. 0 if none, else -1 with the message. */
int imp_report(importer *b);
/* Before the commit: the updates still held to the store, if it has some. */
int imp_spill_rest(importer *b);
/* After the commit: the updates, to b->out. */
void imp_list_updates(importer *b);
void imp_free(importer *b);

#define GROW(b, arr, n, cap)                                         \
  do {                                                               \
    if ((n) == (cap)) {                                              \
      size_t nc = (cap) ? 2 * (cap) : 64;                            \
      void *p = realloc((arr), nc * sizeof *(arr));                  \
      if (!p) abort();                                               \
      (arr) = p; (cap) = nc;                                         \
    }                                                                \
  } while (0)

#endif
