/*
** store_runs.c -- audit-trail rows of a run: writing them, reading runs back.
*/
#include "store_runs.h"

#include <string.h>

#include "run_ledger.h"
#include "store_int.h"

enum {                                /* slots in store_extra_stmt, after the queries */
  W_TEXT = RQ_COUNT, W_FILE, W_OFFICE, W_AUDIT, W_FACT_TEXT, W_CHAIN, W_COUNT
};
_Static_assert(W_COUNT <= STORE_LEVELS_SLOT, "raise STORE_LEVELS_SLOT (and the slots after it)");

#define RUN_COLUMNS \
  "SELECT r.id,r.created,r.engine,r.rules,r.year,t.units,a.rules_sha256,a.facts_sha256,a.facts_import," \
  "c.rules_abs,c.digest,c.prev,c.prev_digest,c.run IS NOT NULL,(SELECT x.round FROM run_adjustments x WHERE x.run=r.id)" \
  " FROM runs r LEFT JOIN run_totals t ON t.run=r.id LEFT JOIN run_audit a ON a.run=r.id" \
  " LEFT JOIN run_chain c ON c.run=r.id"

static const char *const sql[W_COUNT] = {
  [RQ_RUNS] = RUN_COLUMNS " WHERE (?1=0 OR r.year=?1) AND (?2 IS NULL OR EXISTS"
              " (SELECT 1 FROM run_units u WHERE u.run=r.id AND u.unit=?2)) ORDER BY r.id",
  [RQ_RUN] = RUN_COLUMNS " WHERE r.id=?1",
  [RQ_FILES] = "SELECT f.seq,f.path,f.sha256,x.content FROM run_files f"
               " LEFT JOIN rule_texts x ON x.sha256=f.sha256 WHERE f.run=?1 ORDER BY f.seq",
  [RQ_OFFICES] = "SELECT id,name FROM run_offices WHERE run=?1 ORDER BY id",
  [RQ_UNITS] = "SELECT u.unit,COALESCE(u.name,f.name,x.name),COALESCE(u.kind,f.kind,x.kind),"
               "CASE WHEN u.name IS NOT NULL THEN u.parent WHEN f.unit IS NOT NULL THEN f.parent ELSE x.parent END,"
               "f.sha256,u.appraisal,u.survey,u.total"
               " FROM run_units u LEFT JOIN run_unit_facts f ON f.run=u.run AND f.unit=u.unit"
               " LEFT JOIN units x ON x.id=u.unit WHERE u.run=?1 ORDER BY u.unit",
  [RQ_FACTS] = "SELECT key,type,value,source,note FROM run_facts WHERE run=?1 AND unit=?2 ORDER BY key",
  [RQ_COMPONENTS] = "SELECT component,points,max FROM run_components WHERE run=?1 AND unit=?2",
  [RQ_CRITERIA] = "SELECT criterion,points,max,na FROM run_criteria WHERE run=?1 AND unit=?2",
  [RQ_DEDUCTIONS] = "SELECT criterion,seq,requested,points,reason,facts,tasks,at FROM run_deductions"
                    " WHERE run=?1 AND unit=?2 ORDER BY criterion,seq",
  [RQ_ACHIEVEMENTS] = "SELECT criterion,seq,statement,facts,at FROM (" RUN_LEDGER_ACHIEVEMENTS_SQL
                      " AND u.run=?1 AND u.unit=?2) ORDER BY criterion,seq",
  [RQ_FACT_TEXT] = "SELECT x.content FROM run_unit_facts u JOIN fact_texts x ON x.sha256=u.sha256"
                   " WHERE u.run=?1 AND u.unit=?2",
  [RQ_CHAIN_TIP] = "SELECT run,digest FROM run_chain WHERE run<?1 ORDER BY run DESC LIMIT 1",
  [RQ_CHAIN_ORPHANS] = "SELECT c.run FROM run_chain c WHERE c.run<=?1"
                       " AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.id=c.run) ORDER BY c.run",
  [RQ_UNIT_DIGESTS] = "SELECT unit," STORE_DIGEST_HEX("keys_sha256") "," STORE_DIGEST_HEX("facts_sha256") ","
                      STORE_DIGEST_HEX("ledger_sha256") " FROM run_units WHERE run=?1 ORDER BY unit",
  [RQ_UNIT_ROWS] = "SELECT u.unit,u.name,u.kind,u.parent,u.appraisal,u.survey,u.total,u.ledger,"
                   STORE_DIGEST_HEX("u.facts_sha256") "," STORE_DIGEST_HEX("u.ledger_sha256") ",u.facts,"
                   STORE_DIGEST_HEX("u.keys_sha256") ",k.content FROM run_units u"
                   " LEFT JOIN fact_texts k ON k.sha256=" STORE_DIGEST_HEX("u.keys_sha256")
                   " WHERE u.run=?1 AND (?2 IS NULL OR u.unit=?2) ORDER BY u.unit",
  [RQ_FACTS_SINCE] = "SELECT f.unit,f.key,f.type,f.value,f.since,EXISTS (SELECT 1 FROM imports i WHERE i.id=f.since)"
                     " FROM facts f"
                     " JOIN run_units u ON u.run=?1 AND u.unit=f.unit"
                     " WHERE f.year=(SELECT year FROM runs WHERE id=?1)"
                     " AND f.since>(SELECT facts_import FROM run_audit WHERE run=?1) ORDER BY f.unit,f.key",
  [RQ_EXTRAS] = "SELECT json_extract(e.value,'$[0]'),json_extract(e.value,'$[1]'),json_extract(e.value,'$[2]'),"
                "json_extract(e.value,'$[3]'),json_extract(e.value,'$[4]'),json_extract(e.value,'$[5]'),"
                "(SELECT f.path FROM run_files f WHERE f.run=u.run AND f.seq=json_extract(e.value,'$[6][0]'))"
                "||':'||json_extract(e.value,'$[6][1]'),json_extract(e.value,'$[7]')"
                " FROM run_units u, json_each(u.ledger,'$.extras') e"
                " WHERE u.run=?1 AND u.unit=?2 AND u.ledger IS NOT NULL ORDER BY e.key",
  [W_FACT_TEXT] = "INSERT OR IGNORE INTO fact_texts(sha256,content) VALUES(?1,?2)",
  [W_CHAIN] = "INSERT INTO run_chain(run,rules_abs,prev,prev_digest,digest) VALUES(?1,?2,?3,?4,?5)",
  [W_TEXT] = "INSERT OR IGNORE INTO rule_texts(sha256,content) VALUES(?1,?2)",
  [W_FILE] = "INSERT INTO run_files(run,seq,path,sha256) VALUES(?1,?2,?3,?4)",
  [W_OFFICE] = "INSERT INTO run_offices(run,id,name) VALUES(?1,?2,?3)",
  [W_AUDIT] = "INSERT INTO run_audit(run,rules_sha256,facts_import)"
              " VALUES(?1,?2,(SELECT COALESCE(MAX(id),0) FROM imports))",
};

/* Bind run, then the texts, step, reset. */
static int write_row(store *s, int slot, int64_t run, int n, const char *const *texts, const char *what) {
  sqlite3_stmt *st = store_extra_stmt(s, slot, sql[slot]);
  if (!st) return -1;
  int k = 1;
  if (run >= 0) sqlite3_bind_int64(st, k++, run);
  for (int i = 0; i < n; i++, k++)
    if (texts[i]) sqlite3_bind_text(st, k, texts[i], -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, k);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, what);
}

int store_run_file(store *s, int64_t run, int seq, const char *path, const char *sha256,
                   const char *content) {
  if (write_row(s, W_TEXT, -1, 2, (const char *const[]){sha256, content}, "storing a rule text")) return -1;
  sqlite3_stmt *st = store_extra_stmt(s, W_FILE, sql[W_FILE]);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, run);
  sqlite3_bind_int(st, 2, seq);
  sqlite3_bind_text(st, 3, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 4, sha256, -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "storing a run file");
}

int store_run_office(store *s, int64_t run, const char *id, const char *name) {
  return write_row(s, W_OFFICE, run, 2, (const char *const[]){id, name}, "storing a run office");
}

int store_run_audit(store *s, int64_t run, const char *rules_sha256) {
  return write_row(s, W_AUDIT, run, 1, (const char *const[]){rules_sha256}, "storing the run digests");
}

int store_run_fact_keys(store *s, const char *sha256, const char *text) {
  return write_row(s, W_FACT_TEXT, -1, 2, (const char *const[]){sha256, text}, "storing the fact keys read");
}

int store_run_chain(store *s, int64_t run, const char *rules_abs, int64_t prev,
                    const char *prev_digest, const char *digest) {
  sqlite3_stmt *st = store_extra_stmt(s, W_CHAIN, sql[W_CHAIN]);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, run);
  sqlite3_bind_text(st, 2, rules_abs, -1, SQLITE_TRANSIENT);
  if (prev_digest) {
    sqlite3_bind_int64(st, 3, prev);
    sqlite3_bind_text(st, 4, prev_digest, -1, SQLITE_TRANSIENT);
  } else { sqlite3_bind_null(st, 3); sqlite3_bind_null(st, 4); }
  sqlite3_bind_text(st, 5, digest, -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "storing the run digest");
}

static void fill_row(sqlite3_stmt *st, store_row *row) {
  row->n = sqlite3_column_count(st);
  if (row->n > STORE_ROW_MAX) row->n = STORE_ROW_MAX;
  for (int i = 0; i < row->n; i++) {
    row->t[i] = (const char *)sqlite3_column_text(st, i);
    row->i[i] = sqlite3_column_int64(st, i);
  }
}

static sqlite3_stmt *bound(store *s, store_run_query_id q, int64_t a, const char *b) {
  sqlite3_stmt *st = store_extra_stmt(s, (int)q, sql[q]);
  if (!st) return NULL;
  sqlite3_bind_int64(st, 1, a);
  if (sqlite3_bind_parameter_count(st) >= 2) {
    if (b) sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, 2);
  }
  return st;
}

int store_run_cursor_begin(store *s, store_run_query_id q, int64_t a, const char *b) {
  return bound(s, q, a, b) ? 0 : -1;
}

int store_run_cursor_next(store *s, store_run_query_id q, store_row *row) {
  sqlite3_stmt *st = store_extra_stmt(s, (int)q, sql[q]);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) { fill_row(st, row); return 1; }
  return rc == SQLITE_DONE ? 0 : store_db_fail(s, "reading runs");
}

void store_run_cursor_end(store *s, store_run_query_id q) {
  sqlite3_stmt *st = store_extra_stmt(s, (int)q, sql[q]);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
}

int store_run_query(store *s, store_run_query_id q, int64_t a, const char *b, store_row_cb cb, void *ud) {
  sqlite3_stmt *st = bound(s, q, a, b);
  if (!st) return -1;
  int rc, stop = 0;
  store_row row;
  while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    fill_row(st, &row);
    stop = cb(&row, ud);
  }
  if (!stop && rc != SQLITE_DONE) stop = store_db_fail(s, "reading runs");
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return stop;
}
