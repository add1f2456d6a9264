/*
** cmd_facts_template.c -- parindex facts template: the form of the year's
** catalogue of facts, prefilled with --unit's stored values, to --out FILE.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "levels.h"
#include "facts_form.h"
#include "report.h"

int cli_facts_template(cli_args *a) {
  char err[8192];
  const char *out = cli_opt(a, "out"), *format = cli_opt(a, "format");
  if (!out) return cli_usage_error(a, "facts template needs --out FILE");
  if (!format || (strcmp(format, "csv") && strcmp(format, "xlsx")))
    return cli_usage_error(a, "facts template needs --format xlsx or --format csv");
  if (cli_opt(a, "excel") && strcmp(format, "csv")) return cli_usage_error(a, "--excel is for --format csv");
  cli_args rest = *a;                   /* the shared options, without --format (theirs is text|json) */
  rest.nopts = 0;
  for (int i = 0; i < a->nopts; i++)
    if (strcmp(a->opts[i].name, "format")) rest.opts[rest.nopts++] = a->opts[i];
  cli_scoring sc;
  int rc = cli_scoring_setup(&rest, 0, &sc);
  if (rc) return rc;
  if (cli_opt(a, "excel")) csv_excel(sc.lang_en ? LANG_EN : LANG_VI);
  fact_form form;
  int all = cli_opt(a, "all-units") != NULL;
  if (all && sc.unit) { cli_scoring_done(&sc); return cli_usage_error(a, "--unit or --all-units, not both"); }
  char kind[256] = "";                  /* the kind the rulebook scores: its units only */
  if (sc.kind) snprintf(kind, sizeof kind, "%s", sc.kind);
  else if (levels_rulebook_kind(sc.s, sc.dir, kind, sizeof kind)) {
    rc = cli_fail("%s", store_errmsg(sc.s));
    cli_scoring_done(&sc);
    return rc;
  }
  if (facts_form_build(sc.s, rulebook_methodology(sc.rb), sc.year, sc.unit, all, *kind ? kind : NULL, &form, err,
                       sizeof err)) {
    rc = cli_fail("%s", err);
  } else if (!strcmp(format, "xlsx")) {
    if (out_fact_form_xlsx(out, &form, err, sizeof err)) rc = cli_fail("%s", err);
    else fprintf(stderr, "parindex: %s: %d rows, %d units\n", out, form.n, form.units);
  } else {
    FILE *f = fopen(out, "wb");
    if (!f) rc = cli_fail("%s: cannot write", out);
    else {
      out_fact_form_csv(f, &form);
      if (ferror(f) | fclose(f)) rc = cli_fail("%s: write error", out);
      else fprintf(stderr, "parindex: %s: %d rows, %d units\n", out, form.n, form.units);
    }
  }
  fact_form_free(&form);
  cli_scoring_done(&sc);
  return rc;
}
