/*
** test_facts.c -- the catalogue of facts, as a methodology officer and an
** office use it: rules check finds an undeclared (typo'd) key or param at its
** file:line with "did you mean"; facts check and score name every missing
** fact of every unit; rules diff lists fact changes; the declarations are
** inherited and changed through extends; facts show gives provenance; the
** CSV form, filled from Mường Tè's facts and imported into a fresh store,
** scores the published 65,84.
*/
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

Test(facts, typo_in_a_fact_key_is_found_at_its_line_with_did_you_mean) {
  char *dir = copy_2022();
  edit(dir, "01_chi_dao_dieu_hanh.lua", "u.fact(\"tong_so_co_quan_xa\")", "u.fact(\"tong_so_co_quan_xaa\", 0)");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  char want[4400], file[4200];
  snprintf(file, sizeof file, "%s/01_chi_dao_dieu_hanh.lua", dir);
  int line = line_of_text(file, "u.fact(\"tong_so_co_quan_xaa\", 0)");
  cr_assert_gt(line, 0);
  snprintf(want, sizeof want, "%s:%d: fact 'tong_so_co_quan_xaa' (u.fact) is not declared", file, line);
  cr_expect(strstr(r.out, want), "expected '%s' in:\n%s", want, r.out);
  cr_expect(strstr(r.out, "(did you mean 'tong_so_co_quan_xa'?)"), "%s", r.out);
  cli_free(&r);
  /* while scoring too: a typo read with a default does not score silently */
  char *db = bundled_store();
  r = cli_run((const char *const[]){"--db", db, "score", "--rules", dir, "--year", "2022", "--unit", "muong-te", NULL});
  cr_expect_eq(r.status, 1);
  snprintf(want, sizeof want, "%s:%d: criterion 1.3 (muong-te, 2022): fact 'tong_so_co_quan_xaa' is not declared",
           file, line);
  cr_expect(strstr(r.err, want), "expected '%s' in:\n%s", want, r.err);
  cli_free(&r);
  free(db); free(dir);
}

Test(facts, undeclared_param_and_records_of_a_non_list_are_found) {
  char *dir = copy_2022();
  edit(dir, "01_chi_dao_dieu_hanh.lua", "linear(ty_le, 0, p.muc_tieu, p.diem)", "linear(ty_le, 0, p.muc_tieuu, p.diem)");
  edit(dir, "02_the_che.lua", "u.fact(\"van_ban_trai_phap_luat_chua_xu_ly\")", "#u.records(\"van_ban_trai_phap_luat_chua_xu_ly\")");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  char want[4400], file[4200];
  snprintf(file, sizeof file, "%s/01_chi_dao_dieu_hanh.lua", dir);
  snprintf(want, sizeof want, "%s:%d: criterion 1.3: param 'muc_tieuu' is read but not declared in its params (did you "
           "mean 'muc_tieu'?)", file, line_of_text(file, "p.muc_tieuu"));
  cr_expect(strstr(r.out, want), "expected '%s' in:\n%s", want, r.out);
  snprintf(file, sizeof file, "%s/02_the_che.lua", dir);
  snprintf(want, sizeof want, "%s:%d: fact 'van_ban_trai_phap_luat_chua_xu_ly' is read with u.records but declared "
           "as integer, not a list", file, line_of_text(file, "#u.records(\"van_ban_trai_phap_luat_chua_xu_ly\")"));
  cr_expect(strstr(r.out, want), "expected '%s' in:\n%s", want, r.out);
  cli_free(&r);
  free(dir);
}

/* A store with units and offices and the 2022 facts of muong-te and sin-ho
** without tong_so_co_quan_xa, and tam-duong's whole. */
static char *store_missing_one_fact(char **folder) {
  char *dir = tmp_folder(), *db = path_join(dir, "parindex.db");
  static const char *const units[] = {"muong-te", "sin-ho"};
  for (int i = 0; i < 2; i++) {
    char src[256], name[64];
    snprintf(src, sizeof src, "data/lai-chau/%s-2022.json", units[i]);
    char *text = read_text(src, NULL);
    cr_assert(text);
    char *at = strstr(text, "\"key\": \"tong_so_co_quan_xa\"");
    if (!at) at = strstr(text, "\"key\":\"tong_so_co_quan_xa\"");
    cr_assert(at, "%s", src);
    memcpy(strstr(at, "tong_so_co_quan_xa"), "tong_so_co_quan_xb", 18);   /* the fact is renamed: it is missing */
    snprintf(name, sizeof name, "%s-2022.json", units[i]);
    char *out = path_join(dir, name);
    write_text(out, text);
    free(out); free(text);
  }
  char *a = path_join(dir, "muong-te-2022.json"), *b = path_join(dir, "sin-ho-2022.json");
  cli_result r = cli_run((const char *const[]){"--db", db, "import", "data/lai-chau/units.json", a, b,
                                               "data/lai-chau/tam-duong-2022.json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  free(a); free(b);
  *folder = dir;
  return db;
}

Test(facts, check_and_score_name_every_missing_fact_of_every_unit) {
  char *dir, *db = store_missing_one_fact(&dir);
  cli_result r = cli_run((const char *const[]){"--db", db, "facts", "check", "--year", "2022", NULL});
  cr_expect_eq(r.status, 1, "%s%s", r.out, r.err);
  cr_expect(strstr(r.out, "muong-te 2022: tong_so_co_quan_xa: missing (required: Tổng số cơ quan"), "%s", r.out);
  cr_expect(strstr(r.out, "sin-ho 2022: tong_so_co_quan_xa: missing"), "%s", r.out);
  cr_expect(strstr(r.out, "muong-te 2022: tong_so_co_quan_xb: stored but not declared: no rule reads it"), "%s", r.out);
  cr_expect(strstr(r.out, "3 units of kind 'district', 2022: 2 required facts missing (in 2 units)"), "%s", r.out);
  cr_expect(!strstr(r.out, "tam-duong 2022: tong_so_co_quan_xa"), "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "muong-te 2022: tong_so_co_quan_xa"), "%s", r.err);
  cr_expect(strstr(r.err, "sin-ho 2022: tong_so_co_quan_xa"), "%s", r.err);
  cr_expect(strstr(r.err, "2 required facts missing in 2 units"), "%s", r.err);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM runs"), 0);
  remove_tree(dir);
  free(db); free(dir);
}

Test(facts, check_finds_wrong_types_ranges_and_records) {
  char *dir = tmp_folder(), *db = path_join(dir, "parindex.db"), *file = path_join(dir, "bad.json");
  char *text = read_text("data/lai-chau/tam-duong-2022.json", NULL);
  cr_assert(text);
  char *p = strstr(text, "\"ty_le_van_ban_dien_tu_ky_so\"");
  cr_assert(p);
  p = strstr(p, "\"value\"");
  p = strchr(p, ':') + 1;
  while (*p == ' ') p++;
  char *e = p + strcspn(p, ",}");
  memmove(p + 5, e, strlen(e) + 1);
  memcpy(p, "150.5", 5);                                        /* a percentage above 100 */
  p = strstr(text, "\"ten\":");
  cr_assert(p);
  memcpy(p, "\"tan\":", 6);                                    /* a record without its name, with an unknown field */
  write_text(file, text);
  cli_result r = cli_run((const char *const[]){"--db", db, "import", "data/lai-chau/units.json", file, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "facts", "check", "--year", "2022", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "tam-duong 2022: ty_le_van_ban_dien_tu_ky_so: 150.5 is above the maximum 100"), "%s", r.out);
  cr_expect(strstr(r.out, "tam-duong 2022: bao_cao_khong_dung_han: record 1 has no field 'ten' (Tên báo cáo)"), "%s", r.out);
  cr_expect(strstr(r.out, "tam-duong 2022: bao_cao_khong_dung_han: record 1: field 'tan' is not declared"), "%s", r.out);
  cli_free(&r);
  remove_tree(dir);
  free(text); free(file); free(db); free(dir);
}

Test(facts, show_gives_value_source_and_import) {
  char *db = bundled_store();
  cli_result r = cli_run((const char *const[]){"--db", db, "facts", "show", "--unit", "muong-te", "--year", "2022", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "ho_so_tra_qua_han (integer) = 51\n"), "%s", r.out);
  cr_expect(strstr(r.out, "co_sang_kien_cchc_duoc_cong_nhan (boolean) = false\n"), "%s", r.out);
  cr_expect(strstr(r.out, "    nguồn: Báo cáo phân tích Chỉ số CCHC năm 2022 của UBND huyện Mường Tè"), "%s", r.out);
  cr_expect(strstr(r.out, "    import #1, "), "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "facts", "show", "--unit", "nowhere", "--year", "2022", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "unknown unit 'nowhere'"), "%s", r.err);
  cli_free(&r);
  free(db);
}

Test(facts, declarations_are_inherited_changed_and_removed_and_diffed) {
  char *dir = child_of_2022("extends \"../2022\"\n"
                            "change_fact \"ho_so_tra_qua_han\" { description = \"Số hồ sơ trễ hẹn\", max = 10000 }\n"
                            "remove_fact \"sipas_cong_chuc\"\n"
                            "change_fact \"bao_cao_khong_dung_han\" { fields = { { name = \"ten\", type = \"text\", "
                            "description = \"Tên\" } } }\n");
  char *base = path_join(dir, "../2022");
  cli_result r = cli_run((const char *const[]){"rules", "diff", base, dir, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  static const char *const want[] = {
    "fact ho_so_tra_qua_han: range 0.. → 0..10000", "fact ho_so_tra_qua_han: description \"Số hồ sơ TTHC trả kết quả quá hạn "
    "trong năm\" → \"Số hồ sơ trễ hẹn\"", "fact sipas_cong_chuc removed: SIPAS", "fact bao_cao_khong_dung_han: record field "
    "han removed", NULL};
  for (const char *const *w = want; *w; w++) cr_expect(strstr(r.out, *w), "'%s' missing in:\n%s", *w, r.out);
  cli_free(&r);
  /* sipas_cong_chuc is read by 8.1 (u.has of a key from a table): while scoring, a key no longer declared
  ** stops it when the unit does not have it (tan-uyen 2021) */
  char *db = bundled_store();
  r = cli_run((const char *const[]){"--db", db, "score", "--rules", dir, "--year", "2021", "--unit", "tan-uyen", NULL});
  cr_expect_eq(r.status, 1, "%s", r.out);
  cr_expect(strstr(r.err, "fact 'sipas_cong_chuc' is not declared"), "%s", r.err);
  cli_free(&r);
  char *file = path_join(dir, "00_a.lua");
  write_text(file, "extends \"../2022\"\nchange_fact \"ho_so_tra_qua_hann\" { max = 1 }\n"
                   "fact \"ho_so_tra_qua_han\" { type = \"integer\", description = \"x\", office = \"noi-vu\", evidence = \"x\" }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "00_a.lua:2: change_fact ho_so_tra_qua_hann: no such fact in the extended rulebook"), "%s", r.out);
  cli_free(&r);
  write_text(file, "extends \"../2022\"\n"
                   "fact \"ho_so_tra_qua_han\" { type = \"integer\", description = \"x\", office = \"noi-vu\", evidence = \"x\" }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: fact ho_so_tra_qua_han: declared twice (first at "), "%s", r.out);
  cli_free(&r);
  write_text(file, "extends \"../2022\"\n"
                   "fact \"moi\" { type = \"integr\", description = \"x\", office = \"noi-vu\", evidence = \"x\" }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: fact moi: type 'integr' is not one of integer"), "%s", r.out);
  cli_free(&r);
  write_text(file, "extends \"../2022\"\n"
                   "fact \"moi\" { type = \"list\", description = \"x\", office = \"noi-vu\", evidence = \"x\" }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: fact moi: a list needs 'fields'"), "%s", r.out);
  cli_free(&r);
  free(file); free(db); free(base); free(dir);
}

/* The published PAR index of Mường Tè 2022 (tests/golden), as "65,84". */
static void published_2022(char *buf, size_t n) {
  cJSON *g = published_figures();
  cr_assert(g);
  cJSON *y = cJSON_GetObjectItem(cJSON_GetObjectItem(g, "years"), "2022");
  cr_assert(cJSON_GetObjectItem(y, "par_index"));
  double v = cJSON_GetNumberValue(cJSON_GetObjectItem(y, "par_index"));
  snprintf(buf, n, "%.2f", v);
  char *dot = strchr(buf, '.');
  if (dot) *dot = ',';
  cJSON_Delete(g);
}

Test(facts, csv_form_prefilled_and_imported_into_a_fresh_store_scores_the_published_index) {
  char *db = bundled_store(), *dir = tmp_folder(), *form = path_join(dir, "muong-te-2022.csv"),
       *fresh = path_join(dir, "fresh.db");
  cli_result r = cli_run((const char *const[]){"--db", db, "facts", "template", "--unit", "muong-te", "--year", "2022",
                                               "--format", "csv", "--out", form, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  char *text = read_text(form, NULL);
  cr_assert(text);
  cr_expect(!strncmp(text, "\xEF\xBB\xBFunit,year,key,value,type,source,note,description,", 52), "%.200s", text);
  cr_expect(strstr(text, "muong-te,2022,ho_so_tra_qua_han,51,integer,"), "%s", text);
  cr_expect(strstr(text, "Số hồ sơ TTHC trả kết quả quá hạn trong năm,hồ sơ,0,,true,van-phong,"), "%s", text);
  free(text);
  r = cli_run((const char *const[]){"--db", fresh, "import", "data/lai-chau/units.json", form, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", fresh, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  char want[32];
  published_2022(want, sizeof want);
  cr_expect(strstr(r.out, "PAR INDEX") && strstr(strstr(r.out, "PAR INDEX"), want), "want %s:\n%s", want, r.out);
  cli_free(&r);
  /* the blank form: every declared fact, nothing filled in; imported, it adds nothing */
  r = cli_run((const char *const[]){"--db", db, "facts", "template", "--year", "2022", "--format", "csv", "--out", form, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", fresh, "import", form, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  remove_tree(dir);
  free(db); free(dir); free(form); free(fresh);
}
