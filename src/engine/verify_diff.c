/*
** verify_diff.c -- what differs between a unit's stored ledger and the one
** scored again: per criterion, then deduction by deduction and statement by
** statement of what was achieved (verify_int.h).
*/
#include <string.h>

#include "verify_int.h"

static void show_deduction(FILE *out, const methodology *m, const ledger_deduction *d) {
  char p[PTS_FMT_MAX];
  fprintf(out, "−%s \"%s\"", pts_format(p, d->points, ',', 0), d->reason);
  const char *file = methodology_file(m, d->file);
  if (file) fprintf(out, " at %s:%d", file, d->line);
}

/* The deductions of criterion i (was) and k (now) that differ, one by one. */
static void show_deduction_changes(FILE *out, const char *unit, const char *crit, const methodology *mw,
                                   const unit_result *was, const ledger_criterion *x, const methodology *mn,
                                   const unit_result *now, const ledger_criterion *y) {
  char p[PTS_FMT_MAX], q[PTS_FMT_MAX];
  for (int k = 0; k < x->count || k < y->count; k++) {
    const ledger_deduction *a = k < x->count ? &was->deds[x->first + k] : NULL;
    const ledger_deduction *b = k < y->count ? &now->deds[y->first + k] : NULL;
    int same = a && b && a->points == b->points && a->requested == b->requested && !strcmp(a->reason, b->reason) &&
               a->line == b->line && a->nfacts == b->nfacts && a->ntasks == b->ntasks;
    for (int t = 0; same && t < a->ntasks; t++)
      same = !strcmp(a->tasks[t].office, b->tasks[t].office) && !strcmp(a->tasks[t].text, b->tasks[t].text);
    for (int t = 0; same && t < a->nfacts; t++) same = !strcmp(a->facts[t].key, b->facts[t].key);
    if (same) continue;
    fprintf(out, "  %s: criterion %s deduction %d: ", unit, crit, k + 1);
    if (a) show_deduction(out, mw, a); else fputs("none", out);
    fputs(" -> ", out);
    if (b) show_deduction(out, mn, b); else fputs("none", out);
    if (a && b && a->points == b->points && !strcmp(a->reason, b->reason)) {
      if (a->requested != b->requested)
        fprintf(out, " (asked %s -> %s)", pts_format(p, a->requested, ',', 0), pts_format(q, b->requested, ',', 0));
      else fputs(" (its facts, tasks or rule line)", out);
    }
    fputc('\n', out);
  }
}

static void show_achievement(FILE *out, const methodology *m, const ledger_achievement *a) {
  if (!a) { fputs("none", out); return; }
  fprintf(out, "\"%s\"", a->text);
  const char *file = methodology_file(m, a->file);
  if (file) fprintf(out, " at %s:%d", file, a->line);
}

/* The statements of what was achieved (u.achieved) that differ, one by one. */
static void show_achievement_changes(FILE *out, const char *unit, const char *crit, const methodology *mw,
                                     const unit_result *was, const ledger_criterion *x, const methodology *mn,
                                     const unit_result *now, const ledger_criterion *y) {
  for (int k = 0; k < x->acount || k < y->acount; k++) {
    const ledger_achievement *a = k < x->acount ? &was->achs[x->afirst + k] : NULL;
    const ledger_achievement *b = k < y->acount ? &now->achs[y->afirst + k] : NULL;
    int same = a && b && !strcmp(a->text, b->text) && a->line == b->line && a->nfacts == b->nfacts;
    for (int t = 0; same && t < a->nfacts; t++) same = !strcmp(a->facts[t].key, b->facts[t].key);
    if (same) continue;
    fprintf(out, "  %s: criterion %s achieved %d: ", unit, crit, k + 1);
    show_achievement(out, mw, a);
    fputs(" -> ", out);
    show_achievement(out, mn, b);
    if (a && b && !strcmp(a->text, b->text)) fputs(" (its facts or rule line)", out);
    fputc('\n', out);
  }
}

void verify_show_ledger_changes(FILE *out, const methodology *was_rb, const unit_result *was,
                                const methodology *now_rb, const unit_result *now) {
  char p[PTS_FMT_MAX], q[PTS_FMT_MAX];
  if (was->total != now->total)
    fprintf(out, "  %s: PAR index %s -> %s\n", was->unit.id, pts_format(p, was->total, ',', 0),
           pts_format(q, now->total, ',', 0));
  if (was->appraisal != now->appraisal)
    fprintf(out, "  %s: appraisal points %s -> %s\n", was->unit.id, pts_format(p, was->appraisal, ',', 0),
           pts_format(q, now->appraisal, ',', 0));
  for (int i = 0; i < was_rb->ncrits; i++) {
    int k = methodology_criterion(now_rb, was_rb->crits[i].id);
    if (k < 0) { fprintf(out, "  %s: criterion %s is gone\n", was->unit.id, was_rb->crits[i].id); continue; }
    const ledger_criterion *x = &was->crits[i], *y = &now->crits[k];
    if (x->points != y->points || x->max != y->max || x->na != y->na)
      fprintf(out, "  %s: criterion %s %s/%s -> %s/%s\n", was->unit.id, was_rb->crits[i].id,
             x->na ? "n/a" : pts_format(p, x->points, ',', 0), pts_format(q, x->max, ',', 0),
             y->na ? "n/a" : pts_format((char[PTS_FMT_MAX]){0}, y->points, ',', 0),
             pts_format((char[PTS_FMT_MAX]){0}, y->max, ',', 0));
    show_deduction_changes(out, was->unit.id, was_rb->crits[i].id, was_rb, was, x, now_rb, now, y);
    show_achievement_changes(out, was->unit.id, was_rb->crits[i].id, was_rb, was, x, now_rb, now, y);
  }
  for (int j = 0; j < now_rb->ncrits; j++)
    if (methodology_criterion(was_rb, now_rb->crits[j].id) < 0)
      fprintf(out, "  %s: criterion %s is new\n", was->unit.id, now_rb->crits[j].id);
}
