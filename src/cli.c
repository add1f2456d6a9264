/*
** cli.c -- commands, options, usage and exit codes.
*/
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine.h"
#include "import.h"
#include "report.h"

#define DEFAULT_RULES "rules/lai-chau/district"

typedef struct {
  const char *db, *rules, *unit, *criterion, *office, *format, *lang;
  int year;
  long long max_insns;
  long max_mem_mb;
  const char **paths; int npaths;
} opts;

static const char *const usage_main =
  "usage: parindex [--db FILE] COMMAND [OPTIONS]\n"
  "\n"
  "Score the PAR INDEX (Chỉ số cải cách hành chính) from facts in a SQLite\n"
  "store with a methodology written in Lua.\n"
  "\n"
  "commands:\n"
  "  import PATH...   import facts, units and offices from .json/.csv files or folders\n"
  "  score            score a year (one unit or all), store the run, print the results\n"
  "  explain          every criterion of one unit: points, deductions, facts, tasks\n"
  "  tasks            next year's improvement tasks of one unit, by office\n"
  "\n"
  "global options:\n"
  "  --db FILE        the store (default: $PARINDEX_DB, else ./parindex.db)\n"
  "  --help           this text; 'parindex COMMAND --help' for a command\n"
  "  --version        print the version\n"
  "\n"
  "exit status: 0 ok, 1 failure, 2 usage error\n";

static const char *const usage_import =
  "usage: parindex [--db FILE] import PATH...\n"
  "\n"
  "Import .json and .csv files, or every such file in a folder (in name order).\n"
  "All files are checked first and written in one transaction: one bad row\n"
  "is reported as file:line: field: problem, and nothing is imported.\n"
  "Re-importing the same facts changes nothing; changed values are listed.\n";

static const char *const usage_score =
  "usage: parindex [--db FILE] score [--rules DIR] --year Y [--unit ID]\n"
  "                                  [--format text|json] [--lang vi|en]\n"
  "\n"
  "Score every unit with facts for year Y (or only --unit), store the run\n"
  "and its ledger, and print the results.\n"
  "\n"
  "  --rules DIR       a rulebook folder, or a root holding one per year (DIR/Y/);\n"
  "                    default: " DEFAULT_RULES "\n"
  "  --format FMT      text (default) or json\n"
  "  --lang LANG       labels of the text output: vi (default) or en\n"
  "  --max-instructions N   Lua instruction budget per criterion (default 10000000)\n"
  "  --max-memory MB        Lua memory cap per rulebook (default 64)\n";

static const char *const usage_explain =
  "usage: parindex [--db FILE] explain [--rules DIR] --year Y --unit ID\n"
  "                                    [--criterion C] [--format text|json] [--lang vi|en]\n"
  "\n"
  "Show why each point was lost: every criterion of the unit with its points,\n"
  "deductions, reasons, the facts behind them with their sources, and tasks.\n"
  "Nothing is stored. Options as for score, plus:\n"
  "  --criterion C     only this criterion (and its basis)\n";

static const char *const usage_tasks =
  "usage: parindex [--db FILE] tasks [--rules DIR] --year Y --unit ID\n"
  "                                  [--office ID] [--format text|json] [--lang vi|en]\n"
  "\n"
  "Next year's improvement tasks implied by the deductions, grouped by office,\n"
  "each with its criterion and the points it can win back. Nothing is stored.\n"
  "Options as for score, plus:\n"
  "  --office ID       only this office's tasks\n";

static int usage_error(const char *cmd, const char *fmt, const char *arg) {
  fputs("parindex: ", stderr);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'parindex %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
  return EXIT_USAGE;
}

/* --name value or --name=value; returns the value or NULL. */
static const char *opt_value(int argc, char **argv, int *i, const char *name) {
  size_t n = strlen(name);
  if (strncmp(argv[*i], name, n) != 0) return NULL;
  if (argv[*i][n] == '=') return argv[*i] + n + 1;
  if (argv[*i][n] != '\0') return NULL;
  if (*i + 1 >= argc) return "";
  return argv[++*i];
}

static int parse_int(const char *s, long long lo, long long hi, long long *out) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (!*s || *end || errno || v < lo || v > hi) return 0;
  *out = v;
  return 1;
}

/* Parse a command's options. allowed: which of the option names it takes. */
static int parse_opts(const char *cmd, int argc, char **argv, opts *o, const char *allowed,
                      const char *usage) {
  static const char *const names[] = {"--rules", "--year", "--unit", "--criterion", "--office",
                                      "--format", "--lang", "--max-instructions", "--max-memory"};
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(usage, stdout); return -1; }
    if (argv[i][0] != '-' || !strcmp(argv[i], "-")) {
      if (!strchr(allowed, 'P')) return usage_error(cmd, "unexpected argument '%s'", argv[i]);
      o->paths[o->npaths++] = argv[i];
      continue;
    }
    if (!strcmp(argv[i], "--")) {
      while (++i < argc) {
        if (!strchr(allowed, 'P')) return usage_error(cmd, "unexpected argument '%s'", argv[i]);
        o->paths[o->npaths++] = argv[i];
      }
      break;
    }
    int matched = 0;
    for (int k = 0; k < 9 && !matched; k++) {
      const char *v = opt_value(argc, argv, &i, names[k]);
      if (!v) continue;
      matched = 1;
      if (!strchr(allowed, "RYUCOFLIM"[k])) return usage_error(cmd, "option %s is not for this command", names[k]);
      if (!*v) return usage_error(cmd, "option %s needs a value", names[k]);
      long long n;
      switch (k) {
      case 0: o->rules = v; break;
      case 1:
        if (!parse_int(v, 1900, 2200, &n)) return usage_error(cmd, "--year: '%s' is not a year", v);
        o->year = (int)n;
        break;
      case 2: o->unit = v; break;
      case 3: o->criterion = v; break;
      case 4: o->office = v; break;
      case 5:
        if (strcmp(v, "text") && strcmp(v, "json")) return usage_error(cmd, "--format: '%s' is not text or json", v);
        o->format = v;
        break;
      case 6:
        if (strcmp(v, "vi") && strcmp(v, "en")) return usage_error(cmd, "--lang: '%s' is not vi or en", v);
        o->lang = v;
        break;
      case 7:
        if (!parse_int(v, 1000, 1000000000000LL, &n)) return usage_error(cmd, "--max-instructions: '%s' is not a number from 1000", v);
        o->max_insns = n;
        break;
      case 8:
        if (!parse_int(v, 1, 65536, &n)) return usage_error(cmd, "--max-memory: '%s' is not a number of MiB (1..65536)", v);
        o->max_mem_mb = (long)n;
        break;
      }
    }
    if (!matched) return usage_error(cmd, "unknown option '%s'", argv[i]);
  }
  if (strchr(allowed, 'Y') && !o->year) return usage_error(cmd, "%s--year is required", "");
  if (strchr(allowed, 'u') && !o->unit) return usage_error(cmd, "%s--unit is required", "");
  if (strchr(allowed, 'P') && !o->npaths) return usage_error(cmd, "%sno file or folder to import", "");
  return 0;
}

static store *open_store(const char *path) {
  char err[1024];
  store *s = store_open(path, err, sizeof err);
  if (!s) fprintf(stderr, "parindex: %s\n", err);
  return s;
}

static int cmd_import(store *s, const opts *o) {
  char err[2048];
  import_stats st;
  if (import_paths(s, o->paths, o->npaths, stdout, &st, err, sizeof err)) {
    fprintf(stderr, "parindex: %s\n", err);
    fprintf(stderr, "parindex: nothing was imported\n");
    return EXIT_FAIL;
  }
  long changed = st.offices[PUT_NEW] + st.offices[PUT_UPDATED] + st.units[PUT_NEW] +
                 st.units[PUT_UPDATED] + st.facts[PUT_NEW] + st.facts[PUT_UPDATED];
  printf("imported %d file%s: %ld facts (%ld new, %ld updated, %ld unchanged), "
         "%ld units (%ld new, %ld updated), %ld offices (%ld new, %ld updated)\n",
         st.files, st.files == 1 ? "" : "s",
         st.facts[0] + st.facts[1] + st.facts[2], st.facts[PUT_NEW], st.facts[PUT_UPDATED], st.facts[PUT_SAME],
         st.units[0] + st.units[1] + st.units[2], st.units[PUT_NEW], st.units[PUT_UPDATED],
         st.offices[0] + st.offices[1] + st.offices[2], st.offices[PUT_NEW], st.offices[PUT_UPDATED]);
  if (!changed) printf("nothing changed: the store already holds these facts\n");
  return EXIT_OK;
}

static const char *default_rules(void) {
  struct stat st;
  const char *env = getenv("PARINDEX_RULES");
  if (env && *env) return env;
  if (stat(DEFAULT_RULES, &st) == 0 && S_ISDIR(st.st_mode)) return DEFAULT_RULES;
  return PARINDEX_SOURCE_DIR "/" DEFAULT_RULES;
}

static int cmd_scoring(store *s, const opts *o, char which) {
  char dir[4096], err[8192];
  int rc = EXIT_FAIL;
  engine_results res = {0};
  sandbox_limits lim = {0};
  lim.insn_limit = o->max_insns;
  lim.mem_limit = (size_t)o->max_mem_mb << 20;
  if (rulebook_resolve(o->rules ? o->rules : default_rules(), o->year, dir, sizeof dir, err, sizeof err)) {
    fprintf(stderr, "parindex: %s\n", err);
    return EXIT_FAIL;
  }
  rulebook *rb = engine_load_rules(s, dir, &lim, err, sizeof err);
  if (!rb) {
    fprintf(stderr, "parindex: %s\n", err);
    return EXIT_FAIL;
  }
  int json = o->format && !strcmp(o->format, "json");
  report_lang lang = o->lang && !strcmp(o->lang, "en") ? LANG_EN : LANG_VI;
  if (which == 'e' && o->criterion) {
    int found = 0;
    for (int i = 0; i < rb->ncrits && !found; i++) found = !strcmp(rb->crits[i].id, o->criterion);
    if (!found) { fprintf(stderr, "parindex: no criterion '%s' in %s\n", o->criterion, dir); goto done; }
  }
  if (which == 't' && o->office && !rulebook_office_name(rb, o->office)) {
    fprintf(stderr, "parindex: unknown office '%s'\n", o->office);
    goto done;
  }
  if (engine_score(s, rb, o->year, o->unit, which == 's', &res, err, sizeof err)) {
    fprintf(stderr, "parindex: %s\n", err);
    if (which == 's') fprintf(stderr, "parindex: nothing was stored\n");
    goto done;
  }
  if (which == 's') {
    if (json) out_score_json(stdout, rb, &res, o->unit != NULL);
    else out_score_text(stdout, rb, &res, lang);
    if (!json) fprintf(stderr, "parindex: stored as run %lld\n", (long long)res.run_id);
  } else if (which == 'e') {
    if (json) out_explain_json(stdout, rb, &res.units[0], o->criterion);
    else out_explain_text(stdout, rb, &res.units[0], o->criterion, lang);
  } else {
    if (json) out_tasks_json(stdout, rb, &res.units[0], o->office);
    else out_tasks_text(stdout, rb, &res.units[0], o->office, lang);
  }
  rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
done:
  engine_results_free(&res);
  rulebook_free(rb);
  return rc;
}

int cli_main(int argc, char **argv) {
  const char *db = NULL;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    const char *v;
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(usage_main, stdout); return EXIT_OK; }
    if (!strcmp(argv[i], "--version")) { puts("parindex " PARINDEX_VERSION); return EXIT_OK; }
    if ((v = opt_value(argc, argv, &i, "--db"))) {
      if (!*v) return usage_error(NULL, "%s--db needs a file", "");
      db = v;
      continue;
    }
    return usage_error(NULL, "unknown option '%s'", argv[i]);
  }
  if (i >= argc) { fputs(usage_main, stderr); return EXIT_USAGE; }
  const char *cmd = argv[i++];
  const char *allowed, *usage;
  char which;
  if (!strcmp(cmd, "import")) { allowed = "P"; usage = usage_import; which = 'i'; }
  else if (!strcmp(cmd, "score")) { allowed = "RYUFLIM"; usage = usage_score; which = 's'; }
  else if (!strcmp(cmd, "explain")) { allowed = "RYUuCFLIM"; usage = usage_explain; which = 'e'; }
  else if (!strcmp(cmd, "tasks")) { allowed = "RYUuOFLIM"; usage = usage_tasks; which = 't'; }
  else return usage_error(NULL, "unknown command '%s'", cmd);
  opts o = {0};
  o.paths = calloc((size_t)(argc > 0 ? argc : 1), sizeof *o.paths);
  if (!o.paths) return EXIT_FAIL;
  int prc = parse_opts(cmd, argc - i, argv + i, &o, allowed, usage);
  if (prc) { free(o.paths); return prc < 0 ? EXIT_OK : prc; }
  if (!db) db = getenv("PARINDEX_DB");
  if (!db || !*db) db = "parindex.db";
  o.db = db;
  store *s = open_store(db);
  int rc = EXIT_FAIL;
  if (s) rc = which == 'i' ? cmd_import(s, &o) : cmd_scoring(s, &o, which);
  store_close(s);
  free(o.paths);
  return rc;
}
