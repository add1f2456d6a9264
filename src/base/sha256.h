/*
** sha256.h -- SHA-256 digests as lowercase hex, through OpenSSL's libcrypto
** (Debian libssl-dev). Used by the audit trail for rule files and facts.
*/
#ifndef PARINDEX_SHA256_H
#define PARINDEX_SHA256_H

#include <stddef.h>

#define SHA256_HEX 65                /* 64 hex digits and a NUL */

typedef struct sha256_ctx sha256_ctx;

sha256_ctx *sha256_new(void);        /* NULL on OOM */
void sha256_add(sha256_ctx *c, const void *data, size_t n);
void sha256_adds(sha256_ctx *c, const char *s);  /* a NUL-terminated string (NULL adds nothing) */
/* Writes the digest and frees the context. */
void sha256_end(sha256_ctx *c, char out[SHA256_HEX]);
/* For a caller that takes many digests (a scoring run: several a unit):
** writes the digest of what was added and starts c again, empty, so that
** one context serves them all (no allocation or set-up per digest). */
void sha256_next(sha256_ctx *c, char out[SHA256_HEX]);
void sha256_free(sha256_ctx *c);       /* NULL is ignored */

void sha256_hex(const void *data, size_t n, char out[SHA256_HEX]);

#endif
