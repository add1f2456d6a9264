/*
** rule_unit.h -- the `u` object of scoring functions and the evaluation
** state (rule_unit.c), for rulebook.c.
*/
#ifndef PARINDEX_RULE_UNIT_H
#define PARINDEX_RULE_UNIT_H

#include "rulebook_int.h"

/* Create the evaluation state and `u` in rb's Lua state; inside a protected
** call (it allocates). Returns 0. */
int host_init(rulebook *rb);
/* Release it; safe when host_init never ran. */
void host_free(rulebook *rb);

#endif
