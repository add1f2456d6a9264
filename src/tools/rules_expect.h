/*
** rules_expect.h -- 'parindex rules test [DIR]': run a rulebook's own tests.
**
** Tests live beside the rules: DIR/NAME_test.lua and DIR/tests/NAME.lua, loaded in
** the rulebook's sandbox after the rules, with two more globals:
**   test "name" { facts = {...}, criterion = "1.2", points = 1.5 }
**   with(base, changes)  -- a copy of the table base with changes applied
** Each test scores one unit (unit = "id", year = Y optional) from its facts
** and expects one of: a criterion's points; a deduction of a criterion
** (deduction = { points = 0.5, reason = "a piece of the reason" }); a
** component's total (component = "2", points = 5); not applicable
** (criterion = "6.5", na = true). Only the criteria needed are scored.
** Prints one line per failure, "N passed, N failed", and the coverage.
*/
#ifndef PARINDEX_RULES_EXPECT_H
#define PARINDEX_RULES_EXPECT_H

#include <stdio.h>

/* EXIT_OK when every test passes, else 1. */
int rules_test_main(const char *dir, FILE *out);

#endif
