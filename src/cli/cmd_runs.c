/*
** cmd_runs.c -- the audit trail on the command line: parindex runs,
** parindex verify RUN_ID, and explain/tasks --run RUN_ID (a stored run
** shown exactly as it was).
*/
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cli.h"
#include "engine.h"
#include "report.h"
#include "store_runs.h"
#include "stored_run.h"
#include "verify.h"

static int parse_run_id(const cli_args *a, const char *v, int64_t *id) {
  char *end;
  errno = 0;
  long long n = strtoll(v, &end, 10);
  if (!*v || *end || errno || n < 1) return cli_usage_error(a, "'%s' is not a run number", v);
  *id = n;
  return 0;
}

static const char *short_sha(const char *sha, char *buf) {
  if (!sha) return "-";
  snprintf(buf, 13, "%.12s", sha);
  return buf;
}

/* ---- parindex runs ---- */

static int list_row(const store_row *row, void *ud) {
  cJSON *arr = ud;
  char a[13], b[32];
  if (arr) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "run", (double)row->i[0]);
    cJSON_AddStringToObject(o, "created", row->t[1]);
    cJSON_AddStringToObject(o, "engine", row->t[2]);
    cJSON_AddStringToObject(o, "rules", row->t[3]);
    cJSON_AddNumberToObject(o, "year", (double)row->i[4]);
    cJSON_AddNumberToObject(o, "units", (double)row->i[5]);
    if (row->t[6]) cJSON_AddStringToObject(o, "rules_sha256", row->t[6]);
    else cJSON_AddNullToObject(o, "rules_sha256");
    if (row->t[7]) cJSON_AddStringToObject(o, "facts_sha256", row->t[7]);
    else cJSON_AddNullToObject(o, "facts_sha256");
    if (row->t[8]) cJSON_AddNumberToObject(o, "facts_import", (double)row->i[8]);
    else cJSON_AddNullToObject(o, "facts_import");
    if (row->t[9]) cJSON_AddStringToObject(o, "rules_abs", row->t[9]);   /* since v5: the chain */
    else cJSON_AddNullToObject(o, "rules_abs");
    if (row->t[10]) cJSON_AddStringToObject(o, "digest", row->t[10]);
    else cJSON_AddNullToObject(o, "digest");
    if (row->t[11]) cJSON_AddNumberToObject(o, "prev", (double)row->i[11]);
    else cJSON_AddNullToObject(o, "prev");
    if (row->t[12]) cJSON_AddStringToObject(o, "prev_digest", row->t[12]);
    if (row->t[14]) cJSON_AddNumberToObject(o, "round", (double)row->i[14]);   /* since v6: score --round */
    else cJSON_AddNullToObject(o, "prev_digest");
    cJSON_AddItemToArray(arr, o);
  } else {
    if (row->t[8]) snprintf(b, sizeof b, "import %lld", (long long)row->i[8]);   /* since v4 */
    char d[13];
    printf("%-5lld %-20s %-4lld %5lld  %-14s %-12s %-12s %-12s %s\n", (long long)row->i[0], row->t[1],
           (long long)row->i[4], (long long)row->i[5], row->t[2], short_sha(row->t[6], a),
           row->t[8] ? b : short_sha(row->t[7], b), short_sha(row->t[10], d), row->t[3]);
  }
  return 0;
}

static int run_runs(cli_args *a) {
  long long year;
  int rc;
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year))) return rc;
  if ((rc = cli_choice(a, "format", "text|json"))) return rc;
  int json = cli_opt(a, "format") && !strcmp(cli_opt(a, "format"), "json");
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  cJSON *arr = json ? cJSON_CreateArray() : NULL;
  if (!json) printf("%-5s %-20s %-4s %5s  %-14s %-12s %-12s %-12s %s\n", "run", "created", "year", "units",
                    "engine", "rules sha256", "facts", "run digest", "rules");
  rc = store_run_query(s, RQ_RUNS, year, cli_opt(a, "unit"), list_row, arr);
  if (rc) cli_fail("%s", store_errmsg(s));
  else if (json) {
    char *t = cJSON_Print(arr);
    puts(t);
    cJSON_free(t);
  }
  cJSON_Delete(arr);
  store_close(s);
  if (rc) return EXIT_FAIL;
  return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cmd_runs = {
  "runs", "list the stored scoring runs (the audit trail)",
  "unit= year= format=",
  "usage: parindex [--db FILE] runs [--unit ID] [--year Y] [--format text|json]\n"
  "\n"
  "Every 'score' is stored as a run, append-only: its time, engine version,\n"
  "the sha256 of each rule file and of the rulebook, the last import of facts\n"
  "it saw (the store keeps every fact value an import replaced; runs stored\n"
  "before schema v4 kept the facts' sha256 instead), and its whole ledger.\n"
  "Since schema v5 each run also has a digest that covers its rows, the\n"
  "digests of each unit's facts and ledger, and the digest of the run before\n"
  "it, so that the runs form a chain: --format json prints them (digest,\n"
  "prev, prev_digest, rules_abs); keep them outside the store to be able to\n"
  "tell later that the store was not rewritten.\n"
  "This lists them, oldest first.\n"
  "Show one again with 'parindex explain --run N' or 'tasks --run N'; check\n"
  "it still reproduces with 'parindex verify N'.\n"
  "\n"
  "  --unit ID                only runs that scored this unit\n"
  "  --year Y                 only runs of this year\n"
  "  --format FMT             text (default) or json\n",
  run_runs,
};

/* ---- explain/tasks --run: a stored run as it was ---- */

int cli_show_run(cli_args *a, char which) {
  int64_t id;
  char err[8192];
  int rc, en;
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  if (cli_opt(a, "rules")) return cli_usage_error(a, "--run shows the run with its own rules: drop --rules");
  if ((rc = parse_run_id(a, cli_opt(a, "run"), &id))) return rc;
  if ((rc = cli_choice(a, "format", "text|json")) || (rc = cli_lang(a, &en))) return rc;
  const char *unit = cli_opt(a, "unit"), *crit = cli_opt(a, "criterion"), *office = cli_opt(a, "office");
  const char *year = cli_opt(a, "year");
  int json = cli_opt(a, "format") && !strcmp(cli_opt(a, "format"), "json");
  report_lang lang = en ? LANG_EN : LANG_VI;
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  stored_unit su;
  int got = stored_unit_load(s, id, unit, &su, err, sizeof err);
  rc = EXIT_FAIL;
  if (su.current_rules)
    fprintf(stderr, "parindex: run %lld predates the audit trail (store schema v1): shown with the current "
            "rules in %s, which may differ from those it ran with\n", (long long)id, su.run.rules);
  if (got == STORED_NO_RUN) cli_fail("no run %lld in %s", (long long)id, a->db);
  else if (got < 0) cli_fail("%s", err);
  else if (year && atoi(year) != su.run.year) cli_fail("run %lld scored %d, not %s", (long long)id, su.run.year, year);
  else if (got == STORED_WHICH_UNIT)
    rc = cli_usage_error(a, "run %lld scored %d units: say which with --unit", (long long)id, su.run.nunit_rows);
  else if (got == STORED_NO_UNIT) cli_fail("run %lld did not score unit '%s'", (long long)id, unit);
  else if (crit && methodology_criterion(su.mt, crit) < 0 && methodology_extra(su.mt, crit) < 0)
    cli_fail("no criterion '%s' in run %lld's rules", crit, (long long)id);
  else if (office && !methodology_office_name(su.mt, office)) cli_fail("unknown office '%s'", office);
  else {
    if (which == 'e') {
      if (json) out_explain_json(stdout, su.mt, &su.r, crit);
      else out_explain_text(stdout, su.mt, &su.r, crit, lang);
    } else {
      if (json) out_tasks_json(stdout, su.mt, &su.r, office);
      else out_tasks_text(stdout, su.mt, &su.r, office, lang);
    }
    rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    if (!json) fprintf(stderr, "parindex: stored run %lld of %s (%s, rulebook sha256 %s)\n", (long long)id,
                       su.run.created, su.run.engine, su.run.rules_sha256 ? su.run.rules_sha256 : "-");
  }
  stored_unit_free(&su);
  store_close(s);
  return rc;
}

/* ---- parindex verify RUN_ID ---- */

static int run_verify(cli_args *a) {
  int64_t id;
  char err[8192];
  int rc;
  if (a->nargs != 1) return cli_usage_error(a, "verify takes one run number");
  if ((rc = parse_run_id(a, a->args[0], &id))) return rc;
  store *s = cli_open_store(a);
  if (!s) return EXIT_FAIL;
  rc = engine_verify(s, id, stdout, err, sizeof err);
  if (rc < 0) cli_fail("%s", err);
  else if (rc == VERIFY_NO_RUN) cli_fail("no run %lld in %s", (long long)id, a->db);
  store_close(s);
  if (rc == VERIFY_IDENTICAL && fflush(stdout) != 0) return EXIT_FAIL;
  return rc == VERIFY_IDENTICAL ? EXIT_OK : EXIT_FAIL;
}

const cli_command cmd_verify = {
  "verify", "re-score a stored run and say what changed since",
  "",
  "usage: parindex [--db FILE] verify RUN_ID\n"
  "\n"
  "Check the stored run, then score its units again from the facts the run\n"
  "read, with the rule files as they are now (from the rulebook folder the\n"
  "run recorded, as an absolute path), and compare with the stored ledger.\n"
  "The stored run: the sha256 of each stored rule text, the digests of each\n"
  "unit's facts and ledger, the run's digest and the chain of runs back to\n"
  "the first; each difference is named (the fact with the value the store\n"
  "holds and the one the run read, the unit, the rule file, the run missing\n"
  "from the chain or not in it). Then which rule files changed since (by\n"
  "sha256), which facts were imported since, and which criteria and\n"
  "deductions a new scoring changes, with both values.\n"
  "\n"
  "exit status: 0 when everything is identical, 1 when anything changed\n",
  run_verify,
};
