/*
** verify.h -- verify a stored run: score its units again from the facts the
** run read, with the rule files as they are now, and compare with the
** stored ledger; name the rule files changed since (by sha256) and the
** facts changed in the store since (by key).
**
** Ownership: the store and out are the caller's and stay open; everything
** the verification loads is freed before it returns.
*/
#ifndef PARINDEX_VERIFY_H
#define PARINDEX_VERIFY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store.h"

enum { VERIFY_IDENTICAL = 0, VERIFY_CHANGED = 1, VERIFY_NO_RUN = 2 };

/* Verify run id, writing the findings (text, English) to out. Returns
** VERIFY_IDENTICAL, VERIFY_CHANGED, VERIFY_NO_RUN, or -1 with a message in
** err (a run that cannot be verified, a rulebook that does not load, a
** store error). */
int engine_verify(store *s, int64_t id, FILE *out, char *err, size_t errlen);

#endif
