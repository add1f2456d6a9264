/*
** audit.h -- the audit trail of scoring runs: digests of the rule files and
** of the facts a run read, storing them with the run, and reading a stored
** run back (its rule files, offices, units, facts and ledger) so that it can
** be shown again exactly as it was, or re-scored and compared.
**
** Joins the store (store_runs.h) and the rulebook, like engine.c.
** Ownership: an audit_run owns everything in it through its arena;
** audit_run_free releases it.
**
** Digests: a file's sha256 is of its bytes. The rulebook's is the sha256 of
** "NAME\tSHA256\n" for each file in load order, NAME relative to the
** rulebook folder. Facts: since schema v4 a run records the last import it
** saw, and the store keeps every value an import replaced, so the facts are
** read back as that import left them. Runs stored by v2 and v3 kept copies:
** a unit's facts digest was the sha256 of its canonical fact lines
** "KEY\tTYPE\tVALUE\tSOURCE\tNOTE\n" (sorted by key), the run's the sha256 of
** "UNIT\tSHA256\n" for each unit scored, in id order.
*/
#ifndef PARINDEX_AUDIT_H
#define PARINDEX_AUDIT_H

#include <stdint.h>

#include "audit_keys.h"
#include "json_writer.h"
#include "ledger.h"
#include "path.h"
#include "rulebook.h"
#include "sha256.h"
#include "store.h"

/* The canonical text of a fact's value (numbers round-trip exactly). */
const char *audit_fact_value(const fact *f, char *buf, size_t n);
/* Parse the text of a unit's facts that runs stored by schema v3 kept
** (fact_texts): a line per fact, "key\ttype\tvalue\tsource\tnote\n", with
** \\, tab, newline and carriage return escaped as \\\\, \\t, \\n, \\r and a
** missing source or note as \\N. Calls fn once per fact with its five
** fields (NULL for \\N), unescaped in place. Returns 0, or -1 if malformed. */
int audit_facts_parse(char *text, int (*fn)(char *const fields[5], void *ud), void *ud);


/* ---- storing, inside the run's transaction ----
** Built with -DPARINDEX_MEASURE_NO_DIGESTS (for measuring what the digests
** cost only: BENCHMARKS.md), audit_unit and audit_finish store the rule
** files, offices and rulebook digest as always but no unit digests, no
** facts texts and no run digest or chain entry: such runs do not verify. */
typedef struct {
  char rules_sha256[SHA256_HEX];
  char *rules_abs;          /* the rulebook folder as an absolute path (malloc'd) */
  sha256_ctx *sha;          /* one context for every digest of the run */
  audit_keys keys;          /* the distinct keys texts of the run (audit_keys.h) */
  jsonw facts;              /* the facts text of the unit being stored (audit_digest.h) */
  const char *keys_sha256;  /* the unit being stored: keys' (in keys), facts' and ledger's digests */
  char facts_sha256[SHA256_HEX], ledger_sha256[SHA256_HEX];
  jsonw units;              /* the units' lines of the run digest so far */
} audit_writer;
/* Rule files (text and sha256) and offices. 0 or -1 with err; either way
** audit_finish or audit_writer_free releases w. */
int audit_begin(store *s, int64_t run, const methodology *mt, audit_writer *w, char *err, size_t errlen);
/* A unit's digests and the text of the facts it read (audit_digest.h), with
** its ledger as stored (ledger_json), into *d for store_run_unit (valid
** until the next call); the text of its fact keys is stored here when new.
** 0 or -1 (store_errmsg). */
int audit_unit(store *s, audit_writer *w, const unit_facts *uf, const unit_result *r, const char *ledger_json,
               store_unit_digests *d);
/* The rulebook digest, the last import of facts, and the run's digest and
** place in the chain. Frees w. 0 or -1 (store_errmsg). */
int audit_finish(store *s, int64_t run, audit_writer *w);
void audit_writer_free(audit_writer *w);

/* The digest of stored run `run` as its rows give it now (audit_digest.h),
** for the chain place and folder given (prev 0 and prev_digest NULL: the
** first of the chain); *nunits (if not NULL) gets the number of unit
** digests it covers. The units' lines are read from the store, or taken
** from units_text when it is not NULL (while storing the run).
** 0, 1 when there is no such run, -1 (store_errmsg). */
int audit_run_digest(store *s, int64_t run, const char *rules_abs, int64_t prev, const char *prev_digest,
                     const char *units_text, char digest[SHA256_HEX], int *nunits);

/* ---- reading back ---- */
typedef struct {
  const char *path, *sha256, *content;
  char content_sha256[SHA256_HEX];   /* of content as stored now: differs from sha256 if edited */
} audit_file;
typedef struct {
  unit_info unit;
  const char *sha256;       /* NULL for a run stored before schema v2 */
  pts_t appraisal, survey, total;
  fact *facts; size_t nfacts;
  /* since v5, for units whose facts were loaded: */
  const char *facts_sha256, *ledger_sha256;   /* as stored (NULL: none stored) */
  const char *problem;      /* NULL, or why its stored facts or ledger no longer match them */
} audit_unit_row;
typedef struct {
  int64_t id;
  const char *created, *engine, *rules, *rules_sha256, *facts_sha256;
  int64_t facts_import;     /* since v4: the last import of facts the run saw; -1 before */
  const char *rules_abs, *digest, *prev_digest;   /* since v5 (else NULL): run_chain */
  int64_t prev;             /* since v5: the run before it in the chain, 0 for the first */
  int chained;              /* it has a run_chain row (v5) */
  const audit_file *edited; /* the first stored rule file whose text no longer has its sha256 */
  int year, units;
  audit_file *files; int nfiles;
  meth_office *offices; int noffices;
  audit_unit_row *unit_rows; int nunit_rows;
  arena a;
} audit_run;

/* Run id with every unit it scored, and the facts of each, or if only is not
** NULL of that unit alone (the others have none loaded; "" loads none).
** Since v5 a unit's facts are the text the run kept of what it read, and
** each loaded unit's facts and ledger are checked against their digests
** (audit_unit_row.problem). 0, 1 if there is no such run, -1 with err. */
int audit_run_load(store *s, int64_t id, const char *only, audit_run *r, char *err, size_t errlen);
void audit_run_free(audit_run *r);
const audit_unit_row *audit_run_unit(const audit_run *r, const char *unit);

/* Load the rulebook exactly as the run had it: its stored files, written to
** a temporary folder, with its stored offices. NULL with err (a run stored
** before schema v2 kept no files, a stored text that no longer has its
** sha256: err says so). */
rulebook *audit_run_rulebook(const audit_run *r, char *err, size_t errlen);
/* The stored ledger of one unit as a unit_result for rb (the run's rulebook). */
int audit_run_result(store *s, const audit_run *r, const methodology *mt, const audit_unit_row *u,
                     unit_result *out, char *err, size_t errlen);
/* The unit's stored facts as unit_facts (borrowing r's strings). */
void audit_run_facts(const audit_run *r, const audit_unit_row *u, unit_facts *uf);

#endif
