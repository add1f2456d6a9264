/*
** test_commune_facts.c -- the commune rulebook (illustrative) declares the
** facts it reads, so the checks and forms of `facts` work for every kind.
*/
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"

Test(commune_facts, facts_check_of_a_year_checks_both_kinds, .init = golden_setup, .fini = golden_teardown) {
  const char *years[] = {"2022", "2021"};
  for (int i = 0; i < 2; i++) {
    cli_result r = cli_run((const char *const[]){"--db", golden_db, "facts", "check", "--year", years[i], NULL});
    cr_expect_eq(r.status, 0, "%s: %s%s", years[i], r.out, r.err);
    cr_expect(strstr(r.err, "declares no facts") == NULL, "%s", r.err);
    cr_expect(strstr(r.out, "14 units of kind 'commune'") && strstr(r.out, "0 invalid values, 0 stored facts no rule reads"),
              "%s", r.out);
    cli_free(&r);
  }
  /* a value out of its declared range is named */
  char *dir = tmp_folder(), *f = path_join(dir, "xa.json");
  write_text(f, "{\"year\": 2022, \"source\": \"test\", \"facts\": [\n"
                "  {\"unit\": \"tt-muong-te\", \"key\": \"ty_le_hai_long\", \"value\": 130, \"type\": \"number\"}]}\n");
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "import", f, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  remove_tree(dir);
  free(f);
  free(dir);
  r = cli_run((const char *const[]){"--db", golden_db, "facts", "check", "--year", "2022", "--kind", "commune", NULL});
  cr_expect_eq(r.status, 1, "%s", r.out);
  cr_expect(strstr(r.out, "ty_le_hai_long") != NULL, "%s%s", r.out, r.err);
  cli_free(&r);
}
