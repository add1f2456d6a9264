/*
** sha256.c -- SHA-256 through libcrypto's SHA256_* functions.
**
** These are deprecated since OpenSSL 3.0 in favour of EVP, but still part
** of libcrypto and on the same code (the CPU's SHA extensions where it has
** them). A scoring run takes three digests per unit between two units'
** Lua work, which evicts libcrypto from the caches: measured in the run,
** EVP's provider layer (EVP_DigestInit_ex and EVP_DigestFinal_ex through
** the provider's tables) cost about as much again as hashing the facts
** texts themselves (BENCHMARKS.md, "What the digests cost"). The digests are
** the same bytes either way.
*/
#define OPENSSL_SUPPRESS_DEPRECATED
#include "sha256.h"

#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sha256_ctx { SHA256_CTX s; };

sha256_ctx *sha256_new(void) {
  sha256_ctx *c = malloc(sizeof *c);
  if (c && SHA256_Init(&c->s) != 1) { free(c); return NULL; }
  return c;
}

void sha256_add(sha256_ctx *c, const void *data, size_t n) {
  if (n) SHA256_Update(&c->s, data, n);
}

void sha256_adds(sha256_ctx *c, const char *s) {
  if (s) sha256_add(c, s, strlen(s));
}

static void digest_hex(sha256_ctx *c, char out[SHA256_HEX]) {
  unsigned char d[SHA256_DIGEST_LENGTH];
  SHA256_Final(d, &c->s);
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) {
    out[2 * i] = hex[d[i] >> 4];
    out[2 * i + 1] = hex[d[i] & 15];
  }
  out[64] = '\0';
}

void sha256_end(sha256_ctx *c, char out[SHA256_HEX]) {
  digest_hex(c, out);
  sha256_free(c);
}

void sha256_next(sha256_ctx *c, char out[SHA256_HEX]) {
  digest_hex(c, out);
  SHA256_Init(&c->s);                            /* sets the state: cannot fail */
}

void sha256_free(sha256_ctx *c) {
  free(c);
}

void sha256_hex(const void *data, size_t n, char out[SHA256_HEX]) {
  sha256_ctx *c = sha256_new();
  if (!c) abort();
  sha256_add(c, data, n);
  sha256_end(c, out);
}
