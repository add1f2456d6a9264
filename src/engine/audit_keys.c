/*
** audit_keys.c -- the distinct fact-keys texts of a run (audit_keys.h).
*/
#include "audit_keys.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "audit_digest.h"

/* A cheap hash of uf's keys and types: their number, each key's length,
** first and last byte and type. Sets that share it are told apart by
** same_keys, so it only needs to spread the sets of one run. */
static uint64_t keys_hash(const unit_facts *uf) {
  uint64_t h = 0x9e3779b97f4a7c15u ^ uf->n;
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    size_t k = strlen(f->key);
    uint64_t x = (uint64_t)k | (uint64_t)f->type << 16 |
                 (k ? (uint64_t)(unsigned char)f->key[0] << 24 | (uint64_t)(unsigned char)f->key[k - 1] << 32 : 0);
    h = (h ^ x) * 0x100000001b3u;
    h ^= h >> 29;
  }
  return h;
}

/* Does the text at p (up to end) start with key as the keys text writes
** it (escaped)? Returns the length it takes there, or -1. */
static ptrdiff_t key_at(const char *p, const char *end, const char *key) {
  size_t k = strlen(key);
  if (strcspn(key, "\\\t\n\r") == k) return (size_t)(end - p) >= k && !memcmp(p, key, k) ? (ptrdiff_t)k : -1;
  const char *q = p;
  for (; *key; key++) {                          /* a key with bytes to escape: rare */
    char e = *key == '\t' ? 't' : *key == '\n' ? 'n' : *key == '\r' ? 'r' : *key == '\\' ? '\\' : 0;
    if (e ? end - q < 2 || q[0] != '\\' || q[1] != e : q == end || *q != *key) return -1;
    q += e ? 2 : 1;
  }
  return q - p;
}

/* Is e's text exactly the keys text of uf? */
static int same_keys(const audit_keys_set *e, const unit_facts *uf) {
  if (e->nfacts != uf->n) return 0;
  const char *p = e->text, *end = e->text + e->n;
  for (size_t i = 0; i < uf->n; i++) {
    const char *t = fact_type_name(uf->facts[i].type);
    ptrdiff_t at = key_at(p, end, uf->facts[i].key);
    size_t k = (size_t)at, n = strlen(t);
    if (at < 0 || (size_t)(end - p) < k + n + 2 || p[k] != '\t' || memcmp(p + k + 1, t, n) || p[k + 1 + n] != '\n')
      return 0;
    p += k + n + 2;
  }
  return p == end;
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
  uint64_t h = keys_hash(uf);
  size_t j = 0;
  if (k->cap) {
    for (j = h & (k->cap - 1); k->slot[j].text; j = (j + 1) & (k->cap - 1))
      if (k->slot[j].h == h && same_keys(&k->slot[j], uf)) {
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
  if (k->n >= AUDIT_KEYS_MAX || k->bytes + k->scratch.n > AUDIT_KEYS_BYTES) return 1;
  if (2 * (k->n + 1) > k->cap) {             /* at most half full: probes stay short */
    grow(k);
    for (j = h & (k->cap - 1); k->slot[j].text; j = (j + 1) & (k->cap - 1)) {}
  }
  audit_keys_set *e = &k->slot[j];
  if (!(e->text = malloc(k->scratch.n + 1))) abort();
  memcpy(e->text, k->scratch.p, k->scratch.n + 1);
  e->n = k->scratch.n;
  e->nfacts = uf->n;
  e->h = h;
  memcpy(e->sha256, k->scratch_sha256, SHA256_HEX);
  k->n++;
  k->bytes += e->n;
  *text = e->text;
  *sha256 = e->sha256;
  return 1;
}

void audit_keys_free(audit_keys *k) {
  for (size_t i = 0; i < k->cap; i++) free(k->slot[i].text);
  free(k->slot);
  jsonw_free(&k->scratch);
  memset(k, 0, sizeof *k);
}
