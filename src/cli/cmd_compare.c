/*
** cmd_compare.c -- parindex compare: one unit, two years, component by
** component; optionally the earlier facts under the later rules.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "report.h"

static int run_compare(cli_args *a) {
  long long y1, y2;
  int rc;
  char err[8192];
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  const char *unit = cli_opt(a, "unit");
  if (!unit) return cli_usage_error(a, "--unit is required");
  if (!cli_opt(a, "from") || !cli_opt(a, "to")) return cli_usage_error(a, "--from and --to are required");
  if ((rc = cli_int(a, "from", 1900, 2200, 0, &y1))) return rc;
  if ((rc = cli_int(a, "to", 1900, 2200, 0, &y2))) return rc;
  if (y1 >= y2) return cli_usage_error(a, "--from must be an earlier year than --to");
  if ((rc = cli_choice(a, "format", "text|json|csv|xlsx"))) return rc;
  int en;
  if ((rc = cli_lang(a, &en))) return rc;
  const char *fmt = cli_opt(a, "format") ? cli_opt(a, "format") : "text", *out = cli_opt(a, "out");
  if ((rc = cli_xlsx_out(a, fmt, out)) || (rc = cli_csv_excel(a, fmt, en))) return rc;
  report_lang lang = en ? LANG_EN : LANG_VI;
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  cli_level lv;                          /* ranked among the units of its kind under its parent */
  if ((rc = cli_unit_level(s, unit, &lv))) {
    store_close(s);
    return rc;
  }
  year_scores from, to;
  engine_results same = {0};
  int have_from = 0, have_to = 0;
  rc = cli_year_load(a, s, (int)y1, lv.kind, lv.under, &from);
  if (rc) goto done;
  have_from = 1;
  rc = cli_year_load(a, s, (int)y2, lv.kind, lv.under, &to);
  if (rc) goto done;
  have_to = 1;
  const unit_result *rf = cli_year_unit(&from, unit, &rc), *rt = rf ? cli_year_unit(&to, unit, &rc) : NULL;
  if (!rt) goto done;
  if (cli_opt(a, "same-rules") && engine_score(s, to.rb, (int)y1, unit, 0, &same, err, sizeof err)) {
    rc = cli_fail("--same-rules: scoring %lld with %s: %s", y1, to.dir, err);
    goto done;
  }
  comparison c;
  province_compare(&c, from.mt, rf, from.st, from.res.n, to.mt, rt, to.st, to.res.n, same.n ? &same.units[0] : NULL);
  rc = EXIT_OK;
  if (!strcmp(fmt, "xlsx")) rc = out_compare_xlsx(out, &c, lang, err, sizeof err) ? cli_fail("%s", err) : EXIT_OK;
  else if (!strcmp(fmt, "json")) out_compare_json(stdout, &c);
  else if (!strcmp(fmt, "csv")) out_compare_csv(stdout, &c);
  else {
    out_compare_text(stdout, &c, lang);
    const year_scores *ys[2] = {&from, &to};
    for (int i = 0; i < 2; i++)                 /* a published year cites its decision (publish) */
      if (ys[i]->published_run)
        printf(lang == LANG_VI ? "\nNăm %d: kết quả đã công bố tại Quyết định số %s ngày %s (lượt chấm %lld).\n"
                               : "\n%d: the results published by decision %s of %s (run %lld).\n",
               ys[i]->year, ys[i]->decision, ys[i]->decision_date, (long long)ys[i]->published_run);
  }
  comparison_free(&c);
  if (rc == EXIT_OK) rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
done:
  engine_results_free(&same);
  if (have_to) year_scores_free(&to);
  if (have_from) year_scores_free(&from);
  store_close(s);
  return rc;
}

const cli_command cmd_compare = {
  "compare", "one unit between two years: components, percentages, changes, ranks",
  "rules= unit= from= to= same-rules format= lang= max-instructions= max-memory= out= excel",
  "usage: parindex [--db FILE] compare [--rules DIR] --unit ID --from Y1 --to Y2\n"
  "                                    [--same-rules] [--format text|json|csv|xlsx --out FILE] [--lang vi|en]\n"
  "\n"
  "Score both years (each with its own rulebook; nothing is stored) and compare\n"
  "the unit: appraisal, survey and PAR index points, its rank among the units\n"
  "of each year, and per component: points/max, percent, the change in\n"
  "percentage points (the later percent minus the earlier, both rounded to two\n"
  "decimals as shown), the rank inside the unit, and whether the maximum changed.\n"
  "Rising and falling components are those whose percentage went up or down.\n"
  "\n"
  "  --same-rules             also score Y1's facts with Y2's rulebook, and split\n"
  "                           each change into what the rules changed (Y1 facts,\n"
  "                           Y2 rules minus Y1 rules) and what the work changed\n"
  "                           (Y2 minus Y1 facts, both with Y2 rules)\n"
  "  --format FMT             text (default), json, csv (UTF-8 with BOM), or xlsx (with --out FILE)\n"
  "  --excel                  with csv: for Excel with Vietnamese regional settings: ';' between\n"
  "                           fields, decimal commas, headers in the --lang language\n"
  "  --rules DIR              a root holding one rulebook per year (DIR/Y/);\n"
  "                           default: rules/lai-chau (DIR/KIND/Y/: each unit with its kind's)\n"
  "  --lang LANG              labels of the text output: vi (default) or en\n"
  "  --max-instructions N     Lua instruction budget per criterion (default 10000000)\n"
  "  --max-memory MB          Lua memory cap of the rulebook (default 64)\n",
  run_compare,
};
