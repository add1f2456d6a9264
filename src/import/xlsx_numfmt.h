/*
** xlsx_numfmt.h -- what a cell's number format shows (xlsx_numfmt.c), for
** xlsx_read.c: a date (the number is a serial day), a whole number ("0",
** "#,##0": how `facts template` writes integers), or anything else.
** Knows nothing of facts.
*/
#ifndef PARINDEX_XLSX_NUMFMT_H
#define PARINDEX_XLSX_NUMFMT_H

enum { NF_OTHER, NF_DATE, NF_WHOLE };

/* NF_* for format code `code` (a numFmt's formatCode) when it is not NULL,
** else for Excel's built-in format number `id`. */
int xlsx_numfmt(int id, const char *code);

#endif
