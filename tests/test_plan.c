/*
** test_plan.c -- plan (engine/plan.h, plan_run.h; `parindex plan`): the
** exact search checked against brute force, on hand-built ledgers with caps,
** a not-applicable criterion and effort weights (every subset), and on
** Mường Tè 2022 (--target-rank 6 and others: every subset up to the size
** found, so none smaller reaches); what-if --set against scoring an edited
** copy of the facts; the offices' lead points adding up to the points lost;
** a criterion's OWNER tasks moving with its owner.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "helpers.h"
#include "plan.h"
#include "plan_run.h"

/* ---- brute force on hand-built ledgers ---- */

/* 1 appraisal, max 6: 1.1 (2), 1.2 (2), 1.3 (2); 2 survey, max 4: 2.1 (1, n/a), 2.2 (3) */
static meth_component comps[] = {
  {.id = "1", .max = 600, .kind = METH_APPRAISAL, .first = 0, .count = 3},
  {.id = "2", .max = 400, .kind = METH_SURVEY, .first = 3, .count = 2},
};
static meth_criterion crits[] = {
  {.id = "1.1", .max = 200, .comp = 0}, {.id = "1.2", .max = 200, .comp = 0}, {.id = "1.3", .max = 200, .comp = 0},
  {.id = "2.1", .max = 100, .comp = 1}, {.id = "2.2", .max = 300, .comp = 1},
};
static const methodology meth = {.total = 1000, .comps = comps, .ncomps = 2, .crits = crits, .ncrits = 5};

static unsigned seed = 12345;
static unsigned rnd(unsigned n) { seed = seed * 1103515245u + 12345u; return (seed >> 16) % n; }

static void random_unit(unit_result *r, int nded, int effort) {
  unit_info u = {"u", "U", "district", NULL};
  unit_result raw = {0};
  ledger_init(&raw, &u, 2022, 5, 2);
  raw.crits[3].na = rnd(2);
  for (int c = 0; c < 5; c++) {
    if (c == 3 && raw.crits[3].na) continue;
    int k = c == 4 ? nded - (nded * 4) / 5 : nded / 5;
    for (int j = 0; j < k; j++) {
      ledger_deduction *d = ledger_add_deduction(&raw, c);
      d->requested = 25 * (pts_t)(1 + rnd(6));          /* 0,25 .. 1,50: caps bite */
      d->effort = effort ? 1 + (int)rnd(4) : 0;
      d->reason = "x";
      if (!raw.crits[c].count) raw.crits[c].first = raw.nded - 1;
      raw.crits[c].count++;
    }
  }
  plan_retotal(&meth, &raw, NULL, r);                    /* capped as u.lose caps */
  ledger_free(&raw);
}

static void brute(const unit_result *r, pts_t target, long *best_cost, pts_t *best_total, pts_t *max_total) {
  unsigned char done[32];
  unit_result s = {0};
  *best_cost = -1;
  *best_total = -1;
  *max_total = -1;
  for (unsigned long m = 0; m < (1UL << r->nded); m++) {
    long cost = 0;
    for (int i = 0; i < r->nded; i++) {
      done[i] = (m >> i) & 1;
      if (done[i]) cost += plan_cost(&r->deds[i]);
    }
    plan_retotal(&meth, r, done, &s);
    if (s.total > *max_total) *max_total = s.total;
    if (s.total >= target && (*best_cost < 0 || cost < *best_cost || (cost == *best_cost && s.total > *best_total))) {
      *best_cost = cost;
      *best_total = s.total;
    }
  }
  ledger_free(&s);
}

Test(plan, the_search_matches_brute_force_on_random_ledgers) {
  for (int round = 0; round < 60; round++) {
    unit_result r = {0};
    random_unit(&r, 6 + (int)rnd(8), round % 2);
    pts_t target = r.total + (pts_t)rnd((unsigned)(1000 - r.total + 60));
    long cost;
    pts_t total = 0, max_total = 0;
    brute(&r, target, &cost, &total, &max_total);
    plan_choice ch;
    cr_assert_eq(plan_search(&meth, &r, target, &ch), 0);
    cr_expect_eq(ch.reachable, cost >= 0, "round %d: reachable %d, brute force %ld", round, ch.reachable, cost);
    if (cost >= 0) {
      cr_expect_eq(ch.cost, cost, "round %d: cost %ld, brute force %ld", round, ch.cost, cost);
      cr_expect_eq(ch.total_after, total, "round %d: total %lld, brute force %lld", round, (long long)ch.total_after,
                   (long long)total);
    } else cr_expect_eq(ch.total_after, max_total, "round %d: best reachable", round);
    long c = 0;
    for (int i = 0; i < ch.n; i++) c += plan_cost(&r.deds[ch.deds[i]]);
    cr_expect_eq(c, ch.cost, "round %d: the chosen tasks cost what the search says", round);
    plan_choice_free(&ch);
    ledger_free(&r);
  }
}

Test(plan, one_task_under_a_cap_recovers_nothing) {
  unit_info u = {"u", "U", "district", NULL};
  unit_result raw = {0}, r = {0};
  ledger_init(&raw, &u, 2022, 5, 2);
  for (int j = 0; j < 5; j++) {                          /* 1.7 of 2022: five of 0,5 on a criterion of 2 */
    ledger_deduction *d = ledger_add_deduction(&raw, 0);
    d->requested = 50;
    d->reason = "x";
  }
  raw.crits[0].first = 0;
  raw.crits[0].count = 5;
  plan_retotal(&meth, &raw, NULL, &r);
  unsigned char done[5] = {1, 0, 0, 0, 0};
  unit_result s = {0};
  plan_retotal(&meth, &r, done, &s);
  cr_expect_eq(s.total, r.total, "one of five capped shortcomings fixed recovers nothing");
  plan_choice ch;
  plan_search(&meth, &r, r.total + 50, &ch);
  cr_expect_eq(ch.n, 2, "two shortcomings must go to win back 0,50, not %d", ch.n);
  cr_expect_eq(ch.total_after, r.total + 50);
  plan_choice_free(&ch);
  ledger_free(&s); ledger_free(&r); ledger_free(&raw);
}

/* ---- Mường Tè 2022 ---- */

typedef struct { store *s; rulebook *rb; unit_result r; plan_field f; } muong_te;

static void load_muong_te(muong_te *m, const char *db) {
  char err[4096];
  memset(m, 0, sizeof *m);
  m->s = store_open(db, err, sizeof err);
  cr_assert_not_null(m->s, "%s", err);
  m->rb = engine_load_rules(m->s, R2022, NULL, err, sizeof err);
  cr_assert_not_null(m->rb, "%s", err);
  cr_assert_eq(plan_score_unit(m->s, m->rb, 2022, "muong-te", NULL, 0, &m->r, err, sizeof err), 0, "%s", err);
  cr_assert_eq(plan_field_load(m->s, m->rb, 2022, "muong-te", &m->f, err, sizeof err), 0, "%s", err);
}

static void free_muong_te(muong_te *m) {
  ledger_free(&m->r);
  plan_field_free(&m->f);
  rulebook_free(m->rb);
  store_close(m->s);
}

/* Is there a set of exactly k deductions from `from` on whose removal the rank is <= rank? */
static int some_set_reaches(const methodology *mt, const muong_te *m, unsigned char *done, int from, int k, int rank,
                            unit_result *s) {
  if (k == 0) {
    plan_retotal(mt, &m->r, done, s);
    return plan_rank(&m->f, s->total) <= rank;
  }
  for (int i = from; i <= m->r.nded - k; i++) {
    done[i] = 1;
    int ok = some_set_reaches(mt, m, done, i + 1, k - 1, rank, s);
    done[i] = 0;
    if (ok) return 1;
  }
  return 0;
}

static void check_rank_target(const char *db, int rank) {
  muong_te m;
  load_muong_te(&m, db);
  const methodology *mt = rulebook_methodology(m.rb);
  pts_t target = rank - 1 < m.f.n ? m.f.totals[rank - 1] : 0;
  plan_choice ch;
  cr_assert_eq(plan_search(mt, &m.r, target, &ch), 0);
  cr_assert(ch.reachable, "rank %d should be reachable", rank);
  cr_expect_leq(plan_rank(&m.f, ch.total_after), rank);
  unsigned char done[128] = {0};
  unit_result s = {0};
  for (int i = 0; i < ch.n; i++) done[ch.deds[i]] = 1;
  plan_retotal(mt, &m.r, done, &s);
  cr_expect_eq(s.total, ch.total_after, "the plan's total is what re-scoring gives");
  memset(done, 0, sizeof done);
  for (int k = 0; k < ch.n; k++)       /* brute force: no smaller subset of the unit's tasks reaches it */
    cr_expect(!some_set_reaches(mt, &m, done, 0, k, rank, &s), "rank %d: a set of %d tasks reaches it", rank, k);
  cr_expect(some_set_reaches(mt, &m, done, 0, ch.n, rank, &s));
  ledger_free(&s);
  plan_choice_free(&ch);
  free_muong_te(&m);
}

Test(plan, muong_te_target_ranks_match_brute_force, .init = golden_setup, .fini = golden_teardown) {
  check_rank_target(golden_db, 6);     /* above Sìn Hồ (71,10): 8.2 alone, 6,42 */
  check_rank_target(golden_db, 5);
  check_rank_target(golden_db, 3);
}

Test(plan, muong_te_cli_target_rank_6, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "plan", "--year", "2022", "--unit", "muong-te",
                                               "--target-rank", "6", "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cJSON *j = cJSON_Parse(r.out);
  cr_assert_not_null(j, "%s", r.out);
  cr_expect_eq(cJSON_GetObjectItem(j, "rank")->valueint, 7);
  cr_expect(cJSON_IsTrue(cJSON_GetObjectItem(j, "reachable")));
  cr_expect_leq(cJSON_GetObjectItem(j, "rank_after")->valueint, 6);
  cr_expect_geq(cJSON_GetObjectItem(j, "par_index_after")->valuedouble, 71.10 - 1e-9);
  const cJSON *t = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "tasks"), 0);
  cr_assert_not_null(t);
  cr_expect_str_eq(cJSON_GetObjectItem(t, "criterion")->valuestring, "8.2");
  cr_expect_str_eq(cJSON_GetObjectItem(t, "office")->valuestring, "noi-vu");
  cr_expect_str_eq(cJSON_GetObjectItem(t, "role")->valuestring, "lead");
  cJSON_Delete(j);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "plan", "--year", "2022", "--unit", "muong-te",
                                    "--target-index", "100.01", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Không đạt được") != NULL, "an unreachable target says so: %s", r.out);
  cli_free(&r);
}

static double num(const cJSON *o, const char *k) { return cJSON_GetObjectItem(o, k)->valuedouble; }

Test(plan, what_if_set_matches_scoring_an_edited_copy) {
  char *a = bundled_store(), *b = bundled_store();
  cli_result r = cli_run((const char *const[]){"--db", a, "plan", "--year", "2022", "--unit", "muong-te", "--set",
                                               "ho_so_tra_qua_han=3", "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cJSON *plan = cJSON_Parse(r.out);
  cli_free(&r);
  r = import_corrected_figure(b);                   /* the same fact, 51 -> 3, in an edited copy of the file */
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", b, "explain", "--year", "2022", "--unit", "muong-te", "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cJSON *scored = cJSON_Parse(r.out);
  cli_free(&r);
  const cJSON *w = cJSON_GetObjectItem(plan, "what_if");
  cr_assert_not_null(w);
  cr_expect_eq((long)(num(w, "par_index") * 100 + 0.5), (long)(num(scored, "par_index") * 100 + 0.5));
  cr_expect_neq((long)(num(w, "par_index") * 100 + 0.5), (long)(num(plan, "par_index") * 100 + 0.5), "the fact matters");
  const cJSON *c;
  int n = 0;
  cJSON_ArrayForEach(c, cJSON_GetObjectItem(w, "criteria")) {
    const char *id = cJSON_GetObjectItem(c, "criterion")->valuestring;
    const cJSON *sc = NULL, *x;
    cJSON_ArrayForEach(x, cJSON_GetObjectItem(scored, "criteria"))
      if (!strcmp(cJSON_GetObjectItem(x, "criterion")->valuestring, id)) sc = x;
    cr_assert_not_null(sc, "criterion %s", id);
    cr_expect_eq((long)(num(c, "points_after") * 100 + 0.5), (long)(num(sc, "points") * 100 + 0.5), "criterion %s", id);
    n++;
  }
  cr_expect_geq(n, 1);
  cJSON_Delete(plan);
  cJSON_Delete(scored);
  free(a); free(b);
}

Test(plan, the_offices_lead_points_add_up_to_the_points_lost, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "tasks", "--year", "2022", "--unit", "muong-te",
                                               "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cJSON *j = cJSON_Parse(r.out);
  long sum = 0;
  const cJSON *o, *t;
  cJSON_ArrayForEach(o, cJSON_GetObjectItem(j, "offices")) {
    sum += (long)(num(o, "points") * 100 + 0.5);
    long lead = 0;
    cJSON_ArrayForEach(t, cJSON_GetObjectItem(o, "tasks")) {
      const char *role = cJSON_GetObjectItem(t, "role")->valuestring;
      cr_expect(!strcmp(role, "lead") || !strcmp(role, "support"));
      if (!strcmp(role, "lead")) lead += (long)(num(t, "points") * 100 + 0.5);
      else cr_expect_eq(num(t, "points"), 0, "a supporting office is credited nothing");
    }
    cr_expect_eq(lead, (long)(num(o, "points") * 100 + 0.5), "an office's points are its lead tasks'");
  }
  cr_expect_eq(sum, 3416, "the offices' points add up to %ld, not 34,16", sum);
  cr_expect_eq((long)(num(j, "points_lost") * 100 + 0.5), 3416);
  cJSON_Delete(j);
  cli_free(&r);
}

Test(plan, owner_tasks_move_with_the_owner) {
  char *db = bundled_store(), *dir = tmp_folder();
  char *f = path_join(dir, "00_chi_so.lua");
  write_text(f, "extends \"" PARINDEX_SOURCE_DIR "/" R2022 "\"\n"
                "change_criterion \"1.3\" { owner = \"van-phong\" }\n");
  cli_result r = cli_run((const char *const[]){"--db", db, "tasks", "--rules", dir, "--year", "2022", "--unit",
                                               "muong-te", "--office", "van-phong", "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "\"criterion\":\t\"1.3\"") != NULL, "1.3's task did not move to van-phong: %s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "tasks", "--rules", dir, "--year", "2022", "--unit", "muong-te",
                                    "--office", "noi-vu", "--format", "json", NULL});
  cr_expect(strstr(r.out, "\"criterion\":\t\"1.3\"") == NULL, "1.3's task stayed with noi-vu");
  cli_free(&r);
  free(f);
  remove_tree(dir);
  free(dir); free(db);
}

static int from_stored_run(const char *db, const char *rules, char **out) {
  cli_result r = cli_run((const char *const[]){"--db", db, "plan", "--rules", rules, "--year", "2022", "--unit",
                                               "muong-te", "--target-rank", "6", "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cJSON *j = cJSON_Parse(r.out);
  int stored = cJSON_IsTrue(cJSON_GetObjectItem(j, "scores_from_stored_run"));
  cJSON_DeleteItemFromObject(j, "scores_from_stored_run");
  *out = cJSON_PrintUnformatted(j);
  cJSON_Delete(j);
  cli_free(&r);
  return stored;
}

Test(plan, the_other_units_totals_come_from_a_stored_run_only_while_it_holds) {
  char *db = bundled_store(), *dir = copy_2022(), *a, *b;
  cr_expect(!from_stored_run(db, R2022, &a), "no run stored yet");
  cli_result r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--unit", "muong-te", NULL});
  cli_free(&r);
  cr_expect(!from_stored_run(db, R2022, &b), "a run of one unit does not hold the others");
  cr_expect_str_eq(a, b); free(b);
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", NULL});
  cli_free(&r);
  cr_expect(from_stored_run(db, R2022, &b), "a run of every unit with the same rules and facts holds");
  cr_expect_str_eq(a, b, "the same plan from the stored totals"); free(b);
  cr_expect(from_stored_run(db, dir, &b), "the same rule files in another folder score the same");
  free(b);
  edit(dir, "01_chi_dao_dieu_hanh.lua", "Kiểm tra công tác CCHC, công vụ tối thiểu", "Kiểm tra công tác CCHC và công vụ tối thiểu");
  cr_expect(!from_stored_run(db, dir, &b), "a rule file changed since the run");
  free(b);
  r = import_corrected_figure(db);
  cli_free(&r);
  cr_expect(!from_stored_run(db, R2022, &b), "facts imported since the run");
  free(b);
  free(a); free(db); free(dir);
}

/* ---- the rule API: :task, :support, OWNER, :effort ---- */

static const char roles_lua[] =
  "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"noi-vu\", score = function(u, p)\n"
  "  u.lose(0.5, \"x\"):task(OWNER, \"lead x\"):support(\"tu-phap\", \"help x\"):effort(3)\n"
  "  u.lose(0.5, \"y\"):task(\"tu-phap\", \"lead y\")\n"
  "  u.lose(0.25, \"z\")\n"
  "end }\n";

Test(plan, lead_support_owner_and_effort_in_the_rules, .init = small_setup, .fini = small_teardown) {
  put_file(small_rules, "12_crit.lua", roles_lua);
  cJSON *t = cli_json((const char *const[]){"--db", small_db, "tasks", "--rules", small_rules, "--year", "2022",
                                              "--unit", "d1", "--format", "json", NULL});
  const cJSON *o;
  long sum = 0;
  cJSON_ArrayForEach(o, cJSON_GetObjectItem(t, "offices")) {
    long p = (long)(num(o, "points") * 100 + 0.5);
    const char *id = cJSON_GetObjectItem(o, "office")->valuestring;
    if (!strcmp(id, "noi-vu")) cr_expect_eq(p, 175, "noi-vu leads x (OWNER), z (no task) and 1.1: %ld", p);
    else cr_expect_eq(p, 50, "tu-phap leads y only and supports x: %ld", p);
    sum += p;
  }
  cr_expect_eq(sum, 225);
  cJSON_Delete(t);
  /* +1,50 from 7,75: 1.1 (1,00, effort 1) and y (0,50, effort 1), not x (0,50, effort 3), which by count ties */
  t = cli_json((const char *const[]){"--db", small_db, "plan", "--rules", small_rules, "--year", "2022", "--unit",
                                       "d1", "--target-index", "9.25", "--format", "json", NULL});
  cr_expect_str_eq(cJSON_GetObjectItem(t, "cost_by")->valuestring, "effort");
  cr_expect_eq(num(t, "cost"), 2);
  cr_expect_eq((long)(num(t, "par_index_after") * 100 + 0.5), 925);
  const cJSON *task;
  int y = 0, x = 0;
  cJSON_ArrayForEach(task, cJSON_GetObjectItem(t, "tasks")) {
    y += !strcmp(cJSON_GetObjectItem(task, "task")->valuestring, "lead y");
    x += !strcmp(cJSON_GetObjectItem(task, "task")->valuestring, "lead x");
  }
  cr_expect(y == 1 && x == 0, "y (effort 1) rather than x (effort 3)");
  cJSON_Delete(t);
}

Test(plan, one_lead_per_deduction_and_it_comes_first, .init = small_setup, .fini = small_teardown) {
  static const char *const bad[][2] = {
    {"u.lose(1, \"x\"):task(\"noi-vu\", \"a\"):task(\"tu-phap\", \"b\")", "a deduction has one lead office"},
    {"u.lose(1, \"x\"):support(\"tu-phap\", \"b\")", "support: name the lead office first, with :task"},
    {"u.lose(1, \"x\"):task(\"nobody\", \"b\")", "task: unknown office 'nobody'"},
    {"u.lose(1, \"x\"):task(OWNER, \"a\"):support(\"nobody\", \"b\")", "support: unknown office 'nobody'"},
    {"u.lose(1, \"x\"):task(OWNER, \"a\"):effort(0)", "effort: a whole number from 1 to 100"},
    {"u.lose(1, \"x\"):task(OWNER, \"a\"):effort(1.5)", "effort"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char lua[1024];
    snprintf(lua, sizeof lua, "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"noi-vu\", score = function(u, p)\n"
                              "  %s\nend }\n", bad[i][0]);
    put_file(small_rules, "12_crit.lua", lua);
    cli_result r = small_score(NULL, NULL);
    cr_expect_eq(r.status, 1, "%s", bad[i][0]);
    cr_expect(strstr(r.err, bad[i][1]) != NULL, "%s: %s", bad[i][0], r.err);
    cr_expect(strstr(r.err, "12_crit.lua:2: criterion 1.2 (d1, 2022)") != NULL, "file:line: %s", r.err);
    cli_free(&r);
  }
}

Test(plan, wrong_options_are_refused, .init = golden_setup, .fini = golden_teardown) {
  static const struct { const char *a[4]; int status; const char *msg; } cases[] = {
    {{"--office", "noi-vu", "--unit", "muong-te"}, 2, "--office lists one office's tasks"},
    {{"--unit", "muong-te", "--set", "ho_so_tra_qua_han"}, 2, "is not KEY=VALUE"},
    {{"--unit", "muong-te", "--target-rank", "0"}, 2, "--target-rank"},
    {{"--unit", "muong-te", "--target-index", "71.5x"}, 2, "is not a PAR index"},
    {{"--unit", "muong-te", "--target-band", "Xuất sắc"}, 1, "no band 'Xuất sắc'"},
    {{"--unit", "muong-te", "--set", "ho_so_tra_qua_han=abc"}, 1, "not an integer (the type of the fact it replaces)"},
    {{"--unit", "nowhere"}, 1, "unknown unit 'nowhere'"},
    {{"--office", "nobody"}, 1, "unknown office 'nobody'"},
    {{"--year", "2022"}, 2, "--unit (or --office) is required"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *args[16] = {"--db", golden_db, "plan", "--year", "2022"};
    int n = 5;
    for (int k = 0; k < 4 && cases[i].a[k]; k++) args[n++] = cases[i].a[k];
    if (!strcmp(cases[i].a[0], "--year")) n = 5;
    args[n] = NULL;
    cli_result r = cli_run(args);
    cr_expect_eq(r.status, cases[i].status, "%s %s: %d %s", cases[i].a[0], cases[i].a[1] ? cases[i].a[1] : "", r.status, r.err);
    cr_expect(strstr(r.err, cases[i].msg) != NULL, "%s: %s", cases[i].msg, r.err);
    cr_expect_str_empty(r.out);
    cli_free(&r);
  }
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "plan", "--year", "2022", "--unit", "muong-te",
                                               "--target-rank", "6", "--target-index", "70", NULL});
  cr_expect_eq(r.status, 2, "two targets");
  cli_free(&r);
  /* --facts FILE is RFC 8259 JSON with each key once: a fact given twice would keep only one value */
  char *dir = tmp_folder(), *f = path_join(dir, "facts.json");
  const char *bad[][2] = {{"{\"ho_so_tra_qua_han\": 3,\n \"ho_so_tra_qua_han\": 51}", "facts.json:1: ho_so_tra_qua_han: member given twice"},
                          {"{\"ho_so_tra_qua_han\": 03}", "facts.json:1:24: JSON syntax error"}};
  for (int i = 0; i < 2; i++) {
    write_text(f, bad[i][0]);
    r = cli_run((const char *const[]){"--db", golden_db, "plan", "--year", "2022", "--unit", "muong-te", "--facts", f, NULL});
    cr_expect(r.status == 1 && strstr(r.err, bad[i][1]), "%s: %s", bad[i][0], r.err);
    cli_free(&r);
  }
  write_text(f, "{\"ho_so_tra_qua_han\": 3}");
  r = cli_run((const char *const[]){"--db", golden_db, "plan", "--year", "2022", "--unit", "muong-te", "--facts", f, NULL});
  cr_expect(r.status == 0 && strstr(r.out, "65,84 → 66,84"), "%s %s", r.out, r.err);
  cli_free(&r);
  remove_tree(dir);
  free(f);
  free(dir);
}
