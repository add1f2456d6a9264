/*
** rulebook_inspect.h -- what the rule authoring tools (rules check, rules
** test) need to know of a loaded rulebook's Lua side, as plain data: the
** globals a rule file can read, a criterion's score function and params,
** and the tests of *_test.lua files. Knows Lua; hands out no Lua value.
**
** Ownership: strings handed to callbacks are valid during the callback only;
** a rule_test_set owns everything in it (rule_test_set_free).
*/
#ifndef PARINDEX_RULEBOOK_INSPECT_H
#define PARINDEX_RULEBOOK_INSPECT_H

#include <stddef.h>

#include "arena.h"
#include "facts.h"
#include "points.h"
#include "rulebook.h"

/* 1 if a rule file can read the global `name` (an allowed library, a base
** function or the rule API), else 0. */
int rulebook_has_global(const rulebook *rb, const char *name);

/* Where criterion crit's score function is, and the name of its second
** parameter (the params, "" when it takes none). */
typedef struct {
  char source[4096];        /* the file it was defined in, "" if not a file */
  int first_line, last_line;
  char param[64];
} rule_score_info;
/* Fill info, and call on_key with each string key of the criterion's params.
** Returns 1 if the criterion has params, 0 if not (info is filled either
** way). */
int rulebook_score_params(const rulebook *rb, int crit, rule_score_info *info,
                          void (*on_key)(const char *key, void *ud), void *ud);

/* For rules diff: the sorted string keys of criterion crit's params
** (malloc'd, NULL-terminated, each malloc'd); the value of one as text
** (numbers with dec as the decimal separator, records with sorted keys),
** malloc'd, or NULL when absent; its score function's source lines,
** malloc'd, or NULL when not from a readable file. */
char **rulebook_param_keys(const rulebook *rb, int crit);
char *rulebook_param_text(const rulebook *rb, int crit, const char *key, char dec);
char *rulebook_score_source(const rulebook *rb, int crit);

/* One `test "name" { ... }` of a rulebook's test files, as declared. */
typedef struct {
  const char *name, *file;
  int line;
  const char *criterion, *component, *unit;   /* NULL when not given */
  int year;                                   /* 0 when not given */
  int has_points; pts_t points;
  int want_na;
  int has_deduction;                          /* deduction = { points = N, reason = "..." } */
  int has_deduction_points; pts_t deduction_points;
  const char *deduction_reason;               /* NULL when not given */
  const char *achieved;                       /* achieved = "...": a statement holds it; NULL when not given */
  fact *facts; size_t nfacts;                 /* sorted by key */
  const char *facts_error;                    /* why facts could not be read, or NULL */
} rule_test;

typedef struct {
  rule_test *tests; int ntests;               /* in declaration order; a later test of the same name replaces it */
  char **load_errors; int nload_errors;       /* one line each: a file that did not load */
  arena a;
} rule_test_set;

/* Run the test files (in the given order) in rb's sandbox with the test API
** (`test`, `with`) and collect their tests. rb stays usable for scoring.
** Returns 0 (problems are in set->load_errors). */
int rulebook_load_tests(rulebook *rb, char *const *files, int nfiles, rule_test_set *set);
void rule_test_set_free(rule_test_set *set);

#endif
