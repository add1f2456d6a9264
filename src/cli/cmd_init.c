/*
** cmd_init.c -- parindex init: make an empty store (import makes one too).
*/
#include <stdio.h>

#include "cli.h"

static int run(cli_args *a) {
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  int created;
  store *s = cli_open_or_create_store(a, &created);
  if (!s) return EXIT_FAIL;
  store_close(s);
  if (created) printf("%s: a new parindex store (schema version %d)\n", a->db, STORE_SCHEMA_VERSION);
  else printf("%s: already a parindex store (schema version %d); nothing else changed\n", a->db,
              STORE_SCHEMA_VERSION);
  return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cmd_init = {
  "init", "make an empty store (import makes one too)", "",
  "usage: parindex [--db FILE] init\n"
  "\n"
  "Make an empty parindex store in FILE (--db, $PARINDEX_DB, else ./parindex.db),\n"
  "which must not exist or be empty. On a parindex store it changes nothing\n"
  "(but upgrades one from an older parindex); any other file is refused and\n"
  "left as it is. Only init and import make a store: every other command\n"
  "needs one.\n",
  run,
};
