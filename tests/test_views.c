/*
** test_views.c -- the read-only views a rule sees (u, params, records,
** u.unit): reading works (fields, #, ipairs, pairs, nested params), every
** write is refused with the view's name. Runs the real CLI on a one-file
** rulebook against the bundled store.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static char *db, *dir;

static void setup(void) {
  db = bundled_store();
  dir = tmp_folder();
}

static void teardown(void) {
  free(db);
  free(dir);
}

/* A rulebook of one component and one criterion scored by `body`. */
static cli_result explain_with(const char *params, const char *body) {
  char *file = path_join(dir, "00_r.lua");
  size_t n = strlen(params) + strlen(body) + 1024;
  char *text = malloc(n);
  snprintf(text, n,
           "index { name = \"t\", total = 2, appraisal = { \"1\" }, survey = {} }\n"
           "component \"1\" { name = \"c\", max = 2, owner = \"noi-vu\" }\n"
           "criterion \"1.1\" { name = \"k\", max = 2, owner = \"noi-vu\",\n"
           "  params = %s,\n"
           "  score = function(u, p)\n%s\n  end }\n",
           params, body);
  write_text(file, text);
  free(text);
  free(file);
  return cli_run((const char *const[]){"--db", db, "explain", "--rules", dir, "--year", "2022",
                                       "--unit", "muong-te", "--lang", "en", NULL});
}

/* The rule scores and its explanation shows `want`. */
static void explains(const char *params, const char *body, const char *want) {
  cli_result r = explain_with(params, body);
  cr_assert_eq(r.status, 0, "explain failed: %s", r.err);
  cr_expect(strstr(r.out, want) != NULL, "expected '%s' in: %s", want, r.out);
  cli_free(&r);
}

TestSuite(views, .init = setup, .fini = teardown);

Test(views, reading_params_and_facts) {
  explains("{ muc = { { 0.9, 2 }, { 0.5, 1 } }, ten = \"x\" }",
           "    local n, keys = 0, 0\n"
           "    for _, s in ipairs(p.muc) do n = n + s[2] end\n"
           "    for k in pairs(p) do keys = keys + 1 end\n"
           "    u.lose(0.5, \"len %d sum %d keys %d ten %s step %s unit %s year %d fact %d\", #p.muc, n, keys,\n"
           "           p.ten, steps(0.7, p.muc), u.unit.id, u.year, u.fact(\"ho_so_tra_qua_han\"))",
           "len 2 sum 3 keys 2 ten x step 1 unit muong-te year 2022 fact 51");
}

static void refused(const char *body, const char *message) {
  cli_result r = explain_with("{ a = 1, t = { 1 } }", body);
  cr_expect_eq(r.status, 1, "'%s' was not refused: %s", body, r.out);
  cr_expect(strstr(r.err, message) != NULL, "'%s': expected '%s' in: %s", body, message, r.err);
  cr_expect(strstr(r.err, "00_r.lua:") != NULL, "no file:line in: %s", r.err);
  cli_free(&r);
}

Test(views, writes_are_refused) {
  refused("    p.a = 2", "params is read-only (cannot set 'a')");
  refused("    p.t[1] = 2", "params is read-only (cannot set '?')");
  refused("    table.insert(p.t, 5)", "params is read-only");
  refused("    u.fact = nil", "u is read-only (cannot set 'fact')");
  refused("    u.unit.id = \"x\"", "u.unit is read-only (cannot set 'id')");
  refused("    u.records(\"bao_cao_khong_dung_han\")[1].ten = \"x\"", "a record is read-only (cannot set 'ten')");
  refused("    rawset(p, \"a\", 2)", "rawset is blocked in rule files (sandbox)");
  refused("    getmetatable(p).__index.a = 2", "getmetatable is blocked in rule files (sandbox)");
  refused("    math.pi = 3", "math is read-only (cannot set 'pi')");
}

/* steps() keeps what it read from a params table (it never changes): the
** second and later calls must give what a plain table gives, the same
** number subtype included, and a bad step is still named. */
Test(views, steps_on_params_as_on_a_plain_table) {
  explains("{ muc = { { 0.9, 3 }, { 0.8, 1.5 }, { 0.5, 1 } } }",
           "    local plain, out = { { 0.9, 3 }, { 0.8, 1.5 }, { 0.5, 1 } }, {}\n"
           "    for _, v in ipairs({ 0.95, 0.85, 0.6, 0.1, 0.9, 0.95 }) do\n"
           "      local a, b = steps(v, p.muc), steps(v, plain)\n"
           "      out[#out + 1] = tostring(a) .. math.type(a) .. (a == b and math.type(a) == math.type(b) and \"=\" or \"!\")\n"
           "    end\n"
           "    u.lose(0.5, \"steps %s\", table.concat(out, \" \"))",
           "steps 3integer= 1.5float= 1integer= 0integer= 3integer= 3integer=");
  cli_result r = explain_with("{ bad = { { 0.9, 2 }, { \"x\", 1 } } }",
                   "    if steps(0.95, p.bad) == 2 then steps(0.7, p.bad) end");
  cr_expect_eq(r.status, 1, "a bad step was not refused: %s", r.out);
  cr_expect(strstr(r.err, "steps: step 2 must be {at, points}") != NULL, "unexpected error: %s", r.err);
  cli_free(&r);
}
