/*
** test_verify.c -- the audit trail, tried as a user would: score, edit a
** rule, verify and explain --run; runs; facts corrected after a run; the
** append-only run tables under a direct sqlite3 DELETE; a change in an
** extended rulebook; a schema-1 store upgraded with its old runs.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "store.h"

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

/* A change that moves points between appraisal and survey keeps every
** component's points and the total: verify still names it. */
Test(audit, a_component_moved_to_survey_is_a_difference) {
  char *db = bundled_store(), *dir = copy_2022();
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--rules", dir, "--year", "2022", "--unit",
                                               "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  edit(dir, "00_chi_so.lua", "\"6\", \"7\" },", "\"6\" },");
  edit(dir, "00_chi_so.lua", "survey    = { \"8\" }", "survey    = { \"7\", \"8\" }");
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 1, "%s%s", r.out, r.err);
  cr_expect(strstr(r.out, "muong-te: differs from the stored ledger"), "%s", r.out);
  cr_expect(strstr(r.out, "muong-te: appraisal points "), "%s", r.out);
  cr_expect_null(strstr(r.out, "PAR index"), "%s", r.out);
  cli_free(&r);
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
           "CREATE TEMP TABLE c AS SELECT * FROM run_components; CREATE TEMP TABLE k AS SELECT * FROM run_criteria;"
           " CREATE TEMP TABLE d AS SELECT run,unit,criterion,seq,requested,points,reason,facts,tasks FROM run_deductions;"
           " DROP INDEX units_kind; DROP TABLE self_assessments; DROP TABLE adjustments; DROP TABLE run_adjustments;"
           " DROP TABLE publications; DROP TABLE published_results; DROP TABLE published_decisions;"
           " DROP TABLE run_chain; DROP TABLE fact_texts; DROP TABLE run_audit;"
           " DROP TABLE run_facts; DROP TABLE run_unit_facts;"
           " DROP TABLE run_offices; DROP TABLE run_files; DROP TABLE rule_texts;"
           " UPDATE d SET facts = (SELECT json_group_array(json_object('key', value)) FROM json_each(d.facts));"
           " DROP VIEW run_components; DROP VIEW run_criteria; DROP VIEW run_deductions; DROP VIEW run_unit_digests;"
           " ALTER TABLE run_components_v3 RENAME TO run_components; ALTER TABLE run_criteria_v3 RENAME TO run_criteria;"
           " ALTER TABLE run_deductions_v3 RENAME TO run_deductions;"
           " INSERT INTO run_components SELECT * FROM c; INSERT INTO run_criteria SELECT * FROM k;"
           " INSERT INTO run_deductions SELECT * FROM d; ALTER TABLE run_units DROP COLUMN ledger;"
           " ALTER TABLE run_units DROP COLUMN name; ALTER TABLE run_units DROP COLUMN kind;"
           " ALTER TABLE run_units DROP COLUMN parent; ALTER TABLE run_units DROP COLUMN keys_sha256;"
           " ALTER TABLE run_units DROP COLUMN facts_sha256; ALTER TABLE run_units DROP COLUMN facts;"
           " ALTER TABLE run_units DROP COLUMN ledger_sha256; DROP TABLE fact_history; DROP TABLE imports;"
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
