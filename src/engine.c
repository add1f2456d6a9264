/*
** engine.c -- the scoring run.
*/
#include "engine.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
  for (int i = 0; i < l.n; i++) { free(l.v[i].id); free(l.v[i].name); }
  free(l.v);
  return rb;
}

typedef struct {
  store *s;
  rulebook *rb;
  engine_results *out;
  int persist;
  char *err; size_t errlen;
} run_ctx;

static char *json_facts(const ledger_deduction *d) {
  cJSON *a = cJSON_CreateArray();
  for (int i = 0; i < d->nfacts; i++) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "key", d->facts[i].key);
    cJSON_AddStringToObject(o, "type", d->facts[i].type);
    cJSON_AddStringToObject(o, "value", d->facts[i].value ? d->facts[i].value : "");
    if (d->facts[i].source) cJSON_AddStringToObject(o, "source", d->facts[i].source);
    if (d->facts[i].note) cJSON_AddStringToObject(o, "note", d->facts[i].note);
    cJSON_AddItemToArray(a, o);
  }
  char *s = cJSON_PrintUnformatted(a);
  cJSON_Delete(a);
  return s;
}

static char *json_tasks(const ledger_deduction *d) {
  cJSON *a = cJSON_CreateArray();
  for (int i = 0; i < d->ntasks; i++) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "office", d->tasks[i].office);
    cJSON_AddStringToObject(o, "task", d->tasks[i].text);
    cJSON_AddItemToArray(a, o);
  }
  char *s = cJSON_PrintUnformatted(a);
  cJSON_Delete(a);
  return s;
}

static int persist_unit(run_ctx *c, const unit_result *r) {
  store *s = c->s;
  const rulebook *rb = c->rb;
  int64_t run = c->out->run_id;
  if (store_run_unit(s, run, r->unit.id, r->appraisal, r->survey, r->total)) return -1;
  for (int i = 0; i < rb->ncomps; i++)
    if (store_run_component(s, run, r->unit.id, rb->comps[i].id, r->comps[i].points, r->comps[i].max))
      return -1;
  for (int i = 0; i < rb->ncrits; i++) {
    const ledger_criterion *lc = &r->crits[i];
    if (store_run_criterion(s, run, r->unit.id, rb->crits[i].id, lc->na, lc->points, lc->max, lc->na_reason))
      return -1;
    for (int k = 0; k < lc->count; k++) {
      const ledger_deduction *d = &r->deds[lc->first + k];
      char *facts = json_facts(d), *tasks = json_tasks(d);
      int rc = store_run_deduction(s, run, r->unit.id, rb->crits[i].id, k + 1, d->requested,
                                   d->points, d->reason, facts, tasks);
      cJSON_free(facts);
      cJSON_free(tasks);
      if (rc) return -1;
    }
  }
  return 0;
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
  return 0;
}

int engine_score(store *s, rulebook *rb, int year, const char *unit, int persist,
                 engine_results *out, char *err, size_t errlen) {
  run_ctx c = {s, rb, out, persist, err, errlen};
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
  }
  int rc = store_each_unit_facts(s, year, unit, score_unit, &c);
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
    if (store_run_finish(s, out->run_id, out->n) || store_commit(s)) {
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
