/*
** adjust.c -- adjustments into a unit's ledger (see adjust.h).
*/
#include "adjust.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "score.h"
#include "store_levels.h"

static int on_adjustment(const store_adjustment *a, void *ud) {
  adjust_set *set = ud;
  if (set->n == set->cap) {
    set->cap = set->cap ? 2 * set->cap : 16;
    adjust_item *g = realloc(set->v, (size_t)set->cap * sizeof *g);
    if (!g) abort();
    set->v = g;
  }
  char text[8192], day[16];
  pdate d;
  const char *when = date_parse_iso(a->date, &d) ? date_format_vn(day, d) : a->date;
  snprintf(text, sizeof text, "Điều chỉnh của %s theo %s ngày %s%s: %s", a->role, a->document, when,
           a->round == 2 ? " (thẩm định vòng 2)" : a->round == 1 ? " (thẩm định vòng 1)" : "", a->reason);
  adjust_item *it = &set->v[set->n++];
  it->unit = arena_strdup(&set->a, a->unit);
  it->criterion = arena_strdup(&set->a, a->criterion);
  it->reason = arena_strdup(&set->a, text);
  it->points = -a->change;                       /* as a deduction: > 0 takes points */
  if (a->id > set->upto) set->upto = a->id;
  return 0;
}

int adjust_set_load(store *s, int year, const char *unit, int64_t upto, adjust_set *set) {
  memset(set, 0, sizeof *set);
  if (upto < 0 && store_adjust_last(s, &upto)) return -1;
  if (upto == 0) return 0;
  int rc = store_adjust_each(s, year, unit, upto, on_adjustment, set);
  set->upto = upto;
  if (rc) adjust_set_free(set);
  return rc ? -1 : 0;
}

void adjust_set_free(adjust_set *set) {
  free(set->v);
  arena_free(&set->a);
  memset(set, 0, sizeof *set);
}

/* A new deduction at the end of criterion c's run of deductions. */
static ledger_deduction *insert_at(unit_result *r, int c) {
  ledger_criterion *lc = &r->crits[c];
  int at = lc->count ? lc->first + lc->count : r->nded;
  if (!lc->count)                                  /* after the deductions of the criteria before it */
    for (int k = c + 1; k < r->ncrits; k++)
      if (r->crits[k].count) { at = r->crits[k].first; break; }
  ledger_deduction *tail = ledger_add_deduction(r, c);
  ledger_deduction moved = *tail;
  memmove(&r->deds[at + 1], &r->deds[at], (size_t)(r->nded - 1 - at) * sizeof *r->deds);
  r->deds[at] = moved;
  for (int k = 0; k < r->ncrits; k++)
    if (k != c && r->crits[k].count && r->crits[k].first >= at) r->crits[k].first++;
  if (!lc->count) lc->first = at;
  lc->count++;
  return &r->deds[at];
}

int adjust_apply(const adjust_set *set, const methodology *m, unit_result *r, char *err, size_t errlen) {
  for (int i = 0; i < set->n; i++) {
    const adjust_item *it = &set->v[i];
    if (strcmp(it->unit, r->unit.id)) continue;
    int c = methodology_criterion(m, it->criterion);
    if (c < 0) {
      snprintf(err, errlen, "adjustment of %s %d: no criterion '%s' in %s", r->unit.id, r->year, it->criterion, m->dir);
      return -1;
    }
    ledger_criterion *lc = &r->crits[c];
    pts_t lost = 0;
    for (int k = 0; k < lc->count; k++) lost += r->deds[lc->first + k].points;
    pts_t left = m->crits[c].max - lost;
    ledger_deduction *d = insert_at(r, c);
    d->requested = it->points;
    d->points = it->points > left ? left : it->points < -lost ? -lost : it->points;
    d->reason = arena_strdup(&r->a, it->reason);
    d->line = 0;
    if (it->points > 0) ledger_add_task_prefixed(r, d, m->crits[c].owner, LEDGER_FIX_PREFIX, it->reason);
  }
  return 0;
}

int adjust_score_unit(rulebook *rb, const unit_facts *uf, const adjust_set *set, unit_result *r, char *err,
                      size_t errlen) {
  if (score_unit(rb, uf, r, err, errlen)) return -1;
  if (!set || !set->n) return 0;
  const methodology *m = rulebook_methodology(rb);
  if (adjust_apply(set, m, r, err, errlen)) return -1;
  score_totals(m, r);
  return 0;
}
