/*
** test_extends.c -- yearly inheritance (`extends`, change_*, replace_*,
** remove_*): the bundled 2021 against 2022, a changed criterion on a small
** rulebook of its own, and mistakes in changes.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"

/* The bundled 2021 rulebook is 2022 with changes (extends "../2022"). That the
** inherited form scores 2021 right is proved by tests/test_golden.c
** (golden.year_2021_totals_and_components, golden.ledger_balances_2021:
** the published 2021 figures); the two tests below prove that it inherits
** nothing but what it declares, and that extends works on a rulebook of its own. */

/* `rules diff 2022 2021` lists exactly what the files of rules/lai-chau/district/2021
** declare (change_index, change_component, change_criterion): no other
** criterion, no owner, nothing added or removed. */
Test(inheritance, bundled_2021_differs_from_2022_by_its_declared_changes_only) {
  static const char *const want[] = {
    "--- " R2022, "+++ " R2021,
    "index: name \"Chỉ số cải cách hành chính các huyện, thành phố tỉnh Lai Châu năm 2022\" → "
    "\"Chỉ số cải cách hành chính các huyện, thành phố tỉnh Lai Châu năm 2021\"",
    "component 1: max 13,5 → 14", "component 2: max 5 → 6", "component 3: max 13,5 → 14",
    "component 4: max 7,5 → 7", "component 5: max 8 → 6,5", "component 6: max 7 → 7,5",
    "component 7: max 12,5 → 12",
    "component maxima: 1: 13,5 → 14; 2: 5 → 6; 3: 13,5 → 14; 4: 7,5 → 7; 5: 8 → 6,5; 6: 7 → 7,5; "
    "7: 12,5 → 12; 8: 33 (unchanged)",
    "criterion 1.3: param ghi_chu \"", "criterion 1.3: basis text changed",
    "criterion 1.6: max 1,5 → 2",
    "criterion 2.1: max 1,5 → 2", "criterion 2.1: param diem_kiem_tra 1 → 1,5", "criterion 2.1: basis text changed",
    "criterion 2.3: max 1,5 → 2",
    "criterion 3.4: max 4 → 4,5", "criterion 3.4: param diem_dung_han 3 → 3,5",
    "criterion 3.4: param muc_dung_han { { 99, 3 }, { 97, 2 }, { 95, 1 } } → { { 99, 3,5 }, { 97, 2,5 }, { 95, 1,5 } }",
    "criterion 3.4: basis text changed",
    "criterion 4.2: max 2,5 → 2", "criterion 4.2: param diem_khong_vuot 1,5 → 1", "criterion 4.2: basis text changed",
    "criterion 5.1: max 1,5 → 1", "criterion 5.1: param diem 1,5 → 1", "criterion 5.1: basis text changed",
    "criterion 5.4: max 1,5 → 1", "criterion 5.4: param diem_ke_hoach 1 → 0,5", "criterion 5.4: basis text changed",
    "criterion 5.5: max 3 → 2,5",
    "criterion 6.3: param ghi_chu \"", "criterion 6.3: basis text changed",
    "criterion 6.4: max 0,5 → 1",
    "criterion 7.3: max 6 → 5,5", "criterion 7.3: param chi_tieu_so_hoa 40 → 20",
    "criterion 7.3: param chi_tieu_truc_tuyen 25 → 20", "criterion 7.3: param diem_so_hoa 2 → 1,5",
    "criterion 7.3: basis text changed", NULL};
  cli_result r = cli_run((const char *const[]){"rules", "diff", R2022, R2021, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  int nwant = 0, nlines = 0;
  for (const char *const *w = want; *w; w++, nwant++) {
    char line[512];
    snprintf(line, sizeof line, "\n%s", *w);              /* at the start of a line */
    cr_expect(strstr(r.out, line) || !strncmp(r.out, *w, strlen(*w)), "'%s' missing in:\n%s", *w, r.out);
  }
  for (const char *c = r.out; *c; c++) nlines += *c == '\n';
  cr_expect_eq(nlines, nwant, "%d lines, not the %d the 2021 files declare:\n%s", nlines, nwant, r.out);
  cli_free(&r);
}

/* A rulebook of two criteria in component 1 and one in 2, for the small
** store (d1: a = 3, b = 86,75): 1.1 loses tru per unit of a, 1.2 loses 0,5. */
static const char base_lua[] =
  "index { name = \"Base\", total = 10, appraisal = { \"1\" }, survey = { \"2\" } }\n"
  "component \"1\" { name = \"One\", max = 6, owner = \"noi-vu\" }\n"
  "component \"2\" { name = \"Two\", max = 4, owner = \"tu-phap\" }\n"
  "criterion \"1.1\" { name = \"c11\", max = 4, owner = \"noi-vu\", params = { tru = 0.25 },\n"
  "  score = function(u, p) u.lose(p.tru * u.fact(\"a\"), \"a is %d\", u.fact(\"a\")) end }\n"
  "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"noi-vu\",\n"
  "  score = function(u, p) if u.fact(\"b\") < 90 then u.lose(0.5, \"b is %s\", u.fact(\"b\")) end end }\n"
  "criterion \"2.1\" { name = \"c21\", max = 4, owner = \"tu-phap\", score = function(u, p) end }\n";

/* The criteria of `explain --format json` for d1 in 2022 under rules. */
static cJSON *criteria_of(const char *rules) {
  cli_result r = cli_run((const char *const[]){"--db", small_db, "explain", "--rules", rules, "--year", "2022",
                                               "--unit", "d1", "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s: %s", rules, r.err);
  cJSON *o = cJSON_Parse(r.out);
  cr_assert_not_null(o, "%s", r.out);
  cli_free(&r);
  return o;
}

static double crit_field(cJSON *o, const char *id, const char *field) {
  cJSON *c;
  cJSON_ArrayForEach(c, cJSON_GetObjectItem(o, "criteria"))
    if (!strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(c, "criterion")), id))
      return cJSON_GetNumberValue(cJSON_GetObjectItem(c, field));
  cr_assert_fail("no criterion %s", id);
  return 0;
}

Test(inheritance, a_changed_criterion_scores_by_its_new_max_and_params, .init = small_setup,
     .fini = small_teardown, .timeout = 60) {
  char *base = path_join(small_dir, "base"), *child = path_join(small_dir, "child");
  cr_assert_eq(mkdir(base, 0700), 0);
  cr_assert_eq(mkdir(child, 0700), 0);
  put_file(base, "00_base.lua", base_lua);
  put_file(child, "00_child.lua",
           "extends \"../base\"\n"
           "change_index { total = 11 }\n"
           "change_component \"1\" { max = 7 }\n"
           "change_criterion \"1.1\" { max = 5, params = { tru = 0.5 } }\n");
  cJSON *a = criteria_of(base), *b = criteria_of(child);
  cr_expect_float_eq(crit_field(a, "1.1", "points"), 3.25, 1e-9);            /* 4 - 0,25 x 3 */
  cr_expect_float_eq(crit_field(a, "1.1", "max"), 4, 1e-9);
  cr_expect_float_eq(crit_field(b, "1.1", "points"), 3.5, 1e-9);             /* 5 - 0,5 x 3 */
  cr_expect_float_eq(crit_field(b, "1.1", "max"), 5, 1e-9);
  static const char *const same[] = {"1.2", "2.1"};
  for (int i = 0; i < 2; i++)
    for (int f = 0; f < 2; f++) {
      const char *field = f ? "max" : "points";
      cr_expect_float_eq(crit_field(b, same[i], field), crit_field(a, same[i], field), 1e-9, "%s %s", same[i], field);
    }
  cr_expect_float_eq(crit_field(b, "1.2", "points"), 1.5, 1e-9);
  cr_expect_float_eq(cJSON_GetNumberValue(cJSON_GetObjectItem(a, "par_index")), 8.75, 1e-9);
  cr_expect_float_eq(cJSON_GetNumberValue(cJSON_GetObjectItem(b, "par_index")), 9, 1e-9);
  cJSON_Delete(a); cJSON_Delete(b);
  free(base); free(child);
}

Test(inheritance, mistakes_in_changes_are_reported_with_file_and_line) {
  char *dir = child_of_2022("extends \"../2022\"\n"
                            "change_criterion \"1.6\" { max = 2, params = { tru_moi_nhiem_vuu = 1 } }\n");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "2021/00_a.lua:2: change_criterion 1.6: params has no 'tru_moi_nhiem_vuu' to change"), "%s", r.out);
  cli_free(&r);
  char *file = path_join(dir, "00_a.lua");
  write_text(file, "extends \"../2022\"\nchange_criterion \"1.8\" { max = 2 }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: change_criterion 1.8: no such criterion in the extended rulebook"), "%s", r.out);
  cli_free(&r);
  write_text(file, "extends \"../2022\"\nchange_criterion \"1.6\" { max = 2 }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  /* the sum is the component's: reported where component 1 is declared */
  cr_expect(strstr(r.out, "2022/00_chi_so.lua:21: component 1: its 7 criteria sum to 14, not its max 13,5"), "%s", r.out);
  cli_free(&r);
  write_text(file, "component \"9\" { name = \"x\", max = 1, owner = \"noi-vu\" }\nextends \"../2022\"\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: extends must come first, before any declaration"), "%s", r.out);
  cli_free(&r);
  free(file); free(dir);
}

Test(inheritance, added_removed_replaced_criteria) {
  char *dir = child_of_2022(
    "extends \"../2022\"\n"
    "change_component \"6\" { max = 6.5, owner = \"noi-vu\" }\n"
    "remove_criterion \"6.4\"\n"
    "replace_criterion \"6.5\" { name = \"Mới\", max = 1, owner = \"noi-vu\",\n"
    "  score = function(u) if not u.fact(\"x\") then u.lose(1, \"không x\") end end }\n"
    "fact \"x\" { type = \"boolean\", description = \"Có x\", office = \"noi-vu\", evidence = \"Văn bản x\" }\n"
    "change_component \"8\" { max = 33.5 }\n"
    "change_index { total = 100 }\n"
    "criterion \"8.6\" { name = \"Thêm\", max = 0.5, owner = \"noi-vu\", score = function() end }\n");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  cli_free(&r);
  char *base = path_join(dir, "../2022");
  r = cli_run((const char *const[]){"rules", "diff", base, dir, NULL});
  static const char *const want[] = {"component 6: max 7 → 6,5", "component 6: owner tai-chinh-ke-hoach → noi-vu",
    "criterion 6.4 removed", "criterion 6.5: name", "criterion 6.5: owner tai-chinh-ke-hoach → noi-vu",
    "criterion 6.5: param diem removed", "criterion 8.6 added: Thêm (max 0,5, component 8)",
    "fact x added: Có x (boolean, required)", NULL};
  for (const char *const *w = want; *w; w++) cr_expect(strstr(r.out, *w), "'%s' missing in:\n%s", *w, r.out);
  cli_free(&r);
  free(base); free(dir);
}
