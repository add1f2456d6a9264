/*
** cmd_rank.c -- parindex rank: every unit of a year, ranked, with bands.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "report.h"

#define PROVINCE_HELP \
  "  --rules DIR              a rulebook folder, or a root holding one per year (DIR/Y/);\n" \
  "                           default: rules/lai-chau/district\n" \
  "  --lang LANG              labels of the text output: vi (default) or en\n" \
  "  --max-instructions N     Lua instruction budget per criterion (default 10000000)\n" \
  "  --max-memory MB          Lua memory cap of the rulebook (default 64)\n"

static int run_rank(cli_args *a) {
  long long year;
  int rc;
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  if (!cli_opt(a, "year")) return cli_usage_error(a, "--year is required");
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year))) return rc;
  if ((rc = cli_choice(a, "format", "text|json|csv|xlsx"))) return rc;
  int en;
  if ((rc = cli_lang(a, &en))) return rc;
  const char *fmt = cli_opt(a, "format") ? cli_opt(a, "format") : "text", *out = cli_opt(a, "out");
  if ((rc = cli_xlsx_out(a, fmt, out)) || (rc = cli_csv_excel(a, fmt, en))) return rc;
  report_lang lang = en ? LANG_EN : LANG_VI;
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  year_scores y;
  rc = cli_year_load(a, s, (int)year, &y);
  if (rc == EXIT_OK) {
    char err[1024];
    if (!strcmp(fmt, "xlsx")) rc = out_rank_xlsx(out, y.st, y.res.n, y.year, lang, err, sizeof err) ? cli_fail("%s", err) : EXIT_OK;
    else if (!strcmp(fmt, "json")) out_rank_json(stdout, y.mt, y.st, y.res.n, y.year);
    else if (!strcmp(fmt, "csv")) out_rank_csv(stdout, y.st, y.res.n, y.year);
    else out_rank_text(stdout, y.mt, y.st, y.res.n, y.year, lang);
    if (rc == EXIT_OK) rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    year_scores_free(&y);
  }
  store_close(s);
  return rc;
}

const cli_command cmd_rank = {
  "rank", "every unit of a year ranked by PAR index, with the rulebook's bands",
  "rules= year= format= lang= max-instructions= max-memory= out= excel",
  "usage: parindex [--db FILE] rank [--rules DIR] --year Y [--format text|json|csv [--excel]|xlsx --out FILE]\n"
  "                                 [--lang vi|en]\n"
  "\n"
  "Score every unit with facts for year Y (nothing is stored) and rank them by\n"
  "PAR index, highest first. Equal totals share a rank (1, 2, 2, 4). The band\n"
  "(Tốt, Khá, ...) is the one the rulebook's 'bands' declaration gives the total.\n"
  "\n"
  "  --format FMT             text (default), json, csv (UTF-8 with BOM), or xlsx (with --out FILE)\n"
  "  --excel                  with csv: for Excel with Vietnamese regional settings: ';' between\n"
  "                           fields, decimal commas, headers in the --lang language\n" PROVINCE_HELP,
  run_rank,
};
