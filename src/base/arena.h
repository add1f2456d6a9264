/*
** arena.h -- bump allocator for short-lived strings and records.
** Everything allocated from an arena lives until arena_reset or arena_free;
** nothing is freed one by one. Allocation failure aborts (out of memory).
*/
#ifndef PARINDEX_ARENA_H
#define PARINDEX_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct { arena_block *head; } arena;

void *arena_alloc(arena *a, size_t n);            /* zeroed, 16-aligned */
void *arena_bytes(arena *a, size_t n);            /* the same, not zeroed (to fill at once) */
char *arena_strdup(arena *a, const char *s);      /* NULL stays NULL */
char *arena_strndup(arena *a, const char *s, size_t n);
void arena_reset(arena *a);                       /* keep first block, drop content */
size_t arena_size(const arena *a);                /* bytes its blocks hold (in use or not) */
void arena_free(arena *a);

#endif
