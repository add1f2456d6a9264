/*
** similar.h -- "did you mean ...": the candidate nearest to a misspelt name,
** by edit distance (insertions, deletions, substitutions and swaps of two
** neighbouring characters, each counting 1). Plain C, no allocation beyond
** the call.
*/
#ifndef PARINDEX_SIMILAR_H
#define PARINDEX_SIMILAR_H

#include <stddef.h>

/* The edit distance of a and b, or a number > limit as soon as it exceeds
** limit (names longer than 255 bytes: limit + 1). */
int similar_distance(const char *a, const char *b, int limit);
/* The candidate (borrowed from cands) nearest to word within a distance of
** a quarter of its length (at least 1, at most 3), or NULL. Ties: the first. */
const char *similar_closest(const char *word, const char *const *cands, size_t n);

#endif
