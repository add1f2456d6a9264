/*
** rules_diff_facts.h -- the catalogue of facts in 'rules diff': facts added,
** removed and changed (type, description, unit of measure, range, office,
** evidence, required or optional, and a list's record fields).
*/
#ifndef PARINDEX_RULES_DIFF_FACTS_H
#define PARINDEX_RULES_DIFF_FACTS_H

#include <stdio.h>

#include "methodology.h"

/* Print each difference from A to B to out, one per line; returns how many. */
int rules_diff_facts(const methodology *A, const methodology *B, char dec, FILE *out);

#endif
