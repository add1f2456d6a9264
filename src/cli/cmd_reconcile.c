/*
** cmd_reconcile.c -- parindex self-assess (a unit's own points per
** criterion, with its evidence) and reconcile (those points beside the
** appraisal).
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "engine.h"
#include "reconcile.h"
#include "report.h"
#include "self_assess.h"

static int run_self_assess(cli_args *a) {
  char err[8192];
  if (!a->nargs) return cli_usage_error(a, "give one or more self-assessment files");
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  int rc = self_assess_import(s, (const char *const *)a->args, a->nargs, stdout, err, sizeof err)
               ? cli_fail("%s", err) : EXIT_OK;
  if (rc) cli_fail("nothing was stored");
  store_close(s);
  return rc;
}

static int run_reconcile(cli_args *a) {
  cli_scoring sc;
  char err[8192];
  engine_results res = {0};
  const char *fmt = cli_opt(a, "format");
  if (fmt && !strcmp(fmt, "csv")) return cli_usage_error(a, "--format: 'csv' is not a reconcile format; use text, json or xlsx");
  int rc = cli_xlsx_out(a, fmt, cli_opt(a, "out"));
  if (rc) return rc;
  rc = cli_scoring_setup(a, 1, &sc);
  if (rc) return rc;
  rc = EXIT_FAIL;
  if (engine_score(sc.s, sc.rb, sc.year, sc.unit, 0, &res, err, sizeof err)) { cli_fail("%s", err); goto done; }
  reconciliation r;
  if (reconcile_build(sc.s, rulebook_methodology(sc.rb), &res.units[0], &r)) { cli_fail("%s", store_errmsg(sc.s)); goto done; }
  int bad = 0;
  if (fmt && !strcmp(fmt, "xlsx"))
    bad = out_reconcile_xlsx(cli_opt(a, "out"), &r, sc.lang_en ? LANG_EN : LANG_VI, err, sizeof err) ? cli_fail("%s", err) : 0;
  else if (sc.json) out_reconcile_json(stdout, &r);
  else out_reconcile_text(stdout, &r, sc.lang_en ? LANG_EN : LANG_VI);
  if (!bad && !r.nself) fprintf(stderr, "parindex: %s has no self-assessment for %d (parindex self-assess FILE)\n", sc.unit, sc.year);
  reconcile_free(&r);
  rc = !bad && fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
done:
  engine_results_free(&res);
  cli_scoring_done(&sc);
  return rc;
}

const cli_command cmd_self_assess = {
  "self-assess", "import units' self-assessments: own points per criterion, evidence, explanations",
  "",
  "usage: parindex [--db FILE] self-assess FILE...\n"
  "\n"
  "Store each unit's self-assessment (tự đánh giá, tự chấm điểm): its own points\n"
  "per criterion, the evidence documents it cites and, where evidence is missing,\n"
  "its explanation (giải trình). All files in one transaction, or nothing; each\n"
  "import is a new submission (the store keeps the earlier ones; the latest of a\n"
  "criterion is the one in force). The format is in data/README.md.\n",
  run_self_assess,
};

const cli_command cmd_reconcile = {
  "reconcile", "a unit's self-assessed points beside the appraised ones, per criterion, with why",
  CLI_SCORING_OPTS " out=",
  "usage: parindex [--db FILE] reconcile [--rules DIR] --year Y --unit ID\n"
  "                                      [--format text|json|xlsx --out FILE] [--lang vi|en]\n"
  "\n"
  "Score the unit with its kind's rulebook (nothing is stored) and show, per\n"
  "criterion, the points it gave itself, the appraised points and the\n"
  "difference (appraised - self), with the deductions and facts that explain\n"
  "each difference and the evidence and explanation the unit gave. JSON:\n"
  "criteria[] with criterion, self, appraised, difference. XLSX: a row per\n"
  "criterion, points as numbers, a totals row of formulas equal to the JSON's.\n"
  "\n"
  "  --rules DIR              as for score; default: rules/lai-chau\n"
  "  --format FMT             text (default), json, or xlsx (with --out FILE)\n"
  "  --lang LANG              vi (default) or en\n",
  run_reconcile,
};
