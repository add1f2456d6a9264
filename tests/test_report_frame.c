/*
** test_report_frame.c -- the report as a document to sign: the frame of
** Nghị định 30 from the unit's settings file (blanks when a field is not
** given; a wrong field refused, naming the file and the field), the opening
** citing the published decision, the closing and the signature; the rank as
** published when the other units' facts are absent; the first year; a unit
** without deductions; the computed statements and the causes from the
** year-over-year split; English; the assignment letters; --all.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"

static char *run_ok(const char *const *args) {
  cli_result r = cli_run(args);
  cr_assert_eq(r.status, 0, "parindex failed: %s", r.err);
  char *out = r.out;
  r.out = NULL;
  cli_free(&r);
  return out;
}

static char *report22(const char *lang) {
  return run_ok((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", "--lang", lang, NULL});
}

Test(report_frame, nd30_frame_opening_closing_signature, .init = golden_setup, .fini = golden_teardown) {
  char *md = report22("vi");
  const char *in_order[] = {"**ỦY BAN NHÂN DÂN**<br>**HUYỆN MƯỜNG TÈ**", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
                            "**Độc lập - Tự do - Hạnh phúc**", "| Số: …/BC-UBND |", "*Mường Tè, ngày … tháng … năm …*",
                            "# BÁO CÁO", "Trên cơ sở kết quả Chỉ số cải cách hành chính (PAR INDEX) huyện Mường Tè năm 2022 do "
                            "UBND tỉnh Lai Châu công bố tại Quyết định số 701/QĐ-UBND, ngày 24/5/2023",
                            "## I. PHÂN TÍCH", "## II. NHIỆM VỤ", "Ghi chú về số liệu:",
                            "Trên đây là Báo cáo phân tích Chỉ số cải cách hành chính (PAR INDEX) năm 2022 của huyện Mường Tè; "
                            "nhiệm vụ và giải pháp nâng cao Chỉ số PAR INDEX năm 2023./.",
                            "**Nơi nhận:**", "**TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**",
                            "*(Ký, ghi rõ họ tên, đóng dấu)*", "**……………………**", "- Lưu: VT."};
  const char *p = md;
  for (size_t i = 0; i < sizeof in_order / sizeof *in_order; i++) {
    const char *q = strstr(p, in_order[i]);
    cr_expect_not_null(q, "missing, in order: %s", in_order[i]);
    if (q) p = q + strlen(in_order[i]);
  }
  /* no software wording in the body; the report never cites itself */
  const char *banned[] = {"parindex", "dữ kiện", "sổ điểm", "bộ tiêu chí sinh ra", "trong kho", "data/README"};
  for (size_t i = 0; i < sizeof banned / sizeof *banned; i++)
    cr_expect(strstr(md, banned[i]) == NULL, "software wording '%s' in the report", banned[i]);
  /* flagged once, at the end, not in I.1 */
  cr_expect(strstr(strstr(md, "Ghi chú về số liệu:"), "(*)") != NULL);
  const char *note = strstr(md, "minh họa");
  cr_expect(note && note > strstr(md, "## II."), "the illustrative flag is not at the end");
  /* one minus sign: U+2212, never a hyphen before a figure */
  for (const char *h = md; (h = strchr(h, '-')); h++)
    cr_expect(!(h[1] >= '0' && h[1] <= '9' && h > md && (h[-1] == ' ' || h[-1] == '(')), "a hyphen as minus: %.20s", h - 1);
  cr_expect(strstr(md, "\xe2\x88\x92" "25,04") != NULL);
  free(md);
}

Test(report_frame, computed_statements_and_causes_from_the_split, .init = golden_setup, .fini = golden_teardown) {
  char *md = report22("vi");
  const char *c2 = strstr(md, "Lĩnh vực 2: Cải cách thể chế"), *c6 = strstr(md, "Lĩnh vực 6: Cải cách tài chính công");
  const char *c7 = strstr(md, "Lĩnh vực 7: Xây dựng");
  cr_assert(c2 && c6 && c7);
  cr_expect(strstr(c2, "cao nhất trong 8 chỉ số thành phần") < strstr(c2, "\n#####"), "component 2 is the highest");
  cr_expect(strstr(c6, "thấp nhất trong 8 chỉ số thành phần") < strstr(c6, "\n#####"), "component 6 is the lowest");
  cr_expect(strstr(c7, "giảm nhiều nhất") < strstr(c7, "\n###"), "component 7 fell most");
  /* I.3: 7 fell 25,04 = 7,60 from the 2022 methodology + 17,44 from the work (compare --same-rules) */
  const char *i3 = strstr(md, "### 3. Nguyên nhân");
  cr_assert_not_null(i3);
  const char *k7 = strstr(i3, "**Lĩnh vực 7 (");
  cr_assert_not_null(k7);
  cr_expect(strstr(k7, "Giảm 25,04 điểm phần trăm: \xe2\x88\x92" "7,60 điểm phần trăm do thay đổi phương pháp đánh giá") == k7 + strlen("**Lĩnh vực 7 (Xây dựng và phát triển chính quyền điện tử, chính quyền số):** "),
            "split of component 7");
  cr_expect(strstr(k7, "\xe2\x88\x92" "17,44 điểm phần trăm do kết quả thực hiện") != NULL);
  cr_expect(strstr(k7, "7.3 Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức (bị trừ 3,38)") != NULL);
  /* component 8's change is all the work's: its rules did not change */
  cr_expect(strstr(i3, "Tăng 3,64 điểm phần trăm, đều do kết quả thực hiện") != NULL);
  free(md);
}

Test(report_frame, ranking_left_out, .init = golden_setup, .fini = golden_teardown) {
  char *md = run_ok((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022",
                                          "--no-ranking", NULL});
  cr_expect(strstr(md, "**Xếp hạng Chỉ số CCHC") == NULL && strstr(md, "Huyện Nậm Nhùn") == NULL, "the others are shown");
  cr_expect(strstr(md, "| 2022 | 42,56 | 23,28 | 65,84 | 7 |") != NULL, "the unit's own rank stays");
  free(md);
}

Test(report_frame, english_throughout, .init = golden_setup, .fini = golden_teardown) {
  char *md = report22("en");
  cr_expect(strstr(md, "**SOCIALIST REPUBLIC OF VIETNAM**") && strstr(md, "# REPORT") && strstr(md, "**Recipients:**"));
  cr_expect(strstr(md, "Decision No.\xc2\xa0" "701/QĐ-UBND of 24 May 2023") != NULL);
  cr_expect(strstr(md, "| 2022 | 42.56 | 23.28 | 65.84 | 7 |") != NULL);
  cr_expect(strstr(md, "65,84") == NULL && strstr(md, "25,04") == NULL, "a decimal comma in English");
  cr_expect(strstr(md, "điểm phần trăm") == NULL && strstr(md, "Nguyên nhân") == NULL && strstr(md, "Lĩnh vực") == NULL,
            "Vietnamese wording in English (beyond names and reasons from the rules)");
  free(md);
}

static char *settings_dir(const char *unit_json) {
  char *dir = tmp_folder();
  put_file(dir, "muong-te.json", unit_json);
  return dir;
}

Test(report_frame, settings_file_fills_the_frame, .init = golden_setup, .fini = golden_teardown) {
  char *dir = settings_dir("{\"unit\": \"muong-te\", \"issuing_body\": [\"ỦY BAN NHÂN DÂN\", \"HUYỆN MƯỜNG TÈ\"], "
                           "\"number\": \"123\", \"code\": \"BC-UBND\", \"place\": \"Mường Tè\", \"date\": \"2023-06-01\", "
                           "\"authority\": \"TM. ỦY BAN NHÂN DÂN\", \"title\": \"CHỦ TỊCH\", \"signer\": \"Nguyễn Văn A\", "
                           "\"recipients\": [\"UBND tỉnh (b/c);\", \"Lưu: VT, NV.\"]}");
  char *md = run_ok((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022",
                                          "--documents", dir, NULL});
  cr_expect(strstr(md, "| Số: 123/BC-UBND |") != NULL);
  cr_expect(strstr(md, "*Mường Tè, ngày 01 tháng 6 năm 2023*") != NULL, "Nghị định 30: no 0 before the month 6");
  free(md);
  put_file(dir, "muong-te.json", "{\"unit\": \"muong-te\", \"place\": \"Mường Tè\", \"date\": \"2023-02-05\"}");
  md = run_ok((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", "--documents", dir,
                                    NULL});
  cr_expect(strstr(md, "*Mường Tè, ngày 05 tháng 02 năm 2023*") != NULL, "Nghị định 30: 0 before a day below 10 and the month 2");
  free(md);
  put_file(dir, "muong-te.json", "{\"unit\": \"muong-te\", \"issuing_body\": [\"ỦY BAN NHÂN DÂN\", \"HUYỆN MƯỜNG TÈ\"], "
           "\"number\": \"123\", \"code\": \"BC-UBND\", \"place\": \"Mường Tè\", \"date\": \"2023-06-01\", "
           "\"authority\": \"TM. ỦY BAN NHÂN DÂN\", \"title\": \"CHỦ TỊCH\", \"signer\": \"Nguyễn Văn A\", "
           "\"recipients\": [\"UBND tỉnh (b/c);\", \"Lưu: VT, NV.\"]}");
  md = run_ok((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", "--documents", dir,
                                    NULL});
  cr_expect(strstr(md, "**TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**") != NULL, "no KT. line when the head signs");
  cr_expect(strstr(md, "**Nguyễn Văn A**") != NULL && strstr(md, "- UBND tỉnh (b/c);") != NULL);
  cr_expect(strstr(md, "- Lưu: VT, NV.") != NULL && strstr(md, "- Lưu: VT.") == NULL, "Lưu given once");
  /* the decision is the store's (parindex published), whatever the documents folder */
  cr_expect(strstr(md, "Quyết định số 701/QĐ-UBND, ngày 24/5/2023") != NULL);
  free(md);
  /* a misspelt field, a wrong date, the wrong unit: refused, naming the file and the field */
  const char *bad[][2] = {{"{\"unit\": \"muong-te\", \"signr\": \"X\"}", "signr"},
                          {"{\"unit\": \"muong-te\", \"date\": \"2023-02-30\"}", "date"},
                          {"{\"unit\": \"sin-ho\"}", "unit"},
                          {"{\"unit\": \"muong-te\", \"recipients\": [1]}", "recipients[0]"},
                          {"[1, 2]", "not a JSON object"}};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    put_file(dir, "muong-te.json", bad[i][0]);
    cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022",
                                                 "--documents", dir, NULL});
    cr_expect_eq(r.status, 1, "%s accepted", bad[i][0]);
    cr_expect(strstr(r.err, "muong-te.json: ") && strstr(r.err, bad[i][1]), "%s: %s", bad[i][0], r.err);
    cr_expect_eq(r.out[0], '\0', "a refused report wrote something");
    cli_free(&r);
  }
  /* lenient JSON is not taken either: a field given twice (which cJSON would keep both of), a leading zero */
  const char *strict[][2] = {{"{\"unit\": \"muong-te\", \"signer\": \"A\",\n \"signer\": \"B\"}", "muong-te.json:1: signer: member given twice"},
                             {"{\"unit\": \"muong-te\", \"title\": \"A\",}", "muong-te.json:1:35: JSON syntax error"}};
  for (size_t i = 0; i < 2; i++) {
    put_file(dir, "muong-te.json", strict[i][0]);
    cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022",
                                                 "--documents", dir, NULL});
    cr_expect(r.status == 1 && strstr(r.err, strict[i][1]), "%s: %s", strict[i][0], r.err);
    cli_free(&r);
  }
  remove_tree(dir);
  free(dir);
}

/* A store with Mường Tè's facts only: the rank is the published one. */
Test(report_frame, rank_as_published_without_the_others, .init = golden_setup, .fini = golden_teardown) {
  char *dir = tmp_folder(), *db = path_join(dir, "only.db");
  char *u = path_join(PARINDEX_SOURCE_DIR, "data/lai-chau/units.json");
  char *f1 = path_join(PARINDEX_SOURCE_DIR, "data/lai-chau/muong-te-2021.json");
  char *f2 = path_join(PARINDEX_SOURCE_DIR, "data/lai-chau/muong-te-2022.json");
  char *p1 = path_join(PARINDEX_SOURCE_DIR, "data/lai-chau/published/2021.json");
  char *p2 = path_join(PARINDEX_SOURCE_DIR, "data/lai-chau/published/2022.json");
  free(run_ok((const char *const[]){"--db", db, "import", u, f1, f2, NULL}));
  /* before the decision is imported: no rank, and the decision is a blank to fill, not invented */
  char *md = run_ok((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", NULL});
  cr_expect(strstr(md, "tại Quyết định số …, ngày …") != NULL);
  cr_expect(strstr(md, "| 2022 | 42,56 | 23,28 | 65,84 | — |") != NULL, "no rank of one unit");
  free(md);
  free(run_ok((const char *const[]){"--db", db, "published", p1, p2, NULL}));
  md = run_ok((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", NULL});
  cr_expect(strstr(md, "tại Quyết định số 701/QĐ-UBND, ngày 24/5/2023") != NULL);
  cr_expect(strstr(md, "Xếp hạng (/8 đơn vị)") != NULL, "the published number of units");
  cr_expect(strstr(md, "| 2021 | 43,34 | 22,08 | 65,42 | 7 |") && strstr(md, "| 2022 | 42,56 | 23,28 | 65,84 | 7 |"),
            "the published ranks");
  cr_expect(strstr(md, "xếp hạng 7/8 (tăng 0,42 điểm và giữ nguyên hạng so với năm 2021)") != NULL);
  cr_expect(strstr(md, "**Xếp hạng Chỉ số CCHC") == NULL, "a ranking of one unit");
  cr_expect(strstr(md, "(*)") == NULL);
  free(md);
  /* only 2022's facts: 2021 as published (total and rank), the components for 2022 alone */
  char *db2 = path_join(dir, "only22.db");
  free(run_ok((const char *const[]){"--db", db2, "import", u, f2, NULL}));
  free(run_ok((const char *const[]){"--db", db2, "published", p1, p2, NULL}));
  md = run_ok((const char *const[]){"--db", db2, "report", "--unit", "muong-te", "--year", "2022", NULL});
  cr_expect(strstr(md, "| 2021 | — | — | 65,42 | 7 |  |") != NULL, "2021 as published");
  cr_expect(strstr(md, "đạt 65,84 điểm, xếp hạng 7/8 (tăng 0,42 điểm so với 65,42 điểm năm 2021 đã công bố).") != NULL);
  cr_expect(strstr(md, "| 2022 | 42,56 | 23,28 | 65,84 | 7 |") != NULL);
  free(md);
  free(db2);
  free(u); free(f1); free(f2); free(p1); free(p2);
  remove_tree(dir);
  free(dir); free(db);
}

Test(report_frame, first_year_without_the_year_before, .init = golden_setup, .fini = golden_teardown) {
  char *md = run_ok((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2021", NULL});
  cr_expect(strstr(md, "Năm 2021 là năm đầu tiên có kết quả đánh giá; báo cáo không có số liệu năm 2020 để so sánh.") != NULL);
  cr_expect(strstr(md, "| 2021 | 43,34 | 22,08 | 65,42 | 7 |") != NULL);
  cr_expect(strstr(md, "so với năm 2020") == NULL && strstr(md, "| 2020 |") == NULL);
  cr_expect(strstr(md, "7,00/14,00") != NULL && strstr(md, "22,08/33,00") != NULL);
  /* 2021's decision is not in the sources: its number and date are blanks */
  cr_expect(strstr(md, "tại Quyết định số …, ngày …") != NULL);
  free(md);
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "nope", "--year", "2022", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "'nope'") && strstr(r.err, "2022"), "the error names the year asked for: %s", r.err);
  cli_free(&r);
}

Test(report_frame, a_unit_without_deductions, .init = small_setup, .fini = small_teardown) {
  char *data = path_join(small_dir, "full.json");
  write_text(data, "{ \"unit\": \"d1\", \"year\": 2022, \"source\": \"test\", \"facts\": [ {\"key\": \"a\", \"value\": 10} ] }\n");
  free(run_ok((const char *const[]){"--db", small_db, "import", data, NULL}));
  char *md = run_ok((const char *const[]){"--db", small_db, "report", "--rules", small_rules, "--unit", "d1", "--year",
                                          "2022", NULL});
  cr_expect(strstr(md, "đạt 10,00 điểm") != NULL);
  cr_expect(strstr(md, "Các tiêu chí bị trừ điểm") == NULL && strstr(md, "bị trừ 0,00") == NULL);
  cr_expect(strstr(md, "tăng 0,00") == NULL && strstr(md, "giảm 0,00") == NULL);
  cr_expect(strstr(md, "Không có nhiệm vụ: đơn vị không bị trừ điểm.") != NULL);
  cr_expect(strstr(md, "Tất cả các tiêu chí của lĩnh vực đạt điểm tối đa.") != NULL);
  cr_expect(strstr(md, "Xếp loại") == NULL, "no bands column: the rulebook defines none");
  cr_expect(strstr(md, "Trên đây là Báo cáo") != NULL);
  free(md);
  free(data);
}

Test(report_frame, assignment_letter_of_an_office, .init = golden_setup, .fini = golden_teardown) {
  char *md = run_ok((const char *const[]){"--db", golden_db, "report", "--office", "noi-vu", "--unit", "muong-te",
                                          "--year", "2022", NULL});
  cr_expect(strstr(md, "V/v giao nhiệm vụ nâng cao Chỉ số PAR INDEX năm 2023") != NULL);
  cr_expect(strstr(md, "**Kính gửi: Phòng Nội vụ.**") != NULL);
  cr_expect(strstr(md, "Quyết định số 701/QĐ-UBND, ngày 24/5/2023") != NULL);
  cr_expect(strstr(md, "- Phòng Nội vụ;") != NULL && strstr(md, "**PHÓ CHỦ TỊCH**") != NULL);
  /* every task of the office (tasks --office), with its criterion */
  cJSON *t = cli_json((const char *const[]){"--db", golden_db, "tasks", "--year", "2022", "--unit", "muong-te",
                                           "--office", "noi-vu", "--format", "json", NULL});
  const cJSON *o, *k;
  int n = 0;
  cJSON_ArrayForEach(o, cJSON_GetObjectItem(t, "offices")) {
    cJSON_ArrayForEach(k, cJSON_GetObjectItem(o, "tasks")) {
      char want[1024];
      snprintf(want, sizeof want, "| %s | %s |", cJSON_GetObjectItem(k, "task")->valuestring,
               cJSON_GetObjectItem(k, "criterion")->valuestring);
      cr_expect(strstr(md, want) != NULL, "task missing from the letter: %s", want);
      n++;
    }
  }
  cr_expect(n >= 5, "only %d tasks", n);
  cJSON_Delete(t);
  free(md);
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--office", "no-such", "--unit", "muong-te",
                                               "--year", "2022", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "no-such") != NULL, "%s", r.err);
  cli_free(&r);
}

Test(report_frame, all_units_into_a_folder, .init = golden_setup, .fini = golden_teardown) {
  char *dir = tmp_folder();
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--all", "--year", "2022", "--format", "html",
                                               "--out-dir", dir, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.err, "wrote 22 reports") != NULL, "the 8 districts and the 14 communes: %s", r.err);
  cli_free(&r);
  const char *units[] = {"muong-te", "nam-nhun", "phong-tho", "sin-ho", "tam-duong", "tan-uyen", "than-uyen", "thanh-pho-lai-chau"};
  for (size_t i = 0; i < 8; i++) {
    char name[64];
    snprintf(name, sizeof name, "%s-2022.html", units[i]);
    char *p = path_join(dir, name), *h = read_text(p, NULL);
    cr_expect(h && strstr(h, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && strstr(h, "Trên đây là Báo cáo"), "%s", name);
    free(h); free(p);
  }
  /* a commune: its own rulebook, ranked among the 14 communes of its district */
  char *p = path_join(dir, "xa-pa-ve-su-2022.html"), *h = read_text(p, NULL);
  cr_expect(h && strstr(h, "Xếp hạng (/14 đơn vị)") && strstr(h, "bộ tiêu chí minh họa"), "%.3000s", h ? h : "(none)");
  free(h); free(p);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--all", "--year", "2022", "--kind", "commune",
                                    "--parent", "muong-te", "--out-dir", dir, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.err, "wrote 14 reports") != NULL, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--all", "--year", "2022", "--unit", "x", "--out-dir",
                                    dir, NULL});
  cr_expect_eq(r.status, 2);
  cli_free(&r);
  remove_tree(dir);
  free(dir);
}

Test(report_frame, drafting_officer_paragraphs_at_their_places, .init = golden_setup, .fini = golden_teardown) {
  /* the bundled narrative: the report's own I.3.1 paragraph, at the start of I.3.1 */
  char *md = report22("vi");
  const char *r31 = strstr(md, "#### 3.1. Nguyên nhân các chỉ số tăng điểm\n\nUBND huyện đã bám sát");
  cr_expect_not_null(r31, "the drafted I.3.1 paragraph is not at the start of I.3.1");
  cr_expect(r31 && strstr(r31, "Nghị quyết số 08- NQ/TU") != NULL);
  free(md);
  /* every place, in a folder of its own */
  char *dir = tmp_folder(), *nd = path_join(dir, "narrative");
  cr_assert_eq(mkdir(nd, 0700), 0);
  put_file(nd, "muong-te-2022.json",
           "{\"unit\": \"muong-te\", \"year\": 2022, \"opening\": [\"ĐOẠN-MỞ\"], \"summary\": [\"ĐOẠN-I1\"], "
           "\"components\": {\"7\": [\"ĐOẠN-LV7\"]}, \"causes_rising\": [\"ĐOẠN-TĂNG\"], \"causes_falling\": [\"ĐOẠN-GIẢM\"], "
           "\"tasks\": [\"ĐOẠN-II\"], \"closing\": [\"ĐOẠN-CUỐI\"]}");
  md = run_ok((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", "--documents", dir, NULL});
  const char *order[] = {"Trên cơ sở kết quả", "ĐOẠN-MỞ", "### 1. Tổng hợp", "ĐOẠN-I1", "### 2. Kết quả",
                         "Lĩnh vực 7: Xây dựng", "ĐOẠN-LV7", "Lĩnh vực được đánh giá qua 3 tiêu chí", "#### 3.1.", "ĐOẠN-TĂNG",
                         "#### 3.2.", "ĐOẠN-GIẢM", "## II.", "ĐOẠN-II", "ĐOẠN-CUỐI", "Trên đây là"};
  const char *p = md;
  for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
    const char *q = strstr(p, order[i]);
    cr_expect_not_null(q, "missing, in order: %s", order[i]);
    if (q) p = q + strlen(order[i]);
  }
  free(md);
  put_file(nd, "muong-te-2022.json", "{\"unit\": \"muong-te\", \"year\": 2022, \"cause\": [\"x\"]}");
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022",
                                               "--documents", dir, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "muong-te-2022.json: cause: not a place") != NULL, "%s", r.err);
  cli_free(&r);
  remove_tree(dir);
  free(nd);
  free(dir);
}
