/*
** arena.c -- bump allocator.
*/
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
  arena_block *next;
  size_t size, used;
  _Alignas(16) unsigned char data[];
};

static arena_block *block_new(size_t size) {
  arena_block *b = malloc(sizeof *b + size);
  if (!b) { fputs("parindex: out of memory\n", stderr); abort(); }
  b->next = NULL; b->size = size; b->used = 0;
  return b;
}

void *arena_bytes(arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (!a->head || a->head->size - a->head->used < n) {
    size_t size = n > 65536 ? n : 65536;
    arena_block *b = block_new(size);
    b->next = a->head; a->head = b;
  }
  void *p = a->head->data + a->head->used;
  a->head->used += n;
  return p;
}

void *arena_alloc(arena *a, size_t n) {
  void *p = arena_bytes(a, n);
  memset(p, 0, n);
  return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
  if (!s) return NULL;
  char *p = arena_bytes(a, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *arena_strdup(arena *a, const char *s) {
  return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void arena_reset(arena *a) {
  arena_block *b = a->head;
  if (!b) return;
  while (b->next) { arena_block *n = b->next; b->next = n->next; free(n); }
  b->used = 0;
}

size_t arena_size(const arena *a) {
  size_t n = 0;
  for (const arena_block *b = a->head; b; b = b->next) n += sizeof *b + b->size;
  return n;
}

void arena_free(arena *a) {
  while (a->head) { arena_block *n = a->head->next; free(a->head); a->head = n; }
}
