/*
** engine.c -- the scoring run.
*/
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adjust.h"
#include "audit.h"
#include "missing_facts.h"
#include "levels.h"
#include "store_levels.h"
#include "score.h"
#include "run_ledger.h"

typedef struct { meth_office *v; int n, cap; } office_list;

static int add_office(const char *id, const char *name, void *ud) {
  office_list *l = ud;
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 16;
    meth_office *g = realloc(l->v, (size_t)l->cap * sizeof *g);
    if (!g) abort();
    l->v = g;
  }
  l->v[l->n].id = strdup(id);
  l->v[l->n].name = strdup(name);
  if (!l->v[l->n].id || !l->v[l->n].name) abort();
  l->n++;
  return 0;
}

rulebook *engine_load_rules(store *s, const char *dir, const rule_limits *limits,
                            char *err, size_t errlen) {
  office_list l = {0};
  rulebook *rb = NULL;
  if (store_each_office(s, add_office, &l) != 0) snprintf(err, errlen, "%s", store_errmsg(s));
  else rb = rulebook_load(dir, l.v, l.n, limits, err, errlen);
  if (rb && l.n == 0 && rulebook_methodology(rb)->ncrits > 0) {   /* owners and tasks need the offices */
    const meth_criterion *c = &rulebook_methodology(rb)->crits[0];
    snprintf(err, errlen, "%s:%d: criterion %s: unknown owner office '%s' (the store has no "
             "offices: import them first, e.g. data/lai-chau/units.json)", c->file, c->line, c->id, c->owner);
    rulebook_free(rb);
    rb = NULL;
  }
  for (int i = 0; i < l.n; i++) { free(l.v[i].id); free(l.v[i].name); }
  free(l.v);
  return rb;
}

typedef struct {
  store *s;
  rulebook *rb;
  const methodology *mt;     /* rb's */
  engine_results *out;
  int persist;
  audit_writer audit;       /* the run's rulebook digest (audit.h) */
  char *err; size_t errlen;
  run_ledger_writer ledger; /* the stored form of each unit's ledger */
  missing_facts missing;    /* required facts that units lack: all are reported, nothing is scored */
  adjust_set adj;           /* the council's adjustments of the year (adjust.h) */
} run_ctx;

static int persist_unit(run_ctx *c, const unit_facts *uf, const unit_result *r) {
  const char *json = run_ledger_json(&c->ledger, r);
  store_unit_digests d;
  return audit_unit(c->s, &c->audit, uf, r, json, &d) ||
         store_run_unit(c->s, c->out->run_id, &r->unit, r->appraisal, r->survey, r->total, json, &d);
}

static int on_unit(const unit_facts *uf, void *ud) {
  run_ctx *c = ud;
  engine_results *o = c->out;
  if (o->n == o->cap) {
    o->cap = o->cap ? 2 * o->cap : 16;
    unit_result *g = realloc(o->units, (size_t)o->cap * sizeof *g);
    if (!g) abort();
    o->units = g;
  }
  if (missing_facts_add(&c->missing, c->mt, uf)) return 0;    /* reported at the end, with all the others */
  if (c->missing.facts) return 0;
  int whole = !o->each || o->n == 0;             /* streaming keeps the first unit whole */
  unit_result *r = whole ? &o->units[o->n] : &o->scratch;
  if (whole) memset(r, 0, sizeof *r);
  if (adjust_score_unit(c->rb, uf, &c->adj, r, c->err, c->errlen)) {
    if (whole) ledger_free(r);
    return -1;
  }
  for (size_t i = 0; i < uf->n && !r->illustrative; i++)
    r->illustrative = uf->facts[i].source &&
                      !strncmp(uf->facts[i].source, ILLUSTRATIVE_SOURCE, strlen(ILLUSTRATIVE_SOURCE));
  if (whole) o->n++;
  if (c->persist && persist_unit(c, uf, r)) {
    snprintf(c->err, c->errlen, "storing the run: %s", store_errmsg(c->s));
    return -1;
  }
  if (!o->each) return 0;
  if (o->each(r, o->ud, c->err, c->errlen)) return -1;
  if (whole) return 0;
  unit_result *sum = &o->units[o->n++];          /* keep the summary only */
  memset(sum, 0, sizeof *sum);
  sum->unit.id = arena_strdup(&o->a, r->unit.id);
  sum->unit.name = arena_strdup(&o->a, r->unit.name);
  sum->unit.kind = arena_strdup(&o->a, r->unit.kind);
  sum->unit.parent = arena_strdup(&o->a, r->unit.parent);
  sum->year = r->year;
  sum->appraisal = r->appraisal;
  sum->survey = r->survey;
  sum->total = r->total;
  sum->bonus = r->bonus;
  sum->penalty = r->penalty;
  sum->illustrative = r->illustrative;
  return 0;
}

int engine_score(store *s, rulebook *rb, int year, const char *unit, int persist,
                 engine_results *out, char *err, size_t errlen) {
  return engine_score_kind(s, rb, year, unit, NULL, persist, out, err, errlen);
}

int engine_score_kind(store *s, rulebook *rb, int year, const char *unit, const char *only_kind, int persist,
                      engine_results *out, char *err, size_t errlen) {
  run_ctx c = {.s = s, .rb = rb, .mt = rulebook_methodology(rb), .out = out, .persist = persist, .err = err, .errlen = errlen};
  engine_unit_fn each = out->each;
  void *ud = out->ud;
  int round = out->round;
  memset(out, 0, sizeof *out);
  out->each = each;
  out->ud = ud;
  out->round = round;
  err[0] = '\0';
  char kind[256] = "";                           /* the kind the rulebook scores (levels.h) */
  if (!unit && only_kind) snprintf(kind, sizeof kind, "%s", only_kind);
  else if (!unit && levels_rulebook_kind(s, c.mt->dir, kind, sizeof kind)) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    return -1;
  }
  if (adjust_set_load(s, year, unit, -1, &c.adj)) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    return -1;
  }
  if (persist) {
    if (store_begin(s)) { snprintf(err, errlen, "%s", store_errmsg(s)); adjust_set_free(&c.adj); return -1; }
    if (store_run_new(s, "parindex " PARINDEX_VERSION, c.mt->dir, year, &out->run_id)) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      goto fail;
    }
    if (audit_begin(s, out->run_id, c.mt, &c.audit, err, errlen)) goto fail;
    if ((c.adj.upto || round) && store_run_adjust_put(s, out->run_id, c.adj.upto, round)) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      goto fail;
    }
  }
  if (persist) run_ledger_writer_init(&c.ledger, c.mt);
  missing_facts_init(&c.missing, err, errlen);
  int rc = kind[0] ? store_each_unit_facts_kind(s, year, kind, on_unit, &c)
                   : store_each_unit_facts(s, year, unit, on_unit, &c);
  run_ledger_writer_free(&c.ledger);
  if (!rc && missing_facts_finish(&c.missing)) goto fail;
  if (rc) {
    if (!err[0]) snprintf(err, errlen, "%s", store_errmsg(s));
    goto fail;
  }
  if (out->n == 0) {
    if (unit) {
      int has = store_has_unit(s, unit);
      snprintf(err, errlen, has > 0 ? "unit '%s' has no facts for %d" : "unknown unit '%s'", unit, year);
    } else if (kind[0]) snprintf(err, errlen, "no unit of kind '%s' has facts for %d in the store", kind, year);
    else snprintf(err, errlen, "no facts for %d in the store (import them first)", year);
    goto fail;
  }
  if (persist) {
    if (store_run_finish(s, out->run_id, out->n) || audit_finish(s, out->run_id, &c.audit) ||
        store_commit(s)) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      goto fail;
    }
  }
  adjust_set_free(&c.adj);
  return 0;
fail:
  adjust_set_free(&c.adj);
  if (persist) { store_rollback(s); audit_writer_free(&c.audit); }
  engine_results_free(out);
  return -1;
}

void engine_results_free(engine_results *r) {
  for (int i = 0; i < r->n && (i == 0 || !r->each); i++) ledger_free(&r->units[i]);
  ledger_free(&r->scratch);
  arena_free(&r->a);
  free(r->units);
  memset(r, 0, sizeof *r);
}
