/*
** test_rule_state.c -- a unit's result depends only on its facts and the
** rulebook (src/lua/rule_state.c): a score function that writes to a
** variable made while the files loaded is refused at load with the
** criterion, file:line and the variable's name (by `score` and by `rules
** check`); a table made at load time is read-only while scoring; code that
** keeps its state inside the call scores as before. The order test: every
** bundled rulebook, and a small one that reads file-level tables and
** closures, gives every unit the same stored ledger scored alone, in a run
** of all units and in a run in reverse order (PARINDEX_UNITS_DESC).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

TestSuite(rule_state, .init = small_setup, .fini = small_teardown, .timeout = 120);

/* Replace criterion 1.2 by text (12_state.lua) and score d1. */
static cli_result score_with(const char *text) {
  char *p = path_join(small_rules, "12_crit.lua");
  remove(p);
  free(p);
  put_file(small_rules, "12_state.lua", text);
  return small_score("--format", "json");
}

/* text must be refused at load, naming criterion 1.2, 12_state.lua:line and var. */
static void refused(const char *text, int line, const char *var) {
  long before = small_run_rows();
  cli_result r = score_with(text);
  char where[64], name[64];
  snprintf(where, sizeof where, "/rules/12_state.lua:%d: criterion 1.2:", line);
  snprintf(name, sizeof name, "'%s', which outlives the call", var);
  cr_expect_eq(r.status, 1, "exit %d\n%s", r.status, r.err);
  cr_expect(strstr(r.err, where) != NULL, "stderr does not say %s:\n%s", where, r.err);
  cr_expect(strstr(r.err, name) != NULL, "stderr does not name %s:\n%s", var, r.err);
  cr_expect_eq(small_run_rows(), before, "a run was stored");
  cli_free(&r);
  cli_result c = cli_run((const char *const[]){"--db", small_db, "rules", "check", small_rules, "--no-luacheck", NULL});
  cr_expect_eq(c.status, 1, "rules check: exit %d\n%s%s", c.status, c.out, c.err);
  cr_expect(strstr(c.out, where) != NULL && strstr(c.out, name) != NULL,
            "rules check does not report %s %s:\n%s%s", where, var, c.out, c.err);
  cli_free(&c);
}

#define CRIT12_HEAD "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"noi-vu\",\n"

Test(rule_state, a_counter_kept_between_units_is_refused) {
  refused("local n = 0\n" CRIT12_HEAD
          "  score = function(u, p)\n"
          "    n = n + 1\n"
          "    if n > 1 then u.lose(1, \"second unit\") end\n"
          "  end }\n", 4, "n");
}

Test(rule_state, a_helper_that_counts_is_refused_at_its_line) {
  refused("local count = 0\n"
          "local function bump() count = count + 1 return count end\n" CRIT12_HEAD
          "  score = function(u, p) if bump() > 1 then u.lose(1, \"x\") end end }\n", 2, "count");
}

Test(rule_state, a_closure_inside_score_writing_a_file_level_local_is_refused) {
  refused("local total = 0\n" CRIT12_HEAD
          "  score = function(u, p)\n"
          "    local add = function(x) total = total + x end\n"
          "    add(1)\n"
          "  end }\n", 4, "total");
}

Test(rule_state, a_function_reached_through_a_table_is_read_too) {
  refused("local M, k = {}, 0\n"
          "M.f = function() k = k + 1 end\n" CRIT12_HEAD
          "  score = function(u, p) M.f() end }\n", 2, "k");
}

Test(rule_state, a_field_set_on_a_file_level_table_is_refused) {
  refused("local cache = {}\n" CRIT12_HEAD
          "  score = function(u, p) cache.seen = true end }\n", 3, "cache");
}

Test(rule_state, replacing_the_environment_is_refused) {
  refused(CRIT12_HEAD "  score = function(u, p) _ENV = nil end }\n", 2, "_ENV");
}

/* A computed key cannot be seen in the bytecode: the frozen table refuses it. */
Test(rule_state, a_table_made_at_load_time_is_read_only_while_scoring) {
  long before = small_run_rows();
  cli_result r = score_with("local cache = {}\n" CRIT12_HEAD
                            "  score = function(u, p) cache[u.unit.id] = true end }\n");
  cr_expect_eq(r.status, 1, "exit %d\n%s", r.status, r.err);
  cr_expect(strstr(r.err, "/rules/12_state.lua:3: criterion 1.2 (d1, 2022): a table made while the rule "
                          "files loaded is read-only (cannot set 'd1')") != NULL, "%s", r.err);
  cr_expect_eq(small_run_rows(), before);
  cli_free(&r);
}

/* File-level tables and helpers that only read, and closures over score's
** own locals: allowed, and they read as before (#, ipairs, pairs, next,
** rawget, rawlen, table.concat, nested tables). */
static const char reads_only[] =
  "local LIST, NESTED = {3, 5}, { inner = { x = 2 } }\n"
  "local function twice(v) return 2 * v end\n" CRIT12_HEAD
  "  score = function(u, p)\n"
  "    local n, keys = 0, 0\n"
  "    local inc = function() n = n + 1 end\n"
  "    for _, v in ipairs(LIST) do if v == u.fact(\"a\") then inc() end end\n"
  "    for _ in pairs(NESTED) do keys = keys + 1 end\n"
  "    local ok = #LIST == 2 and next(LIST) == 1 and rawget(LIST, 2) == 5 and rawlen(LIST) == 2\n"
  "      and table.concat(LIST, \",\") == \"3,5\" and NESTED.inner.x == 2 and keys == 1\n"
  "    local given = 0\n"
  "    for _ in pairs(u.records(\"nosuch\", NESTED)) do given = given + 1 end\n"
  "    ok = ok and given == 1\n"
  "    if ok and n == 1 then u.lose(twice(0.25), \"found %d of %d\", n, #LIST) end\n"
  "  end }\n";

Test(rule_state, code_that_keeps_its_state_in_the_call_scores_as_before) {
  cli_result r = score_with(reads_only);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "\"par_index\":\t8.5") != NULL, "1.1 loses 1 and 1.2 loses 0,5:\n%s", r.out);
  cr_expect(strstr(r.out, "found 1 of 2") != NULL, "%s", r.out);
  cli_free(&r);
}

/* ---- the order test ---- */

static long last_run(const char *db) { return (long)sql_int(db, "SELECT max(id) FROM runs"); }

static char *ledger(const char *db, long run, const char *unit) {
  char sql[256];
  snprintf(sql, sizeof sql, "SELECT total || ' ' || ledger FROM run_units WHERE run=%ld AND unit='%s'", run, unit);
  return sql_text(db, sql);
}

static long score_run(const char *db, const char *rules, const char *year, const char *unit, int desc) {
  const char *args[] = {"--db", db, "score", "--rules", rules, "--year", year, unit ? "--unit" : NULL, unit, NULL};
  if (desc) setenv("PARINDEX_UNITS_DESC", "1", 1);
  cli_result r = cli_run(args);
  unsetenv("PARINDEX_UNITS_DESC");
  cr_assert_eq(r.status, 0, "score %s %s %s: %s", rules, year, unit ? unit : "(all)", r.err);
  cli_free(&r);
  return last_run(db);
}

/* Every unit's stored total and ledger: the same alone, in order, reversed. */
static void same_in_every_order(const char *db, const char *rules, const char *year) {
  long all = score_run(db, rules, year, NULL, 0), rev = score_run(db, rules, year, NULL, 1);
  char sql[128];
  snprintf(sql, sizeof sql, "SELECT group_concat(unit, ' ') FROM run_units WHERE run=%ld", all);
  char *units = sql_text(db, sql);
  cr_assert_not_null(units);
  int n = 0;
  for (char *save = NULL, *u = strtok_r(units, " ", &save); u; u = strtok_r(NULL, " ", &save), n++) {
    long alone = score_run(db, rules, year, u, 0);
    char *a = ledger(db, all, u), *b = ledger(db, rev, u), *c = ledger(db, alone, u);
    cr_assert(a && b && c, "%s %s: no ledger stored for %s", rules, year, u);
    cr_expect_str_eq(b, a, "%s %s: %s differs when the units are scored in reverse order", rules, year, u);
    cr_expect_str_eq(c, a, "%s %s: %s differs when it is scored alone", rules, year, u);
    cr_expect(strstr(a, ",null,[[") != NULL, "%s: the ledger of %s has no deduction to compare", rules, u);
    free(a); free(b); free(c);
  }
  cr_expect_geq(n, 2, "%s %s: the order test needs at least two units", rules, year);
  free(units);
}

Test(rule_state, bundled_rulebooks_give_each_unit_the_same_result_in_any_order) {
  char *db = bundled_store();
  same_in_every_order(db, "rules/lai-chau/district", "2021");
  same_in_every_order(db, "rules/lai-chau/district", "2022");
  free(db);
}

Test(rule_state, file_level_tables_and_closures_give_the_same_result_in_any_order) {
  static const char more[] =
    "{ \"units\": [ {\"id\": \"d2\", \"name\": \"Huyện D2\", \"kind\": \"district\", \"parent\": \"p\"},\n"
    "               {\"id\": \"d3\", \"name\": \"Huyện D3\", \"kind\": \"district\", \"parent\": \"p\"} ] }\n";
  static const char facts2[] = "{ \"unit\": \"d2\", \"year\": 2022, \"source\": \"test\",\n"
                               "  \"facts\": [ {\"key\": \"a\", \"value\": 5} ] }\n";
  static const char facts3[] = "{ \"unit\": \"d3\", \"year\": 2022, \"source\": \"test\",\n"
                               "  \"facts\": [ {\"key\": \"a\", \"value\": 3} ] }\n";
  char *units = path_join(small_dir, "more.json"), *f2 = path_join(small_dir, "d2.json"),
       *f3 = path_join(small_dir, "d3.json");
  write_text(units, more);
  write_text(f2, facts2);
  write_text(f3, facts3);
  cli_result r = cli_run((const char *const[]){"--db", small_db, "import", units, f2, f3, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cli_free((cli_result[]){score_with(reads_only)});
  same_in_every_order(small_db, small_rules, "2022");
  free(units); free(f2); free(f3);
}

/* rules check lists the write with the loader's other problems. */
Test(rule_state, rules_check_reports_the_write_next_to_other_problems) {
  put_file(small_rules, "12_crit.lua", "local n = 0\n"
           "criterion \"1.2\" { name = \"c12\", max = 3, owner = \"noi-vu\",\n"
           "  score = function(u, p) n = n + 1 end }\n");
  cli_result c = cli_run((const char *const[]){"--db", small_db, "rules", "check", small_rules, "--no-luacheck", NULL});
  cr_expect_eq(c.status, 1);
  cr_expect(strstr(c.out, "12_crit.lua:3: criterion 1.2: its score assigns to the variable 'n'") != NULL, "%s", c.out);
  cr_expect(strstr(c.out, "component 1: its 2 criteria sum to 7, not its max 6") != NULL, "%s", c.out);
  cli_free(&c);
}
