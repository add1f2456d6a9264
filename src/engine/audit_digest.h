/*
** audit_digest.h -- the digests of a run (since schema v5) and the canonical
** texts they are taken of, written by the scoring run and checked by verify.
**
** Per unit:
**   keys   sha256 of the keys and types of the facts the unit read, one
**          line per fact in key order, "KEY\tTYPE\n" (the same for most
**          units of a run: stored once);
**   facts  sha256 of their values, a line per fact in the same order:
**          "VALUE[\tSOURCE[\tNOTE]]\n", a missing source before a note as
**          \N, a trailing missing source or note left out; \\, tab, newline
**          and carriage return escaped as \\\\, \\t, \\n, \\r. A number's
**          VALUE is the decimal of fewest places (up to 9) that reads back
**          as exactly its double, or when there is none (and for -0)
**          "0x" and the 16 hex digits of its IEEE-754 bits: exact either
**          way (runs stored before this took the hex form for every number).
**          Both texts are kept (the values in run_units.facts, the keys in
**          fact_texts once per distinct text), so that verify can say what
**          the run read;
**   ledger sha256 of "UNIT\tNAME\tKIND\tPARENT\tAPPRAISAL\tSURVEY\tTOTAL\n"
**          (a missing parent as \N) followed by the ledger's stored JSON.
** The store keeps each unit's three digests as their 32 bytes (since
** schema v7; store_runs.h gives them back as these hex digits).
** Per run, the sha256 of
**   "parindex run v5\nrun\tID\nprev\tPREV_ID\tPREV_DIGEST\n" (\N \N for the
**   first run of the chain), "created\t..\nengine\t..\nrules\t..\n
**   rules_abs\t..\nyear\t..\nunits\t..\nrules_sha256\t..\nfacts_import\t..\n",
**   "office\tID\tNAME\n" per office in id order, then
**   "unit\tUNIT\tKEYS_SHA256\tFACTS_SHA256\tLEDGER_SHA256\n" per unit in id order.
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

/* The keys text and the facts (values) text above, for uf's facts (the
** writer's buffer is emptied first). A scoring run makes each distinct
** keys text once (audit_keys.h). */
void audit_keys_text(jsonw *keys, const unit_facts *uf);
void audit_values_text(jsonw *values, const unit_facts *uf);
/* Parse the two texts (changed in place) back into five fields per fact,
** key type value source note (NULL for none), calling fn on each; 0, or -1
** when they are malformed or fn fails. */
int audit_facts_parse_texts(char *keys, char *values, int (*fn)(char *const fields[5], void *ud), void *ud);
/* Parse a VALUE of a number fact: the bits above, or decimal text. */
double audit_number_parse(const char *v);

/* The ledger digest above; _on takes it on c (empty, and left empty for
** the next digest: sha256_next), so that a run needs one context. */
void audit_ledger_digest(const unit_info *u, int64_t appraisal, int64_t survey, int64_t total,
                         const char *ledger_json, char out[SHA256_HEX]);
void audit_ledger_digest_on(sha256_ctx *c, const unit_info *u, int64_t appraisal, int64_t survey, int64_t total,
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
/* Append a unit's line of the run digest to w (a NULL digest as \N). */
void audit_digest_unit_line(jsonw *w, const char *unit, const char *keys_sha256, const char *facts_sha256,
                            const char *ledger_sha256);

#endif
