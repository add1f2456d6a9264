/*
** engine.c -- the scoring run.
*/
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "jsonw.h"

typedef struct { rb_office *v; int n, cap; } office_list;

static int add_office(const char *id, const char *name, void *ud) {
  office_list *l = ud;
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 16;
    rb_office *g = realloc(l->v, (size_t)l->cap * sizeof *g);
    if (!g) abort();
    l->v = g;
  }
  l->v[l->n].id = strdup(id);
  l->v[l->n].name = strdup(name);
  if (!l->v[l->n].id || !l->v[l->n].name) abort();
  l->n++;
  return 0;
}

rulebook *engine_load_rules(store *s, const char *dir, const sandbox_limits *limits,
                            char *err, size_t errlen) {
  office_list l = {0};
  rulebook *rb = NULL;
  if (store_each_office(s, add_office, &l) != 0) snprintf(err, errlen, "%s", store_errmsg(s));
  else rb = rulebook_load(dir, l.v, l.n, limits, err, errlen);
  if (rb && l.n == 0 && rb->ncrits > 0) {     /* owners and tasks need the offices */
    const rb_criterion *c = &rb->crits[0];
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
  engine_results *out;
  int persist;
  audit_writer audit;       /* the run's rulebook digest (audit.h) */
  char *err; size_t errlen;
  jsonw ledger;             /* the JSON of the unit being stored */
  jsonw heads;              /* per component and criterion: '["id",' and per criterion '"owner"' */
  size_t *comp_at, *crit_at, *owner_at;     /* offsets into heads.p, one past the last at [n] */
} run_ctx;

/* The JSON of the rulebook's ids and owners, escaped once per run. */
static void json_heads(run_ctx *c) {
  const rulebook *rb = c->rb;
  jsonw *w = &c->heads;
  c->comp_at = malloc((size_t)(rb->ncomps + 1) * sizeof *c->comp_at);
  c->crit_at = malloc((size_t)(rb->ncrits + 1) * sizeof *c->crit_at);
  c->owner_at = malloc((size_t)(rb->ncrits + 1) * sizeof *c->owner_at);
  if (!c->comp_at || !c->crit_at || !c->owner_at) abort();
  for (int i = 0; i < rb->ncomps; i++) {
    c->comp_at[i] = w->n;
    JSONW_LIT(w, "[");
    jsonw_str(w, rb->comps[i].id);
    JSONW_LIT(w, ",");
  }
  c->comp_at[rb->ncomps] = w->n;
  for (int i = 0; i < rb->ncrits; i++) {
    c->crit_at[i] = w->n;
    JSONW_LIT(w, "[");
    jsonw_str(w, rb->crits[i].id);
    JSONW_LIT(w, ",");
  }
  c->crit_at[rb->ncrits] = w->n;
  for (int i = 0; i < rb->ncrits; i++) {
    c->owner_at[i] = w->n;
    jsonw_str(w, rb->crits[i].owner);
  }
  c->owner_at[rb->ncrits] = w->n;
}

#define HEAD(c, at, i) (c)->heads.p + (c)->at[i], (c)->at[(i) + 1] - (c)->at[i]

/* A deduction's tasks: the owner's id alone when the only task is the
** default one (LEDGER_FIX_PREFIX and the reason), else [[office, task], ...]. */
static void json_tasks(const run_ctx *c, jsonw *w, const ledger_deduction *d, int crit) {
  const char *owner = c->rb->crits[crit].owner;
  size_t np = sizeof LEDGER_FIX_PREFIX - 1;
  if (d->ntasks == 1 && !strcmp(d->tasks[0].office, owner) &&
      !strncmp(d->tasks[0].text, LEDGER_FIX_PREFIX, np) && !strcmp(d->tasks[0].text + np, d->reason)) {
    jsonw_rawn(w, HEAD(c, owner_at, crit));
    return;
  }
  JSONW_LIT(w, "[");
  for (int i = 0; i < d->ntasks; i++) {
    if (i) JSONW_LIT(w, ",");
    JSONW_LIT(w, "[");
    jsonw_str(w, d->tasks[i].office);
    JSONW_LIT(w, ",");
    jsonw_str(w, d->tasks[i].text);
    JSONW_LIT(w, "]");
  }
  JSONW_LIT(w, "]");
}

/* The unit's ledger as the JSON text run_units.ledger holds (store.c, v4). */
static const char *json_ledger(run_ctx *c, const unit_result *r) {
  const rulebook *rb = c->rb;
  jsonw *w = &c->ledger;
  jsonw_reset(w);
  JSONW_LIT(w, "{\"components\":[");
  for (int i = 0; i < rb->ncomps; i++) {
    if (i) JSONW_LIT(w, ",");
    jsonw_rawn(w, HEAD(c, comp_at, i));
    jsonw_int(w, r->comps[i].points);
    JSONW_LIT(w, ",");
    jsonw_int(w, r->comps[i].max);
    JSONW_LIT(w, "]");
  }
  JSONW_LIT(w, "],\"criteria\":[");
  for (int i = 0; i < rb->ncrits; i++) {
    const ledger_criterion *lc = &r->crits[i];
    if (i) JSONW_LIT(w, ",");
    jsonw_rawn(w, HEAD(c, crit_at, i));
    if (lc->na) JSONW_LIT(w, "null"); else jsonw_int(w, lc->points);
    JSONW_LIT(w, ",");
    jsonw_int(w, lc->max);
    if (lc->na) { JSONW_LIT(w, ","); jsonw_str(w, lc->na_reason ? lc->na_reason : ""); }
    if (lc->count) { if (lc->na) JSONW_LIT(w, ",["); else JSONW_LIT(w, ",null,["); }
    for (int k = 0; k < lc->count; k++) {
      const ledger_deduction *d = &r->deds[lc->first + k];
      if (k) JSONW_LIT(w, ",");
      JSONW_LIT(w, "[");
      jsonw_int(w, d->requested);
      JSONW_LIT(w, ",");
      jsonw_int(w, d->points);
      JSONW_LIT(w, ",");
      jsonw_str(w, d->reason);
      JSONW_LIT(w, ",[");
      for (int f = 0; f < d->nfacts; f++) {
        if (f) JSONW_LIT(w, ",");
        jsonw_str(w, d->facts[f].key);
      }
      JSONW_LIT(w, "],");
      json_tasks(c, w, d, i);
      JSONW_LIT(w, "]");
    }
    if (lc->count) JSONW_LIT(w, "]]"); else JSONW_LIT(w, "]");
  }
  JSONW_LIT(w, "]}");
  return jsonw_text(w);
}

static int persist_unit(run_ctx *c, const unit_result *r) {
  return store_run_unit(c->s, c->out->run_id, &r->unit, r->appraisal, r->survey, r->total,
                        json_ledger(c, r));
}

static int score_unit(const unit_facts *uf, void *ud) {
  run_ctx *c = ud;
  engine_results *o = c->out;
  if (o->n == o->cap) {
    o->cap = o->cap ? 2 * o->cap : 16;
    unit_result *g = realloc(o->units, (size_t)o->cap * sizeof *g);
    if (!g) abort();
    o->units = g;
  }
  int whole = !o->each || o->n == 0;             /* streaming keeps the first unit whole */
  unit_result *r = whole ? &o->units[o->n] : &o->scratch;
  if (whole) memset(r, 0, sizeof *r);
  if (rulebook_eval(c->rb, uf, r, c->err, c->errlen)) { if (whole) ledger_free(r); return -1; }
  for (size_t i = 0; i < uf->n && !r->illustrative; i++)
    r->illustrative = uf->facts[i].source &&
                      !strncmp(uf->facts[i].source, ILLUSTRATIVE_SOURCE, strlen(ILLUSTRATIVE_SOURCE));
  if (whole) o->n++;
  if (c->persist && persist_unit(c, r)) {
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
  sum->illustrative = r->illustrative;
  return 0;
}

int engine_score(store *s, rulebook *rb, int year, const char *unit, int persist,
                 engine_results *out, char *err, size_t errlen) {
  run_ctx c = {.s = s, .rb = rb, .out = out, .persist = persist, .err = err, .errlen = errlen};
  engine_unit_fn each = out->each;
  void *ud = out->ud;
  memset(out, 0, sizeof *out);
  out->each = each;
  out->ud = ud;
  err[0] = '\0';
  if (persist) {
    if (store_begin(s)) { snprintf(err, errlen, "%s", store_errmsg(s)); return -1; }
    if (store_run_new(s, "parindex " PARINDEX_VERSION, rb->dir, year, &out->run_id)) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      goto fail;
    }
    if (audit_begin(s, out->run_id, rb, &c.audit, err, errlen)) goto fail;
  }
  if (persist) json_heads(&c);
  int rc = store_each_unit_facts(s, year, unit, score_unit, &c);
  jsonw_free(&c.ledger);
  jsonw_free(&c.heads);
  free(c.comp_at); free(c.crit_at); free(c.owner_at);
  if (rc) {
    if (!err[0]) snprintf(err, errlen, "%s", store_errmsg(s));
    goto fail;
  }
  if (out->n == 0) {
    if (unit) {
      int has = store_has_unit(s, unit);
      snprintf(err, errlen, has > 0 ? "unit '%s' has no facts for %d" : "unknown unit '%s'", unit, year);
    } else snprintf(err, errlen, "no facts for %d in the store (import them first)", year);
    goto fail;
  }
  if (persist) {
    if (store_run_finish(s, out->run_id, out->n) || audit_finish(s, out->run_id, &c.audit) ||
        store_commit(s)) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      goto fail;
    }
  }
  return 0;
fail:
  if (persist) store_rollback(s);
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
