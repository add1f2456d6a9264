/*
** test_xlsx_wide.c -- the facts form of many units in Excel (`facts template
** --all-units --format xlsx`): one row per unit, one column per declared
** fact; imported back, the same facts and the published index. (How it
** reads in a spreadsheet is checked with openpyxl in scripts/xlsx-test.sh.)
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "xlsx_numfmt.h"

TestSuite(xlsx_wide, .init = golden_setup, .fini = golden_teardown);

static const char *const rows_sql =
  "SELECT group_concat(unit || '|' || key || '|' || type || '|' || value, char(10)) FROM "
  "(SELECT * FROM facts WHERE year = 2022 AND unit IN (SELECT id FROM units WHERE kind = 'district') ORDER BY unit, key)";

Test(xlsx_wide, every_units_form_imports_back_to_the_same_facts) {
  char *dir = tmp_folder(), *form = path_join(dir, "all.xlsx"), *db = path_join(dir, "fresh.db");
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "facts", "template", "--all-units", "--year", "2022",
                                               "--format", "xlsx", "--out", form, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "import", "data/lai-chau/units.json", form, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  char *want = sql_text(golden_db, rows_sql), *got = sql_text(db, rows_sql);
  cr_assert(want && got);
  cr_expect(!strcmp(want, got), "the facts differ:\n%s\n---\n%s", want, got);
  free(want); free(got);
  /* the district rulebook's form: the districts only, not the communes scored by their own */
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE year = 2022"), 512);
  cr_expect_eq(sql_int(db, "SELECT count(DISTINCT unit) FROM facts WHERE year = 2022"), 8);
  /* a unit whose facts share one source keeps it (the row's source column) */
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE unit = 'nam-nhun' AND year = 2022 AND source IS NULL"), 0);
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_expect(strstr(r.out, "65,84"), "%s", r.out);
  cli_free(&r);
  remove_tree(dir);
  free(dir); free(form); free(db);
}

Test(xlsx_wide, number_formats_that_show_dates_and_whole_numbers) {
  cr_expect_eq(xlsx_numfmt(3, NULL), NF_WHOLE);      /* #,##0 */
  cr_expect_eq(xlsx_numfmt(1, NULL), NF_WHOLE);      /* 0 */
  cr_expect_eq(xlsx_numfmt(0, NULL), NF_OTHER);      /* General */
  cr_expect_eq(xlsx_numfmt(2, NULL), NF_OTHER);      /* 0.00 */
  cr_expect_eq(xlsx_numfmt(14, NULL), NF_DATE);
  cr_expect_eq(xlsx_numfmt(-1, "#,##0"), NF_WHOLE);
  cr_expect_eq(xlsx_numfmt(-1, "#,##0 \"đ\""), NF_WHOLE);
  cr_expect_eq(xlsx_numfmt(-1, "[Red]#,##0"), NF_WHOLE);
  cr_expect_eq(xlsx_numfmt(-1, "#,##0.00"), NF_OTHER);
  cr_expect_eq(xlsx_numfmt(-1, "0%"), NF_OTHER);
  cr_expect_eq(xlsx_numfmt(-1, "0.0E+00"), NF_OTHER);
  cr_expect_eq(xlsx_numfmt(-1, "General"), NF_OTHER);
  cr_expect_eq(xlsx_numfmt(-1, "dd/mm/yyyy"), NF_DATE);
  cr_expect_eq(xlsx_numfmt(-1, "[h]:mm"), NF_DATE);   /* minutes: as before, a date-time format */
}
