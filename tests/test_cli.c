/*
** test_cli.c -- the command line: exit codes (0 ok, 1 failure, 2 usage),
** usage text, where messages go, and which store is used.
*/
#define _XOPEN_SOURCE 700
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static char *dir, *db, *rules, *data;

static const char units_json[] =
  "{ \"offices\": [ {\"id\": \"noi-vu\", \"name\": \"Phòng Nội vụ\"} ],\n"
  "  \"units\": [ {\"id\": \"p\", \"name\": \"Tỉnh P\", \"kind\": \"province\"},\n"
  "              {\"id\": \"d1\", \"name\": \"Huyện D1\", \"kind\": \"district\", \"parent\": \"p\"} ] }\n";

static const char facts_json[] =
  "{ \"unit\": \"d1\", \"year\": 2022, \"facts\": [ {\"key\": \"a\", \"value\": 3} ] }\n";

static const char rules_lua[] =
  "index { name = \"Test index\", total = 10, appraisal = { \"1\" }, survey = {} }\n"
  "component \"1\" { name = \"One\", max = 10, owner = \"noi-vu\" }\n"
  "criterion \"1.1\" { name = \"c11\", max = 10, owner = \"noi-vu\",\n"
  "  score = function(u, p)\n"
  "    if u.fact(\"a\") < 5 then u.lose(1, \"a is %d\", u.fact(\"a\")):task(\"noi-vu\", \"raise a\") end\n"
  "  end }\n";

static long long runs(const char *store) {
  sqlite3 *h;
  sqlite3_stmt *st;
  long long n = -1;
  cr_assert_eq(sqlite3_open_v2(store, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(h, "SELECT count(*) FROM runs", -1, &st, NULL), SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return n;
}

static void setup(void) {
  unsetenv("PARINDEX_DB");
  unsetenv("PARINDEX_RULES");
  dir = tmp_folder();
  db = path_join(dir, "store.db");
  rules = path_join(dir, "rules");
  data = path_join(dir, "data");
  cr_assert_eq(mkdir(rules, 0700), 0);
  cr_assert_eq(mkdir(data, 0700), 0);
  char *p = path_join(rules, "rules.lua");
  write_text(p, rules_lua);
  free(p);
  p = path_join(data, "units.json");
  write_text(p, units_json);
  free(p);
  p = path_join(data, "facts.json");
  write_text(p, facts_json);
  free(p);
}

static void teardown(void) {
  remove_tree(dir);
  free(dir); free(db); free(rules); free(data);
}

TestSuite(cli, .init = setup, .fini = teardown, .timeout = 60);

static void import_data(void) {
  cli_result r = cli_run((const char *const[]){"--db", db, "import", data, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
}

/* A usage error: exit 2, the problem (every string after args, up to NULL)
** and a hint on stderr, stdout empty. */
static void usage_errors(const char *const *args, ...) {
  va_list ap;
  cli_result r = cli_run(args);
  cr_expect_eq(r.status, 2, "exit %d, want 2\nstderr: %s", r.status, r.err);
  cr_expect_str_empty(r.out, "stdout: %s", r.out);
  va_start(ap, args);
  for (const char *want; (want = va_arg(ap, const char *));)
    cr_expect(strstr(r.err, want) != NULL, "no '%s' in stderr: %s", want, r.err);
  va_end(ap);
  cr_expect(strstr(r.err, "--help") != NULL || strstr(r.err, "usage:") != NULL, "no hint: %s", r.err);
  cli_free(&r);
}

#define usage_error(...) usage_errors(__VA_ARGS__, (const char *)NULL)

/* ---- usage ---- */

Test(cli, no_arguments) {
  cli_result r = cli_run((const char *const[]){NULL});
  cr_expect_eq(r.status, 2);
  cr_expect_str_empty(r.out);
  cr_expect(strstr(r.err, "usage: parindex") != NULL, "%s", r.err);
  cli_free(&r);
}

Test(cli, unknown_command) {
  usage_error((const char *const[]){"--db", db, "frobnicate", NULL}, "unknown command 'frobnicate'");
}

Test(cli, unknown_option) {
  usage_error((const char *const[]){"--frob", "score", NULL}, "unknown option '--frob'");
  usage_error((const char *const[]){"--db", db, "score", "--year", "2022", "--frob", NULL},
              "unknown option '--frob'");
  usage_error((const char *const[]){"--db", db, "score", "--year", "2022", "--office", "x", NULL},
              "unknown option", "--office");
  usage_error((const char *const[]){"--db", db, "score", "--year", "2022", "stray", NULL},
              "unexpected argument 'stray'");
}

Test(cli, help) {
  static const char *const cmds[][2] = {
    {"--help", "usage: parindex [--db FILE] COMMAND"},
    {"-h", "usage: parindex [--db FILE] COMMAND"},
  };
  for (int i = 0; i < 2; i++) {
    cli_result r = cli_run((const char *const[]){cmds[i][0], NULL});
    cr_expect_eq(r.status, 0);
    cr_expect(strstr(r.out, cmds[i][1]) != NULL, "%s: %s", cmds[i][0], r.out);
    cr_expect(strstr(r.out, "exit status: 0 ok, 1 failure, 2 usage error") != NULL, "%s", r.out);
    cr_expect_str_empty(r.err);
    cli_free(&r);
  }
}

Test(cli, command_help) {
  static const char *const cmds[] = {"import", "score", "explain", "tasks", "plan"};
  for (int i = 0; i < 5; i++) {
    char want[64];
    snprintf(want, sizeof want, "usage: parindex [--db FILE] %s", cmds[i]);
    /* --help wins over missing required options */
    cli_result r = cli_run((const char *const[]){"--db", db, cmds[i], "--help", NULL});
    cr_expect_eq(r.status, 0, "%s --help: %d", cmds[i], r.status);
    cr_expect(strstr(r.out, want) != NULL, "%s --help: %s", cmds[i], r.out);
    cr_expect_str_empty(r.err);
    cli_free(&r);
  }
  /* help touches no store */
  cr_expect_neq(access(db, F_OK), 0, "help created the store");
}

Test(cli, required_options) {
  usage_error((const char *const[]){"--db", db, "score", NULL}, "--year is required");
  usage_error((const char *const[]){"--db", db, "explain", "--year", "2022", NULL}, "--unit is required");
  usage_error((const char *const[]){"--db", db, "tasks", "--year", "2022", NULL}, "--unit is required");
  usage_error((const char *const[]){"--db", db, "import", NULL}, "no file or folder to import");
  usage_error((const char *const[]){"--db", db, "score", "--year", NULL}, "--year", "needs a value");
  usage_error((const char *const[]){"--db", NULL}, "--db needs a file");
}

Test(cli, bad_option_values) {
  usage_error((const char *const[]){"--db", db, "score", "--year", "2022", "--format", "xml", NULL},
              "--format", "'xml'");
  usage_error((const char *const[]){"--db", db, "score", "--year", "2022", "--lang", "fr", NULL},
              "--lang", "'fr'");
  usage_error((const char *const[]){"--db", db, "score", "--year", "abc", NULL}, "--year", "'abc'");
  usage_error((const char *const[]){"--db", db, "score", "--year=20222", NULL}, "--year", "'20222'");
  usage_error((const char *const[]){"--db", db, "score", "--year", "2022", "--max-instructions", "10", NULL},
              "--max-instructions", "'10'");
  usage_error((const char *const[]){"--db", db, "score", "--year", "2022", "--max-memory", "0", NULL},
              "--max-memory", "'0'");
  cr_expect_neq(access(db, F_OK), 0, "a usage error created the store");
}

Test(cli, version) {
  cli_result r = cli_run((const char *const[]){"--version", NULL});
  cr_expect_eq(r.status, 0);
  cr_expect_str_eq(r.out, "parindex " PARINDEX_VERSION "\n");
  cr_expect_str_empty(r.err);
  cli_free(&r);
}

/* ---- failures: exit 1, message on stderr, nothing on stdout ---- */

static void failure(const char *const *args, const char *want) {
  cli_result r = cli_run(args);
  cr_expect_eq(r.status, 1, "exit %d, want 1 for '%s'\nstderr: %s", r.status, want, r.err);
  cr_expect_str_empty(r.out, "stdout: %s", r.out);
  cr_expect(strstr(r.err, want) != NULL, "no '%s' in stderr: %s", want, r.err);
  cli_free(&r);
}

Test(cli, unknown_unit) {
  import_data();
  failure((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", "--unit", "nope", NULL},
          "unknown unit 'nope'");
  failure((const char *const[]){"--db", db, "explain", "--rules", rules, "--year", "2022", "--unit", "nope", NULL},
          "unknown unit 'nope'");
  cr_expect_eq(runs(db), 0);
}

Test(cli, unit_or_year_without_facts) {
  import_data();
  failure((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2030", NULL},
          "no facts for 2030");
  failure((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", "--unit", "p", NULL},
          "unit 'p' has no facts for 2022");
  cr_expect_eq(runs(db), 0);
}

Test(cli, unknown_criterion_office_and_rules_folder) {
  import_data();
  failure((const char *const[]){"--db", db, "explain", "--rules", rules, "--year", "2022", "--unit", "d1",
                                "--criterion", "9.9", NULL},
          "no criterion '9.9'");
  failure((const char *const[]){"--db", db, "tasks", "--rules", rules, "--year", "2022", "--unit", "d1",
                                "--office", "nobody", NULL},
          "unknown office 'nobody'");
  char *none = path_join(dir, "no-rules");
  failure((const char *const[]){"--db", db, "score", "--rules", none, "--year", "2022", NULL},
          "no-rules: No such file or directory");
  free(none);
}

Test(cli, rules_root_with_a_folder_per_year) {
  import_data();
  char *root = path_join(dir, "root"), *y = path_join(dir, "root/2022"), *f = path_join(dir, "root/2022/r.lua");
  cr_assert_eq(mkdir(root, 0700), 0);
  cr_assert_eq(mkdir(y, 0700), 0);
  write_text(f, rules_lua);
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--rules", root, "--year", "2022", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  failure((const char *const[]){"--db", db, "score", "--rules", root, "--year", "2021", NULL},
          "no rulebook for 2021 here");
  free(root); free(y); free(f);
}

Test(cli, missing_store_folder) {
  failure((const char *const[]){"--db", "/nonexistent/dir/x.db", "score", "--rules", rules, "--year", "2022", NULL},
          "/nonexistent/dir/x.db: no parindex store here; `parindex import` (or `parindex init`) makes one");
  failure((const char *const[]){"--db", "/nonexistent/dir/x.db", "import", data, NULL},
          "/nonexistent/dir/x.db: cannot make a store there: the folder /nonexistent/dir does not exist");
}

Test(cli, store_that_is_not_sqlite) {
  write_text(db, "this is not a database, it is a text file with enough bytes in it\n");
  failure((const char *const[]){"--db", db, "import", data, NULL}, "is not a parindex store: it is not a SQLite database");
  failure((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", NULL},
          "is not a parindex store: it is not a SQLite database");
  char *text = read_text(db, NULL);
  cr_expect_str_eq(text, "this is not a database, it is a text file with enough bytes in it\n",
                   "the file was changed");
  free(text);
}

/* ---- success ---- */

Test(cli, score_prints_results_and_stores_a_run) {
  import_data();
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022",
                                               "--lang", "en", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Huyện D1 (d1)") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "PAR INDEX") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "9.00") != NULL, "English text uses a decimal point: %s", r.out);
  cr_expect(strstr(r.err, "stored as run 1") != NULL, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(runs(db), 1);
  r = cli_run((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", "--unit", "d1",
                                    "--format", "json", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cJSON *o = cJSON_Parse(r.out);
  cr_expect_not_null(o, "not JSON: %s", r.out);
  cr_expect_eq(cJSON_GetNumberValue(cJSON_GetObjectItem(o, "par_index")), 9.0);
  cr_expect_eq(cJSON_GetNumberValue(cJSON_GetObjectItem(o, "run")), 2.0);
  cJSON_Delete(o);
  cli_free(&r);
  cr_expect_eq(runs(db), 2);
}

Test(cli, explain_and_tasks_store_nothing) {
  import_data();
  cli_result r = cli_run((const char *const[]){"--db", db, "explain", "--rules", rules, "--year", "2022",
                                               "--unit", "d1", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "a is 3") != NULL, "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "tasks", "--rules", rules, "--year", "2022", "--unit", "d1",
                                    "--format", "json", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "raise a") != NULL, "%s", r.out);
  cli_free(&r);
  cr_expect_eq(runs(db), 0);
}

Test(cli, store_from_the_environment) {
  char *env_db = path_join(dir, "env.db");
  cr_assert_eq(setenv("PARINDEX_DB", env_db, 1), 0);
  cli_result r = cli_run((const char *const[]){"import", data, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(access(env_db, F_OK), 0, "PARINDEX_DB was not used");
  r = cli_run((const char *const[]){"score", "--rules", rules, "--year", "2022", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(runs(env_db), 1);
  /* --db wins over the environment */
  r = cli_run((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", NULL});
  cr_expect_eq(r.status, 1, "scored an empty --db store");
  cli_free(&r);
  cr_expect_eq(runs(env_db), 1);
  free(env_db);
}
