/*
** test_golden.c -- every figure of the published Mường Tè report, computed
** from the bundled facts and rules. The expected figures come from
** tests/golden/muong-te-published.json, a transcription of the report
** (../shared/domain/), never from this code.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define db golden_db         /* the fixture of helpers.h */
#define published golden

static cJSON *run_json(const char *cmd, const char *year, const char *unit) {
  cli_result r = cli_run((const char *const[]){"--db", db, cmd, "--year", year, "--unit", unit,
                                               "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "parindex %s --year %s failed: %s", cmd, year, r.err);
  cJSON *o = cJSON_Parse(r.out);
  cr_assert_not_null(o, "not JSON: %s", r.out);
  cli_free(&r);
  return o;
}

static double num(const cJSON *o, const char *name) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
  cr_assert(cJSON_IsNumber(v), "missing number '%s'", name);
  return v->valuedouble;
}

/* Both sides are decimal literals with at most two decimals: compare in hundredths. */
static void expect_points(double got, double want, const char *what, const char *year) {
  cr_expect_eq(llround(got * 100), llround(want * 100), "%s %s: got %.2f, published %.2f",
               year, what, got, want);
}

static void check_year(const char *year) {
  const cJSON *pub = cJSON_GetObjectItem(cJSON_GetObjectItem(published, "years"), year);
  cJSON *got = run_json("score", year, "muong-te");
  expect_points(num(got, "par_index"), num(pub, "par_index"), "par_index", year);
  expect_points(num(got, "appraisal_points"), num(pub, "appraisal_points"), "appraisal_points", year);
  expect_points(num(got, "survey_points"), num(pub, "survey_points"), "survey_points", year);
  const cJSON *pc = cJSON_GetObjectItem(pub, "components"), *c;
  const cJSON *gc = cJSON_GetObjectItem(got, "components");
  int n = 0;
  cJSON_ArrayForEach(c, pc) {
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(gc, c->string);
    cr_assert_not_null(g, "%s: component %s missing", year, c->string);
    char what[64];
    snprintf(what, sizeof what, "component %s points", c->string);
    expect_points(num(g, "points"), num(c, "points"), what, year);
    snprintf(what, sizeof what, "component %s max", c->string);
    expect_points(num(g, "max"), num(c, "max"), what, year);
    snprintf(what, sizeof what, "component %s percent", c->string);
    expect_points(num(g, "percent"), num(c, "percent"), what, year);
    if (cJSON_GetObjectItem(c, "rank_within_unit"))
      cr_expect_eq(num(g, "rank_within_unit"), num(c, "rank_within_unit"),
                   "%s component %s rank inside the unit", year, c->string);
    n++;
  }
  cr_expect_eq(n, 8);
  cr_expect_eq(cJSON_GetArraySize(gc), 8, "the rulebook has 8 components");
  cJSON_Delete(got);
}

TestSuite(golden, .init = golden_setup, .fini = golden_teardown, .timeout = 60);

Test(golden, year_2022_totals_and_components) { check_year("2022"); }
Test(golden, year_2021_totals_and_components) { check_year("2021"); }

Test(golden, change_of_the_index_2021_to_2022) {
  cJSON *a = run_json("score", "2021", "muong-te"), *b = run_json("score", "2022", "muong-te");
  const cJSON *change = cJSON_GetObjectItem(
      cJSON_GetObjectItem(cJSON_GetObjectItem(published, "years"), "2022"), "change_vs_2021");
  expect_points(num(b, "par_index") - num(a, "par_index"), num(change, "par_index_points"),
                "change of par_index", "2022");
  cJSON_Delete(a);
  cJSON_Delete(b);
}

/* A published points_lost entry: "1.2" names a criterion; "1.x" says only
** the component, so it matches a criterion of that component that the
** report does not name elsewhere. */
static const cJSON *match_lost(const cJSON *lost, const cJSON *pub_lost, const cJSON *entry) {
  const char *id = cJSON_GetObjectItem(entry, "criterion")->valuestring;
  double pts = num(entry, "points");
  size_t comp_len = strcspn(id, ".");
  int open = strcmp(id + comp_len, ".x") == 0;
  const cJSON *g;
  cJSON_ArrayForEach(g, lost) {
    const char *gid = cJSON_GetObjectItem(g, "criterion")->valuestring;
    if (!open) {
      if (!strcmp(gid, id)) return g;
      continue;
    }
    if (strncmp(gid, id, comp_len + 1) || llround(num(g, "points") * 100) != llround(pts * 100)) continue;
    int named = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, pub_lost) named |= !strcmp(cJSON_GetObjectItem(p, "criterion")->valuestring, gid);
    if (!named) return g;
  }
  return NULL;
}

Test(golden, every_published_point_lost_is_explained) {
  const cJSON *pub_lost = cJSON_GetObjectItem(
      cJSON_GetObjectItem(cJSON_GetObjectItem(published, "years"), "2022"), "points_lost");
  cJSON *got = run_json("explain", "2022", "muong-te");
  const cJSON *lost = cJSON_GetObjectItem(got, "points_lost"), *e;
  cr_assert(cJSON_IsArray(lost));
  cJSON_ArrayForEach(e, pub_lost) {
    const char *id = cJSON_GetObjectItem(e, "criterion")->valuestring;
    const cJSON *g = match_lost(lost, pub_lost, e);
    cr_expect_not_null(g, "published loss %s (%.2f) not found", id, num(e, "points"));
    if (!g) continue;
    expect_points(num(g, "points"), num(e, "points"), id, "2022");
    const cJSON *why = cJSON_GetObjectItem(g, "why");
    cr_expect(cJSON_IsString(why) && strlen(why->valuestring) > 10, "%s has no reason", id);
  }
  cJSON_Delete(got);
}

/* Facts the report states, and the criterion whose reason must carry them
** (as the report prints them: dates dd/mm/yyyy, decimal comma). */
static const struct { const char *crit, *text; } stated[] = {
  {"1.2", "24/06/2022"}, {"1.2", "19/06/2022"}, {"1.2", "2175/STC-TCHCSN"},
  {"1.7", "51"}, {"6.1", "1424/KL-STC"}, {"6.2", "2/42"}, {"6.5", "72/171"},
  {"7.1", "3/5"}, {"7.1", "60"}, {"7.2", "86,75"}, {"7.3", "10,71"}, {"7.3", "15,2"},
  {"3.4", "51"}, {"6.5", "42"},
};

Test(golden, reasons_carry_the_stated_facts) {
  cJSON *got = run_json("explain", "2022", "muong-te");
  const cJSON *lost = cJSON_GetObjectItem(got, "points_lost");
  for (size_t i = 0; i < sizeof stated / sizeof *stated; i++) {
    const cJSON *g, *found = NULL;
    cJSON_ArrayForEach(g, lost)
      if (!strcmp(cJSON_GetObjectItem(g, "criterion")->valuestring, stated[i].crit)) found = g;
    cr_expect_not_null(found, "criterion %s lost no points", stated[i].crit);
    if (!found) continue;
    const char *why = cJSON_GetObjectItem(found, "why")->valuestring;
    cr_expect(strstr(why, stated[i].text) != NULL, "criterion %s: reason lacks '%s': %s",
              stated[i].crit, stated[i].text, why);
  }
  cJSON_Delete(got);
}

/* max − points = Σ deductions, for every criterion of every bundled year. */
static void check_ledger(const char *year) {
  cJSON *got = run_json("explain", year, "muong-te");
  const cJSON *crits = cJSON_GetObjectItem(got, "criteria"), *c;
  cr_assert(cJSON_GetArraySize(crits) >= 30, "%s: only %d criteria", year, cJSON_GetArraySize(crits));
  cJSON_ArrayForEach(c, crits) {
    const char *id = cJSON_GetObjectItem(c, "criterion")->valuestring;
    const cJSON *pts = cJSON_GetObjectItem(c, "points");
    if (cJSON_IsNull(pts)) continue;                    /* not applicable */
    long long sum = 0;
    const cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItem(c, "deductions")) {
      sum += llround(num(d, "points") * 100);
      cr_expect(cJSON_GetArraySize(cJSON_GetObjectItem(d, "tasks")) > 0, "%s %s: a deduction without a task", year, id);
      cr_expect(cJSON_GetArraySize(cJSON_GetObjectItem(d, "facts")) > 0, "%s %s: a deduction without facts", year, id);
    }
    cr_expect_eq(llround(num(c, "max") * 100) - llround(pts->valuedouble * 100), sum,
                 "%s criterion %s: max - points != sum of deductions", year, id);
  }
  cJSON_Delete(got);
}

Test(golden, ledger_balances_2022) { check_ledger("2022"); }
Test(golden, ledger_balances_2021) { check_ledger("2021"); }

Test(golden, tasks_go_to_the_published_offices) {
  const cJSON *resp = cJSON_GetObjectItem(published, "responsibilities_2023");
  cJSON *got = run_json("tasks", "2022", "muong-te");
  const cJSON *offices = cJSON_GetObjectItem(got, "offices"), *o;
  cr_assert(cJSON_GetArraySize(offices) >= 4, "tasks for only %d offices", cJSON_GetArraySize(offices));
  cJSON_ArrayForEach(o, offices) {
    const char *id = cJSON_GetObjectItem(o, "office")->valuestring;
    cr_expect_not_null(cJSON_GetObjectItem(resp, id), "office %s is not one of responsibilities_2023", id);
    const cJSON *t;
    cJSON_ArrayForEach(t, cJSON_GetObjectItem(o, "tasks")) {
      cr_expect(cJSON_IsString(cJSON_GetObjectItem(t, "criterion")));
      cr_expect(num(t, "points") >= 0);
      cr_expect(strlen(cJSON_GetObjectItem(t, "task")->valuestring) > 5);
    }
  }
  cJSON_Delete(got);
}

Test(golden, text_output_is_vietnamese_with_a_decimal_comma) {
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "65,84") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "42,56") != NULL);
  cr_expect(strstr(r.out, "23,28") != NULL);
  cr_expect(strstr(r.out, "7,07") != NULL);
  cr_expect(strstr(r.out, "PAR INDEX") != NULL);
  cr_expect(strstr(r.out, "65.84") == NULL);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", "--lang", "en", NULL});
  cr_assert_eq(r.status, 0);
  cr_expect(strstr(r.out, "65.84") != NULL);
  cr_expect(strstr(r.out, "Appraisal points") != NULL);
  cli_free(&r);
}
