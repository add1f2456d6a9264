/*
** missing_facts.h -- for a scoring run: the required facts (declared in the
** rulebook's catalogue) that units lack, all of them, so that one run names
** every missing fact of every unit instead of stopping at the first.
**
** Ownership: writes into the caller's message buffer, which it keeps alive
** for the whole run.
*/
#ifndef PARINDEX_MISSING_FACTS_H
#define PARINDEX_MISSING_FACTS_H

#include <stddef.h>

#include "facts.h"
#include "methodology.h"

typedef struct {
  char *msg; size_t len, cap;   /* the caller's buffer: the message so far */
  int facts, units;             /* missing so far, and in how many units */
  int shown;                    /* lines that fitted in msg */
} missing_facts;

void missing_facts_init(missing_facts *mf, char *buf, size_t cap);
/* Add the required facts uf lacks; returns how many (0: the unit can be scored). */
int missing_facts_add(missing_facts *mf, const methodology *m, const unit_facts *uf);
/* After the last unit: -1 with the whole message in the buffer when facts
** are missing, else 0 (the buffer untouched). */
int missing_facts_finish(missing_facts *mf);

#endif
