/*
** xlsx_out.c -- the workbook, formats and sheets the XLSX writers share.
*/
#include "xlsx_out.h"

#include <stdio.h>
#include <string.h>

#include "date.h"

int xlsx_book_open(xlsx_book *b, const char *path, int big) {
  memset(b, 0, sizeof *b);
  lxw_workbook_options opt = {.constant_memory = big ? LXW_TRUE : LXW_FALSE, .tmpdir = NULL, .use_zip64 = big ? LXW_TRUE : LXW_FALSE};
  b->wb = workbook_new_opt(path, &opt);
  if (!b->wb) return -1;
  b->header = workbook_add_format(b->wb);
  format_set_bold(b->header);
  format_set_text_wrap(b->header);
  format_set_align(b->header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(b->header, 0xDDEBF7);
  format_set_border(b->header, LXW_BORDER_THIN);
  b->integer = workbook_add_format(b->wb);
  format_set_num_format(b->integer, "#,##0");
  b->number = workbook_add_format(b->wb);
  format_set_num_format(b->number, "General");
  b->points = workbook_add_format(b->wb);
  format_set_num_format(b->points, "0.00");
  b->date = workbook_add_format(b->wb);
  format_set_num_format(b->date, "dd/mm/yyyy");
  b->text = workbook_add_format(b->wb);
  format_set_text_wrap(b->text);
  format_set_align(b->text, LXW_ALIGN_VERTICAL_TOP);
  return 0;
}

int xlsx_book_close(xlsx_book *b, char *err, size_t errlen) {
  lxw_error e = workbook_close(b->wb);
  b->wb = NULL;
  if (e == LXW_NO_ERROR) return 0;
  snprintf(err, errlen, "%s", lxw_strerror(e));
  return -1;
}

lxw_worksheet *xlsx_book_sheet(xlsx_book *b, const char *name, const xlsx_column *cols, int ncols) {
  char cut[32];
  snprintf(cut, sizeof cut, "%s", name);
  lxw_worksheet *ws = workbook_add_worksheet(b->wb, cut);
  if (!ws) return NULL;
  for (int c = 0; c < ncols; c++) {
    worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, NULL);
    worksheet_write_string(ws, 0, (lxw_col_t)c, cols[c].title, b->header);
  }
  worksheet_freeze_panes(ws, 1, 0);
  return ws;
}

int xlsx_book_date(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *iso) {
  pdate d;
  if (!iso || !date_parse_iso(iso, &d)) return -1;
  lxw_datetime t = {d.y, d.m, d.d, 0, 0, 0};
  worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &t, b->date);
  return 0;
}
