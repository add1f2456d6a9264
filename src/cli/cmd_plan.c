/*
** cmd_plan.c -- parindex plan: what-if (facts changed, nothing stored),
** the fewest tasks reaching a target, and one office's lead tasks.
*/
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "import_check.h"
#include "json_writer.h"
#include "levels.h"
#include "path.h"
#include "report.h"

#define MAX_SETS 256

/* --facts FILE: a JSON object {"key": value, ...} (RFC 8259, each key once);
** a value as --set takes it (a string as its text, any other value as its
** JSON text, numbers as written). The keys and texts stay in *keep and
** owned[] until the command ends. */
static int read_facts_file(const char *path, plan_set *sets, int *n, cJSON **keep, char **owned, int *nowned) {
  size_t len;
  char *text = file_read_all(path, &len);
  if (!text) return cli_fail("%s: cannot read it", path);
  char err[1024];
  json_strict js = {0};
  cJSON *j = imp_json_parse(&js, text, len, path, err, sizeof err);
  *keep = j;
  int rc = EXIT_OK;
  if (!j) rc = cli_fail("%s", err);
  else if (!cJSON_IsObject(j)) rc = cli_fail("%s: not a JSON object of facts {\"key\": value, ...}", path);
  for (cJSON *e = rc ? NULL : j->child; e; e = e->next) {
    if (*n == MAX_SETS) { rc = cli_fail("%s: more than %d facts", path, MAX_SETS); break; }
    const char *v = e->valuestring;
    if (!cJSON_IsString(e)) {
      if (cJSON_IsNull(e) || cJSON_IsObject(e)) {
        rc = cli_fail("%s: fact '%s': a value is a number, boolean, string or list", path, e->string);
        break;
      }
      jsonw w = {0};
      json_print(&w, e, &js);                          /* numbers as written, not as doubles */
      if (!(v = owned[(*nowned)++] = strdup(jsonw_text(&w)))) abort();
      jsonw_free(&w);
    }
    sets[(*n)++] = (plan_set){e->string, v};
  }
  json_strict_free(&js);
  free(text);
  return rc;
}

static int target(cli_args *a, const methodology *mt, const plan_field *f, plan_view *v) {
  const char *r = cli_opt(a, "target-rank"), *i = cli_opt(a, "target-index"), *b = cli_opt(a, "target-band");
  if (!!r + !!i + !!b > 1) return cli_usage_error(a, "give one of --target-rank, --target-index, --target-band");
  if (r) {
    long long n;
    int rc = cli_int(a, "target-rank", 1, 1000000000, 0, &n);
    if (rc) return rc;
    v->target_kind = "rank"; v->target_text = r;
    v->target = n - 1 < f->n ? f->totals[n - 1] : 0;   /* level with the N-th of the others shares rank N */
  } else if (i) {
    int ok;
    char num[64];
    snprintf(num, sizeof num, "%s", i);
    char *comma = strchr(num, ',');
    if (comma) *comma = '.';                         /* 71,5 as written in Vietnamese */
    char *end;
    double x = strtod(num, &end);
    pts_t p = pts_from_double(x, &ok);
    if (!ok || *end || end == num || x < 0 || x > 1000 || strspn(i, "0123456789.,") != strlen(i))
      return cli_usage_error(a, "--target-index: '%s' is not a PAR index (e.g. 71.5)", i);
    v->target_kind = "index"; v->target_text = i; v->target = p;
  } else if (b) {
    int found = 0;
    for (int k = 0; k < mt->nbands && !found; k++)
      if (!strcmp(mt->bands[k].name, b)) { v->target = mt->bands[k].min; found = 1; }
    if (!found) return cli_fail("--target-band: the rulebook has no band '%s'", b);
    v->target_kind = "band"; v->target_text = b;
  }
  return EXIT_OK;
}

static const pts_t *sort_totals;
/* plan --office over a root of one rulebook per kind: the first kind (upper
** levels first) whose rulebook gives the office a component or a criterion. */
static void office_kind(const cli_args *a, const char *office, char *kind, size_t n) {
  long long year;
  char **kinds = NULL, dir[4096], err[4096];
  int nk = 0;
  if (cli_int(a, "year", 1900, 2200, 0, &year)) return;
  store *s = store_open(a->db, err, sizeof err);
  if (!s) return;
  if (!cli_root_kinds(s, cli_rules_root(a), (int)year, 0, &kinds, &nk))
    for (int i = 0; i < nk && !*kind; i++) {
      if (levels_resolve(cli_rules_root(a), kinds[i], (int)year, dir, sizeof dir, err, sizeof err)) continue;
      rulebook *rb = engine_load_rules(s, dir, NULL, err, sizeof err);
      const methodology *m = rb ? rulebook_methodology(rb) : NULL;
      for (int c = 0; m && c < m->ncomps && !*kind; c++)
        if (!strcmp(m->comps[c].owner, office)) snprintf(kind, n, "%s", kinds[i]);
      for (int c = 0; m && c < m->ncrits && !*kind; c++)
        if (!strcmp(m->crits[c].owner, office)) snprintf(kind, n, "%s", kinds[i]);
      rulebook_free(rb);
    }
  cli_kinds_free(kinds, nk);
  store_close(s);
}

static int cmp_alone(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  if (sort_totals[x] != sort_totals[y]) return sort_totals[x] > sort_totals[y] ? -1 : 1;
  return x - y;
}

static int run_plan(cli_args *a) {
  char err[8192];
  cli_scoring sc;
  plan_set sets[MAX_SETS];
  int nsets = 0;
  cJSON *facts_json = NULL;
  char *owned[MAX_SETS];
  int nowned = 0;
  const char *office = cli_opt(a, "office");
  if (office && (cli_opt(a, "unit") || cli_opt(a, "set") || cli_opt(a, "facts") || cli_opt(a, "target-rank") ||
                 cli_opt(a, "target-index") || cli_opt(a, "target-band")))
    return cli_usage_error(a, "--office lists one office's tasks in every unit: it takes no --unit, --set, --facts or target");
  if (!office && !cli_opt(a, "unit")) return cli_usage_error(a, "--unit (or --office) is required");
  for (int i = 0; i < a->nopts; i++) {
    if (strcmp(a->opts[i].name, "set")) continue;
    const char *kv = a->opts[i].value, *eq = strchr(kv, '=');
    if (!eq || eq == kv) return cli_usage_error(a, "--set: '%s' is not KEY=VALUE", kv);
    if (nsets == MAX_SETS) return cli_usage_error(a, "--set: at most %d", MAX_SETS);
    char *key = malloc((size_t)(eq - kv) + 1);
    if (!key) abort();
    memcpy(key, kv, (size_t)(eq - kv));
    key[eq - kv] = '\0';
    sets[nsets++] = (plan_set){key, eq + 1};
  }
  int nargs_sets = nsets;
  char kind[256] = "";
  if (office && !cli_opt(a, "unit") && !cli_opt(a, "kind") && cli_opt(a, "year")) office_kind(a, office, kind, sizeof kind);
  int rc = cli_scoring_setup_kind(a, 0, *kind ? kind : NULL, &sc);
  const char *fmt = cli_opt(a, "format") ? cli_opt(a, "format") : "text";
  report_lang lang = sc.lang_en ? LANG_EN : LANG_VI;
  if (rc) goto out;
  if (cli_opt(a, "facts") && (rc = read_facts_file(cli_opt(a, "facts"), sets, &nsets, &facts_json, owned, &nowned)))
    goto done;
  const methodology *mt = rulebook_methodology(sc.rb);
  if (office) {
    if (!methodology_office_name(mt, office)) { rc = cli_fail("unknown office '%s'", office); goto done; }
    plan_office o;
    if (plan_office_load(sc.s, sc.rb, sc.year, office, &o, err, sizeof err)) { rc = cli_fail("%s", err); goto done; }
    out_plan_office(stdout, mt, &o, office, sc.year, fmt, lang);
    plan_office_free(&o);
    rc = fflush(stdout) ? EXIT_FAIL : EXIT_OK;
    goto done;
  }
  unit_result before = {0}, after = {0};
  plan_field f = {0};
  plan_choice ch = {0};
  plan_view v = {.mt = mt};
  int *alone = NULL, *alone_rank = NULL;
  pts_t *alone_total = NULL;
  rc = EXIT_FAIL;
  if (plan_score_unit(sc.s, sc.rb, sc.year, sc.unit, NULL, 0, &before, err, sizeof err) ||
      (nsets && plan_score_unit(sc.s, sc.rb, sc.year, sc.unit, sets, nsets, &after, err, sizeof err)) ||
      plan_field_load(sc.s, sc.rb, sc.year, sc.unit, &f, err, sizeof err)) {
    cli_fail("%s", err);
    goto unit_done;
  }
  v.before = &before;
  v.after = nsets ? &after : NULL;
  v.base = nsets ? &after : &before;
  v.units = f.n + 1;
  v.from_run = f.run;
  v.rank = plan_rank(&f, before.total);
  v.band = methodology_band(mt, before.total);
  if (nsets) { v.rank_what_if = plan_rank(&f, after.total); v.band_what_if = methodology_band(mt, after.total); }
  if ((rc = target(a, mt, &f, &v))) goto unit_done;
  if (v.target_kind) {
    if (plan_search(mt, v.base, v.target, &ch)) { rc = cli_fail("the search is too large for this unit's tasks"); goto unit_done; }
    v.choice = &ch;
    v.rank_after = plan_rank(&f, ch.total_after);
    v.band_after = methodology_band(mt, ch.total_after);
    for (int i = 0; i < v.base->nded; i++) v.effort |= v.base->deds[i].effort > 0;
  }
  if (!v.target_kind) {                            /* each task alone */
    alone = malloc((size_t)(v.base->nded + 1) * sizeof *alone);
    alone_total = malloc((size_t)(v.base->nded + 1) * sizeof *alone_total);
    alone_rank = malloc((size_t)(v.base->nded + 1) * sizeof *alone_rank);
    unsigned char *done = calloc((size_t)v.base->nded + 1, 1);
    if (!alone || !alone_total || !alone_rank || !done) abort();
    unit_result s1 = {0};
    for (int i = 0; i < v.base->nded; i++) {
      if (!ledger_has_task(&v.base->deds[i])) continue;
      done[i] = 1;
      plan_retotal(mt, v.base, done, &s1);
      done[i] = 0;
      alone_total[i] = s1.total;
      alone_rank[i] = plan_rank(&f, s1.total);
      alone[v.nalone++] = i;
    }
    ledger_free(&s1);
    free(done);
    sort_totals = alone_total;
    qsort(alone, (size_t)v.nalone, sizeof *alone, cmp_alone);
    v.alone = alone; v.alone_total = alone_total; v.alone_rank = alone_rank;
  }
  if (!strcmp(fmt, "json")) out_plan_json(stdout, &v);
  else if (!strcmp(fmt, "csv")) out_plan_csv(stdout, &v);
  else out_plan_text(stdout, &v, lang);
  rc = fflush(stdout) ? EXIT_FAIL : EXIT_OK;
unit_done:
  free(alone); free(alone_total); free(alone_rank);
  plan_choice_free(&ch);
  plan_field_free(&f);
  ledger_free(&before);
  ledger_free(&after);
done:
  cli_scoring_done(&sc);
out:
  for (int i = 0; i < nargs_sets; i++) free((char *)sets[i].key);
  for (int i = 0; i < nowned; i++) free(owned[i]);
  cJSON_Delete(facts_json);
  return rc;
}

const cli_command cmd_plan = {
  "plan", "what-if, the fewest tasks reaching a rank, index or band, and an office's tasks",
  CLI_SCORING_OPTS " office= kind= set= facts= target-rank= target-index= target-band=",
  "usage: parindex [--db FILE] plan [--rules DIR] --year Y --unit ID [--set KEY=VALUE ...] [--facts FILE]\n"
  "                    [--target-rank N | --target-index P | --target-band B] [--format text|json|csv]\n"
  "       parindex [--db FILE] plan [--rules DIR] --year Y --office O [--kind K] [--format text|json|csv]\n"
  "\n"
  "Nothing is stored. With --set or --facts, score the unit with those facts changed and\n"
  "show the PAR index, rank among the year's units and band, before and after, and the\n"
  "criteria that changed. With a target, find the smallest set of the unit's tasks (by\n"
  "count, or by effort where the rules give :effort) whose deductions, once removed and\n"
  "the criteria re-totalled through the same caps as scoring, bring the unit to the\n"
  "target against the other units' current scores; found exactly, not greedily. When\n"
  "the target cannot be reached, say so and show the best reachable. With --office, the\n"
  "tasks that office leads in every unit, by points won back and places gained.\n"
  "\n"
  "  --set KEY=VALUE          change one fact (repeatable); typed like the fact it replaces\n"
  "  --facts FILE             a JSON object {\"key\": value, ...} of facts to change\n"
  "  --target-rank N          reach rank N or better (level with the N-th unit shares rank N)\n"
  "  --target-index P         reach a PAR index of at least P (e.g. 71.5)\n"
  "  --target-band B          reach band B of the rulebook's bands (e.g. Khá)\n"
  "  --office O               the office's lead tasks in every unit of its kind\n"
  "  --kind K                 with --office: the units of kind K (default: the first kind, upper\n"
  "                           levels first, whose rulebook gives the office a criterion)\n"
  "  --rules DIR              a rulebook folder, or a root holding one per year (DIR/Y/)\n"
  "  --format FMT             text (default), json or csv\n"
  "  --lang LANG              vi (default) or en\n"
  "  --max-instructions N     Lua instruction budget per criterion (default 10000000)\n"
  "  --max-memory MB          Lua memory cap of the rulebook (default 64)\n",
  run_plan,
};
