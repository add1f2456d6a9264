/*
** test_csv_reader.c -- base/csv_reader.h directly, over a text (csv_init) and
** over a stream (csv_open): quoted fields with separators, doubled quotes and
** embedded newlines, CRLF, the BOM, ';' chosen from the header, blank lines,
** row line numbers, syntax errors, and rows that cross the stream's chunks.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"

/* The next row must have these fields (NULL-terminated) and start on line. */
static void expect_row(csv_reader *r, int line, const char *const *want) {
  char **f;
  int n = csv_next(r, &f), k = 0;
  while (want[k]) k++;
  cr_assert_eq(n, k, "line %d: %d fields, want %d (%s)", line, n, k, n < 0 ? r->err : "");
  for (int i = 0; i < k; i++) cr_expect_str_eq(f[i], want[i], "line %d field %d", line, i + 1);
  cr_expect_eq(r->line, line);
}

static void expect_end(csv_reader *r) {
  char **f;
  cr_expect_eq(csv_next(r, &f), 0);
}

#define ROW(r, line, ...) expect_row(r, line, (const char *const[]){__VA_ARGS__, NULL})

Test(csv_reader, quoted_fields_crlf_and_embedded_newlines) {
  static const char text[] =
    "a,b,c\r\n"
    "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
    "\"two\r\nlines\",,\"\"\n"
    "\n"
    "last,row,here";
  csv_reader r;
  csv_init(&r, text, sizeof text - 1);
  ROW(&r, 1, "a", "b", "c");
  ROW(&r, 2, "1", "x, y", "say \"hi\"");
  ROW(&r, 3, "two\r\nlines", "", "");
  ROW(&r, 6, "last", "row", "here");            /* the blank line 5 is skipped */
  expect_end(&r);
  csv_free(&r);
}

/* ';' when the header has more of them than of ',' (outside quotes), and the
** BOM is not part of the first name. */
Test(csv_reader, bom_and_separator_from_the_header) {
  static const char semis[] = "\xEF\xBB\xBFunit;value;\"a,b,c\"\r\nd1;86,75;\"a;b\"\r\n";
  static const char commas[] = "a,b;c,d\n";
  csv_reader r;
  csv_init(&r, semis, sizeof semis - 1);
  cr_expect_eq(r.sep, ';');
  ROW(&r, 1, "unit", "value", "a,b,c");
  ROW(&r, 2, "d1", "86,75", "a;b");
  expect_end(&r);
  csv_free(&r);
  csv_init(&r, commas, sizeof commas - 1);
  ROW(&r, 1, "a", "b;c", "d");
  csv_free(&r);
}

static void expect_error(const char *text, int line, const char *err) {
  csv_reader r;
  char **f;
  csv_init(&r, text, strlen(text));
  int n;
  while ((n = csv_next(&r, &f)) > 0) {}
  cr_expect_eq(n, -1, "'%s' read without an error", text);
  cr_expect_eq(r.line, line, "'%s': line %d, want %d", text, r.line, line);
  cr_expect(r.err && strstr(r.err, err), "'%s': error '%s', want '%s'", text, r.err ? r.err : "(none)", err);
  csv_free(&r);
}

Test(csv_reader, syntax_errors_with_their_line) {
  expect_error("a,b\n1,\"open\n", 2, "unterminated quoted field");
  expect_error("a,b\n\n1,\"x\"y\n", 3, "text after a closing quote");
  expect_error("a,b\n1,x\"y\"\n", 2, "quote inside an unquoted field");
}

/* A stream of rows whose quoted field holds a newline, over several chunks. */
Test(csv_reader, a_stream_across_chunks_reads_like_the_text) {
  enum { ROWS = 600, WIDTH = 1000 };
  FILE *f = tmpfile();
  cr_assert_not_null(f);
  fputs("\xEF\xBB\xBFn;text\r\n", f);
  char *field = malloc(WIDTH + 1);
  memset(field, 'x', WIDTH);
  field[WIDTH] = '\0';
  field[WIDTH / 2] = '\n';
  for (int i = 0; i < ROWS; i++) fprintf(f, "%d;\"%s\"\"\"\r\n", i, field);
  cr_assert_gt(ftell(f), 2 * (long)CSV_CHUNK, "the file should span chunks");
  rewind(f);
  csv_reader r;
  cr_assert_eq(csv_open(&r, f), 0);
  char **row;
  cr_assert_eq(csv_next(&r, &row), 2);
  cr_expect_str_eq(row[0], "n");
  char want[WIDTH + 2], num[16];
  snprintf(want, sizeof want, "%s\"", field);
  int i = 0, n;
  while ((n = csv_next(&r, &row)) > 0) {
    snprintf(num, sizeof num, "%d", i);
    cr_assert_eq(n, 2, "row %d", i);
    cr_assert_str_eq(row[0], num);
    cr_assert_str_eq(row[1], want, "row %d", i);
    cr_assert_eq(r.line, 2 + 2 * i, "row %d", i);
    i++;
  }
  cr_expect_eq(n, 0, "%s", r.err ? r.err : "");
  cr_expect_eq(i, ROWS);
  csv_free(&r);
  fclose(f);
  free(field);
}
