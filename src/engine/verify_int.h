/*
** verify_int.h -- what the parts of verify share (verify.c the driver and
** runs stored before schema v5, verify_chain.c the digests and the chain,
** verify_units.c the units of a run stored since v5). Private to
** src/engine/.
*/
#ifndef PARINDEX_VERIFY_INT_H
#define PARINDEX_VERIFY_INT_H

#include <stdio.h>

#include "audit.h"
#include "rulebook.h"
#include "store.h"

/* Check run's stored rule texts, its digest and the chain back to the
** first run, writing one line per problem to out. Returns the number of
** problems, or -1 with err. */
int verify_chain(store *s, const audit_run *run, FILE *out, char *err, size_t errlen);

/* What verify_units found, line by line, per section. */
typedef struct {
  FILE *stored;             /* a unit's stored facts or ledger no longer matching its digests */
  FILE *facts;              /* facts changed in the store since the run */
  FILE *rescored;           /* differences found by scoring again */
  int tampered, fact_changes, differs;
} verify_findings;

/* For a run stored since v5: check every unit's digests, compare the facts
** it read with the store's, score it again with `now` and compare with its
** stored ledger. The run's own rulebook is loaded only to explain a
** difference. 0, or -1 with err. */
int verify_units(store *s, const audit_run *run, rulebook *now, verify_findings *f, char *err, size_t errlen);

/* Per-criterion and per-deduction differences between a stored and a
** re-scored ledger of one unit. */
void verify_show_ledger_changes(FILE *out, const methodology *was_rb, const unit_result *was,
                                const methodology *now_rb, const unit_result *now);

#endif
