/*
** audit_digest.h -- the digests of a run (since schema v5) and the canonical
** texts they are taken of, written by the scoring run and checked by verify.
**
** Per unit:
**   facts  sha256 of the unit's facts as the run read them, one line per
**          fact in key order, "KEY\tTYPE\tVALUE\tSOURCE\tNOTE\n" (the v3
**          format audit_facts_parse reads: \\, tab, newline and carriage
**          return escaped, a missing source or note as \N); a number's
**          VALUE is "0x" and the 16 hex digits of its IEEE-754 bits, so
**          that it is exact. The text itself is kept (fact_texts, once per
**          distinct text), so that verify can say what the run read.
**   ledger sha256 of "UNIT\tNAME\tKIND\tPARENT\tAPPRAISAL\tSURVEY\tTOTAL\n"
**          (a missing parent as \N) followed by the ledger's stored JSON.
** Per run, the sha256 of
**   "parindex run v5\nrun\tID\nprev\tPREV_ID\tPREV_DIGEST\n" (\N \N for the
**   first run of the chain), "created\t..\nengine\t..\nrules\t..\n
**   rules_abs\t..\nyear\t..\nunits\t..\nrules_sha256\t..\nfacts_import\t..\n",
**   "office\tID\tNAME\n" per office in id order, then
**   "unit\tUNIT\tFACTS_SHA256\tLEDGER_SHA256\n" per unit in id order.
** PREV is the run before it in the chain (the highest run id with a
** digest when it was stored), so that the runs form a chain.
**
** Ownership: the caller owns every buffer; a sha256_ctx from
** audit_run_digest_begin is freed by sha256_end.
*/
#ifndef PARINDEX_AUDIT_DIGEST_H
#define PARINDEX_AUDIT_DIGEST_H

#include <stdint.h>

#include "facts.h"
#include "json_writer.h"
#include "sha256.h"

/* The facts text above, for uf's facts, into w (reset first). */
void audit_facts_text(jsonw *w, const unit_facts *uf);
/* A number fact's VALUE: "0x" and 16 hex digits (buf: 19 bytes). */
const char *audit_number_bits(double x, char buf[19]);
/* Parse a VALUE of a number fact: the bits above, or decimal text (v3). */
double audit_number_parse(const char *v);

/* The ledger digest above. */
void audit_ledger_digest(const unit_info *u, int64_t appraisal, int64_t survey, int64_t total,
                         const char *ledger_json, char out[SHA256_HEX]);

/* What the run digest covers before its offices and units, as stored. */
typedef struct {
  int64_t id, prev;         /* prev: 0 for the first run of the chain */
  const char *prev_digest;  /* NULL for the first run of the chain */
  const char *created, *engine, *rules, *rules_abs, *rules_sha256;
  int64_t year, units, facts_import;
} audit_run_head;

sha256_ctx *audit_run_digest_begin(const audit_run_head *h);
void audit_run_digest_office(sha256_ctx *c, const char *id, const char *name);
void audit_run_digest_unit(sha256_ctx *c, const char *unit, const char *facts_sha256,
                           const char *ledger_sha256);

#endif
