/*
** xlsx_read.h -- reading an Office Open XML workbook (.xlsx): the ZIP
** container through libzip, the XML parts through expat. It gives the
** sheets in workbook order and, per sheet, its rows as cells with their
** value as text and what kind of value the cell holds: shared and inline
** strings resolved, numbers as Excel wrote them, booleans, and numbers
** whose cell format is a date turned into "YYYY-MM-DD" (1900 and 1904
** date systems). A merged range gives every cell of it the value of its
** top-left cell, as a spreadsheet user sees it. Knows nothing of facts.
**
** Ownership: an xlsx owns everything it read (xlsx_close frees it); sheet
** names live as long as it; cells handed to a callback are valid during
** the call only. Parts are read whole, each up to 512 MiB.
*/
#ifndef PARINDEX_XLSX_READ_H
#define PARINDEX_XLSX_READ_H

#include <stddef.h>

typedef struct xlsx xlsx;

/* XC_WHOLE: a whole number in a whole-number format ("0", "#,##0"), else as XC_NUMBER. */
enum { XC_TEXT, XC_NUMBER, XC_BOOL, XC_DATE, XC_ERROR, XC_WHOLE };

typedef struct {
  int col;                  /* 0 for column A */
  int kind;                 /* XC_* */
  const char *text;         /* the value: a string, "86.75", "1"/"0", "2022-06-24", "#N/A" */
} xlsx_cell;

/* Open path and read its workbook, relationships, shared strings and
** styles. NULL with "path: reason" in err. */
xlsx *xlsx_open(const char *path, char *err, size_t errlen);
void xlsx_close(xlsx *x);
int xlsx_nsheets(const xlsx *x);
const char *xlsx_sheet_name(const xlsx *x, int i);

/* Each row of sheet i that has a value, in order: row is 1-based, cells in
** column order. The callback returns non-zero to stop reading the sheet
** (returned as is).
** 0, or -1 with "path: sheet: reason" in err. */
typedef int (*xlsx_row_fn)(int row, const xlsx_cell *cells, int n, void *ud);
int xlsx_each_row(xlsx *x, int i, xlsx_row_fn fn, void *ud, char *err, size_t errlen);

/* "D12" for 0-based column 3 and row 12, into buf (at least 16 bytes). */
char *xlsx_cell_name(char *buf, int col, int row);

#endif
