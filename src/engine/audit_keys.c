/*
** audit_keys.c -- the distinct fact-keys texts of a run (audit_keys.h).
*/
#include "audit_keys.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "audit_digest.h"

/* The length of fact_type_name(t), for each type a fact read from the store has. */
static size_t type_len(fact_type t) {
  static const size_t len[] = {6, 7, 7, 4, 4, 4};   /* number integer boolean date text list */
  return len[t];
}

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

/* Does the text at p (up to end) start with key (n bytes) as the keys text
** writes it, escaped? Returns the length it takes there, or -1. */
static ptrdiff_t key_at(const char *p, const char *end, const char *key, size_t n) {
  const char *q = p;
  for (size_t i = 0; i < n; i++) {
    char c = key[i], e = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\\' ? '\\' : 0;
    if (e ? end - q < 2 || q[0] != '\\' || q[1] != e : q == end || *q != c) return -1;
    q += e ? 2 : 1;
  }
  return q - p;
}

/* Is e's text exactly the keys text of uf (key lengths in len)? When the
** text has no backslash (e->plain: no key of it needed escaping), the keys
** are compared byte for byte: a key with a byte the text escapes cannot
** match then, as the text has no backslash and no carriage return, a line
** break only at the end of each of its e->nfacts lines and one tab a line,
** while such a key would need a backslash, a carriage return, a line more
** than there are facts, or a second tab on its line. */
static int same_keys(const audit_keys_set *e, const unit_facts *uf, const size_t *len) {
  if (e->nfacts != uf->n) return 0;
  const char *p = e->text, *end = e->text + e->n;
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    size_t k = len[i], n = type_len(f->type);
    if (!e->plain) {
      ptrdiff_t at = key_at(p, end, f->key, k);
      if (at < 0) return 0;
      k = (size_t)at;
    } else if ((size_t)(end - p) < k || memcmp(p, f->key, k)) return 0;
    if ((size_t)(end - p) < k + n + 2 || p[k] != '\t' || memcmp(p + k + 1, fact_type_name(f->type), n) ||
        p[k + 1 + n] != '\n')
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
  e->plain = !memchr(e->text, '\\', e->n);
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
  free(k->len);
  jsonw_free(&k->scratch);
  memset(k, 0, sizeof *k);
}
