/*
** cmd_score.c -- parindex score, explain and tasks: score with a rulebook,
** then print (score also stores the run).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "engine.h"
#include "levels.h"
#include "store_levels.h"
#include "report.h"

#define SCORING_HELP \
  "  --rules DIR              a rulebook folder, a root holding one per year (DIR/Y/), or\n" \
  "                           one per kind of unit and year (DIR/KIND/Y/); default:\n" \
  "                           rules/lai-chau (district/, commune/)\n" \
  "  --format FMT             text (default) or json\n" \
  "  --lang LANG              labels of the text output: vi (default) or en\n" \
  "  --max-instructions N     Lua instruction budget per criterion (default 10000000)\n" \
  "  --max-memory MB          Lua memory cap of the rulebook (default 64)\n"

/* score of several units: streamed, the JSON units into a scratch file */
typedef struct { const methodology *mt; FILE *json; int n; } stream_ctx;

static int stream_unit(const unit_result *r, void *ud, char *err, size_t errlen) {
  stream_ctx *st = ud;
  if (!st->json) return 0;
  out_score_json_unit(st->json, st->mt, r, st->n++ == 0);
  if (!ferror(st->json)) return 0;
  snprintf(err, errlen, "writing the JSON output to a temporary file failed");
  return -1;
}

/* score of a year over a root of one rulebook per kind: one run per kind */
typedef struct { int multi, n; } levels_out;

static int scoring_kind(cli_args *a, char which, const char *kind, levels_out *lv) {
  cli_scoring sc;
  char err[8192];
  engine_results res = {0};
  stream_ctx st = {NULL, NULL, 0};
  const char *fmt = cli_opt(a, "format");
  int csv = fmt && !strcmp(fmt, "csv"), xlsx = fmt && !strcmp(fmt, "xlsx");
  const char *out = cli_opt(a, "out");
  int rc = cli_scoring_setup_kind(a, which != 's', kind, &sc);
  if (rc) return rc;
  const char *crit = cli_opt(a, "criterion"), *office = cli_opt(a, "office");
  report_lang lang = sc.lang_en ? LANG_EN : LANG_VI;
  rc = EXIT_FAIL;
  if (crit) {
    int found = 0;
    found = methodology_criterion(rulebook_methodology(sc.rb), crit) >= 0 ||
            methodology_extra(rulebook_methodology(sc.rb), crit) >= 0;   /* a bonus or penalty item */
    if (!found) { cli_fail("no criterion '%s' in %s", crit, sc.dir); goto done; }
  }
  if (office && !methodology_office_name(rulebook_methodology(sc.rb), office)) { cli_fail("unknown office '%s'", office); goto done; }
  st.mt = rulebook_methodology(sc.rb);
  long long round = 0;
  if (which == 's' && (rc = cli_int(a, "round", 1, 2, 0, &round))) goto done;
  rc = EXIT_FAIL;
  res.round = (int)round;
  if (which == 's' && !sc.unit) {
    if (sc.json && !(st.json = tmpfile())) { cli_fail("cannot create a temporary file"); goto done; }
    res.each = stream_unit;
    res.ud = &st;
  }
  if (engine_score_kind(sc.s, sc.rb, sc.year, sc.unit, sc.kind, which == 's', &res, err, sizeof err)) {
    cli_fail("%s", err);
    if (which == 's') cli_fail("nothing was stored%s", lv->n ? " for this kind (the runs above are stored)" : "");
    goto done;
  }
  if (which == 's') {
    if (lv->multi) fputs(sc.json ? (lv->n ? ", " : "") : (lv->n ? "\n" : ""), stdout);
    if (st.json) out_score_json_units(stdout, sc.year, sc.kind, res.run_id, st.json);
    else if (sc.json) out_score_json(stdout, rulebook_methodology(sc.rb), &res, 1);
    else out_score_text(stdout, rulebook_methodology(sc.rb), &res, lang);
  } else if (xlsx) {
    rc = (which == 'e' ? out_explain_xlsx(out, rulebook_methodology(sc.rb), &res.units[0], crit, lang, err, sizeof err)
                       : out_tasks_xlsx(out, rulebook_methodology(sc.rb), &res.units[0], office, lang, err, sizeof err))
         ? cli_fail("%s", err) : EXIT_OK;
    goto done;
  } else if (which == 'e') {
    if (sc.json) out_explain_json(stdout, rulebook_methodology(sc.rb), &res.units[0], crit);
    else out_explain_text(stdout, rulebook_methodology(sc.rb), &res.units[0], crit, lang);
  } else {
    if (csv) out_tasks_csv(stdout, rulebook_methodology(sc.rb), &res.units[0], office);
    else if (sc.json) out_tasks_json(stdout, rulebook_methodology(sc.rb), &res.units[0], office);
    else out_tasks_text(stdout, rulebook_methodology(sc.rb), &res.units[0], office, lang);
  }
  rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
  lv->n++;
  if (which == 's' && !sc.json && rc == EXIT_OK)
    fprintf(stderr, "parindex: stored as run %lld%s%s%s\n", (long long)res.run_id, sc.kind ? " (units of kind " : "",
            sc.kind ? sc.kind : "", sc.kind ? ")" : "");
done:
  if (st.json) fclose(st.json);
  engine_results_free(&res);
  cli_scoring_done(&sc);
  return rc;
}

/* score --year Y without --unit or --kind: every kind the root has a rulebook for, one run each. */
static int score_levels(cli_args *a, int *done) {
  long long year;
  *done = 0;
  if (cli_opt(a, "unit") || cli_opt(a, "kind") || !cli_opt(a, "year") || cli_int(a, "year", 1900, 2200, 0, &year))
    return EXIT_OK;
  char out[4096], err[1024];
  rule_limits lim;
  int en, bad = cli_choice(a, "format", "text|json|csv");     /* the options, checked before the store */
  if (!bad) bad = cli_lang(a, &en);
  if (!bad) bad = cli_limits(a, &lim);
  long long round;
  if (!bad) bad = cli_int(a, "round", 1, 2, 0, &round);
  if (bad || a->nargs) { *done = !!bad; return bad; }
  const char *root = cli_rules_root(a);
  if (!rulebook_resolve(root, (int)year, out, sizeof out, err, sizeof err)) return EXIT_OK;   /* one rulebook */
  store *s = cli_open_store(a);
  if (!s) { *done = 1; return EXIT_FAIL; }
  char **kinds;
  int n, rc = cli_root_kinds(s, root, (int)year, 1, &kinds, &n);
  store_close(s);
  if (rc || n) {                                           /* none: the one-kind path says what is missing */
    *done = 1;
    levels_out lv = {n > 1, 0};
    int json = cli_opt(a, "format") && !strcmp(cli_opt(a, "format"), "json");
    if (rc == EXIT_OK && lv.multi && json) printf("{\n\"year\": %lld,\n\"kinds\": [", year);
    for (int i = 0; i < n && rc == EXIT_OK; i++) rc = scoring_kind(a, 's', kinds[i], &lv);
    if (lv.multi && json && lv.n) puts("]\n}");
  }
  cli_kinds_free(kinds, n);
  return rc;
}

static int scoring(cli_args *a, char which) {
  const char *fmt = cli_opt(a, "format");
  int rc0, csv = fmt && !strcmp(fmt, "csv"), xlsx = fmt && !strcmp(fmt, "xlsx");
  if (csv && which != 't') return cli_usage_error(a, "--format: 'csv' is for rank, compare and tasks; use text or json");
  if (xlsx && which == 's') return cli_usage_error(a, "--format: 'xlsx' is for rank, compare, tasks and explain");
  if (which != 's' && (rc0 = cli_xlsx_out(a, fmt ? fmt : "text", cli_opt(a, "out")))) return rc0;
  if (which == 't' && (rc0 = cli_csv_excel(a, fmt, cli_opt(a, "lang") && !strcmp(cli_opt(a, "lang"), "en")))) return rc0;
  if (which != 's' && cli_opt(a, "run")) return cli_show_run(a, which);
  levels_out lv = {0, 0};
  if (which == 's') {
    int done, rc = score_levels(a, &done);
    if (done) return rc;
  }
  return scoring_kind(a, which, NULL, &lv);
}

static int run_score(cli_args *a) { return scoring(a, 's'); }
static int run_explain(cli_args *a) { return scoring(a, 'e'); }
static int run_tasks(cli_args *a) { return scoring(a, 't'); }

const cli_command cmd_score = {
  "score", "score a year (one unit or all), store the run, print the results",
  CLI_SCORING_OPTS " kind= round=",
  "usage: parindex [--db FILE] score [--rules DIR] --year Y [--unit ID | --kind K] [--round 1|2]\n"
  "                                  [--format text|json] [--lang vi|en]\n"
  "\n"
  "Score every unit with facts for year Y (or only --unit, or only the units\n"
  "of --kind), store the run and its ledger in one transaction, and print the\n"
  "results. Each kind of unit is scored with its own rulebook (DIR/KIND/Y/)\n"
  "and stored as its own run.\n"
  "\n"
  "  --kind K                 only the units of kind K (district, commune, ...)\n"
  "  --round N                mark the stored run as appraisal round 1 or 2 (runs shows it)\n" SCORING_HELP,
  run_score,
};

const cli_command cmd_explain = {
  "explain", "every criterion of one unit: points, deductions, facts, tasks",
  CLI_SCORING_OPTS " criterion= run= out=",
  "usage: parindex [--db FILE] explain [--rules DIR] --year Y --unit ID\n"
  "                                    [--criterion C] [--format text|json|xlsx --out FILE] [--lang vi|en]\n"
  "\n"
  "Show why each point was lost: every criterion of the unit with its points,\n"
  "deductions, reasons, the facts behind them with their sources, and tasks.\n"
  "Nothing is stored.\n"
  "\n"
  "  --criterion C            only this criterion (and its basis)\n"
  "  --format xlsx --out FILE a workbook: one row per deduction, with its facts and tasks\n"
  "  --run N                  show stored run N exactly as it was (its own rules\n"
  "                           and ledger; see 'parindex runs')\n" SCORING_HELP,
  run_explain,
};

const cli_command cmd_tasks = {
  "tasks", "next year's improvement tasks of one unit, by office",
  CLI_SCORING_OPTS " office= run= out= excel",
  "usage: parindex [--db FILE] tasks [--rules DIR] --year Y --unit ID\n"
  "                                  [--office ID] [--format text|json|csv|xlsx --out FILE] [--lang vi|en]\n"
  "\n"
  "The improvement tasks implied by the deductions, grouped by office, each\n"
  "with its criterion and the points its deduction took. Nothing is stored.\n"
  "\n"
  "  --office ID              only this office's tasks\n"
  "  --format csv             one row per task, UTF-8 with BOM (for Excel)\n"
  "  --excel                  with csv: for Excel with Vietnamese regional settings: ';'\n"
  "                           between fields, decimal commas, headers in the --lang language\n"
  "  --format xlsx --out FILE a workbook with one sheet per office\n"
  "  --run N                  the tasks of stored run N, as it was\n" SCORING_HELP,
  run_tasks,
};
