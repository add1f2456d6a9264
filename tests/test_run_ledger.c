/*
** test_run_ledger.c -- store/run_ledger.h: the exact JSON text a unit's
** ledger is stored as (run_units.ledger), for a hand-built methodology of one
** component and three criteria: ids and owners, points in hundredths, a
** not-applicable criterion with its reason, deductions with their facts,
** the default task written as the owner alone, other tasks in full, and
** quotes escaped.
*/
#include <criterion/criterion.h>

#include "ledger.h"
#include "methodology.h"
#include "run_ledger.h"

static meth_component comps[] = {{.id = "1", .owner = "noi-vu", .max = 600, .first = 0, .count = 3}};
static meth_criterion crits[] = {
  {.id = "1.1", .owner = "noi-vu", .max = 300, .comp = 0},
  {.id = "1.2", .owner = "tu-phap", .max = 200, .comp = 0},
  {.id = "1.3", .owner = "noi-vu", .max = 100, .comp = 0},
};
static const methodology meth = {.total = 600, .comps = comps, .ncomps = 1, .crits = crits, .ncrits = 3};

static const char want[] =
  "{\"components\":[[\"1\",350,600]],"
  "\"criteria\":["
  "[\"1.1\",0,300,null,["
  "[100,100,\"thiếu \\\"kế hoạch\\\"\",[\"a\",\"b\"],\"noi-vu\"],"
  "[300,200,\"quá hạn\",[],[[\"tu-phap\",\"Làm lại\"],[\"noi-vu\",\"Khắc phục: quá hạn\"]]],"
  "[50,0,\"trễ\",[],[[\"tu-phap\",\"Khắc phục: trễ\"]]]]],"
  "[\"1.2\",null,200,\"không \\\"áp dụng\\\"\"],"
  "[\"1.3\",100,100]]}";

Test(run_ledger, exact_json_of_a_small_ledger) {
  unit_result r;
  unit_info u = {"d1", "Huyện D1", "district", "p"};
  ledger_init(&r, &u, 2022, meth.ncrits, meth.ncomps);
  static ledger_fact facts[] = {{.key = "a"}, {.key = "b"}};
  ledger_deduction *d = ledger_add_deduction(&r, 0);
  d->requested = d->points = 100;
  d->reason = "thiếu \"kế hoạch\"";
  d->facts = facts; d->nfacts = 2;
  ledger_add_task_prefixed(&r, d, "noi-vu", LEDGER_FIX_PREFIX, d->reason);   /* the default task */
  d = ledger_add_deduction(&r, 0);
  d->requested = 300; d->points = 200;
  d->reason = "quá hạn";
  ledger_add_task(&r, d, "tu-phap", "Làm lại");
  ledger_add_task_prefixed(&r, d, "noi-vu", LEDGER_FIX_PREFIX, d->reason);   /* not alone: in full */
  d = ledger_add_deduction(&r, 0);
  d->requested = 50; d->points = 0;
  d->reason = "trễ";
  ledger_add_task_prefixed(&r, d, "tu-phap", LEDGER_FIX_PREFIX, d->reason);  /* not the owner's: in full */
  r.crits[0] = (ledger_criterion){.points = 0, .max = 300, .first = 0, .count = 3};
  r.crits[1] = (ledger_criterion){.max = 200, .na = 1, .na_reason = "không \"áp dụng\""};
  r.crits[2] = (ledger_criterion){.points = 100, .max = 100};
  r.comps[0] = (ledger_component){.points = 350, .max = 600, .rank = 1};
  run_ledger_writer w;
  run_ledger_writer_init(&w, &meth);
  cr_expect_str_eq(run_ledger_json(&w, &r), want);
  /* the writer is reused unit after unit: the same text again, nothing left over */
  cr_expect_str_eq(run_ledger_json(&w, &r), want);
  run_ledger_writer_free(&w);
  ledger_free(&r);
}
