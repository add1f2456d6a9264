/*
** cmd_rank.c -- parindex rank: every unit of a year, ranked, with bands.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "levels.h"
#include "store_levels.h"

#include "cli.h"
#include "report.h"

#define PROVINCE_HELP \
  "  --rules DIR              a rulebook folder, a root holding one per year (DIR/Y/), or\n" \
  "                           one per kind and year (DIR/KIND/Y/); default: rules/lai-chau\n" \
  "  --lang LANG              labels of the text output: vi (default) or en\n" \
  "  --max-instructions N     Lua instruction budget per criterion (default 10000000)\n" \
  "  --max-memory MB          Lua memory cap of the rulebook (default 64)\n"

/* One kind's table (kind NULL: the root is one rulebook); *shown counts the tables printed. */
static int rank_one(cli_args *a, store *s, int year, const char *kind, int multi, int *shown) {
  const char *fmt = cli_opt(a, "format") ? cli_opt(a, "format") : "text";
  int en = cli_opt(a, "lang") && !strcmp(cli_opt(a, "lang"), "en");
  year_scores y;
  int rc = cli_year_load(a, s, year, kind, cli_opt(a, "parent"), &y);
  if (rc) return rc;
  if (multi && *shown) fputs(!strcmp(fmt, "json") ? ",\n" : "\n", stdout);
  if (!strcmp(fmt, "xlsx")) {
    char err[1024];
    rc = out_rank_xlsx(cli_opt(a, "out"), y.st, y.res.n, y.year, en ? LANG_EN : LANG_VI, err, sizeof err)
         ? cli_fail("%s", err) : EXIT_OK;
  } else if (!strcmp(fmt, "json")) out_rank_json(stdout, y.mt, y.st, y.res.n, y.year);
  else if (!strcmp(fmt, "csv")) out_rank_csv(stdout, y.st, y.res.n, y.year, *shown == 0);
  else out_rank_text(stdout, y.mt, y.st, y.res.n, y.year, en ? LANG_EN : LANG_VI);
  (*shown)++;
  year_scores_free(&y);
  return rc;
}

/* --format xlsx of several kinds: one workbook, a sheet per kind. */
static int rank_xlsx_kinds(cli_args *a, store *s, int year, char **kinds, int n) {
  year_scores *y = calloc((size_t)n, sizeof *y);
  rank_table *t = calloc((size_t)n, sizeof *t);
  if (!y || !t) abort();
  int rc = EXIT_OK, loaded = 0;
  for (; loaded < n && !rc; loaded++) {
    rc = cli_year_load(a, s, year, kinds[loaded], cli_opt(a, "parent"), &y[loaded]);
    if (rc) break;
    t[loaded] = (rank_table){kinds[loaded], y[loaded].st, y[loaded].res.n};
  }
  if (!rc) {
    char err[1024];
    int en = cli_opt(a, "lang") && !strcmp(cli_opt(a, "lang"), "en");
    if (out_rank_xlsx_tables(cli_opt(a, "out"), t, n, year, en ? LANG_EN : LANG_VI, err, sizeof err)) rc = cli_fail("%s", err);
  }
  for (int i = 0; i < loaded; i++) year_scores_free(&y[i]);
  free(y);
  free(t);
  return rc;
}

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
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  const char *root = cli_rules_root(a);
  char dir[4096], err[1024], **kinds = NULL;
  int n = 0, one = cli_opt(a, "kind") || !rulebook_resolve(root, (int)year, dir, sizeof dir, err, sizeof err);
  if (!one && (rc = cli_root_kinds(s, root, (int)year, 0, &kinds, &n))) {}
  else if (one || n == 0) rc = rank_one(a, s, (int)year, cli_opt(a, "kind"), 0, &(int){0});
  else {                                   /* every kind the root has a rulebook for, one table each */
    const char *parent = cli_opt(a, "parent");
    int show = 0;                          /* the kinds with units under --parent, kept in order */
    for (int i = 0; i < n && !rc; i++) {
      int under = parent ? store_kind_under(s, (int)year, kinds[i], parent) : 1;
      if (under < 0) rc = cli_fail("%s", store_errmsg(s));
      if (under > 0) { char *t = kinds[show]; kinds[show++] = kinds[i]; kinds[i] = t; }
    }
    int shown = 0, multi = show > 1, json = !strcmp(fmt, "json");
    if (!rc && multi && !strcmp(fmt, "xlsx")) {
      rc = rank_xlsx_kinds(a, s, (int)year, kinds, show);
      show = 0;                            /* written */
      shown = 1;
    }
    if (!rc && multi && json) printf("{\n\"year\": %lld,\n\"kinds\": [\n", year);
    for (int i = 0; i < show && !rc; i++) rc = rank_one(a, s, (int)year, kinds[i], multi, &shown);
    if (multi && json && shown) puts("]\n}");
    if (!rc && !show && !shown) rc = cli_fail("no unit under '%s' has facts for %lld", parent, year);
  }
  if (!rc) rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
  cli_kinds_free(kinds, n);
  store_close(s);
  return rc;
}

const cli_command cmd_rank = {
  "rank", "every unit of a year ranked by PAR index, with the rulebook's bands",
  "rules= year= kind= parent= format= lang= max-instructions= max-memory= out= excel",
  "usage: parindex [--db FILE] rank [--rules DIR] --year Y [--kind K] [--parent ID]\n"
  "                                 [--format text|json|csv [--excel]|xlsx --out FILE] [--lang vi|en]\n"
  "\n"
  "Score every unit with facts for year Y (nothing is stored) and rank them by\n"
  "PAR index, highest first, within each kind of unit, each kind with its own\n"
  "rulebook (one table per kind). Equal totals share a rank (1, 2, 2, 4). The\n"
  "band (Tốt, Khá, ...) is the one the rulebook's 'bands' declaration gives.\n"
  "\n"
  "  --kind K                 only the units of kind K (district, commune, ...)\n"
  "  --parent ID              only the units under ID (the communes of a district)\n"
  "  --format FMT             text (default), json, csv (UTF-8 with BOM), or xlsx (with --out FILE;\n"
  "                           a sheet per kind)\n"
  "  --excel                  with csv: for Excel with Vietnamese regional settings: ';' between\n"
  "                           fields, decimal commas, headers in the --lang language\n" PROVINCE_HELP,
  run_rank,
};
