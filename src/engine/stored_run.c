/*
** stored_run.c -- one unit of a stored run with its own rulebook and its
** stored ledger (see stored_run.h).
*/
#include "stored_run.h"

#include <stdio.h>
#include <string.h>

#include "engine.h"

int stored_unit_load(store *s, int64_t id, const char *unit, stored_unit *out, char *err, size_t errlen) {
  memset(out, 0, sizeof *out);
  int rc = audit_run_load(s, id, unit, &out->run, err, errlen);
  if (rc) return rc > 0 ? STORED_NO_RUN : -1;
  if (!unit && out->run.nunit_rows == 1) unit = out->run.unit_rows[0].unit.id;
  if (!unit) return STORED_WHICH_UNIT;
  if (!(out->u = audit_run_unit(&out->run, unit))) return STORED_NO_UNIT;
  if (out->u->problem) {                    /* never show an edited run as if it were the original */
    snprintf(err, errlen, "run %lld, unit %s: %s: it was changed in the store after the run; "
             "'parindex verify %lld' says more", (long long)id, unit, out->u->problem, (long long)id);
    return -1;
  }
  out->current_rules = out->run.nfiles == 0;
  out->rb = out->current_rules ? engine_load_rules(s, out->run.rules, NULL, err, errlen)
                               : audit_run_rulebook(&out->run, err, errlen);
  if (!out->rb) return -1;
  out->mt = rulebook_methodology(out->rb);
  return audit_run_result(s, &out->run, out->mt, out->u, &out->r, err, errlen) ? -1 : STORED_OK;
}

void stored_unit_free(stored_unit *su) {
  ledger_free(&su->r);
  rulebook_free(su->rb);
  audit_run_free(&su->run);
  memset(su, 0, sizeof *su);
}
