/*
** rules_check.h -- 'parindex rules check': lint a rulebook folder and report
** every problem as "file:line: message". Reads the rulebook (the loader's
** own checks), compiles each file for its globals (luascan.h), reads the
** scoring functions' source for their parameters, and runs luacheck when it
** is installed. Writes findings to `out`; returns how many.
*/
#ifndef PARINDEX_RULES_CHECK_H
#define PARINDEX_RULES_CHECK_H

#include <stdio.h>

#include "rulebook.h"

typedef struct {
  const meth_office *offices; int noffices;  /* known offices; NULL: owners not checked */
  const char *luacheckrc;                  /* NULL: look for .luacheckrc above dir, then the bundled one */
  int no_luacheck;                         /* don't run luacheck even if installed */
} rules_check_opts;

int rules_check(const char *dir, const rules_check_opts *o, FILE *out);

#endif
