/*
** rules_check_reads.h -- for 'rules check': what the rule code reads that the
** rulebook does not declare. Fact keys given as string literals to
** u.fact, u.has and u.records (any name for `u`), checked against the
** catalogue of facts; and a criterion's params read as p.key, checked
** against its declared params. Each finding is "file:line: message", with
** "did you mean ..." for a near miss. Reads source text (comments after
** `--` are skipped); a key built at run time is checked while scoring.
*/
#ifndef PARINDEX_RULES_CHECK_READS_H
#define PARINDEX_RULES_CHECK_READS_H

#include <stdio.h>

#include "methodology.h"

/* The fact reads of the rule file `file` (its lines[0..n)); returns the
** number of findings written to out. */
int rules_check_fact_reads(const methodology *m, const char *file, char **lines, int n, FILE *out);
/* The p.key reads of lines[from-1 .. to-1] of file, param being the score
** function's second parameter; keys the declared params (nkeys of them). */
int rules_check_param_reads(const char *file, char **lines, int from, int to, const char *param,
                            const char *crit, char *const *keys, int nkeys, FILE *out);

#endif
