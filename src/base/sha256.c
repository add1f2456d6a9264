/*
** sha256.c -- SHA-256 through libcrypto's EVP interface.
*/
#include "sha256.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sha256_ctx { EVP_MD_CTX *md; };

/* The algorithm, fetched once: EVP_sha256() is fetched again by every
** EVP_DigestInit_ex, which costs more than hashing a short text (the audit
** trail hashes a few texts per unit scored). Never freed: one per process. */
static const EVP_MD *sha256_md(void) {
  static EVP_MD *md;
  if (!md) md = EVP_MD_fetch(NULL, "SHA256", NULL);
  return md ? md : EVP_sha256();
}

sha256_ctx *sha256_new(void) {
  sha256_ctx *c = malloc(sizeof *c);
  if (!c) return NULL;
  c->md = EVP_MD_CTX_new();
  if (!c->md || EVP_DigestInit_ex(c->md, sha256_md(), NULL) != 1) {
    EVP_MD_CTX_free(c->md);
    free(c);
    return NULL;
  }
  return c;
}

void sha256_add(sha256_ctx *c, const void *data, size_t n) {
  if (n) EVP_DigestUpdate(c->md, data, n);
}

void sha256_adds(sha256_ctx *c, const char *s) {
  if (s) sha256_add(c, s, strlen(s));
}

static void digest_hex(sha256_ctx *c, char out[SHA256_HEX]) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(c->md, d, &n);
  static const char hex[] = "0123456789abcdef";
  for (unsigned int i = 0; i < n && i < 32; i++) {
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
  /* The same algorithm again on the same context: OpenSSL keeps its state
  ** and only resets it. It cannot fail once the first set-up succeeded. */
  if (EVP_DigestInit_ex(c->md, sha256_md(), NULL) != 1) abort();
}

void sha256_free(sha256_ctx *c) {
  if (!c) return;
  EVP_MD_CTX_free(c->md);
  free(c);
}

void sha256_hex(const void *data, size_t n, char out[SHA256_HEX]) {
  sha256_ctx *c = sha256_new();
  if (!c) abort();
  sha256_add(c, data, n);
  sha256_end(c, out);
}
