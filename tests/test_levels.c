/*
** test_levels.c -- every level a province scores (issue 17): units of
** several kinds, each scored with its kind's rulebook (rules/lai-chau/KIND/Y),
** ranked within its kind and parent; and the self-assessment beside the
** appraisal (self-assess, reconcile).
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static const cJSON *kind_block(const cJSON *o, const char *kind) {
  const cJSON *k;
  cJSON_ArrayForEach(k, cJSON_GetObjectItem(o, "kinds"))
    if (cJSON_IsString(cJSON_GetObjectItem(k, "kind")) && !strcmp(cJSON_GetObjectItem(k, "kind")->valuestring, kind))
      return k;
  return NULL;
}

Test(levels, score_of_a_year_scores_every_kind_with_its_own_rulebook, .init = golden_setup, .fini = golden_teardown) {
  cJSON *o = cli_json((const char *const[]){"--db", golden_db, "score", "--year", "2022", "--format", "json", NULL});
  const cJSON *d = kind_block(o, "district"), *c = kind_block(o, "commune");
  cr_assert(d && c, "one block per kind");
  cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(d, "units")), 8);
  cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(c, "units")), 14);
  cr_expect_neq(cJSON_GetObjectItem(d, "run")->valueint, cJSON_GetObjectItem(c, "run")->valueint, "a run per kind");
  const cJSON *u;
  cJSON_ArrayForEach(u, cJSON_GetObjectItem(d, "units"))
    if (!strcmp(cJSON_GetObjectItem(u, "unit")->valuestring, "muong-te"))
      cr_expect_eq(llround(cJSON_GetObjectItem(u, "par_index")->valuedouble * 100), 6584, "the published 65,84");
  /* each run records its own rulebook and verifies */
  char run[32];
  for (int k = 0; k < 2; k++) {
    snprintf(run, sizeof run, "%d", cJSON_GetObjectItem(k ? c : d, "run")->valueint);
    cli_result r = cli_run((const char *const[]){"--db", golden_db, "verify", run, NULL});
    cr_expect_eq(r.status, 0, "verify %s: %s%s", run, r.out, r.err);
    cli_free(&r);
  }
  char *rules = sql_text(golden_db, "SELECT group_concat(rules, ' ') FROM (SELECT rules FROM runs ORDER BY id)");
  cr_expect(rules && strstr(rules, "district/2022") && strstr(rules, "commune/2022"), "%s", rules);
  free(rules);
  cJSON_Delete(o);
}

Test(levels, rank_within_a_kind_and_a_parent, .init = golden_setup, .fini = golden_teardown) {
  cJSON *o = cli_json((const char *const[]){"--db", golden_db, "rank", "--year", "2022", "--parent", "muong-te",
                                            "--format", "json", NULL});
  const cJSON *u;
  int n = 0, prev = 0;
  cJSON_ArrayForEach(u, cJSON_GetObjectItem(o, "units")) {
    n++;
    cr_expect_str_eq(cJSON_GetObjectItem(u, "kind")->valuestring, "commune");
    cr_expect_str_eq(cJSON_GetObjectItem(u, "parent")->valuestring, "muong-te");
    cr_expect(cJSON_IsTrue(cJSON_GetObjectItem(u, "illustrative")), "the communes' facts are illustrative");
    cr_expect_geq(cJSON_GetObjectItem(u, "rank")->valueint, prev);
    prev = cJSON_GetObjectItem(u, "rank")->valueint;
  }
  cr_expect_eq(n, 14, "the communes of Mường Tè only");
  cr_expect(strstr(cJSON_GetObjectItem(o, "rules")->valuestring, "rules/lai-chau/commune/2022") != NULL);
  cJSON_Delete(o);
  /* the province's table lists every kind, each ranked on its own */
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "rank", "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "8 đơn vị") && strstr(r.out, "14 đơn vị"), "%s", r.out);
  cr_expect(strstr(r.out, "    7  Huyện Mường Tè") != NULL, "Mường Tè stays 7th of the 8 districts: %s", r.out);
  cr_expect(strstr(r.out, "(minh họa)") != NULL, "the commune rulebook says it is illustrative");
  cli_free(&r);
  /* explain of a commune uses the commune rulebook */
  r = cli_run((const char *const[]){"--db", golden_db, "explain", "--year", "2022", "--unit", "xa-pa-ve-su", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "commune/2022/01_tieu_chi.lua:") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "2/9 hồ sơ") == NULL);
  cli_free(&r);
}

static const char *SELF =
  "{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 2022, \"source\": \"test\", \"criteria\": [\n"
  "  {\"criterion\": \"1.2\", \"points\": 1.5, \"evidence\": [], \"explanation\": \"gửi chậm\"},\n"
  "  {\"criterion\": \"1.1\", \"points\": 2, \"evidence\": [{\"document\": \"Kế hoạch\", \"number\": \"15/KH-UBND\", "
  "\"date\": \"2022-01-12\"}]},\n"
  "  {\"criterion\": \"9.9\", \"points\": 0.25, \"explanation\": \"không có trong bộ tiêu chí\"}\n"
  "]}}\n";

static const cJSON *crit_of(const cJSON *o, const char *id) {
  const cJSON *c;
  cJSON_ArrayForEach(c, cJSON_GetObjectItem(o, "criteria"))
    if (!strcmp(cJSON_GetObjectItem(c, "criterion")->valuestring, id)) return c;
  return NULL;
}

static long long hundredths(const cJSON *c, const char *name) {
  return llround(cJSON_GetObjectItem(c, name)->valuedouble * 100);
}

Test(levels, a_self_assessment_is_reconciled_with_the_appraisal, .init = golden_setup, .fini = golden_teardown) {
  char *dir = tmp_folder(), *f = path_join(dir, "self.json");
  write_text(f, SELF);
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "self-assess", f, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cJSON *o = cli_json((const char *const[]){"--db", golden_db, "reconcile", "--year", "2022", "--unit", "muong-te",
                                            "--format", "json", NULL});
  const cJSON *c = crit_of(o, "1.2");
  cr_assert_not_null(c);
  cr_expect_eq(hundredths(c, "self"), 150);
  cr_expect_eq(hundredths(c, "appraised"), 50, "2,5 − 4 × 0,5");
  cr_expect_eq(hundredths(c, "difference"), -100);
  cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(c, "deductions")), 4, "the deductions that explain it");
  cr_expect_str_eq(cJSON_GetObjectItem(c, "explanation")->valuestring, "gửi chậm");
  c = crit_of(o, "1.1");
  cr_expect_eq(hundredths(c, "difference"), 0);
  cr_expect_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(c, "evidence"), 0), "number")->valuestring,
                   "15/KH-UBND");
  cr_expect(cJSON_IsNull(cJSON_GetObjectItem(crit_of(o, "2.1"), "self")), "not self-assessed");
  cr_expect_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(o, "unknown_criteria"), 0)->valuestring, "9.9");
  cr_expect_eq(hundredths(o, "self_total"), 350);
  cr_expect_eq(hundredths(o, "appraised_total"), 250);
  cJSON_Delete(o);
  /* a later submission is the one in force; the earlier one is kept */
  write_text(f, "{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 2022, \"criteria\": [\n"
                "  {\"criterion\": \"1.2\", \"points\": 0.5, \"evidence\": [{\"document\": \"Báo cáo\"}]}]}}\n");
  r = cli_run((const char *const[]){"--db", golden_db, "self-assess", f, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  o = cli_json((const char *const[]){"--db", golden_db, "reconcile", "--year", "2022", "--unit", "muong-te",
                                     "--format", "json", NULL});
  cr_expect_eq(hundredths(crit_of(o, "1.2"), "difference"), 0);
  cJSON_Delete(o);
  cr_expect_eq(sql_int(golden_db, "SELECT COUNT(*) FROM self_assessments WHERE criterion='1.2'"), 2);
  cr_expect_neq(sql_exec(golden_db, "UPDATE self_assessments SET points=0"), 0, "append-only");
  /* the text names the deductions and the unit's explanation */
  r = cli_run((const char *const[]){"--db", golden_db, "reconcile", "--year", "2022", "--unit", "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Tiêu chí") && strstr(r.out, "Chênh lệch"), "%s", r.out);
  cli_free(&r);
  remove_tree(dir);
  free(f); free(dir);
}

Test(levels, a_bad_self_assessment_is_refused_whole, .init = golden_setup, .fini = golden_teardown) {
  static const struct { const char *text, *want; } bad[] = {
    {"{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 2022, \"criteria\": [\n"
     "  {\"criterion\": \"1.1\", \"points\": 2, \"evidence\": [{\"document\": \"A\"}]},\n"
     "  {\"criterion\": \"1.2\", \"points\": 1.555, \"evidence\": [{\"document\": \"A\"}]}]}}\n",
     ":3: points: must be a number from 0 with at most two decimals (criterion 1.2)"},
    {"{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 2022, \"criteria\": [\n"
     "  {\"criterion\": \"1.1\", \"points\": 2}]}}\n",
     ":2: criterion 1.1: no evidence: the unit must give an explanation"},
    {"{\"self_assessment\": {\"unit\": \"nowhere\", \"year\": 2022, \"criteria\": []}}\n", "unknown unit 'nowhere'"},
    {"{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 2022, \"criteria\": [\n"
     "  {\"criterion\": \"1.1\", \"points\": -1, \"explanation\": \"x\"}]}}\n", ":2: points:"},
    {"{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 2022, \"criteria\": [\n"
     "  {\"criterion\": \"1.1\", \"points\": 1, \"evidence\": [{\"document\": \"A\", \"date\": \"2022-02-30\"}]}]}}\n",
     ":2: date: '2022-02-30' is not a real date"},
    {"{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 2022, \"criteria\": [\n"
     "  {\"criterion\": \"1.1\", \"points\": 1, \"explanation\": \"x\"},\n"
     "  {\"criterion\": \"1.1\", \"points\": 2, \"explanation\": \"y\"}]}}\n", ":3: criterion 1.1: given twice"},
    {"{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 012}}\n", ":1:"},
    /* a member given twice: cJSON would keep the first, the file meant one of them */
    {"{\"self_assessment\": {\"unit\": \"muong-te\", \"year\": 2022,\n \"year\": 2021, \"criteria\": []}}\n",
     ":1: year: member given twice in one object"},
    {"{\"self_assessment\": {\"unit\": \"M\xc6\xb0\xe1\xbb\x9dng \xff\"}}\n", ":1:37: invalid UTF-8"},
  };
  char *dir = tmp_folder(), *f = path_join(dir, "self.json");
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    write_text(f, bad[i].text);
    cli_result r = cli_run((const char *const[]){"--db", golden_db, "self-assess", f, NULL});
    cr_expect_eq(r.status, 1, "case %zu", i);
    cr_expect(strstr(r.err, "self.json") && strstr(r.err, bad[i].want), "case %zu: %s", i, r.err);
    cli_free(&r);
  }
  cr_expect_eq(sql_int(golden_db, "SELECT COUNT(*) FROM self_assessments"), 0, "nothing stored");
  remove_tree(dir);
  free(f); free(dir);
}

static cli_result adjust(const char *db, const char *crit, const char *points) {
  return cli_run((const char *const[]){"--db", db, "adjust", "--year", "2022", "--unit", "muong-te", "--criterion", crit,
                                       "--points", points, "--reason", "Hội đồng xem xét lại minh chứng", "--role",
                                       "Tổ trưởng Tổ thẩm định", "--document", "Biên bản số 05/BB-TTĐ", "--date",
                                       "2023-04-20", "--round", "2", NULL});
}

Test(levels, an_adjustment_changes_the_result_shows_in_explain_and_survives_verify, .init = golden_setup,
     .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);                                             /* run 1: before any adjustment */
  r = adjust(golden_db, "2.1", "-0.5");
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = adjust(golden_db, "1.5", "+1");
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cJSON *o = cli_json((const char *const[]){"--db", golden_db, "score", "--year", "2022", "--unit", "muong-te",
                                            "--format", "json", NULL});
  cr_expect_eq(llround(cJSON_GetObjectItem(o, "par_index")->valuedouble * 100), 6584 - 50 + 100);
  cJSON_Delete(o);
  r = cli_run((const char *const[]){"--db", golden_db, "explain", "--year", "2022", "--unit", "muong-te", "--criterion",
                                    "1.5", NULL});
  cr_expect(strstr(r.out, "+1,00  Điều chỉnh của Tổ trưởng Tổ thẩm định theo Biên bản số 05/BB-TTĐ ngày 20/04/2023 "
                          "(thẩm định vòng 2): Hội đồng xem xét lại minh chứng") != NULL, "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "tasks", "--year", "2022", "--unit", "muong-te", "--office",
                                    "tu-phap", NULL});
  cr_expect(strstr(r.out, "[2.1] chủ trì: Khắc phục: Điều chỉnh của Tổ trưởng") != NULL, "a taking adjustment implies a task: %s",
            r.out);
  cli_free(&r);
  for (const char *run = "1"; run; run = strcmp(run, "1") ? NULL : "2") {   /* both runs verify */
    r = cli_run((const char *const[]){"--db", golden_db, "verify", run, NULL});
    cr_expect_eq(r.status, 0, "verify %s: %s%s", run, r.out, r.err);
    cli_free(&r);
  }
  cr_expect_neq(sql_exec(golden_db, "UPDATE adjustments SET change=-200"), 0, "never edited");
  cr_assert_eq(sql_exec(golden_db, "DROP TRIGGER adjustments_no_update; UPDATE adjustments SET change=-200 WHERE id=1"), 0);
  r = cli_run((const char *const[]){"--db", golden_db, "verify", "2", NULL});
  cr_expect_eq(r.status, 1, "an adjustment edited by hand is found");
  cr_expect(strstr(r.out, "muong-te: differs from the stored ledger") != NULL, "%s", r.out);
  cli_free(&r);
  r = adjust(golden_db, "9.9", "-1");
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "no criterion '9.9'") != NULL, "%s", r.err);
  cli_free(&r);
  r = adjust(golden_db, "1.1", "0.555");
  cr_expect_eq(r.status, 2, "%s", r.err);
  cli_free(&r);
}

Test(levels, publish_freezes_a_year_and_a_later_run_does_not_change_what_the_report_cites, .init = golden_setup,
     .fini = golden_teardown) {
  const char *pub[] = {"--db", golden_db, "publish", "--year", "2022", "--decision", "701/QĐ-UBND", "--date",
                       "2023-05-24", NULL};
  cli_result r = cli_run(pub);
  cr_expect_eq(r.status, 1, "nothing scored yet");
  cr_expect(strstr(r.err, "parindex score --year 2022 first") != NULL, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "score", "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run(pub);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "published 2022 for the district units: run 1 (8 units), 701/QĐ-UBND of 2023-05-24") != NULL,
            "%s", r.out);
  cli_free(&r);
  /* later: an adjustment, new facts, a new run */
  r = adjust(golden_db, "1.5", "+1");
  cli_free(&r);
  r = import_corrected_figure(golden_db);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "score", "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "65,84") == NULL, "the new run scores the new facts: %s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "| 2022 | 42,56 | 23,28 | 65,84 | 7 |") != NULL, "the report cites the published run: %.2000s", r.out);
  cr_expect(strstr(r.out, "Quyết định số 701/QĐ-UBND, ngày 24/5/2023") != NULL, "and its decision");
  cli_free(&r);
  /* the decision is the store's, not only the documents folder's */
  char *empty = tmp_folder();
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", "--documents",
                                    empty, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Quyết định số 701/QĐ-UBND, ngày 24/5/2023") != NULL, "%.2000s", r.out);
  cli_free(&r);
  free(empty);
  cJSON *o = cli_json((const char *const[]){"--db", golden_db, "rank", "--year", "2022", "--kind", "district",
                                            "--format", "json", NULL});
  const cJSON *u;
  cJSON_ArrayForEach(u, cJSON_GetObjectItem(o, "units"))
    if (!strcmp(cJSON_GetObjectItem(u, "unit")->valuestring, "muong-te"))
      cr_expect_eq(llround(cJSON_GetObjectItem(u, "par_index")->valuedouble * 100), 6584);
  cJSON_Delete(o);
  r = cli_run(pub);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "already published") != NULL, "%s", r.err);
  cli_free(&r);
  cr_expect_neq(sql_exec(golden_db, "UPDATE publications SET run=3"), 0, "never changed");
}

Test(levels, a_run_is_marked_as_an_appraisal_round, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "score", "--year", "2022", "--kind", "district",
                                               "--round", "2", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cJSON *o = cli_json((const char *const[]){"--db", golden_db, "runs", "--format", "json", NULL});
  const cJSON *run = cJSON_GetArrayItem(o, 0);
  cr_assert_not_null(run, "one run");
  cr_expect_eq(cJSON_GetObjectItem(run, "round")->valueint, 2);
  cr_expect_eq(cJSON_GetObjectItem(run, "units")->valueint, 8, "--kind district: the districts only");
  cJSON_Delete(o);
  r = cli_run((const char *const[]){"--db", golden_db, "score", "--year", "2022", "--round", "3", NULL});
  cr_expect_eq(r.status, 2);
  cr_expect_eq(r.out[0], '\0', "nothing printed");
  cli_free(&r);
}

Test(levels, an_offices_plan_takes_the_kind_whose_rulebook_gives_it_work, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "plan", "--year", "2022", "--office", "xa-mot-cua", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "· 14 đơn vị") != NULL, "the communes: %s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "plan", "--year", "2022", "--office", "noi-vu", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "· 8 đơn vị") != NULL, "the districts: %s", r.out);
  cli_free(&r);
}

Test(levels, a_communes_report_is_marked_illustrative, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "xa-pa-ve-su", "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Số liệu của xã Pa Vệ Sử trong báo cáo này là số liệu minh họa") != NULL, "%.1500s", r.out);
  cr_expect(strstr(r.out, "Bộ tiêu chí chấm điểm năm 2022 là bộ tiêu chí minh họa, không phải bộ tiêu chí thật: "
                          "quyết định của UBND huyện Mường Tè") != NULL, "the rulebook says it is illustrative");
  /* the province's decision on the districts is not the communes' */
  cr_expect(strstr(r.out, "701/QĐ-UBND") == NULL, "%.1500s", r.out);
  cr_expect(strstr(r.out, "công bố tại Quyết định số …, ngày …") != NULL, "a blank to fill in: %.1500s", r.out);
  cr_expect(strstr(r.out, "Huyện Mường Tè") == NULL || strstr(r.out, "| 1 | Thị trấn Mường Tè (*)") != NULL,
            "ranked among the communes of Mường Tè");
  cli_free(&r);
}

Test(levels, a_kinds_first_year_is_its_own_when_another_kind_has_the_year_before) {
  char *dir = tmp_folder(), *db = path_join(dir, "parindex.db");
  cli_result r = cli_run((const char *const[]){"--db", db, "import", "data/lai-chau/units.json",
                                               "data/lai-chau/muong-te-2021.json", "data/lai-chau/muong-te-2022.json",
                                               "data/lai-chau/xa-muong-te-2022.json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  /* the communes have no 2021 (the districts have): the commune's report speaks of 2022 alone */
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "xa-pa-ve-su", "--year", "2022", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Năm 2022 là năm đầu tiên có kết quả đánh giá") != NULL, "%.1500s", r.out);
  cli_free(&r);
  /* and the district's report still compares with 2021 */
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "năm 2021 và năm 2022") != NULL, "%.1500s", r.out);
  cli_free(&r);
  remove_tree(dir);
  free(db); free(dir);
}
