/*
** cli_args.c -- what the commands share: options, messages and exit codes,
** opening the store, the rules root and the sandbox limits, loading the
** rulebook of a scoring command and one year across the province.
*/
#include "cli.h"
#include "report.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "engine.h"
#include "levels.h"
#include "store_levels.h"

#define DEFAULT_RULES "rules/lai-chau"   /* one rulebook per kind: district/, commune/ */

int cli_fail(const char *fmt, ...) {
  va_list ap;
  fputs("parindex: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return EXIT_FAIL;
}

int cli_usage_error(const cli_args *a, const char *fmt, ...) {
  va_list ap;
  fputs("parindex: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'parindex %s%s--help'.\n", a && a->cmd ? a->cmd : "", a && a->cmd ? " " : "");
  return EXIT_USAGE;
}

const char *cli_opt(const cli_args *a, const char *name) {
  for (int i = a->nopts - 1; i >= 0; i--)
    if (!strcmp(a->opts[i].name, name)) return a->opts[i].value;
  return NULL;
}

int cli_int(const cli_args *a, const char *name, long long lo, long long hi, long long def,
            long long *out) {
  const char *v = cli_opt(a, name);
  *out = def;
  if (!v) return 0;
  char *end;
  errno = 0;
  long long n = strtoll(v, &end, 10);
  if (!*v || *end || errno || n < lo || n > hi)
    return cli_usage_error(a, "--%s: '%s' is not a whole number from %lld to %lld", name, v, lo, hi);
  *out = n;
  return 0;
}

int cli_choice(const cli_args *a, const char *name, const char *choices) {
  const char *v = cli_opt(a, name);
  if (!v) return 0;
  size_t n = strlen(v);
  for (const char *c = choices; *c;) {
    size_t k = strcspn(c, "|");
    if (k == n && !strncmp(c, v, n)) return 0;
    c += k + (c[k] == '|');
  }
  return cli_usage_error(a, "--%s: '%s' is not one of %s", name, v, choices);
}

int cli_lang(const cli_args *a, int *en) {
  int rc = cli_choice(a, "lang", "vi|en");
  *en = !rc && cli_opt(a, "lang") && !strcmp(cli_opt(a, "lang"), "en");
  return rc;
}

store *cli_open_store(const cli_args *a) {
  char err[1024];
  store *s = store_open(a->db, err, sizeof err);
  if (!s) cli_fail("%s", err);
  return s;
}

/* Does the spec take `name`? 1 with a value, 2 as a flag, 0 not at all. */
store *cli_open_or_create_store(const cli_args *a, int *created) {
  char err[1024];
  store *s = store_open_or_create(a->db, created, err, sizeof err);
  if (!s) cli_fail("%s", err);
  return s;
}

static const char *default_rules(void) {
  struct stat st;
  const char *env = getenv("PARINDEX_RULES");
  if (env && *env) return env;
  if (stat(DEFAULT_RULES, &st) == 0 && S_ISDIR(st.st_mode)) return DEFAULT_RULES;
  return PARINDEX_SOURCE_DIR "/" DEFAULT_RULES;
}

const char *cli_rules_root(const cli_args *a) {
  const char *rules = cli_opt(a, "rules");
  return rules ? rules : default_rules();
}

int cli_limits(const cli_args *a, rule_limits *lim) {
  long long insns, mem;
  int rc;
  if ((rc = cli_int(a, "max-instructions", 1000, 1000000000000LL, 0, &insns))) return rc;
  if ((rc = cli_int(a, "max-memory", 1, 65536, 0, &mem))) return rc;
  lim->max_instructions = insns;
  lim->max_memory = (size_t)mem << 20;
  return EXIT_OK;
}

int cli_year_load(const cli_args *a, store *s, int year, const char *kind, const char *parent, year_scores *y) {
  char err[8192];
  rule_limits lim;
  int rc;
  memset(y, 0, sizeof *y);
  if ((rc = cli_limits(a, &lim))) return rc;
  if (year_scores_load(s, cli_rules_root(a), year, kind, parent, &lim, y, err, sizeof err))
    return cli_fail("%s", err);
  return EXIT_OK;
}

int cli_unit_level(store *s, const char *unit, cli_level *lv) {
  int has = store_unit_level(s, unit, lv->kind, sizeof lv->kind, lv->parent, sizeof lv->parent);
  if (has < 0) return cli_fail("%s", store_errmsg(s));
  if (!has) return cli_fail("unknown unit '%s'", unit);
  lv->under = *lv->parent ? lv->parent : NULL;
  return EXIT_OK;
}

typedef struct { const char *root; char **kinds; int n, warn; } kinds_ctx;

static int add_kind(const char *kind, int64_t units, void *ud) {
  kinds_ctx *k = ud;
  if (!levels_has_kind(k->root, kind)) {
    if (k->warn)
      fprintf(stderr, "parindex: %lld unit%s of kind '%s' ha%s facts but %s holds no rulebook for them (no %s/ "
              "folder): not scored\n", (long long)units, units == 1 ? "" : "s", kind, units == 1 ? "s" : "ve",
              k->root, kind);
    return 0;
  }
  char **g = realloc(k->kinds, (size_t)(k->n + 1) * sizeof *g);
  if (!g || !(g[k->n] = strdup(kind))) abort();
  k->kinds = g;
  k->n++;
  return 0;
}

int cli_root_kinds(store *s, const char *root, int year, int warn, char ***kinds, int *n) {
  kinds_ctx k = {root, NULL, 0, warn};
  int rc = store_year_kinds(s, year, add_kind, &k);
  *kinds = k.kinds;
  *n = k.n;
  return rc ? cli_fail("%s", store_errmsg(s)) : EXIT_OK;
}

void cli_kinds_free(char **kinds, int n) {
  for (int i = 0; i < n; i++) free(kinds[i]);
  free(kinds);
}

const unit_result *cli_year_unit(const year_scores *y, const char *unit, int *rc) {
  const unit_result *r = year_scores_unit(y, unit);
  if (!r) *rc = cli_fail("unit '%s' has no facts for %d (or is unknown)", unit, y->year);
  return r;
}

typedef struct { const char *root; char *kind; size_t n; } kind_pick;

static int first_kind(const char *kind, int64_t units, void *ud) {
  kind_pick *k = ud;
  (void)units;
  if (!levels_has_kind(k->root, kind)) return 0;
  snprintf(k->kind, k->n, "%s", kind);
  return 1;
}

int cli_scoring_setup(const cli_args *a, int need_unit, cli_scoring *sc) {
  return cli_scoring_setup_kind(a, need_unit, NULL, sc);
}

int cli_scoring_setup_kind(const cli_args *a, int need_unit, const char *kind, cli_scoring *sc) {
  char err[8192];
  long long year;
  int rc;
  memset(sc, 0, sizeof *sc);
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  if (!cli_opt(a, "year")) return cli_usage_error(a, "--year is required");
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year))) return rc;
  rule_limits lim;
  if ((rc = cli_limits(a, &lim))) return rc;
  if ((rc = cli_choice(a, "format", "text|json|csv|xlsx"))) return rc;   /* csv: tasks only; xlsx: tasks, explain */
  if ((rc = cli_lang(a, &sc->lang_en))) return rc;
  sc->unit = cli_opt(a, "unit");
  if (need_unit && !sc->unit) return cli_usage_error(a, "--unit is required");
  sc->year = (int)year;
  sc->json = cli_opt(a, "format") && !strcmp(cli_opt(a, "format"), "json");
  sc->kind = kind ? kind : cli_opt(a, "kind");
  if (!(sc->s = cli_open_store(a))) return EXIT_FAIL;
  const char *root = cli_rules_root(a);     /* the unit's kind's rulebook, or --kind's (levels.h) */
  char top[256] = "";
  if (!sc->unit && !sc->kind && rulebook_resolve(root, sc->year, sc->dir, sizeof sc->dir, err, sizeof err)) {
    kind_pick k = {root, top, sizeof top};     /* a root of one rulebook per kind: the upper level's */
    if (store_year_kinds(sc->s, sc->year, first_kind, &k) < 0) {
      cli_fail("%s", store_errmsg(sc->s));
      cli_scoring_done(sc);
      return EXIT_FAIL;
    }
    if (*top) sc->kind = top[0] ? arena_strdup(&sc->a, top) : NULL;
  }
  if (sc->unit ? levels_resolve_unit(sc->s, root, sc->unit, sc->year, sc->dir, sizeof sc->dir, err, sizeof err)
               : levels_resolve(root, sc->kind, sc->year, sc->dir, sizeof sc->dir, err, sizeof err)) {
    cli_fail("%s", err);
    cli_scoring_done(sc);
    return EXIT_FAIL;
  }
  sc->rb = engine_load_rules(sc->s, sc->dir, &lim, err, sizeof err);
  if (!sc->rb) {
    cli_fail("%s", err);
    cli_scoring_done(sc);
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

void cli_scoring_done(cli_scoring *sc) {
  rulebook_free(sc->rb);
  arena_free(&sc->a);
  store_close(sc->s);
  sc->rb = NULL;
  sc->s = NULL;
}

int cli_xlsx_out(const cli_args *a, const char *format, const char *out) {
  int xlsx = format && !strcmp(format, "xlsx");
  if (xlsx && !out) return cli_usage_error(a, "--format xlsx needs --out FILE (a workbook is not written to the terminal)");
  if (!xlsx && out) return cli_usage_error(a, "--out is for --format xlsx");
  return EXIT_OK;
}

int cli_csv_excel(const cli_args *a, const char *format, int lang_en) {
  if (!cli_opt(a, "excel")) return EXIT_OK;
  if (!format || strcmp(format, "csv")) return cli_usage_error(a, "--excel is for --format csv");
  csv_excel(lang_en ? LANG_EN : LANG_VI);
  return EXIT_OK;
}
