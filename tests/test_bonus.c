/*
** test_bonus.c -- bonus and penalty points (điểm thưởng, điểm trừ) with
** their caps, and "not applicable" both ways (rescaled, or full points when
** nothing of its kind arose), through the real binary on the test rulebook
** tests/rulebooks/bonus/2022 and its facts (the expected figures are worked
** out by hand from that rulebook's text), and on the illustrative commune
** rulebook. Hostile bonus functions are cases of tests/hostile (`-- in: bonus`).
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define RB "tests/rulebooks/bonus/2022"

static char *dir, *db;

static void setup(void) {
  dir = tmp_folder();
  db = path_join(dir, "parindex.db");
  cli_result r = cli_run((const char *const[]){"--db", db, "import", "tests/rulebooks/bonus/facts.json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
}

static void teardown(void) {
  remove_tree(dir);
  free(db);
  free(dir);
}

TestSuite(bonus, .init = setup, .fini = teardown, .timeout = 60);

static long hundredths(const cJSON *o, const char *name) {
  const cJSON *v = cJSON_GetObjectItem(o, name);
  cr_assert(cJSON_IsNumber(v), "no number '%s'", name);
  return lround(v->valuedouble * 100);
}

/* A copy of the test rulebook at dir/name (malloc'd path). */
static char *copy_rules(const char *name) {
  char *rules = path_join(dir, name), cmd[1024];
  snprintf(cmd, sizeof cmd, "rm -rf %s && cp -r " PARINDEX_SOURCE_DIR "/" RB " %s", rules, rules);
  cr_assert_eq(system(cmd), 0);
  return rules;
}

static cJSON *explain(const char *unit) {
  return cli_json((const char *const[]){"--db", db, "explain", "--rules", RB, "--year", "2022", "--unit", unit,
                                        "--format", "json", NULL});
}

/* Item id's k-th line (0-based) in an explain JSON. */
static const cJSON *line_of(const cJSON *o, const char *id, int k) {
  const cJSON *x;
  cJSON_ArrayForEach(x, cJSON_GetObjectItem(o, "extras"))
    if (!strcmp(cJSON_GetObjectItem(x, "id")->valuestring, id)) return cJSON_GetArrayItem(cJSON_GetObjectItem(x, "lines"), k);
  return NULL;
}

static const cJSON *criterion_of(const cJSON *o, const char *id) {
  const cJSON *c;
  cJSON_ArrayForEach(c, cJSON_GetObjectItem(o, "criteria"))
    if (!strcmp(cJSON_GetObjectItem(c, "criterion")->valuestring, id)) return c;
  return NULL;
}

/* A: 19 points; T1 asks 1 + 1 (item max 1,5: the second gives 0,5), T2 asks
** 1 (the bonus cap 2 leaves 0,5); P1 takes 1: 19 + 2 − 1 = 20. */
Test(bonus, each_item_its_max_then_the_total_caps_in_order) {
  cJSON *o = explain("a");
  cr_expect_eq(hundredths(o, "par_index"), 2000);
  cr_expect_eq(hundredths(o, "appraisal_points") + hundredths(o, "survey_points"), 1900);
  cr_expect_eq(hundredths(o, "bonus_points"), 200);
  cr_expect_eq(hundredths(o, "penalty_points"), 100);
  const cJSON *t1a = line_of(o, "T1", 0), *t1b = line_of(o, "T1", 1), *t2 = line_of(o, "T2", 0), *p1 = line_of(o, "P1", 0);
  cr_assert(t1a && t1b && t2 && p1, "every line is in the ledger");
  cr_expect_eq(hundredths(t1a, "points"), 100);
  cr_expect_str_eq(cJSON_GetObjectItem(t1a, "capped_by")->valuestring, "none");
  cr_expect_eq(hundredths(t1b, "points"), 50);
  cr_expect_eq(hundredths(t1b, "requested"), 100);
  cr_expect_str_eq(cJSON_GetObjectItem(t1b, "capped_by")->valuestring, "item");
  cr_expect_eq(hundredths(t2, "points"), 50);
  cr_expect_str_eq(cJSON_GetObjectItem(t2, "capped_by")->valuestring, "total");
  cr_expect_eq(hundredths(p1, "points"), 100);
  /* each line with its reason, its rule line and the facts it read */
  cr_expect(strstr(cJSON_GetObjectItem(t1a, "why")->valuestring, "Một cửa di động") != NULL);
  cr_expect(strstr(cJSON_GetObjectItem(t1a, "at")->valuestring, RB "/00_chi_so.lua:") != NULL);
  cr_expect_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(t1a, "facts"), 0), "key")->valuestring,
                   "sang_kien");
  const cJSON *caps = cJSON_GetObjectItem(o, "caps");
  cr_expect_eq(hundredths(caps, "bonus_cap"), 200);
  cr_expect_eq(hundredths(caps, "penalty_cap"), 300);
  cr_expect(cJSON_IsFalse(cJSON_GetObjectItem(caps, "exceed_total")));
  cJSON_Delete(o);
}

/* B: P1 asks 5: the item's max 4, then the penalty cap 3. C: 20 points and a
** bonus of 1: the index stays at 20. D: 0 points and a penalty of 3: it
** stays at 0. */
Test(bonus, the_penalty_cap_and_the_index_bounds) {
  cJSON *b = explain("b"), *c = explain("c"), *d = explain("d");
  cr_expect_eq(hundredths(b, "par_index"), 1400);
  cr_expect_eq(hundredths(b, "penalty_points"), 300);
  cr_expect_str_eq(cJSON_GetObjectItem(line_of(b, "P1", 0), "capped_by")->valuestring, "total");
  cr_expect_eq(hundredths(c, "par_index"), 2000);
  cr_expect_eq(hundredths(c, "bonus_points"), 0);
  cr_expect_eq(hundredths(line_of(c, "T2", 0), "requested"), 100);
  cr_expect_str_eq(cJSON_GetObjectItem(line_of(c, "T2", 0), "capped_by")->valuestring, "index");
  cr_expect_eq(hundredths(d, "par_index"), 0);
  cr_expect_str_eq(cJSON_GetObjectItem(line_of(d, "P1", 0), "capped_by")->valuestring, "index");
  cJSON_Delete(b); cJSON_Delete(c); cJSON_Delete(d);
  cli_result r = cli_run((const char *const[]){"--db", db, "explain", "--rules", RB, "--year", "2022", "--unit", "c",
                                               "--criterion", "T2", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "(đề nghị 1,00; chỉ số không vượt quá 20,00: chỉ tính 0,00)") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "1.1") == NULL, "--criterion T2 shows the item only:\n%s", r.out);
  cli_free(&r);
}

/* With exceed_total = true the bonus lifts C to 21 of 20. */
Test(bonus, exceed_total_is_the_rulebook_s_choice) {
  char *rules = copy_rules("rules");
  edit(rules, "00_chi_so.lua", "exceed_total = false", "exceed_total = true");
  cJSON *o = cli_json((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", "--unit", "c",
                                            "--format", "json", NULL});
  cr_expect_eq(hundredths(o, "par_index"), 2100);
  cr_expect_eq(hundredths(o, "bonus_points"), 100);
  cJSON_Delete(o);
  free(rules);
}

/* 1.2 of A: nothing arose, full points (not rescaled); 2.1 of B is left out
** and component 2 rescaled: 4/5 × 10 = 8. */
Test(bonus, not_applicable_both_ways) {
  cJSON *a = explain("a"), *b = explain("b");
  const cJSON *full = criterion_of(a, "1.2"), *rescaled = criterion_of(b, "2.1");
  cr_expect_eq(hundredths(full, "points"), 500);
  cr_expect(cJSON_IsString(cJSON_GetObjectItem(full, "not_arisen")), "1.2 says nothing arose");
  cr_expect_null(cJSON_GetObjectItem(full, "not_applicable"));
  cr_expect(cJSON_IsNull(cJSON_GetObjectItem(rescaled, "points")));
  cr_expect_eq(hundredths(cJSON_GetObjectItem(cJSON_GetObjectItem(b, "components"), "2"), "points"), 800);
  cJSON_Delete(a); cJSON_Delete(b);
  cli_result r = cli_run((const char *const[]){"--db", db, "explain", "--rules", RB, "--year", "2022", "--unit", "a",
                                               "--criterion", "1.2", NULL});
  cr_expect(strstr(r.out, "5,00/5,00 (không phát sinh: đạt điểm tối đa: Không phát sinh văn bản") != NULL, "%s", r.out);
  cli_free(&r);
}

/* The stored run holds the lines (ledger JSON, its digest); explain --run
** shows them as they were and verify re-scores them byte for byte; a
** changed item's max is named as a change. */
Test(bonus, the_stored_run_verifies_and_a_changed_cap_is_found) {
  char *rules = copy_rules("rules");
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  char *ledger = sql_text(db, "SELECT ledger FROM run_units WHERE unit='a'");
  cr_expect(ledger && strstr(ledger, "\"extras\":[[\"T1\",100,100,"), "%s", ledger);
  free(ledger);
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  cli_free(&r);
  cli_result now = cli_run((const char *const[]){"--db", db, "explain", "--rules", rules, "--year", "2022", "--unit", "a", NULL});
  edit(rules, "00_chi_so.lua", "max = 1.5", "max = 1");
  cli_result was = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", "--unit", "a", NULL});
  cr_expect_eq(was.status, 0, "%s", was.err);
  cr_expect_str_eq(was.out, now.out, "explain --run shows the run as it was");
  cli_free(&now); cli_free(&was);
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 1, "a changed max: %s", r.out);
  cr_expect(strstr(r.out, "a: ") != NULL && strstr(r.out, "00_chi_so.lua") != NULL, "%s", r.out);
  cli_free(&r);
  /* a hand edit of a stored bonus line is found by the ledger's digest */
  cr_assert_eq(sql_exec(db, "DROP TRIGGER run_units_no_update; UPDATE run_units SET ledger="
                            "replace(ledger,'[\"T1\",100,50,','[\"T1\",100,100,') WHERE unit='a'"), 0);
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "unit a: its stored ledger no longer matches its digest") ||
            strstr(r.err, "unit a: its stored ledger no longer matches its digest"), "%s%s", r.out, r.err);
  cli_free(&r);
  free(rules);
}

/* A penalty implies its tasks (lead and support), credited its points; a
** bonus none. */
Test(bonus, a_penalty_implies_a_task) {
  cJSON *o = cli_json((const char *const[]){"--db", db, "tasks", "--rules", RB, "--year", "2022", "--unit", "a",
                                            "--format", "json", NULL});
  int lead = 0, support = 0, bonus = 0;
  const cJSON *of, *t;
  cJSON_ArrayForEach(of, cJSON_GetObjectItem(o, "offices"))
    cJSON_ArrayForEach(t, cJSON_GetObjectItem(of, "tasks")) {
      const char *c = cJSON_GetObjectItem(t, "criterion")->valuestring, *role = cJSON_GetObjectItem(t, "role")->valuestring;
      if (!strcmp(c, "P1") && !strcmp(role, "lead")) {
        lead++;
        cr_expect_eq(hundredths(t, "points"), 100);
        cr_expect_str_eq(cJSON_GetObjectItem(t, "office")->valuestring, "noi-vu");
      }
      if (!strcmp(c, "P1") && !strcmp(role, "support")) support++;
      if (c[0] == 'T') bonus++;
    }
  cr_expect_eq(lead, 1);
  cr_expect_eq(support, 1);
  cr_expect_eq(bonus, 0, "a bonus implies no task");
  cJSON_Delete(o);
}

/* Declarations that are refused at their line. */
static void refused(const char *body, const char *want) {
  char *rules = copy_rules("bad");
  put_file(rules, "10_bad.lua", body);
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", NULL});
  cr_expect_eq(r.status, 1, "%s: exit %d", body, r.status);
  cr_expect(strstr(r.err, "10_bad.lua:") && strstr(r.err, want), "%s\nwant '%s' in: %s", body, want, r.err);
  cli_free(&r);
  free(rules);
}

Test(bonus, bad_declarations_are_refused_at_their_line) {
  refused("bonus \"T9\" { name = \"x\", max = 0, owner = \"noi-vu\", score = function() end }", "bonus T9: 'max' must be above 0");
  refused("penalty \"P9\" { name = \"x\", max = 1, owner = \"nobody\", score = function() end }", "unknown owner office 'nobody'");
  refused("bonus \"T9\" { name = \"x\", max = 1, owner = \"noi-vu\", cap = 2, score = function() end }", "cap");
  refused("bonus \"T1\" { name = \"x\", max = 1, owner = \"noi-vu\", score = function() end }", "bonus T1: declared twice");
  refused("bonus \"1.1\" { name = \"x\", max = 1, owner = \"noi-vu\", score = function() end }", "a criterion has this id");
  refused("penalty \"P9\" { name = \"x\", max = 1, owner = \"noi-vu\", score = function(u) u.award(1, \"x\") end }",
          "penalty P9 (a, 2022): u.award: only a bonus awards points");
  refused("criterion \"9.9\" { component = \"1\", name = \"x\", max = 0, owner = \"noi-vu\", when_not_applicable = \"maybe\","
          " score = function() end }", "'when_not_applicable' must be \"rescale\"");
}

/* The illustrative commune rulebook: Thị trấn Mường Tè asks 3 bonus points
** (2 initiatives, an award) and is held by the cap (2) and then by the
** index maximum (98,05 + 1,95 = 100); Xã Ka Lăng loses 1 for a disciplined
** official; the report says both. Mường Tè district keeps its 65,84. */
Test(bonus, the_illustrative_communes, .init = golden_setup, .fini = golden_teardown) {
  cJSON *o = cli_json((const char *const[]){"--db", golden_db, "explain", "--year", "2022", "--unit", "tt-muong-te",
                                            "--format", "json", NULL});
  cr_expect_eq(hundredths(o, "par_index"), 10000);
  cr_expect_eq(hundredths(o, "bonus_points"), 195);
  cJSON_Delete(o);
  o = cli_json((const char *const[]){"--db", golden_db, "score", "--year", "2022", "--unit", "xa-ka-lang",
                                     "--format", "json", NULL});
  cr_expect_eq(hundredths(o, "penalty_points"), 100);
  cJSON_Delete(o);
  o = cli_json((const char *const[]){"--db", golden_db, "score", "--year", "2022", "--unit", "muong-te",
                                     "--format", "json", NULL});
  cr_expect_eq(hundredths(o, "par_index"), 6584);
  cr_expect_null(cJSON_GetObjectItem(o, "bonus_points"), "the district rulebook declares no bonus");
  cJSON_Delete(o);
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--year", "2022", "--unit", "xa-ka-lang", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "bị trừ 1,00 điểm") && strstr(r.out, "P1 (điểm trừ)"), "%s", r.out);
  cli_free(&r);
}
