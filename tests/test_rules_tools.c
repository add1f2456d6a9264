/*
** test_rules_tools.c -- the rule authoring tools and the audit trail, tried
** as a user would: rules check / test / diff, runs, verify, explain --run,
** and the append-only run tables under a direct sqlite3 DELETE.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "store.h"

#define R2021 "rules/lai-chau/district/2021"
#define R2022 "rules/lai-chau/district/2022"

/* A copy of the bundled 2022 rulebook in a fresh folder; returns its path. */
static char *copy_2022(void) {
  char *dir = tmp_folder(), cmd[4096];
  snprintf(cmd, sizeof cmd, "cp -r '%s/" R2022 "/.' '%s/'", PARINDEX_SOURCE_DIR, dir);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  return dir;
}

/* Replace the first `from` in file by `to`. */
static void edit(const char *dir, const char *name, const char *from, const char *to) {
  char *path = path_join(dir, name);
  char *text = read_text(path, NULL);
  cr_assert_not_null(text, "%s", path);
  char *at = strstr(text, from);
  cr_assert_not_null(at, "'%s' not in %s", from, path);
  size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
  char *out = malloc(n);
  snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
  write_text(path, out);
  free(out); free(text); free(path);
}

Test(rules_check, bundled_rulebooks_are_clean) {
  char *db = bundled_store();
  for (int y = 0; y < 2; y++) {
    cli_result r = cli_run((const char *const[]){"--db", db, "rules", "check", y ? R2022 : R2021, NULL});
    cr_expect_eq(r.status, 0, "rules check %d: %s%s", y, r.out, r.err);
    cr_expect(strstr(r.out, "no problems found"), "%s", r.out);
    cli_free(&r);
  }
  free(db);
}

Test(rules_check, criterion_max_raised_names_file_line_and_both_sums) {
  char *dir = copy_2022();
  /* 1.6: max 1,5 -> 2 */
  edit(dir, "01_chi_dao_dieu_hanh.lua", "max    = 1.5,\n  owner  = \"van-phong\"", "max    = 2,\n  owner  = \"van-phong\"");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  char want[4200];
  snprintf(want, sizeof want, "%s/00_chi_so.lua:21: component 1: its 7 criteria sum to 14, not its max 13,5", dir);
  cr_expect(strstr(r.out, want), "expected '%s' in:\n%s", want, r.out);
  cli_free(&r);
  free(dir);
}

Test(rules_check, reports_every_problem_not_just_the_first) {
  char *dir = copy_2022();
  edit(dir, "02_the_che.lua", "criterion \"2.1\" {", "criterion \"2.1\" {)");            /* syntax error, line 9 */
  edit(dir, "03_thu_tuc_hanh_chinh.lua", "local qua_han = u.fact(\"ho_so_tra_qua_han\")",
       "local qua_han = u.fact(\"ho_so_tra_qua_han\") + tong_typo");                          /* undefined global */
  edit(dir, "05_che_do_cong_vu.lua", "params = { diem = 1 },", "params = { diem = 1, thua = 2 },");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  char want[4200];
  snprintf(want, sizeof want, "%s/02_the_che.lua:9:", dir);
  cr_expect(strstr(r.out, want), "syntax error with file and line expected in:\n%s", r.out);
  cr_expect(strstr(r.out, "03_thu_tuc_hanh_chinh.lua:73: undefined global 'tong_typo'"), "%s", r.out);
  cli_free(&r);
  /* with the syntax error fixed, the unused param shows too */
  edit(dir, "02_the_che.lua", "criterion \"2.1\" {)", "criterion \"2.1\" {");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "criterion 5.2: param 'thua' is declared but never used"), "%s", r.out);
  cr_expect(strstr(r.out, "undefined global 'tong_typo'"), "%s", r.out);
  cr_expect(strstr(r.out, "2 problems"), "%s", r.out);
  cli_free(&r);
  free(dir);
}

Test(rules_check, owners_and_task_offices_come_from_the_store) {
  char *db = bundled_store(), *dir = copy_2022();
  edit(dir, "00_chi_so.lua", "owner = \"tu-phap\"", "owner = \"tu-phap-x\"");
  edit(dir, "02_the_che.lua", ":task(\"tu-phap\", \"Tham mưu ban hành kế hoạch theo dõi",
       ":task(\"tuphap\", \"Tham mưu ban hành kế hoạch theo dõi");
  cli_result r = cli_run((const char *const[]){"--db", db, "rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "component 2: unknown owner office 'tu-phap-x'"), "%s", r.out);
  cr_expect(strstr(r.out, "02_the_che.lua:19: task for unknown office 'tuphap'"), "%s", r.out);
  cli_free(&r);
  free(db); free(dir);
}

static void expect_tests_pass(const char *dir) {
  cli_result r = cli_run((const char *const[]){"rules", "test", dir, NULL});
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  int passed = -1, failed = -1, tested = -1, ncrit = -1, ran = -1, sites = -1;
  const char *p = strstr(r.out, " passed, ");
  while (p && p > r.out && p[-1] != '\n') p--;
  cr_assert(p && sscanf(p, "%d passed, %d failed", &passed, &failed) == 2, "%s", r.out);
  const char *c = strstr(r.out, "coverage: ");
  cr_assert(c && sscanf(c, "coverage: %d of %d criteria tested, %d of %d", &tested, &ncrit, &ran, &sites) == 4, "%s", r.out);
  cr_expect_eq(failed, 0);
  cr_expect_eq(ncrit, 37, "the Lai Châu rulebooks have 37 criteria");
  cr_expect_geq(passed, ncrit);
  cr_expect_eq(tested, ncrit, "every criterion has a test");
  cr_expect_eq(ran, sites, "every u.lose ran");
  cli_free(&r);
}

Test(rules_test, bundled_2022_full_coverage) { expect_tests_pass(R2022); }
Test(rules_test, bundled_2021_full_coverage) { expect_tests_pass(R2021); }

Test(rules_test, a_wrong_expectation_fails_with_file_line_expected_and_actual) {
  char *dir = copy_2022();
  edit(dir, "tests/tieu_chi.lua", "criterion = \"1.6\", points = 1,", "criterion = \"1.6\", points = 1.5,");
  cli_result r = cli_run((const char *const[]){"rules", "test", dir, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "tests/tieu_chi.lua:55: test '1.6 một nhiệm vụ quá hạn': criterion 1.6: "
                          "expected 1,5 points, got 1"), "%s", r.out);
  cr_expect(strstr(r.out, "56 passed, 1 failed"), "%s", r.out);
  cli_free(&r);
  free(dir);
}

Test(rules_diff, lists_the_component_maxima_of_the_glossary) {
  static const char *const want[] = {
    "component 1: max 14 → 13,5", "component 2: max 6 → 5", "component 3: max 14 → 13,5",
    "component 4: max 7 → 7,5", "component 5: max 6,5 → 8", "component 6: max 7,5 → 7",
    "component 7: max 12 → 12,5", "8: 33 (unchanged)", "criterion 7.3: param chi_tieu_so_hoa 20 → 40", NULL};
  cli_result r = cli_run((const char *const[]){"rules", "diff", R2021, R2022, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  for (const char *const *w = want; *w; w++) cr_expect(strstr(r.out, *w), "'%s' missing in:\n%s", *w, r.out);
  cli_free(&r);
}

Test(rules_diff, effect_on_a_unit) {
  char *db = bundled_store();
  cli_result r = cli_run((const char *const[]){"--db", db, "rules", "diff", R2021, R2022, "--unit", "muong-te",
                                               "--year", "2022", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  /* 2022 facts under the 2022 rules give the published 65,84 */
  cr_expect(strstr(r.out, "→ 65,84"), "%s", r.out);
  cr_expect(strstr(r.out, "criterion 1.6   2/2 → 1,5/1,5 (-0,5 points)"), "%s", r.out);
  cli_free(&r);
  free(db);
}

Test(audit, score_edit_verify_explain_run) {
  char *db = bundled_store(), *dir = copy_2022();
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--rules", dir, "--year", "2022", "--unit",
                                               "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cli_result before = cli_run((const char *const[]){"--db", db, "explain", "--rules", dir, "--year", "2022",
                                                    "--unit", "muong-te", "--format", "json", NULL});
  cr_assert_eq(before.status, 0);
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  cr_expect(strstr(r.out, "identical, byte for byte"), "%s", r.out);
  cli_free(&r);
  /* edit a rule: 1.2 deducts 1 per late report instead of 0,5 */
  edit(dir, "01_chi_dao_dieu_hanh.lua", "params = { tru_moi_bao_cao = 0.5 }", "params = { tru_moi_bao_cao = 1 }");
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "changed  "), "%s", r.out);
  cr_expect(strstr(r.out, "/01_chi_dao_dieu_hanh.lua (sha256 "), "%s", r.out);
  cr_expect(strstr(r.out, "muong-te: criterion 1.2 0,5/2,5 -> 0/2,5"), "%s", r.out);
  cli_free(&r);
  /* the run is shown as it was */
  cli_result after = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", "--format", "json", NULL});
  cr_expect_eq(after.status, 0, "%s", after.err);
  cr_expect_str_eq(after.out, before.out);
  cli_free(&after);
  cli_free(&before);
  free(db); free(dir);
}

Test(audit, facts_changed_since_are_named) {
  char *db = bundled_store();
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  /* a corrected figure arrives: the store keeps the value the run read */
  r = import_corrected_figure(db);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "ho_so_tra_qua_han"), "the import should list the update:\n%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", "--unit", "muong-te", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "51"), "the run shows the value it read:\n%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "changed  muong-te/ho_so_tra_qua_han (51 -> 3)"), "%s", r.out);
  cr_expect(strstr(r.out, "identical, byte for byte"), "re-scoring uses the stored facts:\n%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "runs", "--format", "json", NULL});
  cr_expect(strstr(r.out, "\"rules_sha256\":"), "%s", r.out);
  cr_expect(strstr(r.out, "\"facts_sha256\":"), "%s", r.out);
  cli_free(&r);
  free(db);
}

Test(audit, run_tables_refuse_delete_and_update) {
  static const char *const sql[] = {
    "DELETE FROM runs", "DELETE FROM run_deductions", "DELETE FROM facts", "UPDATE facts SET value = 0",
    "DELETE FROM run_files",
    "DELETE FROM rule_texts", "UPDATE run_audit SET rules_sha256='x'", "DELETE FROM run_audit", NULL};
  char *db = bundled_store(), cmd[4096];
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  for (const char *const *q = sql; *q; q++) {
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' \"%s\" 2>/dev/null", db, *q);
    cr_expect_neq(system(cmd), 0, "'%s' should fail", *q);
  }
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 0, "%s", r.out);
  cli_free(&r);
  free(db);
}

/* ---- yearly inheritance ---- */

/* The JSON without the keys that name files or carry the basis text. */
static char *json_without_places(const char *text) {
  cJSON *o = cJSON_Parse(text);
  cr_assert_not_null(o, "not JSON: %s", text);
  cJSON *stack[4096];
  int n = 0;
  stack[n++] = o;
  while (n) {
    cJSON *x = stack[--n];
    cJSON_DeleteItemFromObjectCaseSensitive(x, "basis");
    cJSON_DeleteItemFromObjectCaseSensitive(x, "defined_at");
    cJSON_DeleteItemFromObjectCaseSensitive(x, "rules");
    cJSON_DeleteItemFromObjectCaseSensitive(x, "run");          /* the stored run's number */
    for (cJSON *c = x->child; c; c = c->next)
      if ((cJSON_IsObject(c) || cJSON_IsArray(c)) && n < 4096) stack[n++] = c;
  }
  char *s = cJSON_Print(o);
  cJSON_Delete(o);
  return s;
}

Test(inheritance, bundled_2021_scores_like_its_flat_form) {
  char *db = bundled_store();
  static const char *const cmds[] = {"score", "explain", "tasks"};
  for (int i = 0; i < 3; i++) {
    const char *const flat_args[] = {"--db", db, cmds[i], "--rules", "tests/rules-flat/2021", "--year", "2021",
                                     "--unit", "muong-te", "--format", "json", NULL};
    const char *const inh_args[] = {"--db", db, cmds[i], "--rules", R2021, "--year", "2021",
                                    "--unit", "muong-te", "--format", "json", NULL};
    cli_result a = cli_run(flat_args), b = cli_run(inh_args);
    cr_assert_eq(a.status, 0, "%s", a.err);
    cr_assert_eq(b.status, 0, "%s", b.err);
    char *x = json_without_places(a.out), *y = json_without_places(b.out);
    cr_expect_str_eq(y, x, "%s differs between the flat and the inherited 2021", cmds[i]);
    cJSON_free(x); cJSON_free(y);
    cli_free(&a); cli_free(&b);
  }
  /* and the diff between the two forms shows nothing but basis texts and the 1.3/6.3 notes */
  cli_result r = cli_run((const char *const[]){"rules", "diff", "tests/rules-flat/2021", R2021, NULL});
  cr_expect_eq(r.status, 0);
  cr_expect_null(strstr(r.out, ": max "), "%s", r.out);
  cr_expect_null(strstr(r.out, "owner"), "%s", r.out);
  cli_free(&r);
  free(db);
}

/* A rulebook folder next to a copy of 2022 that extends it with `body`. */
static char *child_of_2022(const char *body) {
  char *root = tmp_folder(), cmd[4096];
  snprintf(cmd, sizeof cmd, "mkdir -p '%s/2022' '%s/2021' && cp -r '%s/" R2022 "/.' '%s/2022/'", root, root,
           PARINDEX_SOURCE_DIR, root);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  char *dir = path_join(root, "2021"), *file = path_join(dir, "00_a.lua");
  write_text(file, body);
  free(file); free(root);
  return dir;
}

Test(inheritance, mistakes_in_changes_are_reported_with_file_and_line) {
  char *dir = child_of_2022("extends \"../2022\"\n"
                            "change_criterion \"1.6\" { max = 2, params = { tru_moi_nhiem_vuu = 1 } }\n");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "2021/00_a.lua:2: change_criterion 1.6: params has no 'tru_moi_nhiem_vuu' to change"), "%s", r.out);
  cli_free(&r);
  char *file = path_join(dir, "00_a.lua");
  write_text(file, "extends \"../2022\"\nchange_criterion \"1.8\" { max = 2 }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: change_criterion 1.8: no such criterion in the extended rulebook"), "%s", r.out);
  cli_free(&r);
  write_text(file, "extends \"../2022\"\nchange_criterion \"1.6\" { max = 2 }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  /* the sum is the component's: reported where component 1 is declared */
  cr_expect(strstr(r.out, "2022/00_chi_so.lua:21: component 1: its 7 criteria sum to 14, not its max 13,5"), "%s", r.out);
  cli_free(&r);
  write_text(file, "component \"9\" { name = \"x\", max = 1, owner = \"noi-vu\" }\nextends \"../2022\"\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: extends must come first, before any declaration"), "%s", r.out);
  cli_free(&r);
  free(file); free(dir);
}

Test(inheritance, added_removed_replaced_criteria) {
  char *dir = child_of_2022(
    "extends \"../2022\"\n"
    "change_component \"6\" { max = 6.5, owner = \"noi-vu\" }\n"
    "remove_criterion \"6.4\"\n"
    "replace_criterion \"6.5\" { name = \"Mới\", max = 1, owner = \"noi-vu\",\n"
    "  score = function(u) if not u.fact(\"x\") then u.lose(1, \"không x\") end end }\n"
    "change_component \"8\" { max = 33.5 }\n"
    "change_index { total = 100 }\n"
    "criterion \"8.6\" { name = \"Thêm\", max = 0.5, owner = \"noi-vu\", score = function() end }\n");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  cli_free(&r);
  char *base = path_join(dir, "../2022");
  r = cli_run((const char *const[]){"rules", "diff", base, dir, NULL});
  static const char *const want[] = {"component 6: max 7 → 6,5", "component 6: owner tai-chinh-ke-hoach → noi-vu",
    "criterion 6.4 removed", "criterion 6.5: name", "criterion 6.5: owner tai-chinh-ke-hoach → noi-vu",
    "criterion 6.5: param diem removed", "criterion 8.6 added: Thêm (max 0,5, component 8)", NULL};
  for (const char *const *w = want; *w; w++) cr_expect(strstr(r.out, *w), "'%s' missing in:\n%s", *w, r.out);
  cli_free(&r);
  free(base); free(dir);
}

Test(audit, a_change_in_the_extended_rulebook_is_named) {
  char *db = bundled_store(), *dir = child_of_2022(""), cmd[4096];
  snprintf(cmd, sizeof cmd, "rm '%s/00_a.lua' && cp '%s/" R2021 "/'*.lua '%s/'", dir, PARINDEX_SOURCE_DIR, dir);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--rules", dir, "--year", "2021", "--unit",
                                               "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cli_result before = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", "--format", "json", NULL});
  cr_assert_eq(before.status, 0, "%s", before.err);
  char *base = path_join(dir, "../2022");
  edit(base, "01_chi_dao_dieu_hanh.lua", "params = { tru_moi_bao_cao = 0.5 }", "params = { tru_moi_bao_cao = 1 }");
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "2022/01_chi_dao_dieu_hanh.lua (sha256 "), "%s", r.out);
  cr_expect(strstr(r.out, "criterion 1.2 1/2,5 -> 0/2,5"), "%s", r.out);
  cli_free(&r);
  cli_result after = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", "--format", "json", NULL});
  cr_expect_str_eq(after.out, before.out);
  cli_free(&after); cli_free(&before);
  free(base); free(db); free(dir);
}

Test(audit, a_v1_store_is_upgraded_and_its_old_runs_still_show) {
  char *db = bundled_store(), cmd[8192];
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  /* turn it into a schema-1 store holding one run: the v2 and v3 tables go, the v4
  ** ledger becomes rows of the v1 tables (a v1 deduction held copies of its facts:
  ** here their keys), user_version 1 */
  snprintf(cmd, sizeof cmd, "sqlite3 '%s' \""
           "DROP TABLE fact_texts; DROP TABLE run_audit; DROP TABLE run_facts; DROP TABLE run_unit_facts;"
           " DROP TABLE run_offices; DROP TABLE run_files; DROP TABLE rule_texts;"
           " CREATE TEMP TABLE c AS SELECT * FROM run_components; CREATE TEMP TABLE k AS SELECT * FROM run_criteria;"
           " CREATE TEMP TABLE d AS SELECT * FROM run_deductions;"
           " UPDATE d SET facts = (SELECT json_group_array(json_object('key', value)) FROM json_each(d.facts));"
           " DROP VIEW run_components; DROP VIEW run_criteria; DROP VIEW run_deductions;"
           " ALTER TABLE run_components_v3 RENAME TO run_components; ALTER TABLE run_criteria_v3 RENAME TO run_criteria;"
           " ALTER TABLE run_deductions_v3 RENAME TO run_deductions;"
           " INSERT INTO run_components SELECT * FROM c; INSERT INTO run_criteria SELECT * FROM k;"
           " INSERT INTO run_deductions SELECT * FROM d; ALTER TABLE run_units DROP COLUMN ledger;"
           " ALTER TABLE run_units DROP COLUMN name; ALTER TABLE run_units DROP COLUMN kind;"
           " ALTER TABLE run_units DROP COLUMN parent; DROP TABLE fact_history; DROP TABLE imports;"
           " DROP TRIGGER facts_keep_history; DROP TRIGGER facts_no_delete; ALTER TABLE facts DROP COLUMN since;"
           " PRAGMA user_version=1;\"", db);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  r = cli_run((const char *const[]){"--db", db, "runs", "--format", "json", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "\"rules_sha256\":\tnull"), "%s", r.out);
  cli_free(&r);
  snprintf(cmd, sizeof cmd, "test \"$(sqlite3 '%s' 'PRAGMA user_version')\" = %d", db, STORE_SCHEMA_VERSION);
  cr_expect_eq(system(cmd), 0, "the store was not upgraded to version %d", STORE_SCHEMA_VERSION);
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "stored before the audit trail"), "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "7,07/13,50"), "%s", r.out);
  cr_expect(strstr(r.err, "predates the audit trail"), "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "verify", "2", NULL});
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  cli_free(&r);
  free(db);
}
