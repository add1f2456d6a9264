/*
** test_sandbox.c -- hostile and broken rule files, run through the real
** binary: each must fail with exit 1, name the rule file and line and what
** was refused on stderr, print nothing on stdout and store no run.
** Also the checks of a rulebook's declarations.
**
** Every test gets its own folder: a small store (two offices, a province and
** one district with three facts for 2022) and a small valid rulebook:
**   00_index.lua   index (total 10), components 1 (max 6) and 2 (max 4)
**   10_crit.lua    criteria 1.1 (4) and 2.1 (4)
**   12_crit.lua    criterion 1.2 (2)      -- replaced by 12_evil.lua in a test
*/
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static char *dir, *db, *rules;

static const char units_json[] =
  "{\n"
  "  \"offices\": [ {\"id\": \"noi-vu\", \"name\": \"Phòng Nội vụ\"},\n"
  "                {\"id\": \"tu-phap\", \"name\": \"Phòng Tư pháp\"} ],\n"
  "  \"units\": [ {\"id\": \"p\", \"name\": \"Tỉnh P\", \"kind\": \"province\"},\n"
  "              {\"id\": \"d1\", \"name\": \"Huyện D1\", \"kind\": \"district\", \"parent\": \"p\"} ]\n"
  "}\n";

static const char facts_json[] =
  "{ \"unit\": \"d1\", \"year\": 2022, \"source\": \"test\",\n"
  "  \"facts\": [ {\"key\": \"a\", \"value\": 3},\n"
  "             {\"key\": \"b\", \"value\": 86.75},\n"
  "             {\"key\": \"items\", \"value\": [ {\"n\": 1, \"d\": \"2022-01-02\"} ]} ] }\n";

static const char index_lua[] =
  "index { name = \"Test index\", total = 10, appraisal = { \"1\" }, survey = { \"2\" } }\n"
  "component \"1\" { name = \"One\", max = 6, owner = \"noi-vu\" }\n"
  "component \"2\" { name = \"Two\", max = 4, owner = \"tu-phap\" }\n";

static const char crit_lua[] =
  "criterion \"1.1\" { name = \"c11\", max = 4, owner = \"noi-vu\",\n"
  "  score = function(u, p)\n"
  "    if u.fact(\"a\") < 5 then u.lose(1, \"a is %d\", u.fact(\"a\")) end\n"
  "  end }\n"
  "criterion \"2.1\" { name = \"c21\", max = 4, owner = \"tu-phap\", score = function(u, p) end }\n";

static const char crit12_lua[] =
  "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"noi-vu\", score = function(u, p) end }\n";

/* Criterion 1.2 with `code` on line 4 of its file. */
static const char evil_score_fmt[] =
  "criterion \"1.2\" {\n"
  "  name = \"c12\", max = 2, owner = \"noi-vu\", params = { k = 1, t = { 1 } },\n"
  "  score = function(u, p)\n"
  "    %s\n"
  "  end,\n"
  "}\n";

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st; (void)flag; (void)ftw;
  return remove(path);
}

static void put(const char *folder, const char *name, const char *text) {
  char *p = path_join(folder, name);
  write_text(p, text);
  free(p);
}

static cli_result run(const char *const *args) { return cli_run(args); }

/* Rows in every run table together. */
static long run_rows(void) {
  sqlite3 *h;
  sqlite3_stmt *st;
  long n = -1;
  cr_assert_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  const char *sql =
    "SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM run_totals) +"
    " (SELECT count(*) FROM run_units) + (SELECT count(*) FROM run_components) +"
    " (SELECT count(*) FROM run_criteria) + (SELECT count(*) FROM run_deductions)";
  cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
  if (sqlite3_step(st) == SQLITE_ROW) n = (long)sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return n;
}

static cli_result score(const char *opt1, const char *opt2) {
  const char *args[16] = {"--db", db, "score", "--rules", rules, "--year", "2022", "--unit", "d1"};
  int n = 9;
  if (opt1) args[n++] = opt1;
  if (opt2) args[n++] = opt2;
  args[n] = NULL;
  return run(args);
}

static void setup(void) {
  unsetenv("PARINDEX_DB");
  unsetenv("PARINDEX_RULES");
  dir = tmp_folder();
  db = path_join(dir, "store.db");
  char *data = path_join(dir, "data");
  rules = path_join(dir, "rules");
  cr_assert_eq(mkdir(data, 0700), 0);
  cr_assert_eq(mkdir(rules, 0700), 0);
  put(data, "units.json", units_json);
  put(data, "facts.json", facts_json);
  put(rules, "00_index.lua", index_lua);
  put(rules, "10_crit.lua", crit_lua);
  put(rules, "12_crit.lua", crit12_lua);
  cli_result r = run((const char *const[]){"--db", db, "import", data, NULL});
  cr_assert_eq(r.status, 0, "import failed: %s", r.err);
  cli_free(&r);
  /* one good run, so that "no new rows" is measured against a non-empty ledger */
  r = score(NULL, NULL);
  cr_assert_eq(r.status, 0, "the valid test rulebook does not score: %s", r.err);
  cli_free(&r);
  free(data);
}

static void teardown(void) {
  nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
  free(dir); free(db); free(rules);
}

TestSuite(sandbox, .init = setup, .fini = teardown, .timeout = 60);
TestSuite(rulebook, .init = setup, .fini = teardown, .timeout = 60);

/* Replace criterion 1.2 by an evil file: `code` at the top level (line 2)
** or inside its score function (line 4). */
static void plant(const char *code, int in_score) {
  char *p = path_join(rules, "12_crit.lua");
  unlink(p);
  free(p);
  char text[4096];
  if (in_score) snprintf(text, sizeof text, evil_score_fmt, code);
  else snprintf(text, sizeof text, "-- an evil rule file\n%s\n%s", code, crit12_lua);
  put(rules, "12_evil.lua", text);
}

/* The file and a line: "12_evil.lua:LINE:" (line 0: any line). */
static int names_line(const char *err, int line) {
  if (line > 0) {
    char want[64];
    snprintf(want, sizeof want, "/rules/12_evil.lua:%d:", line);
    return strstr(err, want) != NULL;
  }
  const char *p = strstr(err, "/rules/12_evil.lua:");
  return p && p[19] >= '1' && p[19] <= '9';
}

/* Run the score with `code` planted and check the refusal. line: -1 for
** the line of the code itself, 0 for any line, else that line. */
static void refused_at(const char *code, int in_score, const char *what, int line,
                       const char *opt1, const char *opt2) {
  const char *where = in_score ? "in score()" : "at top level";
  long before = run_rows();
  plant(code, in_score);
  cli_result r = score(opt1, opt2);
  if (line < 0) line = in_score ? 4 : 2;
  cr_expect_eq(r.status, 1, "%s %s: exit %d, want 1\nstderr: %s", code, where, r.status, r.err);
  cr_expect_str_empty(r.out, "%s %s: stdout not empty: %s", code, where, r.out);
  cr_expect(names_line(r.err, line), "%s %s: stderr does not name 12_evil.lua:%d:\n%s", code,
            where, line, r.err);
  cr_expect(strstr(r.err, what) != NULL, "%s %s: stderr does not say '%s':\n%s", code, where,
            what, r.err);
  if (in_score)
    cr_expect(strstr(r.err, "criterion 1.2") != NULL, "%s %s: stderr does not name the criterion:\n%s",
              code, where, r.err);
  cr_expect_eq(run_rows(), before, "%s %s: the run tables changed", code, where);
  cli_free(&r);
}

static void refused(const char *code, const char *what) {
  refused_at(code, 0, what, -1, NULL, NULL);
  refused_at(code, 1, what, -1, NULL, NULL);
}

/* ---- the test rulebook itself ---- */

Test(sandbox, the_test_rulebook_scores_and_stores_a_run) {
  long before = run_rows();
  cli_result r = score("--format", "json");
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "\"par_index\":\t9") != NULL, "%s", r.out);
  cr_expect_gt(run_rows(), before);
  cli_free(&r);
}

/* ---- blocked functions and libraries ---- */

Test(sandbox, os_execute) { refused("os.execute(\"touch /tmp/parindex-pwned\")", "os.execute is blocked"); }
Test(sandbox, io_open) { refused("local f = io.open(\"/etc/passwd\")", "io.open is blocked"); }
Test(sandbox, require) { refused("local os = require(\"os\")", "require is blocked"); }
Test(sandbox, dofile) { refused("dofile(\"/etc/passwd\")", "dofile is blocked"); }
Test(sandbox, loadfile) { refused("local f = loadfile(\"/etc/passwd\")", "loadfile is blocked"); }
Test(sandbox, load_text) { refused("local f = load(\"return 1\")", "load is blocked"); }
Test(sandbox, load_binary_chunk_string) {
  refused("local f = load(\"\\27Lua\\84\\0\\25\\147\\13\\10\\26\\10\", \"x\", \"b\")", "load is blocked");
}
Test(sandbox, string_dump) { refused("local s = string.dump(function() end)", "string.dump is blocked"); }
Test(sandbox, string_dump_as_a_method) { refused("local s = (\"\").dump(function() end)", "string.dump is blocked"); }
Test(sandbox, debug_traceback) { refused("local s = debug.traceback()", "debug.traceback is blocked"); }
Test(sandbox, setmetatable) { refused("local t = setmetatable({}, {})", "setmetatable is blocked"); }
Test(sandbox, getmetatable_of_strings) { refused("local m = getmetatable(\"\")", "getmetatable is blocked"); }
Test(sandbox, rawset) { refused("rawset({}, 1, 2)", "rawset is blocked"); }
Test(sandbox, math_random) { refused("local x = math.random()", "math.random is blocked"); }

/* ---- globals and read-only values ---- */

Test(sandbox, assignment_to_a_new_global) { refused("x = 1", "assignment to global 'x'"); }
Test(sandbox, reading_an_undefined_global) { refused("local y = nosuch + 1", "undefined global 'nosuch'"); }
Test(sandbox, writing_into_a_library) {
  refused("string.upper = nil", "string is read-only");
  refused("math.pi = 3", "math is read-only");
}

Test(sandbox, writing_into_u) {
  refused_at("u.x = 1", 1, "u is read-only", -1, NULL, NULL);
  refused_at("u.lose = function() end", 1, "u is read-only", -1, NULL, NULL);
}
Test(sandbox, writing_into_u_unit) { refused_at("u.unit.id = \"other\"", 1, "u.unit is read-only", -1, NULL, NULL); }
Test(sandbox, writing_into_a_record) {
  refused_at("u.records(\"items\")[1].n = 5", 1, "a record is read-only", -1, NULL, NULL);
  refused_at("table.insert(u.records(\"items\"), {})", 1, "records is read-only", -1, NULL, NULL);
}
Test(sandbox, writing_into_params) {
  refused_at("p.k = 2", 1, "params is read-only", -1, NULL, NULL);
  refused_at("p.t[1] = 3", 1, "params is read-only", -1, NULL, NULL);
}

/* ---- budgets ---- */

Test(sandbox, endless_loop_is_stopped_by_the_instruction_budget) {
  refused_at("while true do end", 0, "instruction budget", -1, "--max-instructions", "100000");
  refused_at("while true do end", 1, "instruction budget", -1, "--max-instructions", "100000");
}

Test(sandbox, endless_loop_is_stopped_by_the_default_budget) {
  refused_at("while true do end", 0, "instruction budget exceeded (10000000", -1, NULL, NULL);
  refused_at("while true do end", 1, "instruction budget exceeded (10000000", -1, NULL, NULL);
}

Test(sandbox, endless_recursion) {
  refused_at("local function f() return 1 + f() end f()", 0, "instruction budget", -1,
             "--max-instructions", "100000");
  refused_at("local function f() return 1 + f() end f()", 1, "instruction budget", -1,
             "--max-instructions", "100000");
}

Test(sandbox, endless_recursion_with_default_limits) {
  /* whichever limit comes first (memory, stack, budget), it is a clean refusal */
  const char *code = "local function f() return 1 + f() end f()";
  for (int in_score = 0; in_score < 2; in_score++) {
    plant(code, in_score);
    cli_result r = score(NULL, NULL);
    cr_expect_eq(r.status, 1, "exit %d: %s", r.status, r.err);
    cr_expect_str_empty(r.out);
    cr_expect(names_line(r.err, in_score ? 4 : 2), "%s", r.err);
    cr_expect(strstr(r.err, "memory cap") || strstr(r.err, "stack overflow") ||
              strstr(r.err, "instruction budget"), "%s", r.err);
    cli_free(&r);
  }
}

Test(sandbox, huge_string_rep_in_a_criterion) {
  /* one allocation over the hard cap: the criterion's file and a line */
  refused_at("local s = string.rep(\"x\", 1e9)", 1, "memory cap", 0, NULL, NULL);
}

/* string.rep checks its size against the memory left, so even a single
** huge allocation is refused at the rule's own line. */
Test(sandbox, huge_string_rep_at_top_level_names_the_file) {
  refused_at("local s = string.rep(\"x\", 1e9)", 0, "memory cap", -1, NULL, NULL);
}

Test(sandbox, table_grown_without_end_hits_the_memory_cap) {
  const char *code = "local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end";
  refused_at(code, 0, "memory cap exceeded (16 MiB)", -1, "--max-memory", "16");
  refused_at(code, 1, "memory cap exceeded (16 MiB)", -1, "--max-memory", "16");
}

/* Lua pattern matching runs in C, where the count hook never fires: the
** worst case of each match (length ^ quantifiers) is charged to the budget. */
Test(sandbox, pattern_backtracking_counts_against_the_budget) {
  refused_at("local r = string.rep(\"a\", 80):find(\".-.-.-.-b\")", 0, "instruction budget", -1,
             "--max-instructions", "1000");
}

/* ---- error objects ---- */

Test(sandbox, table_error_object) { refused("error({})", "error object is a table value"); }

Test(sandbox, error_object_with_tostring_is_blocked_anyway) {
  refused("error(setmetatable({}, {__tostring = function() return \"x\" end}))",
          "setmetatable is blocked");
}

/* ---- bytecode ---- */

static void write_bytes(const char *path, const void *data, size_t n) {
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  cr_assert_eq(fwrite(data, 1, n, f), n);
  fclose(f);
}

static void plant_bytecode(void) {
  char *bc = path_join(rules, "12_crit.lua");
  char *src = path_join(dir, "src.lua");
  write_text(src, crit12_lua);
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "luac5.4 -o '%s' '%s' 2>/dev/null", bc, src);
  if (system(cmd) != 0) {                  /* no luac: a binary chunk header is enough */
    static const char header[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08";
    write_bytes(bc, header, sizeof header - 1);
  }
  size_t n = 0;
  char *text = read_text(bc, &n);
  cr_assert(text && n > 4 && memcmp(text, "\x1bLua", 4) == 0, "no bytecode written");
  free(text); free(bc); free(src);
}

Test(sandbox, bytecode_file_is_refused_at_load) {
  long before = run_rows();
  plant_bytecode();
  cli_result r = score(NULL, NULL);
  cr_expect_eq(r.status, 1, "%s", r.err);
  cr_expect_str_empty(r.out);
  cr_expect(strstr(r.err, "attempt to load a binary chunk") != NULL, "%s", r.err);
  cr_expect_eq(run_rows(), before);
  cli_free(&r);
}

/* A bytecode file is refused with its path: "file:1: attempt to load a binary chunk". */
Test(sandbox, bytecode_refusal_names_the_file) {
  plant_bytecode();
  cli_result r = score(NULL, NULL);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/rules/12_crit.lua") != NULL, "%s", r.err);
  cli_free(&r);
}

/* ---- runtime errors inside a criterion ---- */

Test(sandbox, runtime_error_names_criterion_file_and_line) {
  refused_at("local a = nil; if a < 1 then end", 1, "attempt to compare nil with number", -1, NULL, NULL);
  cli_result r = score(NULL, NULL);
  cr_expect(strstr(r.err, "criterion 1.2 (d1, 2022)") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "nothing was stored") != NULL, "%s", r.err);
  cli_free(&r);
}

Test(sandbox, missing_fact_names_the_unit_and_key) {
  refused_at("local x = u.fact(\"nosuch\")", 1, "unit d1 has no fact 'nosuch' for 2022", -1, NULL, NULL);
}

Test(sandbox, syntax_error_names_file_and_line) {
  refused_at("local a = = 1", 0, "unexpected symbol near '='", -1, NULL, NULL);
}

/* ---- rulebook declarations ---- */

static void invalid_rulebook(const char *file, const char *text, const char *const *want) {
  long before = run_rows();
  put(rules, file, text);
  cli_result r = score(NULL, NULL);
  cr_expect_eq(r.status, 1, "exit %d: %s", r.status, r.err);
  cr_expect_str_empty(r.out);
  for (; *want; want++) cr_expect(strstr(r.err, *want) != NULL, "no '%s' in:\n%s", *want, r.err);
  cr_expect_eq(run_rows(), before);
  cli_free(&r);
}

Test(rulebook, criteria_not_summing_to_the_component_max) {
  invalid_rulebook("12_crit.lua",
                   "criterion \"1.2\" { name = \"c12\", max = 1.5, owner = \"noi-vu\", score = function() end }\n",
                   (const char *const[]){"/rules/00_index.lua:2: component 1", "5,5", "6", NULL});
}

Test(rulebook, components_not_summing_to_the_total) {
  invalid_rulebook("00_index.lua",
                   "index { name = \"T\", total = 11, appraisal = { \"1\" }, survey = { \"2\" } }\n"
                   "component \"1\" { name = \"One\", max = 6, owner = \"noi-vu\" }\n"
                   "component \"2\" { name = \"Two\", max = 4, owner = \"tu-phap\" }\n",
                   (const char *const[]){"/rules/00_index.lua:1:", "sum to 10", "total 11", NULL});
}

Test(rulebook, unknown_owner_office) {
  invalid_rulebook("12_crit.lua",
                   "\ncriterion \"1.2\" { name = \"c12\", max = 2, owner = \"nobody\", score = function() end }\n",
                   (const char *const[]){"/rules/12_crit.lua:2:", "criterion 1.2", "unknown owner office 'nobody'", NULL});
}

Test(rulebook, duplicate_criterion_id) {
  invalid_rulebook("20_dup.lua",
                   "criterion \"1.2\" { name = \"again\", max = 0, owner = \"noi-vu\", score = function() end }\n",
                   (const char *const[]){"/rules/20_dup.lua:1:", "criterion 1.2: declared twice",
                                         "/rules/12_crit.lua:1", NULL});
}

Test(rulebook, criterion_of_an_unknown_component) {
  invalid_rulebook("20_x.lua",
                   "criterion \"9.1\" { name = \"x\", max = 0, owner = \"noi-vu\", score = function() end }\n",
                   (const char *const[]){"/rules/20_x.lua:1:", "criterion 9.1: unknown component '9'", NULL});
}

Test(rulebook, unknown_field_in_a_declaration) {
  invalid_rulebook("20_x.lua",
                   "criterion \"1.3\" { name = \"x\", mx = 2, max = 0, owner = \"noi-vu\", score = function() end }\n",
                   (const char *const[]){"/rules/20_x.lua:1:", "criterion 1.3: unknown field 'mx'", NULL});
}

Test(rulebook, every_problem_is_reported_at_once) {
  put(rules, "20_a.lua", "criterion \"9.1\" { name = \"x\", max = 0, owner = \"noi-vu\", score = function() end }\n");
  put(rules, "21_b.lua", "criterion \"1.3\" { name = \"x\", max = 0, owner = \"nobody\", score = function() end }\n");
  cli_result r = score(NULL, NULL);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/rules/20_a.lua:1: criterion 9.1") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "/rules/21_b.lua:1: criterion 1.3: unknown owner office") != NULL, "%s", r.err);
  cli_free(&r);
}

/* A store without offices cannot vouch for any owner: scoring refuses and says why. */
Test(rulebook, owners_are_checked_when_the_store_has_no_offices) {
  char *db2 = path_join(dir, "no-offices.db");
  char *units = path_join(dir, "units.csv"), *facts = path_join(dir, "data/facts.json");
  write_text(units, "id,name,kind,parent\np,Tỉnh P,province,\nd1,Huyện D1,district,p\n");
  cli_result r = run((const char *const[]){"--db", db2, "import", units, facts, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  put(rules, "12_crit.lua", "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"nobody\", score = function() end }\n");
  r = run((const char *const[]){"--db", db2, "score", "--rules", rules, "--year", "2022", NULL});
  cr_expect_eq(r.status, 1, "scored with an unknown owner: %s", r.out);
  cr_expect(strstr(r.err, "unknown owner office") && strstr(r.err, "no offices") != NULL, "%s", r.err);
  cli_free(&r);
  free(db2); free(units); free(facts);
}
