/*
** test_rules_diff.c -- `parindex rules diff` between the bundled 2021 and
** 2022 rulebooks: what changed, and its effect on a unit's score.
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

Test(rules_diff, lists_the_component_maxima_of_the_glossary) {
  static const char *const want[] = {
    "component 1: max 14 → 13,5", "component 2: max 6 → 5", "component 3: max 14 → 13,5",
    "component 4: max 7 → 7,5", "component 5: max 6,5 → 8", "component 6: max 7,5 → 7",
    "component 7: max 12 → 12,5", "8: 33 (unchanged)", "criterion 7.3: param chi_tieu_so_hoa 20 → 40", NULL};
  cli_result r = cli_run((const char *const[]){"rules", "diff", R2021, R2022, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  for (const char *const *w = want; *w; w++) cr_expect(strstr(r.out, *w), "'%s' missing in:\n%s", *w, r.out);
  cli_free(&r);
}

Test(rules_diff, effect_on_a_unit) {
  char *db = bundled_store();
  cli_result r = cli_run((const char *const[]){"--db", db, "rules", "diff", R2021, R2022, "--unit", "muong-te",
                                               "--year", "2022", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  /* 2022 facts under the 2022 rules give the published 65,84 */
  cr_expect(strstr(r.out, "→ 65,84"), "%s", r.out);
  cr_expect(strstr(r.out, "criterion 1.6   2/2 → 1,5/1,5 (-0,5 points)"), "%s", r.out);
  cli_free(&r);
  free(db);
}
