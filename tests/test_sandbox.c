/*
** test_sandbox.c -- hostile and broken rule files, run through the real
** binary: each must fail with exit 1, name the rule file and line and what
** was refused on stderr, print nothing on stdout and store no run.
** The hostile cases are files in tests/hostile/ (see its README.md), each
** run at load time and inside a score function by the `hostile` test.
** Also bytecode and runtime errors.
**
** Every test gets its own folder with the small store and rulebook of
** helpers.h (small_setup); 12_crit.lua is replaced by 12_evil.lua in a test.
*/
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

/* Criterion 1.2 with `code` on line 4 of its file. */
static const char evil_score_fmt[] =
  "criterion \"1.2\" {\n"
  "  name = \"c12\", max = 2, owner = \"noi-vu\", params = { k = 1, t = { 1 } },\n"
  "  score = function(u, p)\n"
  "    %s\n"
  "  end,\n"
  "}\n";

/* A bonus item with `code` on line 4, before criterion 1.2 (`-- in: bonus`). */
static const char evil_bonus_fmt[] =
  "bonus \"B9\" {\n"
  "  name = \"b9\", max = 1, owner = \"noi-vu\", params = { k = 1, t = { 1 } },\n"
  "  score = function(u, p)\n"
  "    %s\n"
  "  end,\n"
  "}\n%s";

TestSuite(sandbox, .init = small_setup, .fini = small_teardown, .timeout = 60);

/* Replace criterion 1.2 by an evil file: `code` at the top level (line 2)
** or inside its score function (line 4). */
static void plant(const char *code, int in_score) {
  char *p = path_join(small_rules, "12_crit.lua");
  unlink(p);
  free(p);
  char text[4096];
  if (in_score) snprintf(text, sizeof text, evil_score_fmt, code);
  else snprintf(text, sizeof text, "-- an evil rule file\n%s\n%s", code, small_crit12_lua);
  put_file(small_rules, "12_evil.lua", text);
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
  long before = small_run_rows();
  plant(code, in_score);
  cli_result r = small_score(opt1, opt2);
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
  cr_expect_eq(small_run_rows(), before, "%s %s: the run tables changed", code, where);
  cli_free(&r);
}

/* ---- the test rulebook itself ---- */

Test(sandbox, the_test_rulebook_scores_and_stores_a_run) {
  long before = small_run_rows();
  cli_result r = small_score("--format", "json");
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "\"par_index\":\t9") != NULL, "%s", r.out);
  cr_expect_gt(small_run_rows(), before);
  cli_free(&r);
}

/* ---- tests/hostile: one file per case (see tests/hostile/README.md) ---- */

typedef struct { char name[64]; } hostile_case;

static int is_case(const char *name) {
  size_t n = strlen(name);
  return name[0] != '.' && n > 4 && n < sizeof(((hostile_case *)0)->name) &&
         !strcmp(name + n - 4, ".lua");
}

static int cmp_case(const void *a, const void *b) {
  return strcmp(((const hostile_case *)a)->name, ((const hostile_case *)b)->name);
}

static void free_cases(struct criterion_test_params *ctp) { cr_free(ctp->params); }

ParameterizedTestParameters(sandbox, hostile) {
  DIR *d = opendir(PARINDEX_TEST_DIR "/hostile");
  size_t n = 0, cap = 128;
  hostile_case *cases = cr_malloc(cap * sizeof *cases);
  for (struct dirent *e; d && (e = readdir(d));)
    if (is_case(e->d_name) && n < cap) memcpy(cases[n++].name, e->d_name, strlen(e->d_name) + 1);
  if (d) closedir(d);
  qsort(cases, n, sizeof *cases, cmp_case);
  return cr_make_param_array(hostile_case, cases, n, free_cases);
}

Test(sandbox, there_are_at_least_25_hostile_cases) {
  DIR *d = opendir(PARINDEX_TEST_DIR "/hostile");
  cr_assert_not_null(d);
  int n = 0;
  for (struct dirent *e; (e = readdir(d));) n += is_case(e->d_name);
  closedir(d);
  cr_expect_geq(n, 25, "only %d files in tests/hostile", n);
}

/* What a case file says: header fields and the code after them. */
typedef struct { char *text; const char *expect, *top, *options, *code; int in_bonus; } hostile_spec;

static void parse_case(const char *name, hostile_spec *h) {
  char path[512];
  snprintf(path, sizeof path, "%s/hostile/%s", PARINDEX_TEST_DIR, name);
  memset(h, 0, sizeof *h);
  h->text = read_text(path, NULL);
  cr_assert_not_null(h->text, "cannot read %s", path);
  char *p = h->text;
  while (!strncmp(p, "-- ", 3)) {
    char *eol = strchr(p, '\n');
    cr_assert_not_null(eol, "%s: no code after the header", name);
    *eol = '\0';
    if (!strncmp(p, "-- expect: ", 11)) h->expect = p + 11;
    else if (!strncmp(p, "-- top: ", 8)) h->top = p + 8;
    else if (!strncmp(p, "-- options: ", 12)) h->options = p + 12;
    else if (!strcmp(p, "-- in: bonus")) h->in_bonus = 1;     /* planted in a bonus's score, not 1.2's */
    p = eol + 1;
  }
  size_t n = strlen(p);
  while (n && p[n - 1] == '\n') p[--n] = '\0';
  h->code = p;
  cr_assert(h->expect && *h->code, "%s: needs '-- expect:' and code", name);
}

/* Does err hold one of the " | "-separated alternatives of want? */
static int says(const char *err, const char *want) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s", want);
  for (char *alt = buf, *next; alt; alt = next) {
    next = strstr(alt, " | ");
    if (next) { *next = '\0'; next += 3; }
    if (strstr(err, alt)) return 1;
  }
  return 0;
}

/* Every file under the test folder with size and modification time (not a
** folder's time: SQLite creates and removes its -wal and -shm files). */
static char *tree;
static size_t treelen;
static FILE *treeout;
static int tree_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)ftw;
  if (flag == FTW_D) { fprintf(treeout, "%s/\n", path); return 0; }
  fprintf(treeout, "%s %o %lld %lld.%09ld\n", path, (unsigned)st->st_mode, (long long)st->st_size,
          (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
  return 0;
}
static char *snapshot(void) {
  treeout = open_memstream(&tree, &treelen);
  cr_assert_not_null(treeout);
  nftw(small_dir, tree_entry, 16, FTW_PHYS);
  fclose(treeout);
  return tree;
}

static void hostile_run(const char *name, const hostile_spec *h, int in_score) {
  const char *where = in_score ? "in score()" : "at top level";
  const char *want = !in_score && h->top ? h->top : h->expect;
  plant(h->code, in_score);
  if (in_score && h->in_bonus) {
    char text[4096];
    snprintf(text, sizeof text, evil_bonus_fmt, h->code, small_crit12_lua);
    put_file(small_rules, "12_evil.lua", text);
  }
  size_t nbefore = 0, nafter = 0;
  char *before = read_text(small_db, &nbefore), *files = snapshot();
  char opts[128] = "";
  const char *args[16] = {"--db", small_db, "score", "--rules", small_rules, "--year", "2022", "--unit", "d1"};
  int n = 9;
  if (h->options) {
    snprintf(opts, sizeof opts, "%s", h->options);
    for (char *t = strtok(opts, " "); t && n < 15; t = strtok(NULL, " ")) args[n++] = t;
  }
  args[n] = NULL;
  cli_opts o = {.cwd = small_dir, .seconds = 5};               /* the folder is the working dir */
  cli_result r = cli_run_opts(&o, args);
  char *after = read_text(small_db, &nafter), *files2 = snapshot();
  cr_expect_eq(r.status, 1, "%s %s: exit %d, want 1 within 5 s\nstderr: %s", name, where, r.status, r.err);
  cr_expect_str_empty(r.out, "%s %s: stdout: %s", name, where, r.out);
  int line = (in_score ? 3 : 1) + 1;                     /* the code's first line */
  cr_expect(names_line(r.err, line), "%s %s: stderr does not name 12_evil.lua:%d:\n%s", name,
            where, line, r.err);
  cr_expect(says(r.err, want), "%s %s: stderr does not say '%s':\n%s", name, where, want, r.err);
  if (in_score)
    cr_expect(strstr(r.err, h->in_bonus ? "bonus B9 (d1, 2022)" : "criterion 1.2") != NULL,
              "%s %s: the criterion or item is not named:\n%s", name, where, r.err);
  cr_expect(before && after && nbefore == nafter && !memcmp(before, after, nbefore),
            "%s %s: the store file changed", name, where);
  cr_expect_str_eq(files2, files, "%s %s: files in the test folder changed:\n%s\nnow:\n%s", name,
                   where, files, files2);
  cli_free(&r);
  free(before); free(after); free(files); free(files2);
}

ParameterizedTest(hostile_case *c, sandbox, hostile) {
  hostile_spec h;
  parse_case(c->name, &h);
  hostile_run(c->name, &h, 0);
  hostile_run(c->name, &h, 1);
  free(h.text);
}

/* The defaults (10,000,000 instructions, 64 MiB) leave a wide margin: the
** bundled rulebooks score within a thousandth of the budget (10,000
** instructions, library calls charged for their work: 1.2's tasks rewrite
** the year of each report with gsub) and a 1 MiB cap. */
Test(sandbox, bundled_rulebooks_stay_far_below_the_limits) {
  char *store = bundled_store();
  for (int y = 2021; y <= 2022; y++) {
    char year[8];
    snprintf(year, sizeof year, "%d", y);
    cli_result r = cli_run((const char *const[]){"--db", store, "score", "--rules", "rules/lai-chau/district",
                                             "--year", year, "--max-instructions", "10000",
                                             "--max-memory", "1", NULL});
    cr_expect_eq(r.status, 0, "%d: %s", y, r.err);
    cli_free(&r);
  }
  free(store);
}

/* ---- bytecode ---- */

static void write_bytes(const char *path, const void *data, size_t n) {
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  cr_assert_eq(fwrite(data, 1, n, f), n);
  fclose(f);
}

static void plant_bytecode(void) {
  char *bc = path_join(small_rules, "12_crit.lua");
  char *src = path_join(small_dir, "src.lua");
  write_text(src, small_crit12_lua);
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
  long before = small_run_rows();
  plant_bytecode();
  cli_result r = small_score(NULL, NULL);
  cr_expect_eq(r.status, 1, "%s", r.err);
  cr_expect_str_empty(r.out);
  cr_expect(strstr(r.err, "attempt to load a binary chunk") != NULL, "%s", r.err);
  cr_expect_eq(small_run_rows(), before);
  cli_free(&r);
}

/* A bytecode file is refused with its path: "file:1: attempt to load a binary chunk". */
Test(sandbox, bytecode_refusal_names_the_file) {
  plant_bytecode();
  cli_result r = small_score(NULL, NULL);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/rules/12_crit.lua") != NULL, "%s", r.err);
  cli_free(&r);
}

/* ---- runtime errors inside a criterion ---- */

Test(sandbox, runtime_error_names_criterion_file_and_line) {
  refused_at("local a = nil; if a < 1 then end", 1, "attempt to compare nil with number", -1, NULL, NULL);
  cli_result r = small_score(NULL, NULL);
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

/* The charges are the work's size, not a penalty: ordinary use of the
** libraries on texts of a few KiB fits the default budget many times over,
** and gives the right answers. */
Test(sandbox, ordinary_library_use_fits_the_default_budget) {
  plant("local s, n = (\"ab \"):rep(3000), 0 "
        "for i = 1, #s do if s:sub(i, i) == \"a\" then n = n + 1 end end "
        "local w = select(2, s:gsub(\"%s+\", \" \")) "
        "local t = {} for x in s:gmatch(\"%a+\") do t[#t + 1] = x end table.sort(t) "
        "local f = s:find(\"ab ab\", 1, true) "
        "if n ~= 3000 or w ~= 3000 or #t ~= 3000 or f ~= 1 or #table.concat(t, \",\") ~= 8999 then "
        "error(\"wrong: \" .. n .. \" \" .. w .. \" \" .. #t) end", 1);
  cli_result r = small_score(NULL, NULL);
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
}

/* u.records parses the stored list outside Lua's allocator (cJSON): a list
** larger than the memory left is refused before it is parsed. */
Test(sandbox, a_list_larger_than_the_memory_left_is_not_parsed) {
  char *path = path_join(small_dir, "big.json");
  FILE *f = fopen(path, "w");
  cr_assert_not_null(f);
  fputs("{ \"unit\": \"d1\", \"year\": 2022, \"source\": \"test\", \"facts\": [ {\"key\": \"big\", \"value\": [", f);
  for (int i = 0; i < 40000; i++) fprintf(f, "%s{\"n\": %d, \"t\": \"xxxxxxxxxxxxxxxx\"}", i ? "," : "", i);
  fputs("]} ] }\n", f);
  fclose(f);
  cli_result r = cli_run((const char *const[]){"--db", small_db, "import", path, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  refused_at("local r = u.records(\"big\")", 1, "memory cap exceeded (1 MiB): fact 'big' is a list of", -1,
             "--max-memory", "1");
  free(path);
}
