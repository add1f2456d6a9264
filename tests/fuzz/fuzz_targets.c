/*
** fuzz_targets.c -- see fuzz_targets.h. State (a folder under /tmp, an
** in-memory store) is made on first use and lives for the process.
*/
#define _XOPEN_SOURCE 700
#include "fuzz_targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "ledger.h"
#include "rulebook.h"
#include "score.h"
#include "store.h"

static char folder[64];

static void remove_folder(void) {
  static const char *const files[] = {"units.json", "input.json", "input.csv", "input.xlsx", "rules/00_index.lua",
                                      "rules/10_crit.lua", "rules/50_fuzz.lua", "rules", NULL};
  char path[128];
  for (const char *const *f = files; *f; f++) {
    snprintf(path, sizeof path, "%s/%s", folder, *f);
    remove(path);
  }
  rmdir(folder);
}

static void make_folder(void) {
  if (folder[0]) return;
  snprintf(folder, sizeof folder, "/tmp/parindex-fuzz-XXXXXX");
  if (!mkdtemp(folder)) { perror("mkdtemp"); abort(); }
  atexit(remove_folder);
}

static void put(const char *name, const void *data, size_t size) {
  char path[128];
  snprintf(path, sizeof path, "%s/%s", folder, name);
  FILE *f = fopen(path, "wb");
  if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f)) { perror(path); abort(); }
}

/* ---- import ---- */

static store *fuzz_store;

int fuzz_import(const uint8_t *data, size_t size) {
  char err[2048];
  if (!fuzz_store) {
    make_folder();
    fuzz_store = store_open_or_create(":memory:", NULL, err, sizeof err);
    if (!fuzz_store) { fprintf(stderr, "%s\n", err); abort(); }
    static const char units[] =
      "{\"offices\": [{\"id\": \"noi-vu\", \"name\": \"N\"}],\n"
      " \"units\": [{\"id\": \"p\", \"name\": \"P\", \"kind\": \"province\"},\n"
      "           {\"id\": \"d1\", \"name\": \"D1\", \"kind\": \"district\", \"parent\": \"p\"}]}\n";
    put("units.json", units, sizeof units - 1);
    char path[128];
    snprintf(path, sizeof path, "%s/units.json", folder);
    const char *paths[] = {path};
    import_stats st;
    if (import_paths(fuzz_store, paths, 1, NULL, &st, err, sizeof err)) { fprintf(stderr, "%s\n", err); abort(); }
  }
  size_t i = 0;
  while (i < size && strchr(" \t\r\n", data[i]) && data[i]) i++;
  int json = i < size && (data[i] == '{' || data[i] == '[');
  int xlsx = size >= 4 && !memcmp(data, "PK\x03\x04", 4);          /* a ZIP container: a workbook */
  const char *name = xlsx ? "input.xlsx" : json ? "input.json" : "input.csv";
  put(name, data, size);
  char path[128];
  snprintf(path, sizeof path, "%s/%s", folder, name);
  const char *paths[] = {path};
  import_stats st;
  return import_paths(fuzz_store, paths, 1, NULL, &st, err, sizeof err) ? 1 : 0;
}

/* ---- rules ---- */

static char rules_folder[128];

/* The rule-API program of an input that starts with CALLS_MARK: each byte
** picks a call or a value, so that every input is a rule file that loads
** and calls the API with arguments of every kind. */
#define CALLS_MARK "--calls\n"

static const char *const call_forms[] = {
  "u.fact(@)", "u.fact(@, @)", "u.has(@)", "u.records(@)", "u.records(@, @)", "u.lose(@, @, @)",
  "u.na(@, @)", "h:task(@, @, @)", "h:facts(@, @)", "h.task(@, @)", "h.facts(@)", "fmt(@, @, @)",
  "vn(@, @)", "round2(@)", "linear(@, @, @, @)", "steps(@, @)", "percent(@, @)", "date(@)",
  "date(@, @, @)", "tostring(@)", "next(@, @)", "rawget(@, @)", "rawlen(@)", "(pairs(@))(@, @)",
  "ipairs(@)", "string.format(@, @)", "string.rep(@, @)", "string.find(@, @, @, @)",
  "string.gsub(@, @, @)", "table.insert(@, @)", "table.concat(@, @)", "table.unpack(@, @, @)",
  "d + @", "d - @", "@ - d", "d.year", "d:iso()", "d == @", "d < @", "#@", "@ .. @", "r[1].d + @",
  "p.t[1]", "select('#', @, @)", "string.sub(@, @, @)", "table.move(@, @, @, @)",
};
static const char *const values[] = {
  "nil", "true", "0", "-1", "1.5", "2^63", "math.maxinteger", "math.mininteger", "1e300", "0/0",
  "\"\"", "\"a\"", "\"b\"", "\"items\"", "\"noi-vu\"", "\"%d\"", "\"%s %s\"", "\"%.2f\"", "\"%\"",
  "(\"x\"):rep(300)", "{}", "{1, 2}", "p", "p.t", "p.deep", "u", "u.unit", "d", "r", "r[1]", "h",
  "string", "print", "function() end", "u.year", "\"2022-06-24\"", "\"%b()\"", "\".-.-b\"",
};
#define NFORMS (sizeof call_forms / sizeof *call_forms)
#define NVALUES (sizeof values / sizeof *values)

/* criterion 1.2 with params nested as deep as the first byte says (past 16
** is refused) and a score body of up to 12 calls, into out (cap bytes). */
static void calls_program(const uint8_t *data, size_t size, char *out, size_t cap) {
  size_t i = 0, n = 0;
  int depth = size ? data[i++] % 24 : 0;
  n += (size_t)snprintf(out + n, cap - n, "local deep = 1\nfor i = 1, %d do deep = { deep, k = i } end\n"
                        "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"noi-vu\",\n"
                        "  params = { t = { 1, 2, { 3 } }, deep = deep },\n"
                        "  score = function(u, p)\n"
                        "    local d, r = date(2022, 6, 24), u.records(\"items\")\n"
                        "    local h = u.lose(0.25, \"start %%s\", d)\n", depth);
  for (int stmt = 0; stmt < 12 && i < size && n + 512 < cap; stmt++) {
    const char *form = call_forms[data[i++] % NFORMS];
    n += (size_t)snprintf(out + n, cap - n, "    local v%d = ", stmt);
    for (const char *c = form; *c && n + 64 < cap; c++) {
      if (*c != '@') { out[n++] = *c; continue; }
      const char *v = values[i < size ? data[i++] % NVALUES : 0];
      n += (size_t)snprintf(out + n, cap - n, "(%s)", v);
    }
    n += (size_t)snprintf(out + n, cap - n, "\n");
  }
  snprintf(out + n, cap - n, "  end }\n");
}

int fuzz_rules(const uint8_t *data, size_t size) {
  static const char index_lua[] =
    "index { name = \"Fuzz\", total = 10, appraisal = { \"1\" }, survey = { \"2\" } }\n"
    "component \"1\" { name = \"One\", max = 6, owner = \"noi-vu\" }\n"
    "component \"2\" { name = \"Two\", max = 4, owner = \"tu-phap\" }\n"
    "criterion \"2.1\" { name = \"c21\", max = 4, owner = \"tu-phap\", score = function(u, p) end }\n";
  static const char crit_lua[] =
    "criterion \"1.1\" { name = \"c11\", max = 4, owner = \"noi-vu\",\n"
    "  score = function(u, p)\n"
    "    if u.fact(\"a\") < 5 then u.lose(1, \"a is %d\", u.fact(\"a\")):task(\"noi-vu\", \"raise a\") end\n"
    "  end }\n";
  if (!rules_folder[0]) {
    make_folder();
    snprintf(rules_folder, sizeof rules_folder, "%s/rules", folder);
    if (mkdir(rules_folder, 0700)) { perror(rules_folder); abort(); }
    put("rules/00_index.lua", index_lua, sizeof index_lua - 1);
    put("rules/10_crit.lua", crit_lua, sizeof crit_lua - 1);
  }
  size_t mark = sizeof CALLS_MARK - 1;
  if (size >= mark && !memcmp(data, CALLS_MARK, mark)) {
    static char program[16384];
    calls_program(data + mark, size - mark, program, sizeof program);
    put("rules/50_fuzz.lua", program, strlen(program));
  } else put("rules/50_fuzz.lua", data, size);
  meth_office offices[] = {{(char *)"noi-vu", (char *)"Phòng Nội vụ"},
                         {(char *)"tu-phap", (char *)"Phòng Tư pháp"}};
  rule_limits lim = {.max_instructions = 50000, .max_memory = 4u << 20};
  char err[4096];
  rulebook *rb = rulebook_load(rules_folder, offices, 2, &lim, err, sizeof err);
  if (!rb) return 1;
  const fact facts[] = {                       /* sorted by key */
    {.key = "a", .type = FT_INTEGER, .integer = 3, .source = "fuzz"},
    {.key = "b", .type = FT_NUMBER, .num = 86.75},
    {.key = "items", .type = FT_LIST, .text = "[{\"n\":1,\"d\":\"2022-01-02\",\"t\":\"x\"}]"},
  };
  unit_facts uf = {{"d1", "Huyện D1", "district", "p"}, 2022, facts, 3};
  unit_result r = {0};
  int rc = score_unit(rb, &uf, &r, err, sizeof err);
  ledger_free(&r);
  rulebook_free(rb);
  return rc ? 1 : 0;
}
