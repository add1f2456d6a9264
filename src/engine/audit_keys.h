/*
** audit_keys.h -- the texts of the fact keys a scoring run read, each
** distinct text made, hashed and stored once per run.
**
** A unit's keys text is "KEY\tTYPE\n" per fact in key order (audit_digest.h);
** the run keeps it once per sha256 (fact_texts). The units of a run have a
** few distinct sets of keys (125 on the bench store of 10,000 units), in no
** particular order, so the set of the unit before is not enough: every set
** seen is kept here, found by a cheap hash of the unit's keys and types and
** then compared in full, key by key (each kept set holds its keys as they
** are, with their lengths and types, beside its text), so that a unit always
** gets the text of exactly its own keys.
**
** Ownership: an audit_keys owns its texts; audit_keys_free releases them.
** Past AUDIT_KEYS_MAX sets (or AUDIT_KEYS_BYTES of text) new sets are no
** longer kept: their text is made and hashed for each unit, as before.
*/
#ifndef PARINDEX_AUDIT_KEYS_H
#define PARINDEX_AUDIT_KEYS_H

#include <stdint.h>

#include "facts.h"
#include "json_writer.h"
#include "sha256.h"

#define AUDIT_KEYS_MAX 4096
#define AUDIT_KEYS_BYTES (16u << 20)

typedef struct {
  char *text; size_t n, nfacts; uint64_t h;
  char *raw;                  /* the keys unescaped, one after the other (no separators) */
  uint32_t *len;              /* the length of each key in raw, in fact order */
  unsigned char *type;        /* the fact_type of each */
  char sha256[SHA256_HEX];
} audit_keys_set;
typedef struct {
  audit_keys_set *slot;       /* open addressing, cap a power of two (0: none yet) */
  size_t cap, n, bytes;
  jsonw scratch;              /* the text of a set not kept */
  char scratch_sha256[SHA256_HEX];
  size_t *len, nlen;          /* the lengths of the keys of the unit being looked up */
} audit_keys;

/* The keys text of uf and its sha256 (taken on c: empty, left empty), in
** *text and *sha256, valid until the next call or audit_keys_free. Returns
** 1 when this run has not returned that text before (the caller stores
** it), else 0. */
int audit_keys_of(audit_keys *k, sha256_ctx *c, const unit_facts *uf, const char **text, const char **sha256);
void audit_keys_free(audit_keys *k);

#endif
