/*
** rules_diff.c -- what changed between two rulebooks.
*/
#include "rules_diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "rulebook_inspect.h"
#include "rules_diff_facts.h"

static const meth_component *comp(const methodology *m, const char *id) {
  int i = methodology_component(m, id);
  return i < 0 ? NULL : &m->comps[i];
}

static const meth_criterion *crit(const methodology *m, const char *id, int *idx) {
  int i = methodology_criterion(m, id);
  if (idx) *idx = i;
  return i < 0 ? NULL : &m->crits[i];
}

static const char *P(char *buf, pts_t v, char dec) { return pts_format(buf, v, dec, 0); }

static int diff_rulebooks(const rulebook *RA, const rulebook *RB, char dec) {
  const methodology *A = rulebook_methodology(RA), *B = rulebook_methodology(RB);
  char x[PTS_FMT_MAX], y[PTS_FMT_MAX];
  int n = 0;
  if (strcmp(A->name, B->name)) { printf("index: name \"%s\" → \"%s\"\n", A->name, B->name); n++; }
  if (A->total != B->total) { printf("index: total %s → %s\n", P(x, A->total, dec), P(y, B->total, dec)); n++; }
  for (int i = 0; i < A->ncomps; i++) {
    const meth_component *a = &A->comps[i], *b = comp(B, a->id);
    if (!b) { printf("component %s removed: %s (max %s)\n", a->id, a->name, P(x, a->max, dec)); n++; continue; }
    if (a->max != b->max) { printf("component %s: max %s → %s\n", a->id, P(x, a->max, dec), P(y, b->max, dec)); n++; }
    if (strcmp(a->owner, b->owner)) { printf("component %s: owner %s → %s\n", a->id, a->owner, b->owner); n++; }
    if (strcmp(a->name, b->name)) { printf("component %s: name \"%s\" → \"%s\"\n", a->id, a->name, b->name); n++; }
    if (a->kind != b->kind) { printf("component %s: moved to %s\n", a->id, b->kind == METH_SURVEY ? "survey" : "appraisal"); n++; }
  }
  for (int i = 0; i < B->ncomps; i++)
    if (!comp(A, B->comps[i].id)) {
      printf("component %s added: %s (max %s)\n", B->comps[i].id, B->comps[i].name, P(x, B->comps[i].max, dec));
      n++;
    }
  printf("component maxima:");                      /* all of them, changed or not */
  for (int i = 0; i < A->ncomps; i++) {
    const meth_component *b = comp(B, A->comps[i].id);
    printf(" %s: %s", A->comps[i].id, P(x, A->comps[i].max, dec));
    if (b && b->max != A->comps[i].max) printf(" → %s", P(y, b->max, dec));
    else if (b) printf(" (unchanged)");
    else printf(" → removed");
    putchar(i + 1 < A->ncomps ? ';' : '\n');
  }
  for (int i = 0; i < A->ncrits; i++) {
    int bi;
    const meth_criterion *a = &A->crits[i], *b = crit(B, a->id, &bi);
    if (!b) { printf("criterion %s removed: %s (max %s)\n", a->id, a->name, P(x, a->max, dec)); n++; continue; }
    if (a->max != b->max) { printf("criterion %s: max %s → %s\n", a->id, P(x, a->max, dec), P(y, b->max, dec)); n++; }
    if (strcmp(a->owner, b->owner)) { printf("criterion %s: owner %s → %s\n", a->id, a->owner, b->owner); n++; }
    if (strcmp(a->compid, b->compid)) { printf("criterion %s: component %s → %s\n", a->id, a->compid, b->compid); n++; }
    if (strcmp(a->name, b->name)) { printf("criterion %s: name \"%s\" → \"%s\"\n", a->id, a->name, b->name); n++; }
    char **ka = rulebook_param_keys(RA, i), **kb = rulebook_param_keys(RB, bi);
    for (char **k = ka; *k; k++) {
      char *va = rulebook_param_text(RA, i, *k, dec), *vb = rulebook_param_text(RB, bi, *k, dec);
      if (!vb) { printf("criterion %s: param %s removed (was %s)\n", a->id, *k, va); n++; }
      else if (strcmp(va, vb)) { printf("criterion %s: param %s %s → %s\n", a->id, *k, va, vb); n++; }
      free(va); free(vb);
    }
    for (char **k = kb; *k; k++) {
      char *va = rulebook_param_text(RA, i, *k, dec), *vb = rulebook_param_text(RB, bi, *k, dec);
      if (!va) { printf("criterion %s: param %s added (%s)\n", a->id, *k, vb); n++; }
      free(va); free(vb);
    }
    for (char **k = ka; *k; k++) free(*k);
    for (char **k = kb; *k; k++) free(*k);
    free(ka); free(kb);
    char *sa = rulebook_score_source(RA, i), *sb = rulebook_score_source(RB, bi);
    if (sa && sb && strcmp(sa, sb)) { printf("criterion %s: scoring function changed (%s:%d)\n", a->id, b->file, b->line); n++; }
    free(sa); free(sb);
    if ((a->basis || b->basis) && (!a->basis || !b->basis || strcmp(a->basis, b->basis))) {
      printf("criterion %s: basis text changed\n", a->id);
      n++;
    }
  }
  for (int i = 0; i < B->ncrits; i++)
    if (!crit(A, B->crits[i].id, NULL)) {
      printf("criterion %s added: %s (max %s, component %s)\n", B->crits[i].id, B->crits[i].name,
             P(x, B->crits[i].max, dec), B->crits[i].compid);
      n++;
    }
  return n + rules_diff_facts(A, B, dec, stdout);
}

/* ---- the effect on one unit ---- */

static void effect_unit(const methodology *A, const methodology *B, const unit_result *ra,
                        const unit_result *rb, char dec) {
  char x[PTS_FMT_MAX], y[PTS_FMT_MAX], d[PTS_FMT_MAX], e[PTS_FMT_MAX];
  printf("\neffect on %s (%s), facts of %d:\n", ra->unit.id, ra->unit.name, ra->year);
  for (int i = 0; i < A->ncrits; i++) {
    int k;
    const meth_criterion *a = &A->crits[i];
    if (!crit(B, a->id, &k)) {
      printf("  criterion %-5s %s/%s → removed\n", a->id, P(x, ra->crits[i].points, dec), P(y, ra->crits[i].max, dec));
      continue;
    }
    const ledger_criterion *p = &ra->crits[i], *q = &rb->crits[k];
    if (p->points == q->points && p->max == q->max && p->na == q->na) continue;
    printf("  criterion %-5s %s/%s → %s/%s", a->id, p->na ? "n/a" : P(x, p->points, dec),
           P(y, p->max, dec), q->na ? "n/a" : P(d, q->points, dec), P(e, q->max, dec));
    printf(" (%s%s points)\n", q->points >= p->points ? "+" : "", P(x, q->points - p->points, dec));
  }
  for (int k = 0; k < B->ncrits; k++)
    if (!crit(A, B->crits[k].id, NULL))
      printf("  criterion %-5s added → %s/%s\n", B->crits[k].id, P(x, rb->crits[k].points, dec),
             P(y, rb->crits[k].max, dec));
  for (int i = 0; i < A->ncomps; i++) {
    const meth_component *b = comp(B, A->comps[i].id);
    if (!b) continue;
    int k = (int)(b - B->comps);
    if (ra->comps[i].points != rb->comps[k].points || ra->comps[i].max != rb->comps[k].max)
      printf("  component %-5s %s/%s → %s/%s\n", b->id, P(x, ra->comps[i].points, dec), P(y, ra->comps[i].max, dec),
             P(d, rb->comps[k].points, dec), P(e, rb->comps[k].max, dec));
  }
  printf("  PAR index       %s → %s (%s%s)\n", P(x, ra->total, dec), P(y, rb->total, dec),
         rb->total >= ra->total ? "+" : "", P(d, rb->total - ra->total, dec));
}

int rules_diff(const char *dir_a, const char *dir_b, const rules_diff_opts *o, char *err, size_t errlen) {
  rulebook *A = NULL, *B = NULL;
  engine_results ra = {0}, rb = {0};
  int rc = -1, n;
  char msg[1 << 14];
  A = o->store ? engine_load_rules(o->store, dir_a, NULL, msg, sizeof msg)
               : rulebook_load(dir_a, NULL, 0, NULL, msg, sizeof msg);
  if (!A) { snprintf(err, errlen, "%s: the rulebook does not load:\n%s", dir_a, msg); goto done; }
  B = o->store ? engine_load_rules(o->store, dir_b, NULL, msg, sizeof msg)
               : rulebook_load(dir_b, NULL, 0, NULL, msg, sizeof msg);
  if (!B) { snprintf(err, errlen, "%s: the rulebook does not load:\n%s", dir_b, msg); goto done; }
  printf("--- %s\n+++ %s\n", dir_a, dir_b);
  n = diff_rulebooks(A, B, o->dec);
  if (!n) printf("no differences in components, criteria, maxima, owners, params, scoring functions or facts\n");
  if (o->unit) {
    if (engine_score(o->store, A, o->year, o->unit, 0, &ra, err, errlen) ||
        engine_score(o->store, B, o->year, o->unit, 0, &rb, err, errlen))
      goto done;
    effect_unit(rulebook_methodology(A), rulebook_methodology(B), &ra.units[0], &rb.units[0], o->dec);
  }
  rc = 0;
done:
  engine_results_free(&ra);
  engine_results_free(&rb);
  rulebook_free(A);
  rulebook_free(B);
  return rc;
}
