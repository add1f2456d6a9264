/*
** test_tamper.c -- the audit trail tried as an auditor would: rule paths
** whole whatever form --rules takes, each deduction's u.lose line, and every
** hand edit of a store made through the sqlite3 shell (with the triggers in
** place and with them dropped) named by verify; explain --run refuses to
** show an edited run as if it were the original.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static const char *const SOURCE = PARINDEX_SOURCE_DIR;

/* The line of SOURCE/R2022/file that holds text. */
static int line_of(const char *file, const char *text) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s/%s", SOURCE, R2022, file);
  int line = line_of_text(path, text);
  cr_assert_gt(line, 0, "no '%s' in %s", text, path);
  return line;
}

static cli_result verify(const char *db, const char *run) {
  return cli_run((const char *const[]){"--db", db, "verify", run, NULL});
}

static void score_2022(const char *db, const char *rules, const char *cwd) {
  cli_opts o = {.cwd = cwd};
  cli_result r = cli_run_opts(&o, (const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022",
                                                        "--unit", "muong-te", NULL});
  cr_assert_eq(r.status, 0, "score --rules %s: %s", rules, r.err);
  cli_free(&r);
}

/* Runs scored with a relative, an absolute and a "./...//" rules path all
** verify identical, from the source folder and from another one; explain
** --run prints what explain printed when the run was made. */
Test(tamper, every_form_of_rules_path_verifies_identical_from_any_folder) {
  char *db = bundled_store(), abs[4096], dotted[4096];
  snprintf(abs, sizeof abs, "%s/%s", SOURCE, R2022);
  snprintf(dotted, sizeof dotted, "./rules//lai-chau/./district/2022/");
  cli_result before = cli_run((const char *const[]){"--db", db, "explain", "--rules", R2022, "--year", "2022",
                                                    "--unit", "muong-te", "--format", "json", NULL});
  cr_assert_eq(before.status, 0, "%s", before.err);
  score_2022(db, R2022, NULL);
  score_2022(db, abs, NULL);
  score_2022(db, dotted, NULL);
  char *elsewhere = tmp_folder();
  for (int run = 1; run <= 3; run++) {
    char id[8];
    snprintf(id, sizeof id, "%d", run);
    for (int k = 0; k < 2; k++) {
      cli_opts o = {.cwd = k ? elsewhere : NULL};
      cli_result r = cli_run_opts(&o, (const char *const[]){"--db", db, "verify", id, NULL});
      cr_expect_eq(r.status, 0, "run %d from %s: %s%s", run, k ? elsewhere : "the source folder", r.out, r.err);
      cr_expect(strstr(r.out, "verdict: identical\n"), "%s", r.out);
      cli_free(&r);
    }
  }
  cli_result after = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", "--format", "json", NULL});
  cr_expect_eq(after.status, 0, "%s", after.err);
  cr_expect_str_eq(after.out, before.out);
  cli_free(&after);
  cli_free(&before);
  /* the absolute and the dotted form are shown whole and normalised */
  cli_result r = cli_run((const char *const[]){"--db", db, "explain", "--run", "3", "--format", "json", NULL});
  cr_expect(strstr(r.out, "\"defined_at\":\t\"rules/lai-chau/district/2022/01_chi_dao_dieu_hanh.lua:"), "%s", r.out);
  cr_expect_null(strstr(r.out, "./"), "%s", r.out);
  cr_expect_null(strstr(r.out, "//"), "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "explain", "--run", "2", "--format", "json", NULL});
  char want[4200];
  snprintf(want, sizeof want, "\"defined_at\":\t\"%s/01_chi_dao_dieu_hanh.lua:", abs);
  cr_expect(strstr(r.out, want), "want %s in:\n%s", want, r.out);
  cli_free(&r);
  remove_tree(elsewhere);
  free(elsewhere);
  free(db);
}

/* Criterion 1.7 of 2022 took five deductions: five u.lose lines. */
Test(tamper, each_deduction_names_its_u_lose_line) {
  char *db = bundled_store();
  cli_result r = cli_run((const char *const[]){"--db", db, "explain", "--year", "2022", "--unit", "muong-te",
                                               "--criterion", "1.7", "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  const char *p = r.out;
  int n = 0, last = 0;
  while ((p = strstr(p, "\"at\":\t\"" R2022 "/01_chi_dao_dieu_hanh.lua:"))) {
    p += strlen("\"at\":\t\"" R2022 "/01_chi_dao_dieu_hanh.lua:");
    int line = atoi(p);
    cr_expect_gt(line, last, "the lines should rise: %d after %d", line, last);
    last = line;
    n++;
  }
  cr_expect_eq(n, 5, "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "tasks", "--year", "2022", "--unit", "muong-te", "--lang", "en",
                                    NULL});
  cr_expect(strstr(r.out, " · " R2022 "/07_chinh_quyen_so.lua:"), "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "tasks", "--year", "2022", "--unit", "muong-te", "--format", "csv",
                                    NULL});
  cr_expect(strstr(r.out, ",why,at\r\n"), "%s", r.out);
  char want[4200];
  snprintf(want, sizeof want, ",%s/01_chi_dao_dieu_hanh.lua:%d\r\n", R2022,
           line_of("01_chi_dao_dieu_hanh.lua", "u.lose(tru, \"Có %d hồ sơ trả quá hạn"));
  cr_expect(strstr(r.out, want), "want %s in:\n%s", want, r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(DISTINCT at) FROM run_deductions WHERE criterion='1.7'"), 5);
  free(db);
}

/* A syntax error and a runtime error in a rule file deep in folders: the
** whole path and the real line. */
Test(tamper, errors_name_the_whole_path_and_line) {
  char *root = tmp_folder(), dir[2048], cmd[8192];
  snprintf(dir, sizeof dir, "%s/a-folder-name-long-enough-to-pass-lua-id-size/and-another-one/2022", root);
  snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp -r '%s/" R2022 "/.' '%s/'", dir, SOURCE, dir);
  cr_assert_eq(system(cmd), 0);
  char *db = bundled_store();
  edit(dir, "01_chi_dao_dieu_hanh.lua", "    local tru = p.tru_moi_han_che\n", "    local tru = p.tru_moi_han_che )\n");
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--rules", dir, "--year", "2022", NULL});
  char want[8192];
  int line = line_of("01_chi_dao_dieu_hanh.lua", "    local tru = p.tru_moi_han_che\n");
  snprintf(want, sizeof want, "%s/01_chi_dao_dieu_hanh.lua:%d: ", dir, line);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, want), "want %s in:\n%s", want, r.err);
  cli_free(&r);
  edit(dir, "01_chi_dao_dieu_hanh.lua", "    local tru = p.tru_moi_han_che )\n", "    local tru = p.tru_moi_han_che + nil\n");
  r = cli_run((const char *const[]){"--db", db, "score", "--rules", dir, "--year", "2022", "--unit", "muong-te", NULL});
  snprintf(want, sizeof want, "%s/01_chi_dao_dieu_hanh.lua:%d: criterion 1.7 (muong-te, 2022): ", dir, line);
  cr_expect(strstr(r.err, want), "want %s in:\n%s", want, r.err);
  snprintf(want, sizeof want, "\n\t%s/01_chi_dao_dieu_hanh.lua:%d: in ", dir, line);
  cr_expect(strstr(r.err, want), "the traceback is whole: want %s in:\n%s", want, r.err);
  cr_expect_null(strstr(r.err, "..."), "%s", r.err);
  cli_free(&r);
  remove_tree(root);
  free(root);
  free(db);
}

/* A store with three runs of Mường Tè 2022 (the bundled rules). */
static char *three_runs(void) {
  char *db = bundled_store();
  for (int i = 0; i < 3; i++) score_2022(db, R2022, NULL);
  return db;
}

static void expect_named(const char *db, const char *run, const char *sql, const char *want) {
  cr_assert_eq(sql_exec(db, sql), 0, "%s", sql);
  cli_result r = verify(db, run);
  cr_expect_eq(r.status, 1, "%s: exit %d\n%s%s", sql, r.status, r.out, r.err);
  cr_expect(strstr(r.out, want), "%s: want '%s' in:\n%s%s", sql, want, r.out, r.err);
  cr_expect(strstr(r.out, "verdict: the stored run was changed after it was made"), "%s:\n%s", sql, r.out);
  cli_free(&r);
}

Test(tamper, a_fact_updated_through_the_triggers) {
  char *db = three_runs();
  expect_named(db, "1", "UPDATE facts SET value=7, since=2 WHERE unit='muong-te' AND year=2022 "
               "AND key='ho_so_tra_qua_han'",
               "fact muong-te 2022 ho_so_tra_qua_han: the store holds 7, written as import 2, which never happened; "
               "the run read 51 (integer");
  cli_result r = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", "--criterion", "3.4", NULL});
  cr_expect(strstr(r.out, "ho_so_tra_qua_han = 51"), "the run shows what it read:\n%s", r.out);
  cli_free(&r);
  free(db);
}

Test(tamper, a_fact_updated_with_the_triggers_dropped) {
  char *db = three_runs();
  expect_named(db, "2", "DROP TRIGGER facts_keep_history; UPDATE facts SET value=7 WHERE unit='muong-te' "
               "AND year=2022 AND key='ho_so_tra_qua_han'",
               "fact muong-te 2022 ho_so_tra_qua_han: the store holds 7 (integer");
  cli_result r = verify(db, "2");
  cr_expect(strstr(r.out, "as import 1 left it; the run read 51 (integer"), "%s", r.out);
  cli_free(&r);
  free(db);
}

Test(tamper, a_stored_rule_text_edited) {
  char *db = three_runs();
  expect_named(db, "3", "DROP TRIGGER rule_texts_no_update; UPDATE rule_texts SET content=replace(content,"
               "'tru_moi_bao_cao = 0.5','tru_moi_bao_cao = 1') WHERE sha256=(SELECT sha256 FROM run_files "
               "WHERE run=3 AND path='01_chi_dao_dieu_hanh.lua')",
               "rule file 01_chi_dao_dieu_hanh.lua: its stored text no longer matches its sha256");
  cli_result r = cli_run((const char *const[]){"--db", db, "explain", "--run", "3", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "the stored text of rule file 01_chi_dao_dieu_hanh.lua no longer matches its sha256"),
            "%s", r.err);
  cr_expect_str_empty(r.out);
  cli_free(&r);
  free(db);
}

Test(tamper, a_stored_ledger_edited) {
  char *db = three_runs();
  expect_named(db, "2", "DROP TRIGGER run_units_no_update; UPDATE run_units SET ledger=replace(ledger,"
               "'Có 51 hồ sơ','Có 5 hồ sơ') WHERE run=2",
               "unit muong-te: its stored ledger no longer matches its digest");
  cli_result r = verify(db, "2");
  cr_expect(strstr(r.out, "muong-te: criterion 1.7 deduction 2: −0,5 \"Có 5 hồ sơ"), "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "tasks", "--run", "2", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "run 2, unit muong-te: its stored ledger no longer matches its digest"), "%s", r.err);
  cli_free(&r);
  free(db);
}

/* A unit's digests are stored as their 32 bytes; a digest edited is named,
** and runs that stored them as hex digits (before) read the same. */
Test(tamper, a_unit_digest_edited) {
  char *db = three_runs();
  char *form = sql_text(db, "SELECT group_concat(DISTINCT typeof(keys_sha256) || length(keys_sha256) || ' ' ||"
                            " typeof(facts_sha256) || length(facts_sha256) || ' ' ||"
                            " typeof(ledger_sha256) || length(ledger_sha256)) FROM run_units");
  cr_expect_str_eq(form, "blob32 blob32 blob32");
  free(form);
  cr_assert_eq(sql_exec(db, "DROP TRIGGER run_units_no_update; UPDATE run_units SET"
                            " keys_sha256=lower(hex(keys_sha256)), facts_sha256=lower(hex(facts_sha256)),"
                            " ledger_sha256=lower(hex(ledger_sha256)) WHERE run=1"), 0);
  cli_result r = verify(db, "3");
  cr_expect_eq(r.status, 0, "digests kept as hex digits verify as before:\n%s%s", r.out, r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "explain", "--run", "1", "--unit", "muong-te", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  expect_named(db, "2", "UPDATE run_units SET ledger_sha256=zeroblob(32) WHERE run=2",
               "unit muong-te: its stored ledger no longer matches its digest (000000000000; it gives ");
  expect_named(db, "3", "UPDATE run_units SET facts_sha256=upper(lower(hex(facts_sha256))) WHERE run=3",
               "unit muong-te: the text of the facts it read no longer matches its digest");
  free(db);
}

Test(tamper, a_run_deleted) {
  char *db = three_runs();
  expect_named(db, "3", "DROP TRIGGER runs_no_delete; DELETE FROM runs WHERE id=2",
               "run 2 is missing: the chain has its digest, the store no longer has the run");
  expect_named(db, "3", "DROP TRIGGER run_chain_no_delete; DELETE FROM run_chain WHERE run=2",
               "run 3 follows run 2 in the chain, and run 2 is missing");
  free(db);
}

Test(tamper, a_run_forged) {
  char *db = three_runs();
  expect_named(db, "4", "INSERT INTO runs(created,engine,rules,year) VALUES('2026-01-01T00:00:00Z',"
               "'parindex 0.1.0','" R2022 "',2022)",
               "run 4 is not in the chain (it has no digest)");
  /* one copied from run 3 and given a digest of its own making */
  expect_named(db, "5", "INSERT INTO runs SELECT 5,created,engine,rules,year FROM runs WHERE id=3;"
               "INSERT INTO run_chain SELECT 5,rules_abs,4,digest,digest FROM run_chain WHERE run=3",
               "run 5 says it follows run 4, but run 3 comes before it in the chain");
  free(db);
}

Test(tamper, a_run_row_edited) {
  char *db = three_runs();
  expect_named(db, "3", "DROP TRIGGER runs_no_update; UPDATE runs SET created='2020-01-01T00:00:00Z' WHERE id=2",
               "run 2: its rows (runs, run_totals, run_audit, run_chain, run_offices, its units' digests) no longer "
               "match its digest");
  free(db);
}

/* Untouched, the store says so; runs --format json prints the chain. */
Test(tamper, runs_json_prints_the_chain) {
  char *db = three_runs();
  cli_result r = verify(db, "3");
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  cr_expect(strstr(r.out, "  intact (every digest matches; the chain back to its first run holds)"), "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "runs", "--format", "json", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "\"prev\":\tnull"), "%s", r.out);
  cr_expect(strstr(r.out, "\"prev\":\t2,"), "%s", r.out);
  char *d2 = sql_text(db, "SELECT digest FROM run_chain WHERE run=2"), want[128];
  snprintf(want, sizeof want, "\"prev_digest\":\t\"%s\"", d2 ? d2 : "?");
  cr_expect(strstr(r.out, want), "%s", r.out);
  free(d2);
  cli_free(&r);
  free(db);
}

/* When the rules change, verify names the deduction and both values. */
Test(tamper, a_changed_result_names_the_deduction) {
  char *db = bundled_store(), *dir = copy_2022();
  score_2022(db, dir, NULL);
  edit(dir, "01_chi_dao_dieu_hanh.lua", "params = { tru_moi_bao_cao = 0.5 }", "params = { tru_moi_bao_cao = 1 }");
  cli_result r = verify(db, "1");
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "muong-te: criterion 1.2 deduction 1: −0,5 \""), "%s", r.out);
  cr_expect(strstr(r.out, " -> −1 \""), "%s", r.out);
  cr_expect(strstr(r.out, "verdict: the results differ"), "%s", r.out);
  cli_free(&r);
  free(db); free(dir);
}

/* More edits, each named: a fact added by hand under the run's import, the
** history of a replaced value rewritten, an office renamed in the run. */
Test(tamper, other_hand_edits) {
  char *db = three_runs();
  expect_named(db, "1", "INSERT INTO facts(year,unit,key,type,value,since) VALUES(2022,'muong-te','zz_them','integer',1,1)",
               "fact muong-te 2022 zz_them: the store holds 1 (integer) as import 1 left it; the run read nothing");
  cli_result r = import_corrected_figure(db);             /* 51 -> 3: the 51 moves to fact_history */
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  expect_named(db, "2", "DROP TRIGGER fact_history_no_update; UPDATE fact_history SET value=50 "
               "WHERE key='ho_so_tra_qua_han' AND unit='muong-te'",
               "fact muong-te 2022 ho_so_tra_qua_han: the store holds 50 (integer");
  expect_named(db, "3", "DROP TRIGGER run_offices_no_update; UPDATE run_offices SET name='x' WHERE run=2",
               "run 2: its rows (runs, run_totals, run_audit, run_chain, run_offices, its units' digests) no longer "
               "match its digest");
  free(db);
}
