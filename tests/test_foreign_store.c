/*
** test_foreign_store.c -- files given as the store that are not parindex's:
** another program's SQLite file, one that looks like a store of ours, one
** with another application id, an empty file, a missing one. No command
** changes such a file (not a byte, no WAL switch, no file beside it); each
** says what the file is. Only import and init make a store, and only in a new
** or empty file. Stores of older parindex versions (no application id) are
** still known by their tables.
*/
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "store.h"

#define RULES "rules/lai-chau/district"

static char *dir, *db;

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st; (void)flag; (void)ftw;
  return remove(path);
}

static void setup(void) {
  unsetenv("PARINDEX_DB");
  unsetenv("PARINDEX_RULES");
  dir = tmp_folder();
  db = path_join(dir, "other.db");
}

static void teardown(void) {
  nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
  free(dir); free(db);
}

TestSuite(foreign_store, .init = setup, .fini = teardown, .timeout = 60);

/* Every command that opens the store, after "--db db". */
static const char *const *const commands[] = {
  (const char *const[]){"runs", NULL},
  (const char *const[]){"runs", "--format", "json", NULL},
  (const char *const[]){"rank", "--rules", RULES, "--year", "2022", NULL},
  (const char *const[]){"score", "--rules", RULES, "--year", "2022", NULL},
  (const char *const[]){"explain", "--rules", RULES, "--year", "2022", "--unit", "muong-te", NULL},
  (const char *const[]){"tasks", "--rules", RULES, "--year", "2022", "--unit", "muong-te", NULL},
  (const char *const[]){"compare", "--rules", RULES, "--unit", "muong-te", "--from", "2021", "--to", "2022", NULL},
  (const char *const[]){"report", "--rules", RULES, "--unit", "muong-te", "--year", "2022", NULL},
  (const char *const[]){"verify", "1", NULL},
  (const char *const[]){"explain", "--run", "1", NULL},
  (const char *const[]){"rules", "check", RULES "/2022", "--no-luacheck", NULL},
  (const char *const[]){"import", "data/lai-chau", NULL},
  (const char *const[]){"init", NULL},
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static cli_result run(const char *const *args) {
  const char *full[16] = {"--db", db};
  int n = 2;
  for (; *args && n < 15; args++) full[n++] = *args;
  full[n] = NULL;
  return cli_run(full);
}

/* Nothing else in the folder but db (no -wal, -shm or -journal left). */
static void only_db_in_folder(const char *what) {
  char *wal = path_join(dir, "other.db-wal"), *shm = path_join(dir, "other.db-shm"),
       *journal = path_join(dir, "other.db-journal");
  cr_expect(access(wal, F_OK) != 0 && access(shm, F_OK) != 0 && access(journal, F_OK) != 0,
            "%s: a file was left beside the store", what);
  free(wal); free(shm); free(journal);
}

/* Every command refuses db with `want` on stderr, and db keeps its bytes. */
static void every_command_refuses(const char *want) {
  size_t n0, n1;
  char *before = read_text(db, &n0);
  cr_assert_not_null(before);
  for (size_t i = 0; i < NCOMMANDS; i++) {
    cli_result r = run(commands[i]);
    cr_expect_eq(r.status, 1, "%s: exit %d, want 1\n%s", commands[i][0], r.status, r.err);
    cr_expect(strstr(r.err, want) != NULL, "%s %s: stderr lacks '%s':\n%s", commands[i][0],
              commands[i][1] ? commands[i][1] : "", want, r.err);
    cr_expect(strstr(r.err, "SQLITE") == NULL && strstr(r.err, "no such table") == NULL &&
              strstr(r.err, "already exists") == NULL, "%s: a raw SQLite message:\n%s", commands[i][0], r.err);
    cli_free(&r);
    char *after = read_text(db, &n1);
    cr_expect(n0 == n1 && !memcmp(before, after, n0), "%s %s changed the file", commands[i][0],
              commands[i][1] ? commands[i][1] : "");
    free(after);
    only_db_in_folder(commands[i][0]);
  }
  free(before);
}

/* A SQLite file made by another program from sql (rollback journal, not WAL). */
static void other_program(const char *sql) {
  cr_assert_eq(sql_exec(db, sql), 0);
}

Test(foreign_store, another_programs_database_is_not_touched) {
  other_program("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES('keep me')");
  char want[1024];
  snprintf(want, sizeof want, "parindex: %s is not a parindex store (it holds the tables notes): parindex changes "
           "nothing in it", db);
  every_command_refuses(want);
  char *mode = sql_text(db, "PRAGMA journal_mode");
  cr_expect_str_eq(mode, "delete", "the journal mode was changed");
  free(mode);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM sqlite_schema"), 1, "tables were added");
}

/* Tables named like ours, a version like ours: "table facts already exists"
** and "no such table: main.fact_history" were what these got. */
Test(foreign_store, a_database_that_looks_like_a_store) {
  other_program("CREATE TABLE facts(x); CREATE TABLE units(y)");
  every_command_refuses("is not a parindex store (it holds the tables facts, units)");
  other_program("PRAGMA user_version=4");
  every_command_refuses("is not a parindex store (it holds the tables facts, units)");
}

Test(foreign_store, another_application_id) {
  other_program("PRAGMA application_id=1234; CREATE TABLE t(x)");
  every_command_refuses("is not a parindex store (its application id is 1234, not parindex's)");
}

Test(foreign_store, a_file_that_is_not_sqlite) {
  write_text(db, "id,name\n1,not a database at all, a CSV file that someone named .db by mistake\n");
  every_command_refuses("is not a parindex store: it is not a SQLite database (parindex changed nothing)");
}

Test(foreign_store, a_missing_store_is_made_by_import_and_init_only) {
  for (size_t i = 0; i + 2 < NCOMMANDS; i++) {          /* all but import and init */
    cli_result r = run(commands[i]);
    if (strcmp(commands[i][0], "rules")) {                /* rules check: no store, owners not checked */
      cr_expect_eq(r.status, 1, "%s: exit %d", commands[i][0], r.status);
      cr_expect(strstr(r.err, "no parindex store here; `parindex import` (or `parindex init`) makes one") != NULL,
                "%s: %s", commands[i][0], r.err);
    }
    cli_free(&r);
    cr_expect_neq(access(db, F_OK), 0, "%s made a file", commands[i][0]);
  }
  cli_result r = run((const char *const[]){"init", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  char want[128];
  snprintf(want, sizeof want, "a new parindex store (schema version %d)", STORE_SCHEMA_VERSION);
  cr_expect(strstr(r.out, want) != NULL, "%s", r.out);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "PRAGMA application_id"), STORE_APPLICATION_ID);
  cr_expect_eq(sql_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
  r = run((const char *const[]){"init", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "already a parindex store") != NULL, "%s", r.out);
  cli_free(&r);
  r = run((const char *const[]){"runs", NULL});
  cr_expect_eq(r.status, 0, "an empty store has no runs, and says so: %s", r.err);
  cli_free(&r);
}

Test(foreign_store, an_empty_file_becomes_a_store_only_by_import) {
  write_text(db, "");
  for (size_t i = 0; i + 2 < NCOMMANDS; i++) {
    if (!strcmp(commands[i][0], "rules")) continue;
    cli_result r = run(commands[i]);
    cr_expect_eq(r.status, 1, "%s: exit %d", commands[i][0], r.status);
    cr_expect(strstr(r.err, "no parindex store here (the file is empty)") != NULL, "%s: %s", commands[i][0], r.err);
    cli_free(&r);
    struct stat st;
    cr_expect(stat(db, &st) == 0 && st.st_size == 0, "%s wrote to the empty file", commands[i][0]);
  }
  cli_result r = run((const char *const[]){"import", "data/lai-chau", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "PRAGMA application_id"), STORE_APPLICATION_ID);
  cr_expect_gt(sql_int(db, "SELECT count(*) FROM facts"), 0);
}

Test(foreign_store, a_missing_folder_is_named) {
  free(db);
  db = path_join(dir, "no-such-folder/store.db");
  cli_result r = run((const char *const[]){"import", "data/lai-chau", NULL});
  cr_expect_eq(r.status, 1);
  char want[1024];
  snprintf(want, sizeof want, "%s: cannot make a store there: the folder %s/no-such-folder does not exist", db, dir);
  cr_expect(strstr(r.err, want) != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "unable to open database file") == NULL, "%s", r.err);
  cli_free(&r);
}

/* A store written before stores said so (application_id 0) is still ours;
** one that lost a table is refused as it is. */
Test(foreign_store, older_stores_are_known_by_their_tables) {
  cli_result r = run((const char *const[]){"import", "data/lai-chau", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cr_assert_eq(sql_exec(db, "PRAGMA application_id=0"), 0);
  r = run((const char *const[]){"score", "--rules", RULES, "--year", "2022", "--unit", "muong-te", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  char sql[128];
  snprintf(sql, sizeof sql, "PRAGMA application_id=%d; DROP TABLE fact_history", STORE_APPLICATION_ID);
  cr_assert_eq(sql_exec(db, sql), 0);
  r = run((const char *const[]){"runs", NULL});
  cr_expect_eq(r.status, 1);
  char want[200];
  snprintf(want, sizeof want, "this parindex store has lost its table fact_history (schema version %d); parindex "
           "changes nothing in it", STORE_SCHEMA_VERSION);
  cr_expect(strstr(r.err, want) != NULL, "%s", r.err);
  cli_free(&r);
}
