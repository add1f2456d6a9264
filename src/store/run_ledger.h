/*
** run_ledger.h -- the stored form of a unit's ledger, in one place: the JSON
** text that run_units.ledger holds (written by run_ledger_json), the views
** that show it as rows for SQL (RUN_LEDGER_VIEWS_SQL, created by store.c's
** migration v4), and reading a stored ledger back through those views
** (run_ledger_read), which also reads the rows of runs stored before v4.
**
** The format (points are hundredths):
**   {"components": [[id, points, max], ...],
**    "criteria": [[id, points, max], [id, null, max, na_reason],
**                 [id, points, max, null, [deduction, ...]],
**                 [id, points, max, null, [deduction, ...], [achieved, ...]], ...]}
**   deduction: [requested, points, reason, [fact key, ...], tasks, at]
**   achieved:  [statement, [fact key, ...], at]: what u.achieved stated (a
**       criterion with statements and no deduction has an empty list of
**       deductions; ledgers stored before u.achieved have none)
**   at: [seq, line] of the u.lose call, seq the rule file's in run_files
**       (1 = m->files[0]; since schema v5, absent before)
**   tasks: "office", the default task (LEDGER_FIX_PREFIX and the reason,
**          for that office), or [[office, task], ...]
**   a criterion not applicable with full points (when_not_applicable = "full"):
**       [id, points, max, reason] (points, not null, and the reason nothing arose)
**   "extras" (only when the unit has bonus or penalty lines, rules/README.md):
**       [[item, requested, points, reason, [fact key, ...], [[office, task], ...], at | null, cap], ...]
**       cap: LEDGER_CAP_* (ledger.h), what held points below requested
** The fact keys name facts of the unit as the run read them.
**
** Ownership: a run_ledger_writer owns its buffers (run_ledger_writer_free);
** the text run_ledger_json returns is valid until the next call. A ledger
** read back is owned by the unit_result it fills (ledger_free).
*/
#ifndef PARINDEX_RUN_LEDGER_H
#define PARINDEX_RUN_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "json_writer.h"
#include "ledger.h"
#include "methodology.h"
#include "store.h"

#define RUN_LEDGER_VIEWS_SQL \
  "CREATE VIEW run_components(run,unit,component,points,max) AS" \
  "  SELECT run,unit,component,points,max FROM run_components_v3 UNION ALL" \
  "  SELECT u.run,u.unit,json_extract(c.value,'$[0]'),json_extract(c.value,'$[1]'),json_extract(c.value,'$[2]')" \
  "  FROM run_units u, json_each(u.ledger,'$.components') c WHERE u.ledger IS NOT NULL;" \
  "CREATE VIEW run_criteria(run,unit,criterion,points,max,na) AS" \
  "  SELECT run,unit,criterion,points,max,na FROM run_criteria_v3 UNION ALL" \
  "  SELECT u.run,u.unit,json_extract(k.value,'$[0]'),json_extract(k.value,'$[1]'),json_extract(k.value,'$[2]')," \
  "    json_extract(k.value,'$[3]')" \
  "  FROM run_units u, json_each(u.ledger,'$.criteria') k WHERE u.ledger IS NOT NULL;" \
  "CREATE VIEW run_deductions(run,unit,criterion,seq,requested,points,reason,facts,tasks) AS" \
  "  SELECT run,unit,criterion,seq,requested,points,reason,facts,tasks FROM run_deductions_v3 UNION ALL" \
  "  SELECT u.run,u.unit,json_extract(k.value,'$[0]'),d.key+1,json_extract(d.value,'$[0]')," \
  "    json_extract(d.value,'$[1]'),json_extract(d.value,'$[2]'),json_extract(d.value,'$[3]')," \
  "    CASE json_type(d.value,'$[4]') WHEN 'text' THEN json_array(json_object('office'," \
  "      json_extract(d.value,'$[4]'),'task','" LEDGER_FIX_PREFIX "'||json_extract(d.value,'$[2]')))" \
  "    ELSE (SELECT json_group_array(json_object('office',json_extract(t.value,'$[0]')," \
  "      'task',json_extract(t.value,'$[1]'))) FROM json_each(d.value,'$[4]') t) END" \
  "  FROM run_units u, json_each(u.ledger,'$.criteria') k, json_each(k.value,'$[4]') d" \
  "  WHERE u.ledger IS NOT NULL;"

/* The view of deductions as the v5 migration made it, with `at`: "FILE:LINE"
** of the u.lose call, FILE relative to the rulebook folder as run_files
** names it; NULL in ledgers stored before v5. */
#define RUN_LEDGER_DEDUCTIONS_VIEW_SQL \
  "CREATE VIEW run_deductions(run,unit,criterion,seq,requested,points,reason,facts,tasks,at) AS" \
  "  SELECT run,unit,criterion,seq,requested,points,reason,facts,tasks,NULL FROM run_deductions_v3 UNION ALL" \
  "  SELECT u.run,u.unit,json_extract(k.value,'$[0]'),d.key+1,json_extract(d.value,'$[0]')," \
  "    json_extract(d.value,'$[1]'),json_extract(d.value,'$[2]'),json_extract(d.value,'$[3]')," \
  "    CASE json_type(d.value,'$[4]') WHEN 'text' THEN json_array(json_object('office'," \
  "      json_extract(d.value,'$[4]'),'task','" LEDGER_FIX_PREFIX "'||json_extract(d.value,'$[2]')))" \
  "    ELSE (SELECT json_group_array(json_object('office',json_extract(t.value,'$[0]')," \
  "      'task',json_extract(t.value,'$[1]'))) FROM json_each(d.value,'$[4]') t) END," \
  "    (SELECT f.path FROM run_files f WHERE f.run=u.run AND f.seq=json_extract(d.value,'$[5][0]'))" \
  "      ||':'||json_extract(d.value,'$[5][1]')" \
  "  FROM run_units u, json_each(u.ledger,'$.criteria') k, json_each(k.value,'$[4]') d" \
  "  WHERE u.ledger IS NOT NULL;"

/* The statements of what was achieved (u.achieved), a row each: run unit
** criterion seq statement facts at, `at` as in run_deductions. Ledgers
** stored before u.achieved existed have none. Not a view (the schema is
** unchanged): store_runs.c reads it for one unit, and SQL can use it as a
** query for all. */
#define RUN_LEDGER_ACHIEVEMENTS_SQL \
  "SELECT u.run,u.unit,json_extract(k.value,'$[0]') AS criterion,a.key+1 AS seq," \
  "    json_extract(a.value,'$[0]') AS statement,json_extract(a.value,'$[1]') AS facts," \
  "    (SELECT f.path FROM run_files f WHERE f.run=u.run AND f.seq=json_extract(a.value,'$[2][0]'))" \
  "      ||':'||json_extract(a.value,'$[2][1]') AS at" \
  "  FROM run_units u, json_each(u.ledger,'$.criteria') k, json_each(k.value,'$[5]') a" \
  "  WHERE u.ledger IS NOT NULL"

typedef struct {
  const methodology *m;
  jsonw ledger;             /* the JSON of the unit being written */
  jsonw heads;              /* per component and criterion: '["id",' and per criterion '"owner"' */
  size_t *comp_at, *crit_at, *owner_at;     /* offsets into heads.p, one past the last at [n] */
} run_ledger_writer;

/* Prepare to write ledgers of units scored with m (ids and owners are
** escaped once, here). m must outlive w. */
void run_ledger_writer_init(run_ledger_writer *w, const methodology *m);
/* r's ledger as the JSON text above; valid until the next call or free. */
const char *run_ledger_json(run_ledger_writer *w, const unit_result *r);
void run_ledger_writer_free(run_ledger_writer *w);

/* The stored ledger of unit (of run, scored in year with methodology m) as
** a unit_result: out is initialised here (ledger_init) and owned by the
** caller; its totals are left 0 (the caller has them from run_units).
** facts: the unit's facts as the run read them, sorted by key (the stored
** fact keys are looked up there). 0, 1 when the stored ledger names
** components, criteria or facts that m or facts lack (out is freed), or -1
** on a store error (store_errmsg; out is freed). */
int run_ledger_read(store *s, int64_t run, int year, const methodology *m, const unit_info *unit,
                    const fact *facts, size_t nfacts, unit_result *out);

/* The index in m->files of "NAME:LINE" (NAME relative to m->dir), with
** *line set; -1 when at is NULL or names no file of m. */
int run_ledger_file_at(const methodology *m, const char *at, int *line);

#endif
