/*
** cmd_publish.c -- parindex publish: the province's decision freezes the
** official run of a year, one per kind of unit. A published result is never
** changed: reports, compare and rank of that year read the published run.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "store_levels.h"

typedef struct { char kind[256]; int64_t units; store_kind_run run; } kind_pub;
typedef struct { kind_pub *v; int n; const char *only; } pub_ctx;

static int add_kind(const char *kind, int64_t units, void *ud) {
  pub_ctx *c = ud;
  if (c->only && strcmp(c->only, kind)) return 0;
  kind_pub *g = realloc(c->v, (size_t)(c->n + 1) * sizeof *g);
  if (!g) abort();
  c->v = g;
  memset(&g[c->n], 0, sizeof *g);
  snprintf(g[c->n].kind, sizeof g[c->n].kind, "%s", kind);
  g[c->n++].units = units;
  return 0;
}

/* Is every kind's latest run current (every unit, the last import and adjustment)? */
static int check_kinds(store *s, int year, pub_ctx *c) {
  int64_t import, adj;
  if (store_last_import(s, &import) || store_adjust_last(s, &adj)) return cli_fail("%s", store_errmsg(s));
  for (int i = 0; i < c->n; i++) {
    kind_pub *k = &c->v[i];
    int64_t run;
    char dec[256], date[16];
    int has = store_publication(s, year, k->kind, &run, dec, sizeof dec, date, sizeof date);
    if (has < 0) return cli_fail("%s", store_errmsg(s));
    if (has)
      return cli_fail("%d is already published for the %s units (run %lld, %s of %s): a published result is never "
                      "changed", year, k->kind, (long long)run, dec, date);
    has = store_latest_kind_run(s, year, k->kind, &k->run);
    if (has < 0) return cli_fail("%s", store_errmsg(s));
    if (!has) return cli_fail("no stored run of the %s units of %d: parindex score --year %d first", k->kind, year, year);
    const char *why = k->run.units != k->units ? "it did not score every unit of the kind"
                    : k->run.facts_import != import ? "facts were imported since"
                    : k->run.adjust_upto != adj ? "adjustments were recorded since" : NULL;
    if (why)
      return cli_fail("the latest run of the %s units of %d (run %lld) is not current: %s; parindex score --year %d "
                      "first", k->kind, year, (long long)k->run.run, why, year);
  }
  return EXIT_OK;
}

static int run_publish(cli_args *a) {
  long long year;
  int rc;
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  if (!cli_opt(a, "year")) return cli_usage_error(a, "--year is required");
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year))) return rc;
  const char *dec = cli_opt(a, "decision"), *date = cli_opt(a, "date");
  if (!dec || !*dec) return cli_usage_error(a, "--decision is required (e.g. \"701/QĐ-UBND\")");
  pdate d;
  if (!date || !date_parse_iso(date, &d)) return cli_usage_error(a, "--date: a date YYYY-MM-DD is required");
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  pub_ctx c = {NULL, 0, cli_opt(a, "kind")};
  if (store_year_kinds(s, (int)year, add_kind, &c)) rc = cli_fail("%s", store_errmsg(s));
  else if (!c.n) rc = cli_fail("no unit%s%s has facts for %lld", c.only ? " of kind " : "", c.only ? c.only : "", year);
  else rc = check_kinds(s, (int)year, &c);
  for (int i = 0; i < c.n && !rc; i++) {
    int r = store_publish(s, (int)year, c.v[i].kind, c.v[i].run.run, dec, date);
    if (r) rc = cli_fail("%s", r < 0 ? store_errmsg(s) : "published meanwhile by another process");
    else printf("published %lld for the %s units: run %lld (%lld units), %s of %s\n", year, c.v[i].kind,
                (long long)c.v[i].run.run, (long long)c.v[i].units, dec, date);
  }
  free(c.v);
  store_close(s);
  return rc;
}

const cli_command cmd_publish = {
  "publish", "freeze the official run of a year by the province's decision",
  "year= decision= date= kind=",
  "usage: parindex [--db FILE] publish --year Y --decision TEXT --date YYYY-MM-DD [--kind K]\n"
  "\n"
  "Mark the latest run of each kind of unit of year Y as its official result,\n"
  "published by the decision (e.g. --decision \"701/QĐ-UBND\" --date 2023-05-24).\n"
  "Each run must be current: every unit of its kind, the last import of facts\n"
  "and the last adjustment (parindex score --year Y first). Once published, a\n"
  "year is never changed: report, compare and rank of that year read the\n"
  "published run (its stored ledgers, its own rule files) and cite the decision,\n"
  "whatever is imported, adjusted or scored later.\n"
  "\n"
  "  --kind K                 only the units of kind K\n",
  run_publish,
};
