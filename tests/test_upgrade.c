/*
** test_upgrade.c -- a store written by an earlier schema (tests/stores/):
** the current parindex upgrades it in place and shows its old runs exactly
** as the parindex that stored them did, also after the facts changed.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "store.h"

#define V3 PARINDEX_SOURCE_DIR "/tests/stores/v3/"

static char *v3_store(void) {
  char *db = path_join(tmp_folder(), "parindex.db"), cmd[4096];
  snprintf(cmd, sizeof cmd, "sqlite3 '%s' < '" V3 "store.sql'", db);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  cr_assert_eq(sql_int(db, "PRAGMA user_version"), 3);
  cr_assert_eq(sql_int(db, "PRAGMA application_id"), 0, "a v3 store said nothing of whose it is");
  return db;
}

/* `which` (explain or tasks) of run 1 as stdout, compared with the v3 output in file. */
static void expect_as_stored(const char *db, const char *which, const char *file) {
  char *want = read_text(file, NULL);
  cr_assert(want, "%s missing", file);
  cli_result r = cli_run((const char *const[]){"--db", db, which, "--run", "1", "--unit", "muong-te", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect_str_eq(r.out, want, "%s --run 1 differs from what the v3 parindex printed", which);
  cli_free(&r);
  free(want);
}

Test(upgrade, a_v3_run_shows_as_it_did_after_the_upgrade_and_a_new_import) {
  char *db = v3_store();
  expect_as_stored(db, "explain", V3 "explain-run1.txt");
  /* tasks text gained lead/support roles after v3: the same tasks, now in that format */
  expect_as_stored(db, "tasks", V3 "tasks-run1-now.txt");
  {
    char *v3 = read_text(V3 "tasks-run1.txt", NULL), *now = read_text(V3 "tasks-run1-now.txt", NULL);
    cr_assert(v3 && now);
    int n = 0;
    for (char *line = strtok(v3, "\n"); line; line = strtok(NULL, "\n")) {
      char *text = strstr(line, "] "), *end = strrchr(line, '(');
      if (!text || !end || end < text) continue;
      end[-1] = '\0';
      cr_expect(strstr(now, text + 2) != NULL, "the v3 task '%s' is missing now", text + 2);
      n++;
    }
    cr_expect(n >= 30, "only %d tasks read from the v3 printout", n);
    free(v3); free(now);
  }
  cr_expect_eq(sql_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "the store was not upgraded");
  cr_expect_eq(sql_int(db, "PRAGMA application_id"), STORE_APPLICATION_ID, "the upgrade does not say it is a store");
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM run_deductions WHERE run = 1"),
               sql_int(db, "SELECT count(*) FROM run_deductions_v3 WHERE run = 1"));

  /* a corrected figure arrives after the upgrade: run 1 keeps what it read */
  cli_result r = import_corrected_figure(db);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  expect_as_stored(db, "explain", V3 "explain-run1.txt");
  r = cli_run((const char *const[]){"--db", db, "verify", "1", NULL});
  cr_expect_eq(r.status, 1, "%s", r.out);
  cr_expect(strstr(r.out, "changed  muong-te/ho_so_tra_qua_han (51 -> 3)"), "%s", r.out);
  /* the rule files changed since the v3 run (the tasks of 1.2 speak of next year, issue 14), so
  ** the ledger's texts differ; its points do not: the facts are read as the run had them (the
  ** corrected figure would move 3.4 and 1.7) */
  cr_expect(strstr(r.out, "changed  rules/lai-chau/district/2022/01_chi_dao_dieu_hanh.lua"), "%s", r.out);
  cr_expect(strstr(r.out, ": PAR index ") == NULL, "points moved:\n%s", r.out);
  for (const char *l = r.out; (l = strstr(l, ": criterion ")) != NULL; l++) {
    /* a deduction's texts or rule line may differ, no criterion's points */
    size_t len = strcspn(l, "\n");
    char line[4096];
    snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), l);
    /* the rules now state what was achieved (u.achieved), which the v3 run could not: texts, no points */
    if (strstr(line, " achieved ") && strstr(line, ": none -> \"")) continue;
    /* "criterion X deduction N: POINTS "reason" ... -> POINTS "reason" ...": the same points */
    const char *ded = strstr(line, " deduction "), *was = ded ? strstr(ded, ": ") : NULL, *now = strstr(line, " -> ");
    cr_expect(was && now, "points moved: %s", line);
    if (was && now)
      cr_expect_eq(strcspn(was + 2, " "), strcspn(now + 4, " "), "points moved: %s", line);
    if (was && now)
      cr_expect(!strncmp(was + 2, now + 4, strcspn(was + 2, " ")), "points moved: %s", line);
  }
  cli_free(&r);

  /* a run stored now reads the new value, and run 1 still the old one */
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "verify", "2", NULL});
  cr_expect_eq(r.status, 0, "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "explain", "--run", "2", "--unit", "muong-te", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Có 3 hồ sơ trả quá hạn"), "run 2 should read the corrected figure:\n%s", r.out);
  cli_free(&r);
  free(db);
}
