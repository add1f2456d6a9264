/*
** cmd_import.c -- parindex import PATH...
*/
#include <stdio.h>

#include "cli.h"
#include "import.h"

static int run(cli_args *a) {
  char err[2048];
  import_stats st;
  if (!a->nargs) return cli_usage_error(a, "no file or folder to import");
  int created;
  store *s = cli_open_or_create_store(a, &created);
  if (!s) return EXIT_FAIL;
  int rc = import_paths(s, a->args, a->nargs, stdout, &st, err, sizeof err);
  store_close(s);
  if (rc) {
    cli_fail("%s", err);
    return cli_fail("nothing was imported");
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
  return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cmd_import = {
  "import", "import facts, units and offices from .json/.csv files or folders", "",
  "usage: parindex [--db FILE] import PATH...\n"
  "\n"
  "Import .json and .csv files, or every such file in a folder (in name order).\n"
  "All files are written in one transaction, each row once it is checked:\n"
  "one bad row is reported as file:line: field: problem, and nothing is imported.\n"
  "Re-importing the same facts changes nothing; changed values are listed.\n"
  "A new store is made when FILE (--db) does not exist or is empty; any other\n"
  "file that is not a parindex store is refused and left as it is.\n"
  "The formats are described in data/README.md.\n",
  run,
};
