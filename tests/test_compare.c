/*
** test_compare.c -- compare: the published changes of Mường Tè 2021 → 2022
** (tests/golden/muong-te-published.json), changing maxima, --same-rules.
**
** The published report prints some percentages rounded differently
** ("percent_as_printed": 91,6 for 91,67...) and computes its changes from
** those printed figures (+8,4 for component 2). parindex computes each
** change from the exact percentages (points/max rounded half up to two
** decimals), so the expected change here is golden "percent" (2022) minus
** golden "percent" (2021), never the printed change. Signs, and so the
** rising and falling groups, agree with the report.
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

static cJSON *compare_json(const char *const *extra) {
  const char *args[32] = {"--db", db, "compare", "--unit", "muong-te", "--from", "2021", "--to", "2022",
                          "--format", "json"};
  int n = 11;
  for (; extra && *extra; extra++) args[n++] = *extra;
  args[n] = NULL;
  return cli_json(args);
}

static long long H(const cJSON *o, const char *name) {           /* a number in hundredths */
  const cJSON *v = cJSON_GetObjectItem(o, name);
  cr_assert(cJSON_IsNumber(v), "missing number '%s'", name);
  return llround(v->valuedouble * 100);
}

static const cJSON *at(const cJSON *o, const char *path) {       /* "a.b.c" */
  char buf[256], *save = NULL;
  snprintf(buf, sizeof buf, "%s", path);
  for (char *k = strtok_r(buf, ".", &save); k && o; k = strtok_r(NULL, ".", &save)) o = cJSON_GetObjectItem(o, k);
  cr_assert_not_null(o, "missing %s", path);
  return o;
}

static void expect_ids(const cJSON *got, const cJSON *want, const char *what) {
  cr_assert_eq(cJSON_GetArraySize(got), cJSON_GetArraySize(want), "%s: %d ids, published %d", what,
               cJSON_GetArraySize(got), cJSON_GetArraySize(want));
  for (int i = 0; i < cJSON_GetArraySize(want); i++)
    cr_expect_str_eq(cJSON_GetArrayItem(got, i)->valuestring, cJSON_GetArrayItem(want, i)->valuestring, "%s[%d]", what, i);
}

Test(compare, published_changes_2021_2022, .init = golden_setup, .fini = golden_teardown) {
  cJSON *o = compare_json(NULL);
  const cJSON *y21 = at(published, "years.2021"), *y22 = at(published, "years.2022");
  const cJSON *chg = at(y22, "change_vs_2021");
  cr_expect_eq(H(at(o, "par_index"), "change"), H(chg, "par_index_points"), "PAR index change");
  cr_expect_eq(H(at(o, "par_index"), "from"), H(y21, "par_index"));
  cr_expect_eq(H(at(o, "par_index"), "to"), H(y22, "par_index"));
  cr_expect_eq(at(o, "rank.from")->valueint, at(y21, "rank")->valueint);
  cr_expect_eq(at(o, "rank.to")->valueint, at(y22, "rank")->valueint);
  cr_expect_eq(at(o, "rank.places_gained")->valueint, -at(chg, "rank")->valueint, "rank unchanged");
  expect_ids(at(o, "rising_components"), at(chg, "rising_components"), "rising");
  expect_ids(at(o, "falling_components"), at(chg, "falling_components"), "falling");
  const cJSON *pc;
  cJSON_ArrayForEach(pc, at(y22, "components")) {
    const char *id = pc->string;
    const cJSON *gc = cJSON_GetObjectItem(at(o, "components"), id), *p21 = cJSON_GetObjectItem(at(y21, "components"), id);
    cr_assert_not_null(gc, "component %s missing", id);
    const cJSON *from = at(gc, "from"), *to = at(gc, "to");
    cr_expect_eq(H(from, "points"), H(p21, "points"), "%s from points", id);
    cr_expect_eq(H(from, "max"), H(p21, "max"), "%s from max", id);
    cr_expect_eq(H(from, "percent"), H(p21, "percent"), "%s from percent", id);
    cr_expect_eq(H(to, "points"), H(pc, "points"), "%s to points", id);
    cr_expect_eq(H(to, "max"), H(pc, "max"), "%s to max", id);
    cr_expect_eq(H(to, "percent"), H(pc, "percent"), "%s to percent", id);
    long long want = H(pc, "percent") - H(p21, "percent");       /* from the exact percentages */
    cr_expect_eq(H(gc, "change_percent_points"), want, "%s change: got %lld, exact %lld (hundredths)", id,
                 H(gc, "change_percent_points"), want);
    long long printed = H(at(chg, "component_percent_points"), id);
    cr_expect((want > 0) == (printed > 0), "%s: sign differs from the published change", id);
    if (cJSON_GetObjectItem(pc, "rank_within_unit"))
      cr_expect_eq(at(gc, "rank_within_unit")->valueint, at(pc, "rank_within_unit")->valueint, "%s rank inside", id);
    cr_expect_eq(cJSON_IsTrue(at(gc, "max_changed")), H(p21, "max") != H(pc, "max"), "%s max_changed", id);
  }
  cJSON_Delete(o);
}

Test(compare, changed_maximum_is_reported, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", db, "compare", "--unit", "muong-te", "--from", "2021", "--to",
                                               "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "[điểm tối đa đổi 14,00 → 13,50]") != NULL, "component 1's maximum change not said:\n%s", r.out);
  cr_expect(strstr(r.out, "Tăng (5): 1, 2, 3, 4, 8") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "Giảm (3): 5, 6, 7") != NULL, "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "compare", "--unit", "muong-te", "--from", "2021", "--to", "2022",
                                    "--format", "csv", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(!strncmp(r.out, "\xEF\xBB\xBFunit,component,", 18), "csv without BOM");
  cr_expect(strstr(r.out, "muong-te,1,Công tác chỉ đạo điều hành về cải cách hành chính,2021,7.00,14.00,50.00,2022,"
                          "7.07,13.50,52.37,2.37,true,7,") != NULL, "%s", r.out);
  cli_free(&r);
}

Test(compare, same_rules_splits_method_from_performance, .init = golden_setup, .fini = golden_teardown) {
  cJSON *o = compare_json((const char *const[]){"--same-rules", NULL});
  const cJSON *gc;
  cJSON_ArrayForEach(gc, at(o, "components")) {
    const cJSON *same = at(gc, "same_rules");
    cr_expect_eq(H(same, "max"), H(at(gc, "to"), "max"), "%s: the later rulebook's maximum", gc->string);
    cr_expect_eq(H(same, "change_from_rules") + H(same, "change_from_performance"), H(gc, "change_percent_points"),
                 "%s: the two parts must add up to the change", gc->string);
  }
  /* component 8 is scored the same way both years: the rules change nothing */
  cr_expect_eq(H(at(o, "components.8.same_rules"), "points"), H(at(o, "components.8.from"), "points"));
  cr_expect_eq(H(at(o, "components.8.same_rules"), "change_from_rules"), 0);
  cJSON_Delete(o);
}

Test(compare, same_rules_with_unchanged_rules_is_all_performance, .init = golden_setup, .fini = golden_teardown) {
  /* a root where both years use the (flat) 2022 rulebook: --same-rules must equal the earlier year */
  char *dir = tmp_folder(), cmd[4096];
  snprintf(cmd, sizeof cmd, "mkdir -p %s/r && cp -r %s/rules/lai-chau/district/2022 %s/r/2021 && "
                            "cp -r %s/rules/lai-chau/district/2022 %s/r/2022", dir, PARINDEX_SOURCE_DIR, dir,
           PARINDEX_SOURCE_DIR, dir);
  cr_assert_eq(system(cmd), 0);
  char *root = path_join(dir, "r");
  cJSON *o = compare_json((const char *const[]){"--rules", root, "--same-rules", NULL});
  const cJSON *gc;
  cJSON_ArrayForEach(gc, at(o, "components")) {
    cr_expect(cJSON_IsFalse(at(gc, "max_changed")), "%s: same rulebook, same maximum", gc->string);
    cr_expect_eq(H(at(gc, "same_rules"), "points"), H(at(gc, "from"), "points"), "%s", gc->string);
    cr_expect_eq(H(at(gc, "same_rules"), "change_from_rules"), 0, "%s", gc->string);
  }
  cr_expect_eq(H(o, "same_rules_par_index"), H(at(o, "par_index"), "from"));
  cJSON_Delete(o);
  free(root);
  free(dir);
}

Test(compare, usage_errors, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", db, "compare", "--unit", "muong-te", "--from", "2022", "--to",
                                               "2021", NULL});
  cr_expect_eq(r.status, 2);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "compare", "--unit", "nowhere", "--from", "2021", "--to", "2022", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "nowhere") != NULL, "%s", r.err);
  cli_free(&r);
}
