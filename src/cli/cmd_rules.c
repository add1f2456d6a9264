/*
** cmd_rules.c -- parindex rules check|test|diff: the rule authoring tools.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "engine.h"
#include "rules_check.h"
#include "rules_diff.h"
#include "rules_expect.h"

typedef struct { meth_office *v; int n, cap; } offices;

static int add_office(const char *id, const char *name, void *ud) {
  offices *o = ud;
  if (o->n == o->cap) {
    o->cap = o->cap ? 2 * o->cap : 16;
    o->v = realloc(o->v, (size_t)o->cap * sizeof *o->v);
    if (!o->v) abort();
  }
  o->v[o->n].id = strdup(id);
  o->v[o->n].name = strdup(name);
  o->n++;
  return 0;
}

static void offices_free(offices *o) {
  for (int i = 0; i < o->n; i++) { free(o->v[i].id); free(o->v[i].name); }
  free(o->v);
}

/* The store's offices when the store exists (owners are checked against
** them); otherwise none, with a note. */
static int load_offices(const cli_args *a, offices *o) {
  struct stat st;
  memset(o, 0, sizeof *o);
  if (stat(a->db, &st) != 0) {
    fprintf(stderr, "parindex: no store at %s: owner and task offices not checked "
            "(import offices first, or give --db)\n", a->db);
    return 0;
  }
  store *s = cli_open_store(a);
  if (!s) return -1;
  int rc = store_each_office(s, add_office, o);
  if (rc) cli_fail("%s", store_errmsg(s));
  store_close(s);
  if (!rc && o->n == 0)
    fprintf(stderr, "parindex: the store %s has no offices: owner and task offices not checked\n", a->db);
  return rc;
}

static int check(cli_args *a, const char *dir) {
  offices o;
  if (load_offices(a, &o)) return EXIT_FAIL;
  rules_check_opts opts = {o.n ? o.v : NULL, o.n, cli_opt(a, "luacheckrc"), cli_opt(a, "no-luacheck") != NULL};
  int n = rules_check(dir, &opts, stdout);
  offices_free(&o);
  if (n) printf("%d problem%s in %s\n", n, n == 1 ? "" : "s", dir);
  else printf("%s: no problems found\n", dir);
  if (fflush(stdout) != 0) return EXIT_FAIL;
  return n ? EXIT_FAIL : EXIT_OK;
}

static int diff(cli_args *a, const char *dir_a, const char *dir_b) {
  char err[1 << 15];
  long long year;
  int rc, en;
  rules_diff_opts o = {0};
  o.unit = cli_opt(a, "unit");
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year))) return rc;
  if ((rc = cli_lang(a, &en))) return rc;
  if (!o.unit != !year) return cli_usage_error(a, "--unit and --year go together");
  o.year = (int)year;
  o.dec = en ? '.' : ',';
  if (o.unit && !(o.store = cli_open_store(a))) return EXIT_FAIL;
  rc = rules_diff(dir_a, dir_b, &o, err, sizeof err) ? cli_fail("%s", err)
       : fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
  store_close(o.store);
  return rc;
}

static int run(cli_args *a) {
  if (!a->nargs) return cli_usage_error(a, "say which: rules check, rules test or rules diff");
  const char *sub = a->args[0];
  if (!strcmp(sub, "check") || !strcmp(sub, "test")) {
    if (a->nargs > 2) return cli_usage_error(a, "rules %s takes one folder", sub);
    if (cli_opt(a, "unit") || cli_opt(a, "year")) return cli_usage_error(a, "--unit and --year are for rules diff");
    const char *dir = a->nargs == 2 ? a->args[1] : ".";
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) return cli_fail("%s: not a folder", dir);
    if (!strcmp(sub, "check")) return check(a, dir);
    if (cli_opt(a, "no-luacheck") || cli_opt(a, "luacheckrc")) return cli_usage_error(a, "that option is for rules check");
    return rules_test_main(dir, stdout) ;
  }
  if (!strcmp(sub, "diff")) {
    if (a->nargs != 3) return cli_usage_error(a, "rules diff takes two folders: DIR_A DIR_B");
    return diff(a, a->args[1], a->args[2]);
  }
  return cli_usage_error(a, "unknown rules command '%s' (check, test or diff)", sub);
}

const cli_command cmd_rules = {
  "rules", "rule authoring: check, test and diff rulebooks",
  "unit= year= no-luacheck luacheckrc= lang=",
  "usage: parindex [--db FILE] rules check [DIR] [--no-luacheck] [--luacheckrc FILE]\n"
  "       parindex [--db FILE] rules test  [DIR]\n"
  "       parindex [--db FILE] rules diff  DIR_A DIR_B [--unit ID --year Y] [--lang vi|en]\n"
  "\n"
  "rules check  lint the rulebook in DIR (default: the current folder) and print\n"
  "             every problem as file:line: message: components' maxima against the\n"
  "             total, criteria against their component's max (both sums named),\n"
  "             duplicate ids, unknown components, owner and task offices (those of\n"
  "             the store, when it exists), declared params never used, undefined\n"
  "             globals, syntax errors; then luacheck with rules/.luacheckrc when\n"
  "             luacheck is installed. Exit 1 on any finding.\n"
  "rules test   run the tests beside the rules (*_test.lua in DIR, or DIR/tests/*.lua):\n"
  "             one line per failure with file:line, expected and actual, then\n"
  "             'N passed, N failed' and the coverage: criteria no test touches and\n"
  "             u.lose calls that never ran. Exit 1 on any failure.\n"
  "rules diff   what changed between two rulebooks: components and criteria added\n"
  "             or removed, maxima, owners and params with old and new values. With\n"
  "             --unit and --year, the unit's facts in the store are scored under\n"
  "             both and the effect on each criterion's points is shown.\n"
  "\n"
  "  --no-luacheck            rules check: do not run luacheck\n"
  "  --luacheckrc FILE        rules check: luacheck's configuration (default: the first\n"
  "                           .luacheckrc in DIR or above, else the bundled rules/.luacheckrc)\n",
  run,
};
