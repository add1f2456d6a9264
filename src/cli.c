/*
** cli.c -- global options, the command table, the shared option parser.
*/
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine.h"

#define DEFAULT_RULES "rules/lai-chau/district"

static const cli_command *const commands[] = {
  &cmd_import, &cmd_score, &cmd_explain, &cmd_tasks,
  &cmd_rank, &cmd_compare, &cmd_report, &cmd_runs, &cmd_verify, &cmd_rules, &cmd_init, NULL
};

static void usage_main(FILE *f) {
  fputs("usage: parindex [--db FILE] COMMAND [OPTIONS]\n"
        "\n"
        "Score the PAR INDEX (Chỉ số cải cách hành chính) from facts in a SQLite\n"
        "store with a methodology written in Lua.\n"
        "\n"
        "commands:\n", f);
  for (const cli_command *const *c = commands; *c; c++) fprintf(f, "  %-10s %s\n", (*c)->name, (*c)->summary);
  fputs("\n"
        "global options:\n"
        "  --db FILE    the store (default: $PARINDEX_DB, else ./parindex.db)\n"
        "  --help       this text; 'parindex COMMAND --help' for a command\n"
        "  --version    print the version\n"
        "\n"
        "exit status: 0 ok, 1 failure, 2 usage error\n", f);
}

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

store *cli_open_or_create_store(const cli_args *a, int *created) {
  char err[1024];
  store *s = store_open_or_create(a->db, created, err, sizeof err);
  if (!s) cli_fail("%s", err);
  return s;
}

/* Does the spec take `name`? 1 with a value, 2 as a flag, 0 not at all. */
static int spec_takes(const char *spec, const char *name, size_t n) {
  for (const char *p = spec; *p;) {
    while (*p == ' ') p++;
    size_t k = strcspn(p, " ");
    if (!k) break;
    int value = p[k - 1] == '=';
    if (k - (size_t)value == n && !strncmp(p, name, n)) return value ? 1 : 2;
    p += k;
  }
  return 0;
}

static int parse(const cli_command *c, int argc, char **argv, cli_args *a) {
  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) { fputs(c->usage, stdout); return -1; }
    if (!strcmp(arg, "--")) {
      while (++i < argc) a->args[a->nargs++] = argv[i];
      break;
    }
    if (strncmp(arg, "--", 2) != 0 || !arg[2]) {
      if (arg[0] == '-' && arg[1]) return cli_usage_error(a, "unknown option '%s'", arg);
      a->args[a->nargs++] = arg;
      continue;
    }
    const char *name = arg + 2, *eq = strchr(name, '=');
    size_t n = eq ? (size_t)(eq - name) : strlen(name);
    int kind = spec_takes(c->options, name, n);
    if (!kind) return cli_usage_error(a, "unknown option '--%.*s'", (int)n, name);
    if (a->nopts == CLI_MAX_OPTS) return cli_usage_error(a, "too many options");
    char *key = strndup(name, n);
    if (!key) return EXIT_FAIL;
    a->opts[a->nopts].name = key;             /* freed by cli_main, even on error */
    a->opts[a->nopts++].value = "";
    if (kind == 2) {
      if (eq) return cli_usage_error(a, "option '--%s' takes no value", key);
      continue;
    }
    a->nopts--;
    const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
    a->opts[a->nopts++].value = v ? v : "";     /* the same slot, now with its value */
    if (!v || !*v) return cli_usage_error(a, "option '--%s' needs a value", key);
  }
  return 0;
}

int cli_main(int argc, char **argv) {
  cli_args a = {0};
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { usage_main(stdout); return EXIT_OK; }
    if (!strcmp(argv[i], "--version")) { puts("parindex " PARINDEX_VERSION); return EXIT_OK; }
    if (!strncmp(argv[i], "--db=", 5)) { a.db = argv[i] + 5; }
    else if (!strcmp(argv[i], "--db")) {
      if (i + 1 >= argc) return cli_usage_error(NULL, "--db needs a file");
      a.db = argv[++i];
    } else return cli_usage_error(NULL, "unknown option '%s'", argv[i]);
    if (!*a.db) return cli_usage_error(NULL, "--db needs a file");
  }
  if (i >= argc) { usage_main(stderr); return EXIT_USAGE; }
  const cli_command *c = NULL;
  for (const cli_command *const *k = commands; *k && !c; k++)
    if (!strcmp((*k)->name, argv[i])) c = *k;
  if (!c) return cli_usage_error(NULL, "unknown command '%s'", argv[i]);
  a.cmd = c->name;
  if (!a.db) a.db = getenv("PARINDEX_DB");
  if (!a.db || !*a.db) a.db = "parindex.db";
  a.args = calloc((size_t)argc, sizeof *a.args);
  if (!a.args) return EXIT_FAIL;
  int rc = parse(c, argc - i - 1, argv + i + 1, &a);
  if (rc == 0) rc = c->run(&a);
  else if (rc < 0) rc = EXIT_OK;                       /* --help */
  for (int k = 0; k < a.nopts; k++) free((char *)a.opts[k].name);
  free(a.args);
  return rc;
}

/* ---- shared by the scoring commands ---- */

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

int cli_scoring_setup(const cli_args *a, int need_unit, cli_scoring *sc) {
  char err[8192];
  long long year, insns, mem;
  int rc;
  memset(sc, 0, sizeof *sc);
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  if (!cli_opt(a, "year")) return cli_usage_error(a, "--year is required");
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year))) return rc;
  if ((rc = cli_int(a, "max-instructions", 1000, 1000000000000LL, 0, &insns))) return rc;
  if ((rc = cli_int(a, "max-memory", 1, 65536, 0, &mem))) return rc;
  if ((rc = cli_choice(a, "format", "text|json|csv"))) return rc;   /* csv: tasks only */
  if ((rc = cli_lang(a, &sc->lang_en))) return rc;
  sc->unit = cli_opt(a, "unit");
  if (need_unit && !sc->unit) return cli_usage_error(a, "--unit is required");
  sc->year = (int)year;
  sc->json = cli_opt(a, "format") && !strcmp(cli_opt(a, "format"), "json");
  const char *rules = cli_opt(a, "rules");
  if (rulebook_resolve(rules ? rules : default_rules(), sc->year, sc->dir, sizeof sc->dir, err, sizeof err))
    return cli_fail("%s", err);
  if (!(sc->s = cli_open_store(a))) return EXIT_FAIL;
  sandbox_limits lim = {0};
  lim.insn_limit = insns;
  lim.mem_limit = (size_t)mem << 20;
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
  store_close(sc->s);
  sc->rb = NULL;
  sc->s = NULL;
}
