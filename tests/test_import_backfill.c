/*
** test_import_backfill.c -- a unit-year the store has, given twice in one
** JSON file: writing its second group reads the files again (backfill),
** inside the reading of that file; the reading then goes on where it was.
** (Found by fuzz_import: the JSON file's recorded numbers were dropped by
** the nested read, and the next fact's default year crashed the import.)
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

Test(import_backfill, a_unit_year_given_twice_in_a_json_file_after_the_store_had_it) {
  char *db = bundled_store(), *dir = tmp_folder(), *f = path_join(dir, "nest.json");
  write_text(f, "{\"year\": 2022, \"facts\": [\n"
                "  {\"unit\": \"muong-te\", \"key\": \"ho_so_tra_qua_han\", \"value\": 52},\n"
                "  {\"unit\": \"sin-ho\", \"key\": \"ho_so_tra_qua_han\", \"value\": 7},\n"
                "  {\"unit\": \"muong-te\", \"key\": \"tong_ho_so_tthc_da_giai_quyet\", \"value\": 3401},\n"
                "  {\"unit\": \"sin-ho\", \"key\": \"tong_ho_so_tthc_da_giai_quyet\", \"value\": 901},\n"
                "  {\"unit\": \"sin-ho\", \"key\": \"tong_so_co_quan_xa\", \"value\": 19}\n"
                "]}\n");
  cli_result r = cli_run((const char *const[]){"--db", db, "import", f, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "5 facts (0 new, 5 updated, 0 unchanged)") != NULL, "%s", r.out);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT value FROM facts WHERE year=2022 AND unit='sin-ho' AND key='tong_so_co_quan_xa'"), 19);
  cr_expect_eq(sql_int(db, "SELECT value FROM facts WHERE year=2022 AND unit='muong-te' AND key='tong_ho_so_tthc_da_giai_quyet'"),
               3401);
  remove_tree(dir);
  free(f); free(dir); free(db);
}
