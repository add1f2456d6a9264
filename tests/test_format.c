/*
** test_format.c -- the Lua layer's helpers in C: lfmt_number (rule_format.h),
** the Vietnamese number text of fmt and vn, and luascan_globals
** (lua_globals.h), the globals `rules check` reads from a rule file's bytecode.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lua_globals.h"
#include "rule_format.h"

static void expect_number(double x, int decimals, const char *want) {
  char buf[64];
  lfmt_number(buf, sizeof buf, x, decimals);
  cr_expect_str_eq(buf, want, "lfmt_number(%.17g, %d)", x, decimals);
}

Test(format, decimal_comma_and_no_thousands_separator) {
  expect_number(1.5, -1, "1,5");
  expect_number(65.84, -1, "65,84");
  expect_number(2, -1, "2");                      /* a whole number has no decimals */
  expect_number(1234567.25, -1, "1234567,25");    /* no thousands separator */
  expect_number(0.1 + 0.2, -1, "0,3");            /* 12 significant digits */
  expect_number(-0.25, -1, "-0,25");
  expect_number(-3, -1, "-3");
}

Test(format, thousands_with_dots) {
  char buf[LFMT_THOUSANDS_MAX];
  struct { long long v; const char *want; } c[] = {
    {0, "0"}, {999, "999"}, {1000, "1.000"}, {3349, "3.349"}, {67279, "67.279"}, {-58000, "-58.000"},
    {1234567, "1.234.567"}, {9223372036854775807LL, "9.223.372.036.854.775.807"},
    {-9223372036854775807LL - 1, "-9.223.372.036.854.775.808"}};
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    lfmt_thousands(buf, c[i].v);
    cr_expect_str_eq(buf, c[i].want, "lfmt_thousands(%lld)", c[i].v);
  }
}

Test(format, decimals_argument) {
  expect_number(3.14159, 2, "3,14");
  expect_number(7, 2, "7,00");
  expect_number(2.5, 0, "2");                     /* printf's rounding: a tie goes to even */
  expect_number(-1.25, 1, "-1,2");
  expect_number(1.0 / 3, 12, "0,333333333");      /* at most 9 decimals */
}

/* ---- luascan_globals ---- */

typedef struct { char text[1024]; size_t n; } seen;

static void on_global(const char *name, int line, int write, void *ud) {
  seen *s = ud;
  s->n += (size_t)snprintf(s->text + s->n, sizeof s->text - s->n, "%s %s %d\n", write ? "W" : "R", name, line);
}

static char *rule_file(const char *text) {
  char *dir = tmp_folder(), *path = path_join(dir, "r.lua");
  write_text(path, text);
  free(dir);
  return path;
}

Test(format, luascan_reports_global_reads_and_writes_with_lines) {
  char *path = rule_file("local x = 1\n"
                         "y = x + z\n"
                         "local function g() return string.format('%d', w) end\n"
                         "-- a comment: not_a_global\n"
                         "function f(a) local b = a; return b, print end\n");
  seen s = {0};
  char err[512] = "";
  cr_assert_eq(luascan_globals(path, on_global, &s, err, sizeof err), 0, "%s", err);
  static const char *const want[] = {"R z 2\n", "W y 2\n", "R string 3\n", "R w 3\n", "W f 5\n", "R print 5\n", NULL};
  int n = 0;
  for (const char *const *w = want; *w; w++, n++) cr_expect(strstr(s.text, *w), "no '%s' in:\n%s", *w, s.text);
  int lines = 0;
  for (const char *c = s.text; *c; c++) lines += *c == '\n';
  cr_expect_eq(lines, n, "locals, fields and comments are not globals:\n%s", s.text);
  free(path);
}

Test(format, luascan_syntax_error_names_file_and_line) {
  char *path = rule_file("local a = 1\n\nlocal b = = 2\n");
  seen s = {0};
  char err[512] = "", want[600];
  cr_expect_eq(luascan_globals(path, on_global, &s, err, sizeof err), -1);
  snprintf(want, sizeof want, "%s:3:", path);
  cr_expect(strstr(err, want), "'%s' not in '%s'", want, err);
  cr_expect(strstr(err, "unexpected symbol"), "%s", err);
  cr_expect_eq(s.n, 0);
  free(path);
}
