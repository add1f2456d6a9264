/*
** rule_state.h -- refuse or freeze what a score function could carry from
** one unit to the next (rule_state.c), for rulebook.c.
*/
#ifndef PARINDEX_RULE_STATE_H
#define PARINDEX_RULE_STATE_H

#include <stddef.h>

#include "rulebook_int.h"

/* After loading: append a "file:line: criterion X: ..." line to err for
** each write of a score function (or of what it reaches) to a variable that
** outlives the call, and freeze in place every plain table it reaches.
** err is left as it was when there is nothing to refuse. */
void rule_state_check(rulebook *rb, char *err, size_t errlen);

#endif
