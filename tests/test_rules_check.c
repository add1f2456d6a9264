/*
** test_rules_check.c -- `parindex rules check` as a rule author runs it: the
** bundled rulebooks are clean; edited copies report every problem with its
** file and line (sums, syntax, undefined globals, unused params, offices).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

Test(rules_check, bundled_rulebooks_are_clean) {
  char *db = bundled_store();
  for (int y = 0; y < 2; y++) {
    cli_result r = cli_run((const char *const[]){"--db", db, "rules", "check", y ? R2022 : R2021, NULL});
    cr_expect_eq(r.status, 0, "rules check %d: %s%s", y, r.out, r.err);
    cr_expect(strstr(r.out, "no problems found"), "%s", r.out);
    cli_free(&r);
  }
  free(db);
}

Test(rules_check, criterion_max_raised_names_file_line_and_both_sums) {
  char *dir = copy_2022();
  /* 1.6: max 1,5 -> 2 */
  edit(dir, "01_chi_dao_dieu_hanh.lua", "max    = 1.5,\n  owner  = \"van-phong\"", "max    = 2,\n  owner  = \"van-phong\"");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  char want[4200];
  snprintf(want, sizeof want, "%s/00_chi_so.lua:21: component 1: its 7 criteria sum to 14, not its max 13,5", dir);
  cr_expect(strstr(r.out, want), "expected '%s' in:\n%s", want, r.out);
  cli_free(&r);
  free(dir);
}

Test(rules_check, reports_every_problem_not_just_the_first) {
  char *dir = copy_2022();
  edit(dir, "02_the_che.lua", "criterion \"2.1\" {", "criterion \"2.1\" {)");            /* syntax error, line 9 */
  edit(dir, "03_thu_tuc_hanh_chinh.lua", "local qua_han = u.fact(\"ho_so_tra_qua_han\")",
       "local qua_han = u.fact(\"ho_so_tra_qua_han\") + tong_typo");                          /* undefined global */
  edit(dir, "05_che_do_cong_vu.lua", "params = { diem = 1 },", "params = { diem = 1, thua = 2 },");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  char want[4200];
  snprintf(want, sizeof want, "%s/02_the_che.lua:9:", dir);
  cr_expect(strstr(r.out, want), "syntax error with file and line expected in:\n%s", r.out);
  char file[4096];
  snprintf(file, sizeof file, "%s/03_thu_tuc_hanh_chinh.lua", dir);
  snprintf(want, sizeof want, "%s:%d: undefined global 'tong_typo'", file, line_of_text(file, "+ tong_typo"));
  cr_expect(strstr(r.out, want), "expected '%s' in:\n%s", want, r.out);
  cli_free(&r);
  /* with the syntax error fixed, the unused param shows too */
  edit(dir, "02_the_che.lua", "criterion \"2.1\" {)", "criterion \"2.1\" {");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "criterion 5.2: param 'thua' is declared but never used"), "%s", r.out);
  cr_expect(strstr(r.out, "undefined global 'tong_typo'"), "%s", r.out);
  cr_expect(strstr(r.out, "2 problems"), "%s", r.out);
  cli_free(&r);
  free(dir);
}

Test(rules_check, owners_and_task_offices_come_from_the_store) {
  char *db = bundled_store(), *dir = copy_2022();
  edit(dir, "00_chi_so.lua", "owner = \"tu-phap\"", "owner = \"tu-phap-x\"");
  edit(dir, "02_the_che.lua", ":task(OWNER, \"Tham mưu ban hành kế hoạch theo dõi",
       ":task(\"tuphap\", \"Tham mưu ban hành kế hoạch theo dõi");
  cli_result r = cli_run((const char *const[]){"--db", db, "rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "component 2: unknown owner office 'tu-phap-x'"), "%s", r.out);
  cr_expect(strstr(r.out, "02_the_che.lua:19: task for unknown office 'tuphap'"), "%s", r.out);
  cli_free(&r);
  free(db); free(dir);
}

Test(rules_check, a_criterion_whose_tasks_never_go_to_its_owner) {
  char *dir = copy_2022();
  edit(dir, "01_chi_dao_dieu_hanh.lua", ":task(OWNER, \"Kiểm tra công tác CCHC", ":task(\"noi-vu\", \"Kiểm tra công tác CCHC");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 0, "a task naming the owner is fine: %s", r.out);
  cli_free(&r);
  edit(dir, "01_chi_dao_dieu_hanh.lua", "  owner  = \"noi-vu\",\n  basis  = TAI_DUNG .. \"Báo cáo không nêu tên tiêu chí bị trừ 0,43",
       "  owner  = \"van-phong\",\n  basis  = TAI_DUNG .. \"Báo cáo không nêu tên tiêu chí bị trừ 0,43");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "criterion 1.3: its tasks never go to its owner 'van-phong' (they name 'noi-vu')"), "%s", r.out);
  cli_free(&r);
  free(dir);
}
