/*
** cmd_report.c -- parindex report: the written analysis of one unit and
** year against the previous year, in Markdown or HTML.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "report_doc.h"

static int run_report(cli_args *a) {
  long long year;
  int rc;
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  const char *unit = cli_opt(a, "unit"), *out = cli_opt(a, "out");
  if (!unit) return cli_usage_error(a, "--unit is required");
  if (!cli_opt(a, "year")) return cli_usage_error(a, "--year is required");
  if ((rc = cli_int(a, "year", 1901, 2200, 0, &year))) return rc;
  if ((rc = cli_choice(a, "format", "md|html"))) return rc;
  int en;
  if ((rc = cli_lang(a, &en))) return rc;
  int html = cli_opt(a, "format") && !strcmp(cli_opt(a, "format"), "html");
  report_lang lang = en ? LANG_EN : LANG_VI;
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  cli_level lv;                          /* ranked among the units of its kind under its parent */
  if ((rc = cli_unit_level(s, unit, &lv))) {
    store_close(s);
    return rc;
  }
  year_scores from, to;
  int have_from = 0, have_to = 0;
  if ((rc = cli_year_load(a, s, (int)year - 1, lv.kind, lv.under, &from))) {
    cli_fail("the report compares %lld with %lld, so it needs %lld's rulebook and facts too", year, year - 1, year - 1);
    goto done;
  }
  have_from = 1;
  if ((rc = cli_year_load(a, s, (int)year, lv.kind, lv.under, &to))) goto done;
  have_to = 1;
  const unit_result *rf = cli_year_unit(&from, unit, &rc), *rt = rf ? cli_year_unit(&to, unit, &rc) : NULL;
  if (!rt) goto done;
  comparison c;
  province_compare(&c, from.mt, rf, from.st, from.res.n, to.mt, rt, to.st, to.res.n, NULL);
  report_doc d = {lang, &c, from.st, from.res.n, to.st, to.res.n,
                  from.published_run ? from.decision : NULL, from.decision_date,
                  to.published_run ? to.decision : NULL, to.decision_date};
  FILE *f = out ? fopen(out, "w") : stdout;
  if (!f) {
    rc = cli_fail("%s: %s", out, strerror(errno));
  } else {
    report_writer w;
    if (html) report_html_writer(&w, f);
    else report_md_writer(&w, f);
    report_write(&w, &d);
    int bad = ferror(f);
    if (out) bad |= fclose(f) != 0;
    else bad |= fflush(f) != 0;
    rc = bad ? cli_fail("%s: write error", out ? out : "stdout") : EXIT_OK;
    if (!bad && out) fprintf(stderr, "parindex: wrote %s\n", out);
  }
  comparison_free(&c);
done:
  if (have_to) year_scores_free(&to);
  if (have_from) year_scores_free(&from);
  store_close(s);
  return rc;
}

const cli_command cmd_report = {
  "report", "the written report of one unit and year (Markdown or HTML)",
  "rules= unit= year= format= lang= out= max-instructions= max-memory=",
  "usage: parindex [--db FILE] report [--rules DIR] --unit ID --year Y\n"
  "                                   [--format md|html] [--lang vi|en] [--out FILE]\n"
  "\n"
  "Write the analysis of the unit's PAR INDEX for year Y against Y-1, in the\n"
  "structure of a district's report: I.1 summary of both years and the ranking,\n"
  "I.2 comparison tables and one part per component (rising first, then\n"
  "falling) with every criterion that lost points and the ledger's reasons,\n"
  "I.3 causes from the deductions, II next year's tasks by office. Both years\n"
  "are scored with their own rulebooks; nothing is stored.\n"
  "\n"
  "  --format FMT             md (default) or html (one self-contained file with\n"
  "                           inline CSS and SVG charts, printable on A4)\n"
  "  --lang LANG              vi (default, decimal comma) or en (English headings\n"
  "                           and labels; reasons stay as the rules wrote them)\n"
  "  --out FILE               write to FILE instead of stdout\n"
  "  --rules DIR              a root holding one rulebook per year (DIR/Y/);\n"
  "                           default: rules/lai-chau (DIR/KIND/Y/: each unit with its kind's)\n"
  "  --max-instructions N     Lua instruction budget per criterion (default 10000000)\n"
  "  --max-memory MB          Lua memory cap of the rulebook (default 64)\n",
  run_report,
};
