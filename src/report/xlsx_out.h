/*
** xlsx_out.h -- what the XLSX writers share (libxlsxwriter): one workbook
** with the house formats (bold wrapped header, integers "#,##0", numbers,
** points "0.00", dates dd/mm/yyyy; Excel shows the separators of the
** reader's locale, so a Vietnamese Excel shows 65,84), and a sheet with its
** header row written, frozen and sized.
**
** Ownership: an xlsx_book owns its workbook until xlsx_book_close, which writes
** the file; the formats belong to the workbook.
*/
#ifndef PARINDEX_XLSX_OUT_H
#define PARINDEX_XLSX_OUT_H

#include <xlsxwriter.h>

typedef struct {
  lxw_workbook *wb;
  lxw_format *header, *integer, *number, *points, *date, *text;
} xlsx_book;

/* A new workbook at path: 0, or -1 (the file cannot be made). big: rows
** are written in order and flushed as they go (libxlsxwriter's constant
** memory mode: strings inline, memory independent of the size). */
int xlsx_book_open(xlsx_book *b, const char *path, int big);
/* Write and close: 0, or -1 with libxlsxwriter's reason in err. */
int xlsx_book_close(xlsx_book *b, char *err, size_t errlen);

typedef struct { const char *title; double width; } xlsx_column;
/* A sheet named name (at most 31 characters, cut if longer) with the
** header row of cols, frozen below it, columns sized. NULL on error. */
lxw_worksheet *xlsx_book_sheet(xlsx_book *b, const char *name, const xlsx_column *cols, int ncols);
/* A "YYYY-MM-DD" text as a date cell; 0, or -1 when it is not one. */
int xlsx_book_date(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *iso);

#endif
