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
    cJSON_AddItemToArray(arr, o);
  } else {
    if (row->t[8]) snprintf(b, sizeof b, "import %lld", (long long)row->i[8]);   /* since v4 */
    printf("%-5lld %-20s %-4lld %5lld  %-14s %-12s %-12s %s\n", (long long)row->i[0], row->t[1],
           (long long)row->i[4], (long long)row->i[5], row->t[2], short_sha(row->t[6], a),
           row->t[8] ? b : short_sha(row->t[7], b), row->t[3]);
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
  if (!json) printf("%-5s %-20s %-4s %5s  %-14s %-12s %-12s %s\n", "run", "created", "year", "units",
                    "engine", "rules sha256", "facts", "rules");
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
  "This lists them, oldest first.\n"
  "Show one again with 'parindex explain --run N' or 'tasks --run N'; check\n"
  "it still reproduces with 'parindex verify N'.\n"
  "\n"
  "  --unit ID                only runs that scored this unit\n"
  "  --year Y                 only runs of this year\n"
  "  --format FMT             text (default) or json\n",
  run_runs,
};

/* ---- a stored run: load it with its own rulebook ---- */

typedef struct {
  store *s;
  audit_run run;
  rulebook *rb;              /* the rulebook as the run had it */
} stored_run;

static void stored_done(stored_run *sr) {
  rulebook_free(sr->rb);
  audit_run_free(&sr->run);
  store_close(sr->s);
}

/* Run id, with the facts of every unit or only of unit `only`. */
static int stored_load(const cli_args *a, int64_t id, const char *only, stored_run *sr) {
  char err[8192];
  memset(sr, 0, sizeof *sr);
  if (!(sr->s = cli_open_store(a))) return EXIT_FAIL;
  int rc = audit_run_load(sr->s, id, only, &sr->run, err, sizeof err);
  if (rc) {
    if (rc > 0) cli_fail("no run %lld in %s", (long long)id, a->db);
    else cli_fail("%s", err);
    stored_done(sr);
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

int cli_show_run(cli_args *a, char which) {
  int64_t id;
  char err[8192];
  int rc;
  stored_run sr;
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  if (cli_opt(a, "rules")) return cli_usage_error(a, "--run shows the run with its own rules: drop --rules");
  if ((rc = parse_run_id(a, cli_opt(a, "run"), &id))) return rc;
  int en;
  if ((rc = cli_choice(a, "format", "text|json")) || (rc = cli_lang(a, &en))) return rc;
  if ((rc = stored_load(a, id, cli_opt(a, "unit"), &sr))) return rc;
  rc = EXIT_FAIL;
  const char *unit = cli_opt(a, "unit"), *crit = cli_opt(a, "criterion"), *office = cli_opt(a, "office");
  const char *year = cli_opt(a, "year");
  int json = cli_opt(a, "format") && !strcmp(cli_opt(a, "format"), "json");
  report_lang lang = en ? LANG_EN : LANG_VI;
  const audit_unit_row *u = NULL;
  unit_result r = {0};
  if (year && atoi(year) != sr.run.year) {
    cli_fail("run %lld scored %d, not %s", (long long)id, sr.run.year, year);
    goto done;
  }
  if (!unit && sr.run.nunit_rows == 1) unit = sr.run.unit_rows[0].unit.id;
  if (!unit) { rc = cli_usage_error(a, "run %lld scored %d units: say which with --unit", (long long)id, sr.run.nunit_rows); goto done; }
  if (!(u = audit_run_unit(&sr.run, unit))) { cli_fail("run %lld did not score unit '%s'", (long long)id, unit); goto done; }
  if (!sr.run.nfiles) {                          /* schema v1: no stored rules */
    fprintf(stderr, "parindex: run %lld predates the audit trail (store schema v1): shown with the current "
            "rules in %s, which may differ from those it ran with\n", (long long)id, sr.run.rules);
    sr.rb = engine_load_rules(sr.s, sr.run.rules, NULL, err, sizeof err);
  } else sr.rb = audit_run_rulebook(&sr.run, err, sizeof err);
  if (!sr.rb) { cli_fail("%s", err); goto done; }
  if (crit) {
    int found = 0;
    for (int i = 0; i < sr.rb->ncrits && !found; i++) found = !strcmp(sr.rb->crits[i].id, crit);
    if (!found) { cli_fail("no criterion '%s' in run %lld's rules", crit, (long long)id); goto done; }
  }
  if (office && !rulebook_office_name(sr.rb, office)) { cli_fail("unknown office '%s'", office); goto done; }
  if (audit_run_result(sr.s, &sr.run, sr.rb, u, &r, err, sizeof err)) { cli_fail("%s", err); goto done; }
  if (which == 'e') {
    if (json) out_explain_json(stdout, sr.rb, &r, crit);
    else out_explain_text(stdout, sr.rb, &r, crit, lang);
  } else {
    if (json) out_tasks_json(stdout, sr.rb, &r, office);
    else out_tasks_text(stdout, sr.rb, &r, office, lang);
  }
  rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
  if (!json) fprintf(stderr, "parindex: stored run %lld of %s (%s, rulebook sha256 %s)\n", (long long)id,
                     sr.run.created, sr.run.engine, sr.run.rules_sha256 ? sr.run.rules_sha256 : "-");
  ledger_free(&r);
done:
  stored_done(&sr);
  return rc;
}

/* ---- parindex verify RUN_ID ---- */

static char *explain_bytes(const rulebook *rb, const unit_result *r) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  if (!f) abort();
  out_explain_json(f, rb, r, NULL);
  fclose(f);
  return buf;
}

/* Which rule files differ between the run and the rulebook now. */
static int compare_rules(const audit_run *run, const rulebook *now) {
  int changes = 0;
  char name[4096];
  for (int i = 0; i < now->nfiles; i++) {
    audit_rel_name(now->dir, now->files[i], name, sizeof name);
    size_t len;
    char sha[SHA256_HEX];
    char *text = audit_read_file(now->files[i], &len);
    if (!text) { printf("  unreadable %s\n", now->files[i]); changes++; continue; }
    sha256_hex(text, len, sha);
    free(text);
    const audit_file *was = NULL;
    for (int k = 0; k < run->nfiles && !was; k++) if (!strcmp(run->files[k].path, name)) was = &run->files[k];
    if (!was) { printf("  added    %s\n", now->files[i]); changes++; }
    else if (strcmp(was->sha256, sha)) {
      printf("  changed  %s (sha256 %.12s -> %.12s)\n", now->files[i], was->sha256, sha);
      changes++;
    }
  }
  for (int k = 0; k < run->nfiles; k++) {
    int found = 0;
    for (int i = 0; i < now->nfiles && !found; i++) {
      audit_rel_name(now->dir, now->files[i], name, sizeof name);
      found = !strcmp(run->files[k].path, name);
    }
    if (!found) {
      snprintf(name, sizeof name, "%s/%s", run->rules, run->files[k].path);
      rulebook_normalize_path(name);
      printf("  removed  %s\n", name);
      changes++;
    }
  }
  return changes;
}

typedef struct { const audit_run *run; const audit_unit_row *u; int changes; } facts_cmp;

static int compare_unit_facts(const unit_facts *uf, void *ud) {
  facts_cmp *c = ud;
  const audit_unit_row *u = c->u;
  char a[64], b[64];
  size_t i = 0, k = 0;
  while (i < u->nfacts || k < uf->n) {
    int cmp = i == u->nfacts ? 1 : k == uf->n ? -1 : strcmp(u->facts[i].key, uf->facts[k].key);
    if (cmp < 0) { printf("  removed  %s/%s\n", u->unit.id, u->facts[i].key); c->changes++; i++; continue; }
    if (cmp > 0) { printf("  added    %s/%s\n", u->unit.id, uf->facts[k].key); c->changes++; k++; continue; }
    const fact *x = &u->facts[i], *y = &uf->facts[k];
    const char *vx = audit_fact_value(x, a, sizeof a), *vy = audit_fact_value(y, b, sizeof b);
    int same = x->type == y->type && !strcmp(vx, vy) &&
               !strcmp(x->source ? x->source : "", y->source ? y->source : "") &&
               !strcmp(x->note ? x->note : "", y->note ? y->note : "");
    if (!same) {
      printf("  changed  %s/%s", u->unit.id, x->key);
      if (strcmp(vx, vy) && strlen(vx) < 40 && strlen(vy) < 40) printf(" (%s -> %s)", vx, vy);
      else if (strcmp(vx, vy)) printf(" (value)");
      else printf(" (type, source or note)");
      putchar('\n');
      c->changes++;
    }
    i++; k++;
  }
  return 0;
}

/* Per-criterion differences between the stored and the re-scored ledger. */
static void show_ledger_changes(const rulebook *was_rb, const unit_result *was, const rulebook *now_rb,
                                const unit_result *now) {
  char p[PTS_FMT_MAX], q[PTS_FMT_MAX];
  if (was->total != now->total)
    printf("  %s: PAR index %s -> %s\n", was->unit.id, pts_format(p, was->total, ',', 0),
           pts_format(q, now->total, ',', 0));
  for (int i = 0; i < was_rb->ncrits; i++) {
    int k = -1;
    for (int j = 0; j < now_rb->ncrits && k < 0; j++) if (!strcmp(now_rb->crits[j].id, was_rb->crits[i].id)) k = j;
    if (k < 0) { printf("  %s: criterion %s is gone\n", was->unit.id, was_rb->crits[i].id); continue; }
    const ledger_criterion *x = &was->crits[i], *y = &now->crits[k];
    if (x->points != y->points || x->max != y->max || x->na != y->na)
      printf("  %s: criterion %s %s/%s -> %s/%s\n", was->unit.id, was_rb->crits[i].id,
             x->na ? "n/a" : pts_format(p, x->points, ',', 0), pts_format(q, x->max, ',', 0),
             y->na ? "n/a" : pts_format((char[PTS_FMT_MAX]){0}, y->points, ',', 0),
             pts_format((char[PTS_FMT_MAX]){0}, y->max, ',', 0));
  }
  for (int j = 0; j < now_rb->ncrits; j++) {
    int found = 0;
    for (int i = 0; i < was_rb->ncrits && !found; i++) found = !strcmp(now_rb->crits[j].id, was_rb->crits[i].id);
    if (!found) printf("  %s: criterion %s is new\n", was->unit.id, now_rb->crits[j].id);
  }
}

static int run_verify(cli_args *a) {
  int64_t id;
  char err[8192];
  int rc;
  stored_run sr;
  if (a->nargs != 1) return cli_usage_error(a, "verify takes one run number");
  if ((rc = parse_run_id(a, a->args[0], &id))) return rc;
  if ((rc = stored_load(a, id, NULL, &sr))) return rc;
  rc = EXIT_FAIL;
  rulebook *now = NULL;
  audit_run *run = &sr.run;
  if (!run->nfiles || !run->rules_sha256) {
    cli_fail("run %lld was stored before the audit trail (store schema v1): it kept neither its rule "
             "files nor its facts, so it cannot be verified", (long long)id);
    goto done;
  }
  printf("run %lld: %d, %d unit%s, %s, rules %s\n  rulebook sha256 %s\n", (long long)id,
         run->year, run->nunit_rows, run->nunit_rows == 1 ? "" : "s", run->engine, run->rules,
         run->rules_sha256);
  if (run->facts_import >= 0) printf("  facts           as import %lld left them\n", (long long)run->facts_import);
  else printf("  facts sha256    %s\n", run->facts_sha256 ? run->facts_sha256 : "-");
  if (!(sr.rb = audit_run_rulebook(run, err, sizeof err))) { cli_fail("%s", err); goto done; }
  if (!(now = engine_load_rules(sr.s, run->rules, NULL, err, sizeof err))) {
    cli_fail("the current rules in %s do not load:\n%s", run->rules, err);
    goto done;
  }
  printf("rules changed since the run:\n");
  int rule_changes = compare_rules(run, now);
  if (!rule_changes) printf("  none (every rule file has the sha256 it had)\n");
  printf("facts changed in the store since the run:\n");
  int fact_changes = 0;
  for (int i = 0; i < run->nunit_rows; i++) {
    facts_cmp c = {run, &run->unit_rows[i], 0};
    if (store_each_unit_facts(sr.s, run->year, c.u->unit.id, compare_unit_facts, &c) < 0) {
      cli_fail("%s", store_errmsg(sr.s));
      goto done;
    }
    if (c.changes == 0 && c.u->nfacts && !store_has_unit(sr.s, c.u->unit.id)) c.changes++;
    fact_changes += c.changes;
  }
  if (!fact_changes) printf("  none (the store holds the facts the run read)\n");
  int differs = 0;
  printf("re-scored from the stored facts with the current rules:\n");
  for (int i = 0; i < run->nunit_rows && rc == EXIT_FAIL; i++) {
    const audit_unit_row *u = &run->unit_rows[i];
    unit_facts uf;
    unit_result was = {0}, again = {0};
    audit_run_facts(run, u, &uf);
    if (audit_run_result(sr.s, run, sr.rb, u, &was, err, sizeof err)) { cli_fail("%s", err); goto done; }
    if (rulebook_eval(now, &uf, &again, err, sizeof err)) {
      printf("  %s: the current rules fail: %s\n", u->unit.id, err);
      differs++;
    } else {
      char *x = explain_bytes(sr.rb, &was), *y = explain_bytes(now, &again);
      if (strcmp(x, y)) {
        differs++;
        printf("  %s: differs from the stored ledger\n", u->unit.id);
        show_ledger_changes(sr.rb, &was, now, &again);
      }
      free(x);
      free(y);
    }
    ledger_free(&was);
    ledger_free(&again);
  }
  if (!differs) printf("  identical, byte for byte, to the stored ledger (%d unit%s)\n", run->nunit_rows,
                       run->nunit_rows == 1 ? "" : "s");
  printf("verdict: %s\n", !differs && !rule_changes && !fact_changes ? "identical"
                          : differs ? "the results differ" : "results identical, but inputs changed");
  rc = !differs && !rule_changes && !fact_changes ? EXIT_OK : EXIT_FAIL;
  if (fflush(stdout) != 0) rc = EXIT_FAIL;
done:
  rulebook_free(now);
  stored_done(&sr);
  return rc;
}

const cli_command cmd_verify = {
  "verify", "re-score a stored run and say what changed since",
  "",
  "usage: parindex [--db FILE] verify RUN_ID\n"
  "\n"
  "Score the run's units again from the facts the run stored, with the rule\n"
  "files as they are now, and compare with the stored ledger. Says whether\n"
  "the results are identical byte for byte, which rule files changed since\n"
  "(by sha256) and which facts in the store changed since (by key).\n"
  "\n"
  "exit status: 0 when everything is identical, 1 when anything changed\n",
  run_verify,
};
