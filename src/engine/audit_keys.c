/*
** audit_keys.c -- the distinct fact-keys texts of a run (audit_keys.h).
*/
#include "audit_keys.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "audit_digest.h"

/* A cheap hash of uf's keys and types: their number, each key's length,
** first and last byte and type; each key's length goes to k->len. Sets
** that share it are told apart by same_keys, so it only needs to spread
** the sets of one run. */
static uint64_t keys_hash(audit_keys *k, const unit_facts *uf) {
  if (uf->n > k->nlen) {
    size_t *g = realloc(k->len, uf->n * sizeof *g);
    if (!g) abort();
    k->len = g;
    k->nlen = uf->n;
  }
  uint64_t h = 0x9e3779b97f4a7c15u ^ uf->n;
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    size_t n = k->len[i] = strlen(f->key);
    uint64_t x = (uint64_t)n | (uint64_t)f->type << 16 |
                 (n ? (uint64_t)(unsigned char)f->key[0] << 24 | (uint64_t)(unsigned char)f->key[n - 1] << 32 : 0);
    h = (h ^ x) * 0x100000001b3u;
    h ^= h >> 29;
  }
  return h;
}

/* Are e's keys and types exactly those of uf (key lengths in len)? */
static int same_keys(const audit_keys_set *e, const unit_facts *uf, const size_t *len) {
  if (e->nfacts != uf->n) return 0;
  const char *raw = e->raw;
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    if (e->len[i] != len[i] || e->type[i] != (unsigned char)f->type || memcmp(raw, f->key, len[i])) return 0;
    raw += len[i];
  }
  return 1;
}

static void grow(audit_keys *k) {
  size_t cap = k->cap ? 2 * k->cap : 256;
  audit_keys_set *slot = calloc(cap, sizeof *slot);
  if (!slot) abort();
  for (size_t i = 0; i < k->cap; i++) {
    if (!k->slot[i].text) continue;
    size_t j = k->slot[i].h & (cap - 1);
    while (slot[j].text) j = (j + 1) & (cap - 1);
    slot[j] = k->slot[i];
  }
  free(k->slot);
  k->slot = slot;
  k->cap = cap;
}

int audit_keys_of(audit_keys *k, sha256_ctx *c, const unit_facts *uf, const char **text, const char **sha256) {
  uint64_t h = keys_hash(k, uf);
  size_t j = 0;
  if (k->cap) {
    for (j = h & (k->cap - 1); k->slot[j].text; j = (j + 1) & (k->cap - 1))
      if (k->slot[j].h == h && same_keys(&k->slot[j], uf, k->len)) {
        *text = k->slot[j].text;
        *sha256 = k->slot[j].sha256;
        return 0;
      }
  }
  audit_keys_text(&k->scratch, uf);
  sha256_add(c, k->scratch.p, k->scratch.n);
  sha256_next(c, k->scratch_sha256);
  *text = k->scratch.p;
  *sha256 = k->scratch_sha256;
  if (k->n >= AUDIT_KEYS_MAX || k->bytes + 2 * k->scratch.n > AUDIT_KEYS_BYTES) return 1;
  if (2 * (k->n + 1) > k->cap) {             /* at most half full: probes stay short */
    grow(k);
    for (j = h & (k->cap - 1); k->slot[j].text; j = (j + 1) & (k->cap - 1)) {}
  }
  audit_keys_set *e = &k->slot[j];
  size_t raw = 0;
  for (size_t i = 0; i < uf->n; i++) {
    if (k->len[i] > UINT32_MAX) return 1;       /* not kept (no such key in practice) */
    raw += k->len[i];
  }
  /* one block: the text and its NUL, the raw keys, their lengths, their types */
  size_t at_len = (k->scratch.n + 1 + raw + sizeof(uint32_t) - 1) / sizeof(uint32_t) * sizeof(uint32_t);
  char *block = malloc(at_len + uf->n * (sizeof(uint32_t) + 1) + 1);
  if (!block) abort();
  e->text = block;
  memcpy(e->text, k->scratch.p, k->scratch.n + 1);
  e->raw = block + k->scratch.n + 1;
  e->len = (uint32_t *)(void *)(block + at_len);
  e->type = (unsigned char *)(e->len + uf->n);
  for (size_t i = 0, o = 0; i < uf->n; o += k->len[i], i++) {
    memcpy(e->raw + o, uf->facts[i].key, k->len[i]);
    e->len[i] = (uint32_t)k->len[i];
    e->type[i] = (unsigned char)uf->facts[i].type;
  }
  e->n = k->scratch.n;
  e->nfacts = uf->n;
  e->h = h;
  memcpy(e->sha256, k->scratch_sha256, SHA256_HEX);
  k->n++;
  k->bytes += 2 * e->n;
  *text = e->text;
  *sha256 = e->sha256;
  return 1;
}

void audit_keys_free(audit_keys *k) {
  for (size_t i = 0; i < k->cap; i++) free(k->slot[i].text);
  free(k->slot);
  free(k->len);
  jsonw_free(&k->scratch);
  memset(k, 0, sizeof *k);
}
