/*
** reconcile.c -- self-assessed against appraised points (see reconcile.h).
*/
#include "reconcile.h"

#include <stdlib.h>
#include <string.h>

#include "store_levels.h"

static int on_self(const store_self_row *sr, void *ud) {
  reconciliation *rc = ud;
  int c = methodology_criterion(rc->mt, sr->criterion);
  recon_row *row = NULL;
  if (c >= 0) row = &rc->rows[c];
  else {
    recon_row *g = realloc(rc->rows, (size_t)(rc->n + 1) * sizeof *g);
    if (!g) abort();
    rc->rows = g;
    row = &rc->rows[rc->n++];
    memset(row, 0, sizeof *row);
    row->crit = -1;
    row->criterion = arena_strdup(&rc->a, sr->criterion);
  }
  row->has_self = 1;
  row->self = sr->points;
  row->evidence = arena_strdup(&rc->a, sr->evidence);
  row->explanation = sr->explanation ? arena_strdup(&rc->a, sr->explanation) : NULL;
  row->submission = sr->submission;
  if (c >= 0) {
    row->difference = row->appraised - row->self;
    rc->self_total += row->self;
    rc->appraised_total += row->appraised;
  }
  rc->nself++;
  return 0;
}

int reconcile_build(store *s, const methodology *mt, const unit_result *r, reconciliation *out) {
  memset(out, 0, sizeof *out);
  out->mt = mt;
  out->r = r;
  out->n = mt->ncrits;
  out->rows = calloc((size_t)(mt->ncrits ? mt->ncrits : 1), sizeof *out->rows);
  if (!out->rows) abort();
  for (int c = 0; c < mt->ncrits; c++) {
    out->rows[c].crit = c;
    out->rows[c].criterion = mt->crits[c].id;
    out->rows[c].appraised = r->crits[c].points;
  }
  int rc = store_self_each(s, r->unit.id, r->year, on_self, out);
  if (rc) reconcile_free(out);
  return rc ? -1 : 0;
}

void reconcile_free(reconciliation *rc) {
  free(rc->rows);
  arena_free(&rc->a);
  memset(rc, 0, sizeof *rc);
}
