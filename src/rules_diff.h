/*
** rules_diff.h -- 'parindex rules diff DIR_A DIR_B [--unit ID --year Y]': a
** semantic diff of two rulebooks (components, criteria, maxima, owners,
** params, scoring functions), and with a unit and year the effect on its
** points of scoring its facts under both.
*/
#ifndef PARINDEX_RULES_DIFF_H
#define PARINDEX_RULES_DIFF_H

#include "cli.h"

int rules_diff_main(cli_args *a, const char *dir_a, const char *dir_b);

#endif
