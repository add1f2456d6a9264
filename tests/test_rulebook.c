/*
** test_rulebook.c -- the checks of a rulebook's declarations when scoring:
** sums of criteria and components, owner offices, duplicate ids, unknown
** components and fields; every problem reported at once with file and line,
** exit 1, nothing on stdout and no run stored. On the small rulebook fixture
** of helpers.h.
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

TestSuite(rulebook, .init = small_setup, .fini = small_teardown, .timeout = 60);

static void invalid_rulebook(const char *file, const char *text, const char *const *want) {
  long before = small_run_rows();
  put_file(small_rules, file, text);
  cli_result r = small_score(NULL, NULL);
  cr_expect_eq(r.status, 1, "exit %d: %s", r.status, r.err);
  cr_expect_str_empty(r.out);
  for (; *want; want++) cr_expect(strstr(r.err, *want) != NULL, "no '%s' in:\n%s", *want, r.err);
  cr_expect_eq(small_run_rows(), before);
  cli_free(&r);
}

Test(rulebook, criteria_not_summing_to_the_component_max) {
  invalid_rulebook("12_crit.lua",
                   "criterion \"1.2\" { name = \"c12\", max = 1.5, owner = \"noi-vu\", score = function() end }\n",
                   (const char *const[]){"/rules/00_index.lua:2: component 1", "5,5", "6", NULL});
}

Test(rulebook, components_not_summing_to_the_total) {
  invalid_rulebook("00_index.lua",
                   "index { name = \"T\", total = 11, appraisal = { \"1\" }, survey = { \"2\" } }\n"
                   "component \"1\" { name = \"One\", max = 6, owner = \"noi-vu\" }\n"
                   "component \"2\" { name = \"Two\", max = 4, owner = \"tu-phap\" }\n",
                   (const char *const[]){"/rules/00_index.lua:1:", "sum to 10", "total 11", NULL});
}

Test(rulebook, unknown_owner_office) {
  invalid_rulebook("12_crit.lua",
                   "\ncriterion \"1.2\" { name = \"c12\", max = 2, owner = \"nobody\", score = function() end }\n",
                   (const char *const[]){"/rules/12_crit.lua:2:", "criterion 1.2", "unknown owner office 'nobody'", NULL});
}

Test(rulebook, duplicate_criterion_id) {
  invalid_rulebook("20_dup.lua",
                   "criterion \"1.2\" { name = \"again\", max = 0, owner = \"noi-vu\", score = function() end }\n",
                   (const char *const[]){"/rules/20_dup.lua:1:", "criterion 1.2: declared twice",
                                         "/rules/12_crit.lua:1", NULL});
}

Test(rulebook, criterion_of_an_unknown_component) {
  invalid_rulebook("20_x.lua",
                   "criterion \"9.1\" { name = \"x\", max = 0, owner = \"noi-vu\", score = function() end }\n",
                   (const char *const[]){"/rules/20_x.lua:1:", "criterion 9.1: unknown component '9'", NULL});
}

Test(rulebook, unknown_field_in_a_declaration) {
  invalid_rulebook("20_x.lua",
                   "criterion \"1.3\" { name = \"x\", mx = 2, max = 0, owner = \"noi-vu\", score = function() end }\n",
                   (const char *const[]){"/rules/20_x.lua:1:", "criterion 1.3: unknown field 'mx'", NULL});
}

Test(rulebook, every_problem_is_reported_at_once) {
  put_file(small_rules, "20_a.lua", "criterion \"9.1\" { name = \"x\", max = 0, owner = \"noi-vu\", score = function() end }\n");
  put_file(small_rules, "21_b.lua", "criterion \"1.3\" { name = \"x\", max = 0, owner = \"nobody\", score = function() end }\n");
  cli_result r = small_score(NULL, NULL);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/rules/20_a.lua:1: criterion 9.1") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "/rules/21_b.lua:1: criterion 1.3: unknown owner office") != NULL, "%s", r.err);
  cli_free(&r);
}

/* A store without offices cannot vouch for any owner: scoring refuses and says why. */
Test(rulebook, owners_are_checked_when_the_store_has_no_offices) {
  char *db2 = path_join(small_dir, "no-offices.db");
  char *units = path_join(small_dir, "units.csv"), *facts = path_join(small_dir, "data/facts.json");
  write_text(units, "id,name,kind,parent\np,Tỉnh P,province,\nd1,Huyện D1,district,p\n");
  cli_result r = cli_run((const char *const[]){"--db", db2, "import", units, facts, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  put_file(small_rules, "12_crit.lua", "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"nobody\", score = function() end }\n");
  r = cli_run((const char *const[]){"--db", db2, "score", "--rules", small_rules, "--year", "2022", NULL});
  cr_expect_eq(r.status, 1, "scored with an unknown owner: %s", r.out);
  cr_expect(strstr(r.err, "unknown owner office") && strstr(r.err, "no offices") != NULL, "%s", r.err);
  cli_free(&r);
  free(db2); free(units); free(facts);
}
