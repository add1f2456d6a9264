/*
** fuzz_targets.h -- the entry points shared by the libFuzzer harnesses
** (fuzz_import.c, fuzz_rules.c, built by scripts/fuzz.sh) and by the replay
** of tests/fuzz/import and tests/fuzz/rules in the Criterion suite
** (tests/test_fuzz.c).
** Each takes one input and must neither crash nor leak, whatever it holds.
*/
#ifndef PARINDEX_FUZZ_TARGETS_H
#define PARINDEX_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

/* The input as a fact file (.json when its first non-blank byte is '{' or
** '[', else .csv) imported into an in-memory store that holds offices and
** the units p and d1. Returns 0 when imported, 1 when refused. */
int fuzz_import(const uint8_t *data, size_t size);

/* The input as one more rule file of a small valid rulebook (index, two
** components, criterion 1.1 of 4 points; the input may declare criterion 1.2
** of 2 points), loaded with a small budget and memory cap and, when it loads,
** evaluated for one unit. An input that starts with "--calls\n" is read as a
** program instead: its bytes pick the depth of criterion 1.2's params and up
** to 12 calls of the rule API (u, handles, params, records, dates, formats,
** helpers, the libraries) with arguments of every kind, written as its score
** function. Returns 0 when scored, 1 when refused. */
int fuzz_rules(const uint8_t *data, size_t size);

#endif
