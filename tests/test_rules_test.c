/*
** test_rules_test.c -- `parindex rules test`: the bundled rulebooks' own
** tests pass with full coverage, and a wrong expectation fails with its file,
** line, expected and actual points.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static void expect_tests_pass(const char *dir) {
  cli_result r = cli_run((const char *const[]){"rules", "test", dir, NULL});
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  int passed = -1, failed = -1, tested = -1, ncrit = -1, ran = -1, sites = -1;
  const char *p = strstr(r.out, " passed, ");
  while (p && p > r.out && p[-1] != '\n') p--;
  cr_assert(p && sscanf(p, "%d passed, %d failed", &passed, &failed) == 2, "%s", r.out);
  const char *c = strstr(r.out, "coverage: ");
  cr_assert(c && sscanf(c, "coverage: %d of %d criteria tested, %d of %d", &tested, &ncrit, &ran, &sites) == 4, "%s", r.out);
  cr_expect_eq(failed, 0);
  cr_expect_eq(ncrit, 37, "the Lai Châu rulebooks have 37 criteria");
  cr_expect_geq(passed, ncrit);
  cr_expect_eq(tested, ncrit, "every criterion has a test");
  cr_expect_eq(ran, sites, "every u.lose ran");
  cli_free(&r);
}

Test(rules_test, bundled_2022_full_coverage) { expect_tests_pass(R2022); }
Test(rules_test, bundled_2021_full_coverage) { expect_tests_pass(R2021); }

Test(rules_test, a_wrong_expectation_fails_with_file_line_expected_and_actual) {
  char *dir = copy_2022();
  edit(dir, "tests/tieu_chi.lua", "criterion = \"1.6\", points = 1,", "criterion = \"1.6\", points = 1.5,");
  cli_result r = cli_run((const char *const[]){"rules", "test", dir, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "tests/tieu_chi.lua:55: test '1.6 một nhiệm vụ quá hạn': criterion 1.6: "
                          "expected 1,5 points, got 1"), "%s", r.out);
  cr_expect(strstr(r.out, "59 passed, 1 failed"), "%s", r.out);
  cli_free(&r);
  free(dir);
}

/* achieved = "...": a statement of u.achieved must hold it; one that does not fails with what was stated */
Test(rules_test, an_expected_statement_of_what_was_achieved_is_checked) {
  char *dir = copy_2022();
  edit(dir, "tests/tieu_chi.lua", "achieved = \"30/30 chỉ tiêu đạt kế hoạch giao\"", "achieved = \"31/30 chỉ tiêu\"");
  cli_result r = cli_run((const char *const[]){"rules", "test", dir, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "criterion 8.4: expected a statement of what was achieved containing \"31/30 chỉ tiêu\", got "
                          "\"Thực hiện các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội được UBND tỉnh giao với 30/30 chỉ "
                          "tiêu đạt kế hoạch giao\""), "%s", r.out);
  cli_free(&r);
  /* a criterion that states nothing (9/10 loses points): "none" */
  edit(dir, "tests/tieu_chi.lua", "criterion = \"8.4\", points = 0.5 }", "criterion = \"8.4\", points = 0.5, achieved = \"9/10\" }");
  r = cli_run((const char *const[]){"rules", "test", dir, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "criterion 8.4: expected a statement of what was achieved containing \"9/10\", got none"),
            "%s", r.out);
  cli_free(&r);
  free(dir);
}
