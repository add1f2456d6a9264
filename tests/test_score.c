/*
** test_score.c -- engine/score.h on a hand-built methodology and ledger, no
** Lua and no store: a criterion's points are its max less its deductions, a
** not-applicable criterion rescales its component (sum x max / applicable
** max, half up), a component with no applicable criterion keeps its max,
** appraisal and survey are split by the component's kind, and components
** rank by their exact points/max ratio, equal ratios sharing a rank.
*/
#include <criterion/criterion.h>

#include "ledger.h"
#include "methodology.h"
#include "score.h"

/* Points in hundredths. Four components:
**   1 appraisal, max 6:  1.1 (4), 1.2 (2)
**   2 appraisal, max 3:  2.1 (1, not applicable), 2.2 (2)
**   3 survey,    max 1:  3.1 (1, not applicable: the component's only one)
**   4 survey,    max 2:  4.1 (2) */
static meth_component comps[] = {
  {.id = "1", .max = 600, .kind = METH_APPRAISAL, .first = 0, .count = 2},
  {.id = "2", .max = 300, .kind = METH_APPRAISAL, .first = 2, .count = 2},
  {.id = "3", .max = 100, .kind = METH_SURVEY, .first = 4, .count = 1},
  {.id = "4", .max = 200, .kind = METH_SURVEY, .first = 5, .count = 1},
};
static meth_criterion crits[] = {
  {.id = "1.1", .max = 400, .comp = 0}, {.id = "1.2", .max = 200, .comp = 0},
  {.id = "2.1", .max = 100, .comp = 1}, {.id = "2.2", .max = 200, .comp = 1},
  {.id = "3.1", .max = 100, .comp = 2}, {.id = "4.1", .max = 200, .comp = 3},
};
static const methodology meth = {.total = 1200, .comps = comps, .ncomps = 4, .crits = crits, .ncrits = 6};

static unit_result r;

/* Deductions of `points` on criterion crit, appended in criterion order. */
static void deduct(int crit, pts_t points) {
  ledger_deduction *d = ledger_add_deduction(&r, crit);
  d->requested = d->points = points;
  d->reason = "x";
  if (!r.crits[crit].count) r.crits[crit].first = r.nded - 1;
  r.crits[crit].count++;
}

static void setup(void) {
  unit_info u = {"d1", "Huyện D1", "district", "p"};
  ledger_init(&r, &u, 2022, meth.ncrits, meth.ncomps);
  deduct(0, 50);                    /* 1.1: 4 - 0,5 - 0,25 = 3,25 */
  deduct(0, 25);
  deduct(2, 30);                    /* 2.1 is not applicable: its deduction does not count */
  r.crits[2].na = 1;
  deduct(3, 99);                    /* 2.2: 2 - 0,99 = 1,01 -> 1,01 x 3 / 2 = 1,515 -> 1,52 */
  r.crits[4].na = 1;                /* 3.1 */
  deduct(5, 100);                   /* 4.1: 1 */
  score_totals(&meth, &r);
}

static void teardown(void) { ledger_free(&r); }

TestSuite(score, .init = setup, .fini = teardown);

Test(score, criterion_points_are_max_less_deductions) {
  cr_expect_eq(r.crits[0].points, 325);
  cr_expect_eq(r.crits[0].max, 400);
  cr_expect_eq(r.crits[1].points, 200, "no deduction: the max");
  cr_expect_eq(r.crits[3].points, 101);
  cr_expect_eq(r.crits[5].points, 100);
  cr_expect_eq(r.crits[2].points, 0, "not applicable: no points");
  cr_expect_eq(r.crits[2].max, 100);
}

Test(score, components_sum_their_criteria) {
  cr_expect_eq(r.comps[0].points, 525);
  cr_expect_eq(r.comps[0].max, 600);
  cr_expect_eq(r.comps[3].points, 100);
}

Test(score, a_not_applicable_criterion_rescales_its_component_half_up) {
  cr_expect_eq(r.comps[1].points, 152, "101 x 300 / 200 = 151,5 rounds up to 152, got %lld",
               (long long)r.comps[1].points);
  cr_expect_eq(r.comps[1].max, 300);
}

Test(score, a_component_without_applicable_criteria_keeps_its_max) {
  cr_expect_eq(r.comps[2].points, 100);
}

Test(score, appraisal_and_survey_by_component_kind) {
  cr_expect_eq(r.appraisal, 525 + 152);
  cr_expect_eq(r.survey, 100 + 100);
  cr_expect_eq(r.total, 877);
}

Test(score, totals_rank_the_components) {
  /* ratios 0,875  0,507  1  0,5 */
  cr_expect_eq(r.comps[2].rank, 1);
  cr_expect_eq(r.comps[0].rank, 2);
  cr_expect_eq(r.comps[1].rank, 3);
  cr_expect_eq(r.comps[3].rank, 4);
}

Test(score, equal_ratios_share_a_rank_compared_exactly) {
  /* 1/2 = 2/4 (tie), 3/4 first; 1/3 and 2/6 tie; 33/100 is below 1/3 */
  static const pts_t pm[][2] = {{1, 2}, {2, 4}, {3, 4}, {1, 3}, {2, 6}, {33, 100}};
  static const int want[] = {2, 2, 1, 4, 4, 6};
  unit_result u = {0};
  ledger_component c[6] = {{0}};
  u.comps = c;
  u.ncomps = 6;
  for (int i = 0; i < 6; i++) { c[i].points = pm[i][0]; c[i].max = pm[i][1]; }
  score_rank_components(&u);
  for (int i = 0; i < 6; i++)
    cr_expect_eq(c[i].rank, want[i], "%lld/%lld: rank %d, want %d", (long long)pm[i][0], (long long)pm[i][1],
                 c[i].rank, want[i]);
}
