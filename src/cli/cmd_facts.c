/*
** cmd_facts.c -- parindex facts show|check: a unit's stored facts with their
** provenance, and every unit's facts against the rulebook's catalogue.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "levels.h"
#include "facts_check.h"
#include "store_fact_rows.h"

typedef struct { int n; int json; } show_ctx;

static int show_row(const store_fact_row *r, void *ud) {
  show_ctx *c = ud;
  const char *v = r->value;
  if (!strcmp(r->type, "boolean")) v = strcmp(v, "0") ? "true" : "false";
  c->n++;
  printf("%s (%s) = %s\n", r->key, r->type, v);
  if (r->source) printf("    nguồn: %s\n", r->source);
  if (r->note) printf("    ghi chú: %s\n", r->note);
  if (r->import) printf("    import #%lld%s%s\n", (long long)r->import, r->imported ? ", " : "", r->imported ? r->imported : "");
  return 0;
}

static int show(cli_args *a) {
  long long year;
  int rc;
  const char *unit = cli_opt(a, "unit");
  if (!unit || !cli_opt(a, "year")) return cli_usage_error(a, "facts show needs --unit and --year");
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year))) return rc;
  if (cli_opt(a, "rules")) return cli_usage_error(a, "facts show takes no --rules");
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  show_ctx c = {0, 0};
  if (store_each_fact_row(s, unit, (int)year, show_row, &c)) rc = cli_fail("%s", store_errmsg(s));
  else if (!c.n) rc = cli_fail(store_has_unit(s, unit) > 0 ? "unit '%s' has no facts for %lld" : "unknown unit '%s'", unit, year);
  else rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
  store_close(s);
  return rc;
}

/* facts check of one rulebook: kind NULL: --kind, the unit's, or the kind
** the rulebook scores; heading: name the kind before its lines. */
static int check_kind(cli_args *a, const char *kind, int heading) {
  cli_scoring sc;
  char err[8192], only[256] = "";
  facts_check_totals t;
  int rc = cli_scoring_setup_kind(a, 0, kind, &sc);
  if (rc) return rc;
  if (sc.kind) snprintf(only, sizeof only, "%s", sc.kind);
  else if (!sc.unit && levels_rulebook_kind(sc.s, sc.dir, only, sizeof only)) {
    rc = cli_fail("%s", store_errmsg(sc.s));
    cli_scoring_done(&sc);
    return rc;
  }
  if (heading) printf("%s (%s):\n", only, sc.dir);
  if (facts_check(sc.s, sc.rb, sc.year, sc.unit, *only ? only : NULL, stdout, &t, err, sizeof err)) rc = cli_fail("%s", err);
  else {
    printf("%d unit%s%s%s%s, %d: %d required fact%s missing (in %d unit%s), %d invalid value%s, "
           "%d stored fact%s no rule reads, %d optional fact%s not given\n",
           t.units, t.units == 1 ? "" : "s", *only && !sc.unit ? " of kind '" : "", sc.unit ? "" : only,
           *only && !sc.unit ? "'" : "", sc.year, t.missing, t.missing == 1 ? "" : "s", t.missing_units,
           t.missing_units == 1 ? "" : "s", t.invalid, t.invalid == 1 ? "" : "s", t.undeclared,
           t.undeclared == 1 ? "" : "s", t.optional_missing, t.optional_missing == 1 ? "" : "s");
    rc = fflush(stdout) != 0 || t.missing || t.invalid ? EXIT_FAIL : EXIT_OK;
  }
  cli_scoring_done(&sc);
  return rc;
}

/* facts check: a root of one rulebook per kind checks every kind's units
** against their own rulebook (unless --unit or --kind picks one). */
static int check(cli_args *a) {
  long long year;
  char dir[4096], err[1024], **kinds = NULL;
  int n = 0, rc;
  if (cli_opt(a, "unit") || cli_opt(a, "kind") || !cli_opt(a, "year") || cli_int(a, "year", 1900, 2200, 0, &year) ||
      !rulebook_resolve(cli_rules_root(a), (int)year, dir, sizeof dir, err, sizeof err))
    return check_kind(a, NULL, 0);
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  rc = cli_root_kinds(s, cli_rules_root(a), (int)year, 1, &kinds, &n);
  store_close(s);
  if (!rc && n <= 1) rc = check_kind(a, n ? kinds[0] : NULL, 0);
  int bad = 0;                          /* a kind with problems: the others are still checked */
  for (int i = 0; !rc && n > 1 && i < n; i++) {
    int k = check_kind(a, kinds[i], 1);
    if (k == EXIT_USAGE) rc = k;
    else if (k) bad = 1;
  }
  if (!rc && bad) rc = EXIT_FAIL;
  cli_kinds_free(kinds, n);
  return rc;
}

static int run(cli_args *a) {
  if (a->nargs < 1) return cli_usage_error(a, "say which: facts show, facts check or facts template");
  const char *sub = a->args[0];
  cli_args rest = *a;                /* the options, without the subcommand (a keeps what cli_main frees) */
  rest.args++;
  rest.nargs--;
  if (rest.nargs) return cli_usage_error(a, "unexpected argument '%s'", rest.args[0]);
  if (!strcmp(sub, "show")) return show(&rest);
  if (!strcmp(sub, "check")) return check(&rest);
  if (!strcmp(sub, "template")) return cli_facts_template(&rest);
  return cli_usage_error(a, "unknown facts command '%s' (show, check or template)", sub);
}

const cli_command cmd_facts = {
  "facts", "the facts a rulebook needs: show, check, template",
  CLI_SCORING_OPTS " kind= out= all-units excel",
  "usage: parindex [--db FILE] facts show  --unit ID --year Y\n"
  "       parindex [--db FILE] facts check [--rules DIR] --year Y [--unit ID | --kind K]\n"
  "       parindex [--db FILE] facts template [--rules DIR] --year Y [--unit ID | --all-units [--kind K]]\n"
  "                                            --format xlsx|csv [--excel] --out FILE\n"
  "\n"
  "facts show      the unit's stored facts for the year: each with its type and value,\n"
  "                its source document and note, and the import that wrote it.\n"
  "facts check     every unit with facts for the year (or only --unit) against the\n"
  "                rulebook's catalogue of facts (fact \"key\" { ... }), all at once:\n"
  "                required facts missing, values of the wrong type or out of the\n"
  "                declared range, list records with missing or wrong fields, and\n"
  "                stored facts that no rule reads; then a summary. Exit 1 when a\n"
  "                required fact is missing or a value is invalid.\n"
  "facts template  the form an office fills in: one row per declared fact with its\n"
  "                description, type, unit of measure, range, office and evidence;\n"
  "                with --unit, prefilled with the unit's stored values and sources;\n"
  "                with --all-units, the rows of every unit with facts for the year\n"
  "                (in xlsx, wide: one row per unit, one column per declared fact,\n"
  "                a source and a note per unit row, not per fact).\n"
  "                `parindex import FILE` reads it back.\n"
  "\n"
  "  --rules DIR   a rulebook folder, a root with one per year, or one per kind and year\n"
  "                (default: the bundled rules/lai-chau; facts check then checks each kind's\n"
  "                units against its own rulebook)\n"
  "  --kind K      only the units of kind K (template --all-units: default the upper level)\n"
  "  --excel       template csv: for Excel with Vietnamese regional settings (';', decimal\n"
  "                commas, titles in the --lang language naming their columns: \"Giá trị (value)\");\n"
  "                import reads it back\n",
  run,
};
