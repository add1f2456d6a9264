/*
** plan_run.c -- the store and rulebook side of `plan` (see plan_run.h).
*/
#include "plan_run.h"
#include "adjust.h"
#include "store_levels.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "engine.h"
#include "path.h"
#include "plan.h"
#include "score.h"
#include "sha256.h"
#include "store_runs.h"

/* ---- one unit with facts changed ---- */

static int whole(const char *v, long long *out) {
  char *end;
  errno = 0;
  *out = strtoll(v, &end, 10);
  return *v && !*end && !errno;
}

static int real(const char *v, double *out) {
  char *end;
  errno = 0;
  *out = strtod(v, &end);
  return *v && !*end && !errno && strspn(v, "+-0123456789.eE") == strlen(v);
}

/* f := the fact key set to v, typed like `like` (NULL: inferred). */
static int set_fact(fact *f, const char *key, const char *v, const fact *like, char *err, size_t errlen) {
  pdate d;
  memset(f, 0, sizeof *f);
  f->key = key;
  f->source = "plan --set";
  fact_type t = like ? like->type : FT_TEXT;
  if (!like) {
    long long i;
    double x;
    if (whole(v, &i)) t = FT_INTEGER;
    else if (real(v, &x)) t = FT_NUMBER;
    else if (!strcmp(v, "true") || !strcmp(v, "false")) t = FT_BOOLEAN;
    else if (date_parse_iso(v, &d)) t = FT_DATE;
    else if (v[0] == '[') t = FT_LIST;
  }
  f->type = t;
  int ok = 1;
  switch (t) {
  case FT_INTEGER: ok = whole(v, &f->integer); break;
  case FT_NUMBER: ok = real(v, &f->num); break;
  case FT_BOOLEAN: ok = !strcmp(v, "true") || !strcmp(v, "false"); f->integer = !strcmp(v, "true"); break;
  case FT_DATE: ok = date_parse_iso(v, &d); f->text = v; break;
  case FT_TEXT: f->text = v; break;
  case FT_LIST: {
    cJSON *j = cJSON_Parse(v);
    ok = cJSON_IsArray(j);
    for (const cJSON *e = j ? j->child : NULL; ok && e; e = e->next) ok = cJSON_IsObject(e);
    cJSON_Delete(j);
    f->text = v;
    break;
  }
  }
  if (!ok) snprintf(err, errlen, "--set %s=%s: not %s %s%s", key, v, t == FT_INTEGER ? "an" : "a", fact_type_name(t),
                    like ? " (the type of the fact it replaces)" : "");
  return ok ? 0 : -1;
}

static int cmp_fact(const void *a, const void *b) { return strcmp(((const fact *)a)->key, ((const fact *)b)->key); }

typedef struct {
  rulebook *rb;
  const plan_set *sets; int nsets;
  unit_result *out;
  char *err; size_t errlen;
  int found;
  adjust_set adj;            /* the council's adjustments of the unit */
} score_ctx;

static int score_changed(const unit_facts *uf, void *ud) {
  score_ctx *c = ud;
  c->found = 1;
  fact *fs = malloc((uf->n + (size_t)c->nsets + 1) * sizeof *fs);
  if (!fs) abort();
  memcpy(fs, uf->facts, uf->n * sizeof *fs);
  size_t n = uf->n;
  int rc = 0;
  for (int k = 0; k < c->nsets && !rc; k++) {
    fact *old = NULL;
    for (size_t i = 0; i < n && !old; i++) if (!strcmp(fs[i].key, c->sets[k].key)) old = &fs[i];
    fact nf;
    rc = set_fact(&nf, c->sets[k].key, c->sets[k].value, old, c->err, c->errlen);
    if (!rc && old) *old = nf;
    else if (!rc) fs[n++] = nf;
  }
  if (!rc) {
    qsort(fs, n, sizeof *fs, cmp_fact);
    unit_facts changed = *uf;
    changed.facts = fs;
    changed.n = n;
    rc = adjust_score_unit(c->rb, &changed, &c->adj, c->out, c->err, c->errlen);
  }
  free(fs);
  return rc ? -1 : 1;                        /* one unit: stop */
}

int plan_score_unit(store *s, rulebook *rb, int year, const char *unit, const plan_set *sets, int nsets,
                    unit_result *out, char *err, size_t errlen) {
  score_ctx c = {rb, sets, nsets, out, err, errlen, 0, {0}};
  err[0] = '\0';
  if (adjust_set_load(s, year, unit, -1, &c.adj)) { snprintf(err, errlen, "%s", store_errmsg(s)); return -1; }
  int rc = store_each_unit_facts(s, year, unit, score_changed, &c);
  adjust_set_free(&c.adj);
  if (rc < 0 && !err[0]) snprintf(err, errlen, "%s", store_errmsg(s));
  if (!c.found && rc >= 0) {
    snprintf(err, errlen, store_has_unit(s, unit) > 0 ? "unit '%s' has no facts for %d" : "unknown unit '%s'", unit, year);
    return -1;
  }
  return rc < 0 ? -1 : 0;
}

/* ---- the other units' totals ---- */

static void push_total(plan_field *f, pts_t t) {
  if (f->n == f->cap) {
    f->cap = f->cap ? 2 * f->cap : 16;
    pts_t *g = realloc(f->totals, (size_t)f->cap * sizeof *g);
    if (!g) abort();
    f->totals = g;
  }
  f->totals[f->n++] = t;
}

typedef struct { const char *unit; plan_field *f; } field_ctx;

static int stored_total(const char *unit, int64_t total, void *ud) {
  field_ctx *c = ud;
  if (!c->unit || strcmp(unit, c->unit)) push_total(c->f, total);
  return 0;
}

static int scored_total(const unit_result *r, void *ud, char *err, size_t errlen) {
  (void)err; (void)errlen;
  field_ctx *c = ud;
  if (!c->unit || strcmp(r->unit.id, c->unit)) push_total(c->f, r->total);
  return 0;
}

#define RUNS_SEEN 8
typedef struct { int64_t import, many[RUNS_SEEN], one; int nmany; } runs_ctx;   /* the latest runs of > 1 unit (one per kind), of 1 */

/* RQ_RUNS: id .. units(5) .. facts_import(8). A run of this parindex that saw
** the last import: the units with facts are those it saw; `score` without
** --unit scores them all, with --unit one, so a run of more than one unit
** holds every unit (one of one unit is checked by the caller). */
static int candidate_run(const store_row *row, void *ud) {
  runs_ctx *c = ud;
  if (row->t[2] && !strcmp(row->t[2], "parindex " PARINDEX_VERSION) && row->t[8] && row->i[8] == c->import &&
      row->i[5] >= 1)
  {
    if (row->i[5] == 1) c->one = row->i[0];
    else {                                      /* keep the latest RUNS_SEEN, newest last */
      if (c->nmany == RUNS_SEEN) memmove(c->many, c->many + 1, (RUNS_SEEN - 1) * sizeof *c->many);
      c->many[c->nmany < RUNS_SEEN ? c->nmany++ : RUNS_SEEN - 1] = row->i[0];
    }
  }
  return 0;
}

typedef struct { const methodology *mt; int seq, same; } files_ctx;

static int same_file(const store_row *row, void *ud) {          /* RQ_FILES: seq path sha256 */
  files_ctx *c = ud;
  if (c->seq >= c->mt->nfiles) { c->same = 0; return 1; }
  char name[4096], sha[SHA256_HEX];
  size_t len;
  path_relative(c->mt->dir, c->mt->files[c->seq], name, sizeof name);
  char *text = file_read_all(c->mt->files[c->seq], &len);
  if (!text) { c->same = 0; return 1; }
  sha256_hex(text, len, sha);
  free(text);
  c->seq++;
  if (strcmp(name, row->t[1] ? row->t[1] : "") || strcmp(sha, row->t[2] ? row->t[2] : "")) { c->same = 0; return 1; }
  return 0;
}

static int cmp_desc(const void *a, const void *b) {
  pts_t x = *(const pts_t *)a, y = *(const pts_t *)b;
  return x > y ? -1 : x < y;
}

int plan_field_load(store *s, rulebook *rb, int year, const char *unit, plan_field *f, char *err, size_t errlen) {
  memset(f, 0, sizeof *f);
  field_ctx fc = {unit, f};
  int64_t import = 0, some = 0;
  runs_ctx rc = {0};
  if (store_last_import(s, &import) || (rc.import = import, store_run_query(s, RQ_RUNS, year, NULL, candidate_run, &rc) < 0))
    goto fail;
  if (!rc.nmany && rc.one && store_year_has_units(s, year, &some)) goto fail;
  if (!rc.nmany && some == 1 && rc.one) rc.many[rc.nmany++] = rc.one;
  for (int i = rc.nmany - 1; i >= 0 && !f->run; i--) {   /* the latest with these rule files (a run per kind) */
    files_ctx files = {rulebook_methodology(rb), 0, 1};
    if (store_run_query(s, RQ_FILES, rc.many[i], NULL, same_file, &files) < 0) goto fail;
    if (files.same && files.seq == files.mt->nfiles) {
      if (store_run_totals(s, rc.many[i], stored_total, &fc)) goto fail;
      f->run = rc.many[i];
    }
  }
  char kind[256] = "", parent[256];               /* the unit's own kind is its field */
  if (unit && store_unit_level(s, unit, kind, sizeof kind, parent, sizeof parent) < 0) goto fail;
  if (!f->run) {
    engine_results res = {0};
    res.each = scored_total;
    res.ud = &fc;
    if (engine_score_kind(s, rb, year, NULL, *kind ? kind : NULL, 0, &res, err, errlen)) { plan_field_free(f); return -1; }
    engine_results_free(&res);
  }
  f->units = f->n + (unit != NULL);
  if (f->n) qsort(f->totals, (size_t)f->n, sizeof *f->totals, cmp_desc);
  return 0;
fail:
  snprintf(err, errlen, "%s", store_errmsg(s));
  plan_field_free(f);
  return -1;
}

void plan_field_free(plan_field *f) {
  free(f->totals);
  memset(f, 0, sizeof *f);
}

int plan_rank(const plan_field *f, pts_t total) {
  int lo = 0, hi = f->n;                     /* the first total not above `total` */
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (f->totals[mid] > total) lo = mid + 1; else hi = mid;
  }
  return lo + 1;
}

/* ---- one office across every unit ---- */

typedef struct {
  const methodology *mt;
  const char *office;
  plan_office *o;
  plan_field all;
  unit_result scratch;
  unsigned char *done; int capdone;
} office_ctx;

static int office_unit(const unit_result *r, void *ud, char *err, size_t errlen) {
  (void)err; (void)errlen;
  office_ctx *c = ud;
  plan_office *o = c->o;
  push_total(&c->all, r->total);
  o->units++;
  if (r->nded > c->capdone) {
    free(c->done);
    c->capdone = 2 * r->nded;
    if (!(c->done = calloc((size_t)c->capdone, 1))) abort();
  }
  const char *uid = NULL, *uname = NULL;
  for (int i = 0; i < r->nded; i++) {
    const ledger_deduction *d = &r->deds[i];
    const char *lead = d->ntasks ? d->tasks[0].office : c->mt->crits[d->crit].owner;
    if (!ledger_has_task(d) || strcmp(lead, c->office)) continue;
    if (!uid) { uid = arena_strdup(&o->a, r->unit.id); uname = arena_strdup(&o->a, r->unit.name); }
    c->done[i] = 1;
    plan_retotal(c->mt, r, c->done, &c->scratch);
    c->done[i] = 0;
    if (o->n == o->cap) {
      o->cap = o->cap ? 2 * o->cap : 64;
      plan_office_task *g = realloc(o->tasks, (size_t)o->cap * sizeof *g);
      if (!g) abort();
      o->tasks = g;
    }
    plan_office_task *t = &o->tasks[o->n++];
    t->unit = uid;
    t->name = uname;
    t->criterion = c->mt->crits[d->crit].id;
    t->task = arena_strdup(&o->a, d->ntasks ? d->tasks[0].text : d->reason);
    t->ded = i;
    t->points = d->points;
    t->total = r->total;
    t->total_after = c->scratch.total;
    t->gain = c->scratch.total - r->total;
  }
  return 0;
}

static int cmp_office_task(const void *a, const void *b) {
  const plan_office_task *x = a, *y = b;
  if (x->gain != y->gain) return x->gain > y->gain ? -1 : 1;
  int px = x->rank - x->rank_after, py = y->rank - y->rank_after;
  if (px != py) return px > py ? -1 : 1;
  int u = strcmp(x->unit, y->unit);
  return u ? u : x->ded - y->ded;
}

int plan_office_load(store *s, rulebook *rb, int year, const char *office, plan_office *o, char *err, size_t errlen) {
  memset(o, 0, sizeof *o);
  office_ctx c = {.mt = rulebook_methodology(rb), .office = office, .o = o};
  engine_results res = {0};
  res.each = office_unit;
  res.ud = &c;
  int rc = engine_score(s, rb, year, NULL, 0, &res, err, errlen);
  engine_results_free(&res);
  ledger_free(&c.scratch);
  free(c.done);
  if (rc) { plan_field_free(&c.all); plan_office_free(o); return -1; }
  qsort(c.all.totals, (size_t)c.all.n, sizeof *c.all.totals, cmp_desc);
  for (int i = 0; i < o->n; i++) {            /* the unit itself is never above its own total after */
    o->tasks[i].rank = plan_rank(&c.all, o->tasks[i].total);
    o->tasks[i].rank_after = plan_rank(&c.all, o->tasks[i].total_after);
  }
  plan_field_free(&c.all);
  if (o->n) qsort(o->tasks, (size_t)o->n, sizeof *o->tasks, cmp_office_task);
  return 0;
}

void plan_office_free(plan_office *o) {
  free(o->tasks);
  arena_free(&o->a);
  memset(o, 0, sizeof *o);
}
