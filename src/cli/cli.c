/*
** cli.c -- the command table, global options and the option parser: main()
** is just cli_main(). What commands share is in cli_args.c.
*/
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine.h"

static const cli_command *const commands[] = {
  &cmd_import, &cmd_score, &cmd_explain, &cmd_tasks, &cmd_plan,
  &cmd_rank, &cmd_compare, &cmd_report, &cmd_self_assess, &cmd_reconcile, &cmd_adjust, &cmd_publish, &cmd_published,
  &cmd_runs, &cmd_verify, &cmd_rules, &cmd_facts, &cmd_init, NULL
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

