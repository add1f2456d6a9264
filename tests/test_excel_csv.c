/*
** test_excel_csv.c -- CSV for Excel with Vietnamese regional settings
** (`--format csv --excel`): ';' between fields, decimal commas, headers in the
** --lang language; the default CSV keeps its machine headers and points.
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

TestSuite(excel_csv, .init = golden_setup, .fini = golden_teardown);

Test(excel_csv, rank_with_semicolons_decimal_commas_and_vietnamese_headers) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "rank", "--year", "2022", "--format", "csv", "--excel", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  static const char head[] = "\xEF\xBB\xBFNăm;Hạng;Mã đơn vị;Đơn vị;Điểm thẩm định;Điểm điều tra XHH;PAR INDEX;"
                             "Xếp loại;Dữ liệu minh họa;Loại đơn vị;Đơn vị cấp trên\r\n";
  cr_expect(!strncmp(r.out, head, strlen(head)), "%.200s", r.out);
  cr_expect(strstr(r.out, "\r\n2022;7;muong-te;Huyện Mường Tè;42,56;23,28;65,84;Trung bình;không;district;lai-chau\r\n"),
            "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "rank", "--year", "2022", "--format", "csv", "--excel", "--lang", "en", NULL});
  cr_expect(strstr(r.out, "Year;Rank;Unit;Name;Appraisal points;Survey points;PAR index;Band;Illustrative;Kind;Parent\r\n"),
            "%s", r.out);
  cr_expect(strstr(r.out, "2022;7;muong-te;Huyện Mường Tè;42,56;23,28;65,84;Trung bình;no;district;lai-chau\r\n"), "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "rank", "--year", "2022", "--format", "csv", NULL});
  cr_expect(strstr(r.out, "year,rank,unit,name,appraisal_points,survey_points,par_index,band,illustrative,kind,parent\r\n"),
            "%s", r.out);
  cr_expect(strstr(r.out, "2022,7,muong-te,Huyện Mường Tè,42.56,23.28,65.84,Trung bình,false,district,lai-chau\r\n"),
            "%s", r.out);
  /* one header for the two kinds' tables: the communes follow the districts */
  cr_expect_eq(strstr(strstr(r.out, "par_index") + 1, "par_index"), NULL, "%s", r.out);
  cr_expect(strstr(r.out, ",xa-pa-ve-su,") != NULL, "%s", r.out);
  cli_free(&r);
}

Test(excel_csv, tasks_and_compare_quote_what_holds_a_semicolon) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "tasks", "--year", "2022", "--unit", "muong-te",
                                               "--format", "csv", "--excel", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Mã đơn vị;Năm;Mã phòng;Phòng, đơn vị;Vai trò;Tiêu chí;Điểm có thể lấy lại;Điểm bị trừ;Nhiệm vụ;Lý do trừ điểm;Quy tắc\r\n"), "%s", r.out);
  cr_expect(strstr(r.out, ";\"Thủ trưởng các cơ quan, đơn vị; Chủ tịch UBND các xã, thị trấn\";"), "%s", r.out);
  cr_expect(strstr(r.out, "muong-te;2022;noi-vu;"), "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "compare", "--unit", "muong-te", "--from", "2021", "--to", "2022",
                                    "--format", "csv", "--excel", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "muong-te;7;"), "%s", r.out);
  cr_expect(strstr(r.out, ";2021;9,59;12,00;79,92;2022;6,86;12,50;54,88;-25,04;có;"), "%s", r.out);
  cli_free(&r);
}

Test(excel_csv, excel_without_csv_is_a_usage_error) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "rank", "--year", "2022", "--excel", NULL});
  cr_expect_eq(r.status, 2);
  cr_expect(strstr(r.err, "--excel is for --format csv"), "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "rank", "--year", "2022", "--format", "xlsx", NULL});
  cr_expect_eq(r.status, 2);
  cr_expect(strstr(r.err, "--format xlsx needs --out FILE"), "%s", r.err);
  cli_free(&r);
}

Test(excel_csv, the_facts_form_for_vietnamese_excel_imports_back) {
  char *dir = tmp_folder(), *form = path_join(dir, "form.csv"), *db = path_join(dir, "fresh.db");
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "facts", "template", "--unit", "muong-te", "--year", "2022",
                                               "--format", "csv", "--excel", "--out", form, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  char *text = read_text(form, NULL);
  cr_assert(text);
  cr_expect(!strncmp(text, "\xEF\xBB\xBFMã đơn vị (unit);Năm (year);Mã dữ kiện (key);Giá trị (value);", 70), "%.300s", text);
  cr_expect(strstr(text, "\r\nmuong-te;2022;ty_le_van_ban_dien_tu_ky_so;86,75;number;"), "%s", text);
  free(text);
  r = cli_run((const char *const[]){"--db", db, "import", "data/lai-chau/units.json", form, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE unit = 'muong-te' AND year = 2022"), 64);
  char *v = sql_text(db, "SELECT type || ' ' || value FROM facts WHERE key = 'ty_le_van_ban_dien_tu_ky_so'");
  cr_expect(v && !strcmp(v, "number 86.75"), "%s", v ? v : "(null)");
  free(v);
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_expect(strstr(r.out, "65,84"), "%s", r.out);
  cli_free(&r);
  remove_tree(dir);
  free(dir); free(form); free(db);
}
