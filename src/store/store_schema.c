/*
** store_schema.c -- the store's schema, as the migrations that build it:
** migration i brings a store from PRAGMA user_version i to i+1. Run by
** store.c (migrate), each in the transaction that sets the new version.
** Never edit a migration that has shipped: add the next one.
*/
#include "run_ledger.h"
#include "store.h"
#include "store_int.h"

const char *const store_migrations[] = {
  "CREATE TABLE offices(id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE units(id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
  "  parent TEXT) WITHOUT ROWID;"
  "CREATE TABLE facts(year INTEGER NOT NULL, unit TEXT NOT NULL, key TEXT NOT NULL,"
  "  type TEXT NOT NULL CHECK(type='number' OR type='integer' OR type='boolean' OR type='date'"
  "    OR type='text' OR type='list'),"
  "  value NOT NULL, source TEXT, note TEXT,"
  "  PRIMARY KEY(year,unit,key)) WITHOUT ROWID;"
  "CREATE TABLE runs(id INTEGER PRIMARY KEY, created TEXT NOT NULL, engine TEXT NOT NULL,"
  "  rules TEXT NOT NULL, year INTEGER NOT NULL);"
  "CREATE TABLE run_totals(run INTEGER PRIMARY KEY REFERENCES runs(id), units INTEGER NOT NULL);"
  "CREATE TABLE run_units(run INTEGER NOT NULL, unit TEXT NOT NULL, appraisal INTEGER NOT NULL,"
  "  survey INTEGER NOT NULL, total INTEGER NOT NULL, PRIMARY KEY(run,unit));"
  "CREATE TABLE run_components(run INTEGER NOT NULL, unit TEXT NOT NULL, component TEXT NOT NULL,"
  "  points INTEGER NOT NULL, max INTEGER NOT NULL, PRIMARY KEY(run,unit,component));"
  "CREATE TABLE run_criteria(run INTEGER NOT NULL, unit TEXT NOT NULL, criterion TEXT NOT NULL,"
  "  points INTEGER, max INTEGER NOT NULL, na TEXT, PRIMARY KEY(run,unit,criterion));"
  "CREATE TABLE run_deductions(run INTEGER NOT NULL, unit TEXT NOT NULL, criterion TEXT NOT NULL,"
  "  seq INTEGER NOT NULL, requested INTEGER NOT NULL, points INTEGER NOT NULL,"
  "  reason TEXT NOT NULL, facts TEXT NOT NULL, tasks TEXT NOT NULL,"
  "  PRIMARY KEY(run,unit,criterion,seq));"
  "CREATE TRIGGER runs_no_update BEFORE UPDATE ON runs BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_totals_no_update BEFORE UPDATE ON run_totals BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_totals_no_delete BEFORE DELETE ON run_totals BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_units_no_update BEFORE UPDATE ON run_units BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_units_no_delete BEFORE DELETE ON run_units BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_components_no_update BEFORE UPDATE ON run_components BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_components_no_delete BEFORE DELETE ON run_components BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_criteria_no_update BEFORE UPDATE ON run_criteria BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_criteria_no_delete BEFORE DELETE ON run_criteria BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_deductions_no_update BEFORE UPDATE ON run_deductions BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_deductions_no_delete BEFORE DELETE ON run_deductions BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;",
  /* v2: the audit trail. Rule texts by sha256, each run's files, offices,
  ** units and the facts it read, and its rulebook and facts digests. */
  "CREATE TABLE rule_texts(sha256 TEXT PRIMARY KEY, content TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE run_files(run INTEGER NOT NULL REFERENCES runs(id), seq INTEGER NOT NULL,"
  "  path TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY(run,seq));"
  "CREATE TABLE run_offices(run INTEGER NOT NULL REFERENCES runs(id), id TEXT NOT NULL,"
  "  name TEXT NOT NULL, PRIMARY KEY(run,id));"
  "CREATE TABLE run_unit_facts(run INTEGER NOT NULL REFERENCES runs(id), unit TEXT NOT NULL,"
  "  name TEXT NOT NULL, kind TEXT NOT NULL, parent TEXT, sha256 TEXT NOT NULL, PRIMARY KEY(run,unit));"
  "CREATE TABLE run_facts(run INTEGER NOT NULL, unit TEXT NOT NULL, key TEXT NOT NULL,"
  "  type TEXT NOT NULL, value TEXT NOT NULL, source TEXT, note TEXT, PRIMARY KEY(run,unit,key));"
  "CREATE TABLE run_audit(run INTEGER PRIMARY KEY REFERENCES runs(id), rules_sha256 TEXT NOT NULL,"
  "  facts_sha256 TEXT NOT NULL);"
  "CREATE TRIGGER rule_texts_no_update BEFORE UPDATE ON rule_texts BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER rule_texts_no_delete BEFORE DELETE ON rule_texts BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_files_no_update BEFORE UPDATE ON run_files BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_files_no_delete BEFORE DELETE ON run_files BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_offices_no_update BEFORE UPDATE ON run_offices BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_offices_no_delete BEFORE DELETE ON run_offices BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_unit_facts_no_update BEFORE UPDATE ON run_unit_facts BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_unit_facts_no_delete BEFORE DELETE ON run_unit_facts BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_facts_no_update BEFORE UPDATE ON run_facts BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_facts_no_delete BEFORE DELETE ON run_facts BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_audit_no_update BEFORE UPDATE ON run_audit BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_audit_no_delete BEFORE DELETE ON run_audit BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;",
  /* v3: the facts a run read are kept once per distinct set, by the sha256
  ** that run_unit_facts already holds (one text per unit instead of one row
  ** per fact; a run over unchanged facts adds none). run_facts stays for
  ** the runs stored by v2. */
  "CREATE TABLE fact_texts(sha256 TEXT PRIMARY KEY, content TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TRIGGER fact_texts_no_update BEFORE UPDATE ON fact_texts BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER fact_texts_no_delete BEFORE DELETE ON fact_texts BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;",
  /* v4: a unit's whole ledger is one JSON text in run_units.ledger instead
  ** of 60-odd rows in three tables (the rows were most of what score wrote);
  ** its format and the views that show it as rows are in run_ledger.h. The
  ** tables of earlier runs keep their rows under new names; the views
  ** under the old names show both, so that readers and SQL queries see one
  ** set of rows whatever the schema of the run. */
  "ALTER TABLE run_units ADD COLUMN ledger TEXT;"
  "ALTER TABLE run_units ADD COLUMN name TEXT;"
  "ALTER TABLE run_units ADD COLUMN kind TEXT;"
  "ALTER TABLE run_units ADD COLUMN parent TEXT;"
  "ALTER TABLE run_components RENAME TO run_components_v3;"
  "ALTER TABLE run_criteria RENAME TO run_criteria_v3;"
  "ALTER TABLE run_deductions RENAME TO run_deductions_v3;"
  RUN_LEDGER_VIEWS_SQL
  /* v4, continued: facts keep their history, so that a run need not copy
  ** what it read. Every import that writes facts gets a number (imports);
  ** a fact row holds the import that wrote its value (since), and a value
  ** an import replaces moves to fact_history with the import that replaced
  ** it (until). A run records the last import it saw (run_audit.
  ** facts_import): its facts are the rows with since <= that number, from
  ** facts or, if replaced after, from fact_history. Facts are never
  ** deleted, and an UPDATE must come from a newer import. */
  "CREATE TABLE imports(id INTEGER PRIMARY KEY, created TEXT NOT NULL);"
  "ALTER TABLE facts ADD COLUMN since INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE fact_history(year INTEGER NOT NULL, unit TEXT NOT NULL, key TEXT NOT NULL,"
  "  type TEXT NOT NULL, value NOT NULL, source TEXT, note TEXT, since INTEGER NOT NULL,"
  "  until INTEGER NOT NULL, PRIMARY KEY(year,unit,key,since)) WITHOUT ROWID;"
  "CREATE TRIGGER facts_keep_history BEFORE UPDATE ON facts BEGIN"
  "  SELECT RAISE(ABORT,'facts keep their history: change them with parindex import')"
  "    WHERE new.since <= old.since OR new.year IS NOT old.year OR new.unit IS NOT old.unit"
  "      OR new.key IS NOT old.key;"
  "  INSERT INTO fact_history VALUES(old.year,old.unit,old.key,old.type,old.value,old.source,old.note,"
  "    old.since,new.since);"
  "END;"
  "CREATE TRIGGER facts_no_delete BEFORE DELETE ON facts BEGIN"
  "  SELECT RAISE(ABORT,'facts keep their history: they are not deleted'); END;"
  "CREATE TRIGGER fact_history_no_update BEFORE UPDATE ON fact_history BEGIN SELECT RAISE(ABORT,'facts keep their history'); END;"
  "CREATE TRIGGER fact_history_no_delete BEFORE DELETE ON fact_history BEGIN SELECT RAISE(ABORT,'facts keep their history'); END;"
  "CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports BEGIN SELECT RAISE(ABORT,'facts keep their history'); END;"
  "CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports BEGIN SELECT RAISE(ABORT,'facts keep their history'); END;"
  /* run_audit.facts_sha256 becomes optional (v2 and v3 runs have one) */
  "CREATE TABLE run_audit_v4(run INTEGER PRIMARY KEY REFERENCES runs(id), rules_sha256 TEXT NOT NULL,"
  "  facts_sha256 TEXT, facts_import INTEGER);"
  "INSERT INTO run_audit_v4(run,rules_sha256,facts_sha256) SELECT run,rules_sha256,facts_sha256 FROM run_audit;"
  "DROP TABLE run_audit;"
  "ALTER TABLE run_audit_v4 RENAME TO run_audit;"
  "CREATE TRIGGER run_audit_no_update BEFORE UPDATE ON run_audit BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_audit_no_delete BEFORE DELETE ON run_audit BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;",
  /* v5: digests and a chain (audit_digest.h). Per unit of a run
  ** (run_units), the sha256 of the facts it read and the facts themselves
  ** as a canonical text of their values, the sha256 of the text of their
  ** keys and types (fact_texts: shared by most units, stored once), and
  ** the sha256 of its stored row and ledger. Per run (run_chain), the
  ** rulebook folder as an absolute path and the run's digest, which covers
  ** the run's rows, the units' digests and the previous run's digest
  ** (prev), so that the runs form a chain. A deduction's ledger entry gains
  ** where its u.lose was called (its sixth element, [file seq, line]): the
  ** view run_deductions shows it as `at`. */
  "ALTER TABLE run_units ADD COLUMN keys_sha256 TEXT;"
  "ALTER TABLE run_units ADD COLUMN facts_sha256 TEXT;"
  "ALTER TABLE run_units ADD COLUMN facts TEXT;"
  "ALTER TABLE run_units ADD COLUMN ledger_sha256 TEXT;"
  "CREATE TABLE run_chain(run INTEGER PRIMARY KEY REFERENCES runs(id), rules_abs TEXT NOT NULL,"
  "  prev INTEGER, prev_digest TEXT, digest TEXT NOT NULL);"
  "CREATE TRIGGER run_chain_no_update BEFORE UPDATE ON run_chain BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_chain_no_delete BEFORE DELETE ON run_chain BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "DROP VIEW run_deductions;"
  RUN_LEDGER_DEDUCTIONS_VIEW_SQL,
  /* v6: levels and the appraisal cycle (issue 17). units_kind: a year's
  ** units of one kind, read in one query (store_levels.c). self_assessments:
  ** a unit's own points per criterion (hundredths), with the evidence it cites
  ** (a JSON array) and its explanation (giải trình), each row from one
  ** `parindex self-assess` (submission: numbered from 1 across the store,
  ** with the time it was stored); append-only, the latest submission of a
  ** unit, year and criterion is the one in force. */
  "CREATE INDEX units_kind ON units(kind,id);"
  "CREATE TABLE self_assessments(unit TEXT NOT NULL, year INTEGER NOT NULL, criterion TEXT NOT NULL,"
  "  submission INTEGER NOT NULL, created TEXT NOT NULL, points INTEGER NOT NULL CHECK(points>=0),"
  "  evidence TEXT NOT NULL, explanation TEXT, source TEXT,"
  "  PRIMARY KEY(unit,year,criterion,submission)) WITHOUT ROWID;"
  "CREATE TRIGGER self_assessments_no_update BEFORE UPDATE ON self_assessments BEGIN"
  "  SELECT RAISE(ABORT,'self-assessments are append-only: import a new one'); END;"
  "CREATE TRIGGER self_assessments_no_delete BEFORE DELETE ON self_assessments BEGIN"
  "  SELECT RAISE(ABORT,'self-assessments are append-only: import a new one'); END;"
  /* adjustments: the appraisal council's changes of a criterion's result
  ** (change: hundredths, < 0 takes points, > 0 gives them back), each with its
  ** justification, the person's role, the document (biên bản) and its date;
  ** recorded, never edited. run_adjustments: the last adjustment a run
  ** applied, so that verify applies the same ones again, and the appraisal
  ** round the run was marked as (score --round; NULL: none). */
  "CREATE TABLE adjustments(id INTEGER PRIMARY KEY, created TEXT NOT NULL, unit TEXT NOT NULL,"
  "  year INTEGER NOT NULL, criterion TEXT NOT NULL, change INTEGER NOT NULL CHECK(change<>0),"
  "  reason TEXT NOT NULL, role TEXT NOT NULL, document TEXT NOT NULL, date TEXT NOT NULL, round INTEGER);"
  "CREATE INDEX adjustments_year ON adjustments(year,unit,id);"
  "CREATE TABLE run_adjustments(run INTEGER PRIMARY KEY REFERENCES runs(id), upto INTEGER NOT NULL, round INTEGER);"
  "CREATE TRIGGER adjustments_no_update BEFORE UPDATE ON adjustments BEGIN"
  "  SELECT RAISE(ABORT,'adjustments are recorded, never edited: record a new one'); END;"
  "CREATE TRIGGER adjustments_no_delete BEFORE DELETE ON adjustments BEGIN"
  "  SELECT RAISE(ABORT,'adjustments are recorded, never edited: record a new one'); END;"
  "CREATE TRIGGER run_adjustments_no_update BEFORE UPDATE ON run_adjustments BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  "CREATE TRIGGER run_adjustments_no_delete BEFORE DELETE ON run_adjustments BEGIN SELECT RAISE(ABORT,'runs are append-only'); END;"
  /* publications: the official run of a year and kind of unit, frozen by the
  ** province's decision; once only, never changed. */
  "CREATE TABLE publications(year INTEGER NOT NULL, kind TEXT NOT NULL, run INTEGER NOT NULL REFERENCES runs(id),"
  "  decision TEXT NOT NULL, date TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY(year,kind)) WITHOUT ROWID;"
  "CREATE TRIGGER publications_no_update BEFORE UPDATE ON publications BEGIN"
  "  SELECT RAISE(ABORT,'a published result is never changed'); END;"
  "CREATE TRIGGER publications_no_delete BEFORE DELETE ON publications BEGIN"
  "  SELECT RAISE(ABORT,'a published result is never changed'); END;",
  /* v7: a unit's three digests (run_units.keys_sha256, facts_sha256,
  ** ledger_sha256) are stored as their 32 bytes, a BLOB, instead of 64 hex
  ** digits: 96 bytes less a unit, about 3 MB less store for 10,000 units.
  ** The digests are the same (audit_digest.h); rows stored before keep the
  ** hex digits and read the same (STORE_DIGEST_HEX). The new version keeps
  ** an older parindex, which would take the bytes for hex digits, from
  ** opening the store; the view shows every digest as hex digits for SQL. */
  "CREATE VIEW run_unit_digests(run,unit,keys_sha256,facts_sha256,ledger_sha256) AS"
  "  SELECT run,unit," STORE_DIGEST_HEX("keys_sha256") "," STORE_DIGEST_HEX("facts_sha256") ","
  STORE_DIGEST_HEX("ledger_sha256") " FROM run_units;",
  /* v8: the results a decision published (issue 16), imported from the
  ** decision as it was issued (parindex published), for the units whose
  ** facts the store may not hold: the decision (number, date, issuing
  ** body, subject, how many units it ranks) of a year and kind of unit
  ** ('' for every kind), and its rows (unit, name, total in hundredths or
  ** NULL, rank). Append-only: a corrected decision is imported anew, and
  ** the latest of a year and kind is the one in force. digest: the sha256
  ** of the decision's canonical text (store_published.h), so that importing
  ** the same decision again changes nothing; source: the file read. */
  "CREATE TABLE published_decisions(id INTEGER PRIMARY KEY, created TEXT NOT NULL, year INTEGER NOT NULL,"
  "  kind TEXT NOT NULL, number TEXT, date TEXT, body TEXT, subject TEXT, units INTEGER CHECK(units>0),"
  "  source TEXT NOT NULL, digest TEXT NOT NULL);"
  "CREATE INDEX published_decisions_year ON published_decisions(year,kind,id);"
  "CREATE TABLE published_results(decision INTEGER NOT NULL REFERENCES published_decisions(id),"
  "  unit TEXT NOT NULL, name TEXT, total INTEGER CHECK(total>=0), rank INTEGER NOT NULL CHECK(rank>0),"
  "  PRIMARY KEY(decision,unit)) WITHOUT ROWID;"
  "CREATE TRIGGER published_decisions_no_update BEFORE UPDATE ON published_decisions BEGIN"
  "  SELECT RAISE(ABORT,'a published decision is never changed: import the corrected one'); END;"
  "CREATE TRIGGER published_decisions_no_delete BEFORE DELETE ON published_decisions BEGIN"
  "  SELECT RAISE(ABORT,'a published decision is never changed: import the corrected one'); END;"
  "CREATE TRIGGER published_results_no_update BEFORE UPDATE ON published_results BEGIN"
  "  SELECT RAISE(ABORT,'a published decision is never changed: import the corrected one'); END;"
  "CREATE TRIGGER published_results_no_delete BEFORE DELETE ON published_results BEGIN"
  "  SELECT RAISE(ABORT,'a published decision is never changed: import the corrected one'); END;",
  /* v9: a decision ranks the units of a kind under one parent (before 2025
  ** each district published its own communes' results): parent is that
  ** unit, '' for the units of the kind wherever they are. */
  "ALTER TABLE published_decisions ADD COLUMN parent TEXT NOT NULL DEFAULT '';"
  "DROP INDEX published_decisions_year;"
  "CREATE INDEX published_decisions_year ON published_decisions(year,kind,parent,id);",
};
_Static_assert(sizeof store_migrations / sizeof *store_migrations == STORE_SCHEMA_VERSION,
               "one migration per schema version");

