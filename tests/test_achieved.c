/*
** test_achieved.c -- what went well, stated by the rules from the facts
** (u.achieved): Mường Tè 2022's report says what the published report says
** (22/22 plan tasks, 67.279/58.000 triệu đồng at 116%, 30/30 targets, from
** tests/golden/muong-te-published.json; 100% of offices on the document
** system, from the seed report's I.2.2.3), each in its component's
** paragraph; a changed fact changes the statement; explain shows it (text
** and JSON) with its facts and rule line; the stored run keeps it: explain
** --run shows it as it was, verify names a statement that the rules now
** state otherwise, and an edited statement breaks the ledger's digest.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define db golden_db         /* the fixture of helpers.h */

static char *run_ok(const char *const *args) {
  cli_result r = cli_run(args);
  cr_assert_eq(r.status, 0, "%s", r.err);
  char *out = r.out;
  r.out = NULL;
  cli_free(&r);
  return out;
}

static char *report_md(const char *lang) {
  return run_ok((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", "--lang", lang, NULL});
}

/* The golden 2022 fact: facts_stated.name. */
static long long stated(const char *name) {
  const cJSON *y = cJSON_GetObjectItem(cJSON_GetObjectItem(golden, "years"), "2022");
  const cJSON *v = cJSON_GetObjectItem(cJSON_GetObjectItem(y, "facts_stated"), name);
  cr_assert(cJSON_IsNumber(v), "golden facts_stated.%s", name);
  return (long long)v->valuedouble;
}

/* n with dots between thousands, as the report writes it: 67279 -> "67.279". */
static const char *dotted(char *buf, size_t n, long long v) {
  char d[32];
  int len = snprintf(d, sizeof d, "%lld", v), o = 0;
  for (int i = 0; i < len && (size_t)o + 2 < n; i++) {
    if (i && (len - i) % 3 == 0) buf[o++] = '.';
    buf[o++] = d[i];
  }
  buf[o] = '\0';
  return buf;
}

/* The text of the report's section that starts at heading (up to the next heading). */
static char *section(const char *md, const char *heading) {
  const char *p = strstr(md, heading);
  cr_assert_not_null(p, "no section '%s'", heading);
  const char *end = strstr(p + strlen(heading), "\n#");
  size_t n = end ? (size_t)(end - p) : strlen(p);
  char *s = malloc(n + 1);
  cr_assert_not_null(s);
  memcpy(s, p, n);
  s[n] = '\0';
  return s;
}

/* The four statements of the published report, from the golden figures. */
static void expected(char s[4][512]) {
  char a[32], b[32];
  long long rev = stated("budget_revenue_million_vnd"), plan = stated("budget_revenue_plan_million_vnd");
  long long pct = (rev * 100 + plan / 2) / plan;      /* half up: 67279/58000 = 115,998...% -> 116% */
  snprintf(s[0], 512, "Hoàn thành %lld/%lld nhiệm vụ của Kế hoạch CCHC năm 2022 đã đề ra (đạt 100%%)",
           stated("par_plan_tasks_done"), stated("par_plan_tasks_total"));
  snprintf(s[1], 512, "Tổng thu NSNN trên địa bàn %s/%s triệu đồng, đạt %lld%%, vượt chỉ tiêu kế hoạch giao",
           dotted(a, sizeof a, rev), dotted(b, sizeof b, plan), pct);
  snprintf(s[2], 512, "với %lld/%lld chỉ tiêu đạt kế hoạch giao", stated("socioeconomic_targets_met"),
           stated("socioeconomic_targets_total"));
  /* the seed report, I.2.2.3: "100% các cơ quan, đơn vị; UBND các xã, thị trấn đã sử dụng hệ thống
  ** quản lý văn bản và điều hành" (not in the golden file) */
  snprintf(s[3], 512, "100%% các cơ quan, đơn vị, UBND các xã, thị trấn đã sử dụng hệ thống quản lý văn bản và điều hành");
}

Test(achieved, the_report_says_what_went_well_where_the_seed_says_it, .init = golden_setup, .fini = golden_teardown) {
  char s[4][512];
  expected(s);
  cr_expect_str_eq(s[1], "Tổng thu NSNN trên địa bàn 67.279/58.000 triệu đồng, đạt 116%, vượt chỉ tiêu kế hoạch giao");
  char *md = report_md("vi");
  const char *where[4] = {"##### 2.1.1. Lĩnh vực 1:", "##### 2.1.5. Lĩnh vực 8:", "##### 2.1.5. Lĩnh vực 8:",
                          "##### 2.2.3. Lĩnh vực 7:"};
  for (int i = 0; i < 4; i++) {
    char *sec = section(md, where[i]);
    const char *p = strstr(sec, "**Kết quả đạt được:** ");
    cr_expect(p && strstr(p, s[i]), "'%s' is not in the paragraph of what went well of %s:\n%s", s[i], where[i], sec);
    free(sec);
  }
  /* once each: the statements are the component's, not repeated elsewhere */
  for (int i = 0; i < 4; i++) {
    const char *first = strstr(md, s[i]);
    cr_expect(first && !strstr(first + 1, s[i]), "'%s' is not in the report exactly once", s[i]);
  }
  free(md);
  /* English: the frame is English, the statements are the rules' own words, as reasons are */
  md = report_md("en");
  char *sec = section(md, "##### 2.1.1. Component 1:");
  char want[600];
  snprintf(want, sizeof want, "**What went well:** %s. Full points in 3 of 7 criteria:", s[0]);
  cr_expect(strstr(sec, want), "want '%s' in:\n%s", want, sec);
  free(sec);
  free(md);
}

/* The statement is computed: a corrected fact changes it, and a fact that no
** longer earns full points turns it into a deduction. */
Test(achieved, a_changed_fact_changes_the_statement, .init = golden_setup, .fini = golden_teardown) {
  char *dir = tmp_folder(), *f = path_join(dir, "corrected.json");
  write_text(f, "{\"unit\": \"muong-te\", \"year\": 2022, \"source\": \"Báo cáo điều chỉnh\", \"facts\": ["
                "{\"key\": \"thu_ngan_sach_thuc_hien\", \"value\": 1234567},"
                "{\"key\": \"ke_hoach_cchc_nhiem_vu_hoan_thanh\", \"value\": 21},"
                "{\"key\": \"chi_tieu_ktxh_tong\", \"value\": 31}, {\"key\": \"chi_tieu_ktxh_dat\", \"value\": 31}]}");
  free(run_ok((const char *const[]){"--db", db, "import", f, NULL}));
  char *md = report_md("vi");
  cr_expect(strstr(md, "Tổng thu NSNN trên địa bàn 1.234.567/58.000 triệu đồng, đạt 2129%, vượt chỉ tiêu kế hoạch giao"),
            "the statement does not follow the fact:\n%s", md);
  cr_expect_null(strstr(md, "67.279"), "the old figure is still stated");
  cr_expect(strstr(md, "với 31/31 chỉ tiêu đạt kế hoạch giao"), "the targets do not follow the facts");
  cr_expect_null(strstr(md, "22/22 nhiệm vụ"), "21 of 22 tasks done is not 22/22");   /* (the drafted I.3.1 says
                                                     "22/22 hoạt động": the officer's words, data/.../narrative) */
  cr_expect_null(strstr(md, "nhiệm vụ của Kế hoạch CCHC năm 2022 đã đề ra"), "a plan not completed is stated as achieved");
  cr_expect(strstr(md, "Hoàn thành 21/22 nhiệm vụ của Kế hoạch CCHC năm 2022 (95,45%)"), "no deduction for 21/22:\n%s", md);
  free(md);
  free(f);
  remove_tree(dir);
  free(dir);
}

Test(achieved, explain_shows_the_statement_with_its_facts_and_rule_line, .init = golden_setup, .fini = golden_teardown) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s/01_chi_dao_dieu_hanh.lua", PARINDEX_SOURCE_DIR, R2022);
  int line = line_of_text(path, "u.achieved(\"Hoàn thành");
  cr_assert_gt(line, 0);
  char *out = run_ok((const char *const[]){"--db", db, "explain", "--year", "2022", "--unit", "muong-te", "--criterion",
                                           "1.1", NULL});
  char want[512];
  snprintf(want, sizeof want, "      đạt được: Hoàn thành 22/22 nhiệm vụ của Kế hoạch CCHC năm 2022 đã đề ra (đạt 100%%)\n"
                              "             quy tắc: %s/01_chi_dao_dieu_hanh.lua:%d\n"
                              "             dữ kiện: ke_hoach_cchc_nhiem_vu = 22 (", R2022, line);
  cr_expect(strstr(out, want), "want:\n%s\nin:\n%s", want, out);
  free(out);
  out = run_ok((const char *const[]){"--db", db, "explain", "--year", "2022", "--unit", "muong-te", "--criterion",
                                     "7.2", "--format", "json", NULL});
  cJSON *o = cJSON_Parse(out);
  cr_assert_not_null(o);
  const cJSON *c = cJSON_GetArrayItem(cJSON_GetObjectItem(o, "criteria"), 0);
  const cJSON *a = cJSON_GetObjectItem(c, "achieved"), *a0 = cJSON_GetArrayItem(a, 0);
  cr_assert_eq(cJSON_GetArraySize(a), 1, "%s", out);
  cr_expect_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(a0, "statement")),
                   "100% các cơ quan, đơn vị, UBND các xã, thị trấn đã sử dụng hệ thống quản lý văn bản và điều hành");
  const cJSON *facts = cJSON_GetObjectItem(a0, "facts");
  cr_expect_eq(cJSON_GetArraySize(facts), 1, "the statement names only its own fact (:facts)");
  cr_expect_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(facts, 0), "key")),
                   "ty_le_co_quan_xa_su_dung_he_thong_qlvb");
  cr_expect_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(facts, 0), "value")->valuedouble, 100);
  cr_expect(strstr(cJSON_GetStringValue(cJSON_GetObjectItem(a0, "at")), "/07_chinh_quyen_so.lua:"), "%s", out);
  cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(c, "deductions")), 1, "the signature share still loses 0,26");
  cJSON_Delete(o);
  free(out);
}

/* A run keeps its statements: explain --run shows them as they were after
** the rules changed, verify names the statement that now reads otherwise,
** and an edited statement no longer matches the ledger's digest. */
Test(achieved, the_stored_run_keeps_and_verifies_the_statements) {
  char *store = bundled_store(), *dir = tmp_folder(), *rules = path_join(dir, "2022"), cmd[8192];
  snprintf(cmd, sizeof cmd, "cp -r '%s/%s' '%s'", PARINDEX_SOURCE_DIR, R2022, rules);
  cr_assert_eq(system(cmd), 0);
  free(run_ok((const char *const[]){"--db", store, "score", "--rules", rules, "--year", "2022", "--unit", "muong-te", NULL}));
  cr_expect_eq(sql_int(store, "SELECT count(*) FROM run_units WHERE run=1 AND ledger LIKE '%22/22 nhiệm vụ%'"), 1,
               "the statement is not in the stored ledger");
  cli_result r = cli_run((const char *const[]){"--db", store, "verify", "1", NULL});
  cr_expect_eq(r.status, 0, "%s", r.out);
  cli_free(&r);
  edit(rules, "01_chi_dao_dieu_hanh.lua", "đã đề ra (đạt %.0f%%)", "(đạt %.0f%%)");
  char *now = run_ok((const char *const[]){"--db", store, "explain", "--run", "1", "--criterion", "1.1", NULL});
  cr_expect(strstr(now, "đạt được: Hoàn thành 22/22 nhiệm vụ của Kế hoạch CCHC năm 2022 đã đề ra (đạt 100%)"),
            "explain --run does not show the statement as stored:\n%s", now);
  free(now);
  r = cli_run((const char *const[]){"--db", store, "verify", "1", NULL});
  cr_expect_eq(r.status, 1, "%s", r.out);
  cr_expect(strstr(r.out, "muong-te: criterion 1.1 achieved 1: \"Hoàn thành 22/22 nhiệm vụ của Kế hoạch CCHC năm 2022 đã "
                          "đề ra (đạt 100%)\" at "), "%s", r.out);
  cr_expect(strstr(r.out, " -> \"Hoàn thành 22/22 nhiệm vụ của Kế hoạch CCHC năm 2022 (đạt 100%)\" at "), "%s", r.out);
  cli_free(&r);
  cr_assert_eq(sql_exec(store, "DROP TRIGGER run_units_no_update; UPDATE run_units SET ledger=replace(ledger,"
                               "'Hoàn thành 22/22','Hoàn thành 23/22') WHERE run=1"), 0);
  r = cli_run((const char *const[]){"--db", store, "verify", "1", NULL});
  cr_expect_eq(r.status, 1, "%s", r.out);
  cr_expect(strstr(r.out, "unit muong-te: its stored ledger no longer matches its digest"), "%s", r.out);
  cli_free(&r);
  free(rules);
  remove_tree(dir);
  free(dir);
  free(store);
}
