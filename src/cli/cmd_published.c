/*
** cmd_published.c -- parindex published: import the results a decision
** published (unit, total, rank; the decision's number, date and how many
** units it ranks), or list the decisions in force (--list).
*/
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "points.h"
#include "published_import.h"
#include "store_published.h"

typedef struct { cJSON *list, *rows; int json; } list_ctx;

static cJSON *need(cJSON *v) {
  if (!v) abort();
  return v;
}

static void add_opt(cJSON *o, const char *name, const char *v) {
  cJSON_AddItemToObject(o, name, v ? need(cJSON_CreateString(v)) : need(cJSON_CreateNull()));
}

static int on_decision(const store_decision *d, void *ud) {
  list_ctx *c = ud;
  if (!c->json) {
    printf("%d, %s units%s%s: decision %s", d->year, *d->kind ? d->kind : "all", *d->parent ? " under " : "", d->parent,
           d->number ? d->number : "(no number)");
    if (d->date) printf(" of %s", d->date);
    if (d->body) printf(", %s", d->body);
    if (d->units) printf(", %d units ranked", d->units);
    printf("\n  imported %s from %s (decision %lld)\n", d->created, d->source, (long long)d->id);
    if (d->subject) printf("  %s\n", d->subject);
    printf("  %5s  %-24s  %7s  %s\n", "rank", "unit", "total", "name");
    return 0;
  }
  cJSON *o = need(cJSON_CreateObject());
  cJSON_AddNumberToObject(o, "year", d->year);
  add_opt(o, "kind", *d->kind ? d->kind : NULL);
  add_opt(o, "parent", *d->parent ? d->parent : NULL);
  cJSON *dec = need(cJSON_AddObjectToObject(o, "decision"));
  add_opt(dec, "number", d->number);
  add_opt(dec, "date", d->date);
  add_opt(dec, "body", d->body);
  add_opt(dec, "subject", d->subject);
  if (d->units) cJSON_AddNumberToObject(o, "units", d->units);
  else cJSON_AddNullToObject(o, "units");
  cJSON_AddNumberToObject(o, "id", (double)d->id);
  add_opt(o, "imported", d->created);
  add_opt(o, "source", d->source);
  add_opt(o, "digest", d->digest);
  c->rows = need(cJSON_AddArrayToObject(o, "results"));
  cJSON_AddItemToArray(c->list, o);
  return 0;
}

static int on_row(const store_published_row *r, void *ud) {
  list_ctx *c = ud;
  char t[PTS_FMT_MAX] = "";
  if (r->total >= 0) pts_format(t, r->total, '.', 1);
  if (!c->json) {
    printf("  %5d  %-24s  %7s  %s\n", r->rank, r->unit, r->total >= 0 ? t : "—", r->name ? r->name : "");
    return 0;
  }
  cJSON *o = need(cJSON_CreateObject());
  add_opt(o, "unit", r->unit);
  add_opt(o, "name", r->name);
  cJSON_AddItemToObject(o, "total", need(r->total >= 0 ? cJSON_CreateRaw(t) : cJSON_CreateNull()));
  cJSON_AddNumberToObject(o, "rank", r->rank);
  cJSON_AddItemToArray(c->rows, o);
  return 0;
}

typedef struct { int *years; char **kinds, **parents; int n; } kinds_ctx;
static int on_kind(int year, const char *kind, const char *parent, void *ud) {
  kinds_ctx *k = ud;
  k->years = realloc(k->years, (size_t)(k->n + 1) * sizeof *k->years);
  k->kinds = realloc(k->kinds, (size_t)(k->n + 1) * sizeof *k->kinds);
  k->parents = realloc(k->parents, (size_t)(k->n + 1) * sizeof *k->parents);
  if (!k->years || !k->kinds || !k->parents || !(k->kinds[k->n] = strdup(kind)) || !(k->parents[k->n] = strdup(parent)))
    abort();
  k->years[k->n++] = year;
  return 0;
}

static int list(cli_args *a, store *s, int year) {
  kinds_ctx k = {0};
  list_ctx c = {NULL, NULL, cli_opt(a, "format") && !strcmp(cli_opt(a, "format"), "json")};
  int rc = EXIT_OK;
  if (c.json) c.list = need(cJSON_CreateArray());
  if (store_published_kinds(s, year, on_kind, &k)) rc = cli_fail("%s", store_errmsg(s));
  for (int i = 0; i < k.n && !rc; i++) {
    if (!c.json && i) putchar('\n');
    if (store_published_get(s, k.years[i], k.kinds[i], k.parents[i], on_decision, on_row, &c) < 0)
      rc = cli_fail("%s", store_errmsg(s));
  }
  if (!rc && !k.n && !c.json)
    fprintf(stderr, "parindex: no published results%s in the store (parindex published FILE)\n",
            year ? " for that year" : "");
  if (!rc && c.json) {
    char *t = cJSON_Print(c.list);
    if (!t) abort();
    puts(t);
    free(t);
  }
  cJSON_Delete(c.list);
  for (int i = 0; i < k.n; i++) { free(k.kinds[i]); free(k.parents[i]); }
  free(k.kinds);
  free(k.parents);
  free(k.years);
  if (!rc && fflush(stdout)) rc = cli_fail("stdout: write error");
  return rc;
}

static int run_published(cli_args *a) {
  char err[8192];
  long long year, units;
  int rc;
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year)) || (rc = cli_int(a, "units", 1, 100000, 0, &units)) ||
      (rc = cli_choice(a, "format", "text|json")))
    return rc;
  const char *date = cli_opt(a, "date");
  pdate d;
  if (date && !date_parse_iso(date, &d)) return cli_usage_error(a, "--date: '%s' is not a date YYYY-MM-DD", date);
  static const char *const meta_opts[] = {"kind", "parent", "decision", "date", "body", "subject", "units"};
  const size_t nmeta = sizeof meta_opts / sizeof *meta_opts;
  if (cli_opt(a, "list")) {
    if (a->nargs) return cli_usage_error(a, "--list takes no file");
    for (size_t i = 0; i < nmeta; i++)
      if (cli_opt(a, meta_opts[i])) return cli_usage_error(a, "--%s goes with files to import, not --list", meta_opts[i]);
    store *s = cli_open_store(a);
    if (!s) return EXIT_FAIL;
    rc = list(a, s, (int)year);
    store_close(s);
    return rc;
  }
  if (!a->nargs) return cli_usage_error(a, "give the decision's files to import (or --list)");
  if (cli_opt(a, "format")) return cli_usage_error(a, "--format goes with --list");
  for (size_t i = 0; i < nmeta; i++)             /* --units is a number, checked above */
    if (cli_opt(a, meta_opts[i]) && !*cli_opt(a, meta_opts[i])) return cli_usage_error(a, "--%s: empty", meta_opts[i]);
  published_meta m = {(int)year, cli_opt(a, "kind"), cli_opt(a, "parent"), cli_opt(a, "decision"), date, cli_opt(a, "body"),
                      cli_opt(a, "subject"), (int)units};
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  rc = published_import(s, &m, (const char *const *)a->args, a->nargs, stdout, err, sizeof err) ? cli_fail("%s", err)
                                                                                                  : EXIT_OK;
  if (rc) cli_fail("nothing was stored");
  store_close(s);
  if (!rc && fflush(stdout)) rc = cli_fail("stdout: write error");
  return rc;
}

const cli_command cmd_published = {
  "published", "import the results a decision published (rank, totals), or list them",
  "year= kind= parent= decision= date= body= subject= units= list format=",
  "usage: parindex [--db FILE] published FILE.json...\n"
  "       parindex [--db FILE] published FILE.csv|FILE.xlsx --year Y [--kind K] [--parent ID] [--decision NUMBER]\n"
  "                            [--date YYYY-MM-DD] [--body TEXT] [--subject TEXT] [--units N]\n"
  "       parindex [--db FILE] published --list [--year Y] [--format text|json]\n"
  "\n"
  "Store the results that the province's decision published (Quyết định công bố\n"
  "Chỉ số CCHC): for each unit it names, its total and rank, with the\n"
  "decision's number, date, issuing body and subject and how many units it\n"
  "ranks. The reports of that year (parindex report) then cite the decision and\n"
  "give each unit's rank as published, the other units' totals in the ranking\n"
  "table, and in a unit's first year the year before as published, when the\n"
  "store does not hold the other units' facts.\n"
  "\n"
  "A .json file is one decision (data/README.md, \"Published results\"); a .csv or\n"
  "an .xlsx file is the decision's table, a header row naming the columns unit,\n"
  "rank, and optionally name and total (or titles ending in \"(unit)\", ...), and\n"
  "the options give the decision. Every file is checked before anything is\n"
  "stored (file:line: field: problem): totals with at most two decimals, ranks\n"
  "within the units ranked and in the order of the totals, each unit once, of the\n"
  "decision's kind (and parent), and named when the store does not know it. All files are\n"
  "stored in one transaction, or none.\n"
  "\n"
  "A decision is never changed: importing a corrected one for the same year and\n"
  "kind keeps the old and puts the new one in force; importing the same one\n"
  "again changes nothing.\n"
  "\n"
  "  --year Y              the year the decision publishes (.csv, .xlsx; with\n"
  "                        --list: only that year)\n"
  "  --kind K              the kind of unit it ranks (district, commune, ...);\n"
  "                        without it, the decision is for every kind\n"
  "  --parent ID           it ranks the units of the kind under ID (a district's\n"
  "                        decision on its communes); without it, wherever they are\n"
  "  --decision NUMBER     its number: \"701/QĐ-UBND\"\n"
  "  --date YYYY-MM-DD     its date\n"
  "  --body TEXT           who issued it: \"UBND tỉnh Lai Châu\"\n"
  "  --subject TEXT        its subject: \"về phê duyệt và công bố ...\"\n"
  "  --units N             how many units it ranks\n"
  "  --list                print the decisions in force and their results\n"
  "  --format text|json    with --list\n",
  run_published,
};
