/*
** cli_year.c -- what rank, compare and report share: load one year's
** rulebook and score every unit of that year, without storing anything.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_year_load(const cli_args *a, store *s, int year, cli_year *y) {
  char err[8192];
  long long insns, mem;
  int rc;
  memset(y, 0, sizeof *y);
  y->year = year;
  if ((rc = cli_int(a, "max-instructions", 1000, 1000000000000LL, 0, &insns))) return rc;
  if ((rc = cli_int(a, "max-memory", 1, 65536, 0, &mem))) return rc;
  if (rulebook_resolve(cli_rules_root(a), year, y->dir, sizeof y->dir, err, sizeof err))
    return cli_fail("%s", err);
  sandbox_limits lim = {0};
  lim.insn_limit = insns;
  lim.mem_limit = (size_t)mem << 20;
  if (!(y->rb = engine_load_rules(s, y->dir, &lim, err, sizeof err))) return cli_fail("%s", err);
  if (engine_score(s, y->rb, year, NULL, 0, &y->res, err, sizeof err)) {
    cli_fail("%s", err);
    cli_year_free(y);
    return EXIT_FAIL;
  }
  y->st = province_rank(y->rb, &y->res);
  return EXIT_OK;
}

void cli_year_free(cli_year *y) {
  free(y->st);
  engine_results_free(&y->res);
  rulebook_free(y->rb);
  memset(y, 0, sizeof *y);
}

const unit_result *cli_year_unit(const cli_year *y, const char *unit, int *rc) {
  for (int i = 0; i < y->res.n; i++)
    if (!strcmp(y->res.units[i].unit.id, unit)) return &y->res.units[i];
  *rc = cli_fail("unit '%s' has no facts for %d (or is unknown)", unit, y->year);
  return NULL;
}
