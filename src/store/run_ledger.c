/*
** run_ledger.c -- a unit's ledger as stored: written as one JSON text, read
** back through the views (see run_ledger.h).
*/
#include "run_ledger.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "path.h"
#include "store_runs.h"

/* ---- writing ---- */

/* The JSON of the methodology's ids and owners, escaped once. */
void run_ledger_writer_init(run_ledger_writer *c, const methodology *mt) {
  memset(c, 0, sizeof *c);
  c->m = mt;
  jsonw *w = &c->heads;
  c->comp_at = malloc((size_t)(mt->ncomps + 1) * sizeof *c->comp_at);
  c->crit_at = malloc((size_t)(mt->ncrits + 1) * sizeof *c->crit_at);
  c->owner_at = malloc((size_t)(mt->ncrits + 1) * sizeof *c->owner_at);
  if (!c->comp_at || !c->crit_at || !c->owner_at) abort();
  for (int i = 0; i < mt->ncomps; i++) {
    c->comp_at[i] = w->n;
    JSONW_LIT(w, "[");
    jsonw_str(w, mt->comps[i].id);
    JSONW_LIT(w, ",");
  }
  c->comp_at[mt->ncomps] = w->n;
  for (int i = 0; i < mt->ncrits; i++) {
    c->crit_at[i] = w->n;
    JSONW_LIT(w, "[");
    jsonw_str(w, mt->crits[i].id);
    JSONW_LIT(w, ",");
  }
  c->crit_at[mt->ncrits] = w->n;
  for (int i = 0; i < mt->ncrits; i++) {
    c->owner_at[i] = w->n;
    jsonw_str(w, mt->crits[i].owner);
  }
  c->owner_at[mt->ncrits] = w->n;
}

#define HEAD(c, at, i) (c)->heads.p + (c)->at[i], (c)->at[(i) + 1] - (c)->at[i]

/* [[office, task], ...] */
static void json_task_pairs(jsonw *w, const ledger_deduction *d) {
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

/* requested,points,reason,[fact key, ...] of a ledger line */
static void json_line_head(jsonw *w, const ledger_deduction *d) {
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
  JSONW_LIT(w, "]");
}

/* A deduction's tasks: the owner's id alone when the only task is the
** default one (LEDGER_FIX_PREFIX and the reason), else [[office, task], ...]. */
static void json_tasks(const run_ledger_writer *c, jsonw *w, const ledger_deduction *d, int crit) {
  const char *owner = c->m->crits[crit].owner;
  size_t np = sizeof LEDGER_FIX_PREFIX - 1;
  if (d->ntasks == 1 && !strcmp(d->tasks[0].office, owner) &&
      !strncmp(d->tasks[0].text, LEDGER_FIX_PREFIX, np) && !strcmp(d->tasks[0].text + np, d->reason)) {
    jsonw_rawn(w, HEAD(c, owner_at, crit));
    return;
  }
  json_task_pairs(w, d);
}

static void json_ded_at(jsonw *w, const ledger_deduction *d) {
  JSONW_LIT(w, "[");
  jsonw_int(w, d->file + 1);
  JSONW_LIT(w, ",");
  jsonw_int(w, d->line);
  JSONW_LIT(w, "]");
}

/* ,"extras":[[item, requested, points, reason, [key, ...], [[office, task], ...], at|null, cap], ...] */
static void json_extras(const methodology *mt, jsonw *w, const unit_result *r) {
  JSONW_LIT(w, ",\"extras\":[");
  for (int k = 0; k < r->nextras; k++) {
    const ledger_deduction *d = &r->extras[k];
    if (k) JSONW_LIT(w, ",");
    JSONW_LIT(w, "[");
    jsonw_str(w, mt->extras[d->crit].id);
    JSONW_LIT(w, ",");
    json_line_head(w, d);
    JSONW_LIT(w, ",");
    json_task_pairs(w, d);
    JSONW_LIT(w, ",");
    if (methodology_file(mt, d->file)) json_ded_at(w, d); else JSONW_LIT(w, "null");
    JSONW_LIT(w, ",");
    jsonw_int(w, d->cap);
    JSONW_LIT(w, "]");
  }
  JSONW_LIT(w, "]");
}

/* The keys of facts as a JSON array. */
static void json_keys(jsonw *w, const ledger_fact *facts, int n) {
  JSONW_LIT(w, "[");
  for (int f = 0; f < n; f++) {
    if (f) JSONW_LIT(w, ",");
    jsonw_str(w, facts[f].key);
  }
  JSONW_LIT(w, "]");
}

/* ",[seq, line]": where the rule's call was (seq of run_files, 1 = m->files[0]);
** nothing when the file is not known. */
static void json_at(jsonw *w, const methodology *mt, int file, int line) {
  if (!methodology_file(mt, file)) return;
  JSONW_LIT(w, ",[");
  jsonw_int(w, file + 1);
  JSONW_LIT(w, ",");
  jsonw_int(w, line);
  JSONW_LIT(w, "]");
}

const char *run_ledger_json(run_ledger_writer *c, const unit_result *r) {
  const methodology *mt = c->m;
  jsonw *w = &c->ledger;
  jsonw_reset(w);
  JSONW_LIT(w, "{\"components\":[");
  for (int i = 0; i < mt->ncomps; i++) {
    if (i) JSONW_LIT(w, ",");
    jsonw_rawn(w, HEAD(c, comp_at, i));
    jsonw_int(w, r->comps[i].points);
    JSONW_LIT(w, ",");
    jsonw_int(w, r->comps[i].max);
    JSONW_LIT(w, "]");
  }
  JSONW_LIT(w, "],\"criteria\":[");
  for (int i = 0; i < mt->ncrits; i++) {
    const ledger_criterion *lc = &r->crits[i];
    if (i) JSONW_LIT(w, ",");
    jsonw_rawn(w, HEAD(c, crit_at, i));
    if (lc->na) JSONW_LIT(w, "null"); else jsonw_int(w, lc->points);
    JSONW_LIT(w, ",");
    jsonw_int(w, lc->max);
    int why = lc->na || lc->na_full;          /* na_full: points, and the reason nothing arose */
    if (why) { JSONW_LIT(w, ","); jsonw_str(w, lc->na_reason ? lc->na_reason : ""); }
    if (lc->count || lc->acount) { if (why) JSONW_LIT(w, ",["); else JSONW_LIT(w, ",null,["); }
    for (int k = 0; k < lc->count; k++) {
      const ledger_deduction *d = &r->deds[lc->first + k];
      if (k) JSONW_LIT(w, ",");
      JSONW_LIT(w, "[");
      json_line_head(w, d);
      JSONW_LIT(w, ",");
      json_tasks(c, w, d, i);
      if (methodology_file(mt, d->file)) {           /* where u.lose was called: [seq, line] */
        JSONW_LIT(w, ",");
        json_ded_at(w, d);
      }
      JSONW_LIT(w, "]");
    }
    if (lc->count || lc->acount) JSONW_LIT(w, "]");
    if (lc->acount) JSONW_LIT(w, ",[");
    for (int k = 0; k < lc->acount; k++) {           /* what was achieved: [statement, [keys], at] */
      const ledger_achievement *a = &r->achs[lc->afirst + k];
      if (k) JSONW_LIT(w, ",");
      JSONW_LIT(w, "[");
      jsonw_str(w, a->text);
      JSONW_LIT(w, ",");
      json_keys(w, a->facts, a->nfacts);
      json_at(w, mt, a->file, a->line);
      JSONW_LIT(w, "]");
    }
    if (lc->acount) JSONW_LIT(w, "]]"); else JSONW_LIT(w, "]");
  }
  JSONW_LIT(w, "]");
  if (r->nextras) json_extras(mt, w, r);
  JSONW_LIT(w, "}");
  return jsonw_text(w);
}

void run_ledger_writer_free(run_ledger_writer *w) {
  jsonw_free(&w->ledger);
  jsonw_free(&w->heads);
  free(w->comp_at); free(w->crit_at); free(w->owner_at);
  memset(w, 0, sizeof *w);
}

/* ---- reading ---- */

typedef struct {
  const methodology *mt;
  unit_result *out;
  const fact *facts; size_t nfacts;   /* the unit's facts as the run read them */
  int bad;
} ledger_ctx;

static int on_component(const store_row *row, void *ud) {
  ledger_ctx *c = ud;
  int i = methodology_component(c->mt, row->t[0]);
  if (i < 0) { c->bad = 1; return 0; }
  c->out->comps[i].points = row->i[1];
  c->out->comps[i].max = row->i[2];
  return 0;
}

static int on_criterion(const store_row *row, void *ud) {
  ledger_ctx *c = ud;
  int i = methodology_criterion(c->mt, row->t[0]);
  if (i < 0) { c->bad = 1; return 0; }
  ledger_criterion *lc = &c->out->crits[i];
  lc->na = row->t[1] == NULL;
  lc->na_full = !lc->na && row->t[3] != NULL;   /* points and a reason: nothing of its kind arose */
  lc->points = lc->na ? 0 : row->i[1];
  lc->max = row->i[2];
  lc->na_reason = lc->na || lc->na_full ? arena_strdup(&c->out->a, row->t[3]) : NULL;
  return 0;
}

static const char *json_str(const cJSON *o, const char *name) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The unit's stored fact with this key (they are sorted by key). */
static const fact *stored_fact(const ledger_ctx *u, const char *key) {
  size_t lo = 0, hi = u->nfacts;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(u->facts[mid].key, key);
    if (!c) return &u->facts[mid];
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return NULL;
}

/* d's facts, tasks and place from their stored texts (the columns at t of row). */
static void read_line(ledger_ctx *c, ledger_deduction *d, const store_row *row, int t, int pairs);

static int on_deduction(const store_row *row, void *ud) {
  ledger_ctx *c = ud;
  unit_result *r = c->out;
  int i = methodology_criterion(c->mt, row->t[0]);
  if (i < 0) { c->bad = 1; return 0; }
  ledger_deduction *d = ledger_add_deduction(r, i);
  ledger_criterion *lc = &r->crits[i];
  if (lc->count == 0) lc->first = r->nded - 1;
  lc->count++;
  d->requested = row->i[2];
  d->points = row->i[3];
  d->reason = arena_strdup(&r->a, row->t[4]);
  read_line(c, d, row, 5, 0);
  return 0;
}

static int on_extra(const store_row *row, void *ud) {
  ledger_ctx *c = ud;
  unit_result *r = c->out;
  int i = row->t[0] ? methodology_extra(c->mt, row->t[0]) : -1;
  if (i < 0) { c->bad = 1; return 0; }
  ledger_deduction *d = ledger_add_extra(r, i);
  d->requested = row->i[1];
  d->points = row->i[2];
  d->reason = arena_strdup(&r->a, row->t[3] ? row->t[3] : "");
  d->cap = (int)row->i[7];
  *(c->mt->extras[i].penalty ? &r->penalty : &r->bonus) += d->points;
  read_line(c, d, row, 4, 1);
  return 0;
}

/* The facts of a stored entry (a JSON array: keys since v4, copies before)
** as the ledger shows them, in the result's arena; *n set. */
static ledger_fact *read_facts(ledger_ctx *c, const char *text, int *n) {
  unit_result *r = c->out;
  cJSON *facts = cJSON_Parse(text ? text : "[]"), *o;
  int k = 0;
  ledger_fact *out = arena_alloc(&r->a, (size_t)(cJSON_GetArraySize(facts) ? cJSON_GetArraySize(facts) : 1) * sizeof *out);
  cJSON_ArrayForEach(o, facts) {
    ledger_fact *lf = &out[k];
    if (cJSON_IsString(o)) {                  /* since v4: a key of the unit's stored facts */
      const fact *f = stored_fact(c, o->valuestring);
      if (!f) { c->bad = 1; continue; }
      ledger_set_fact(r, lf, f);
    } else {                                  /* v2, v3: a copy of the fact */
      lf->key = arena_strdup(&r->a, json_str(o, "key"));
      lf->type = arena_strdup(&r->a, json_str(o, "type"));
      lf->value = arena_strdup(&r->a, json_str(o, "value"));
      lf->source = arena_strdup(&r->a, json_str(o, "source"));
      lf->note = arena_strdup(&r->a, json_str(o, "note"));
    }
    k++;
  }
  cJSON_Delete(facts);
  *n = k;
  return out;
}

static void read_line(ledger_ctx *c, ledger_deduction *d, const store_row *row, int t, int pairs) {
  unit_result *r = c->out;
  cJSON *tasks = cJSON_Parse(row->t[t + 1] ? row->t[t + 1] : "[]"), *o;
  d->facts = read_facts(c, row->t[t], &d->nfacts);
  cJSON_ArrayForEach(o, tasks) {
    if (!pairs) { ledger_add_task(r, d, json_str(o, "office"), json_str(o, "task")); continue; }
    const cJSON *office = cJSON_GetArrayItem(o, 0), *text = cJSON_GetArrayItem(o, 1);   /* [office, task] */
    if (!cJSON_IsString(office) || !cJSON_IsString(text)) { c->bad = 1; continue; }
    ledger_add_task(r, d, office->valuestring, text->valuestring);
  }
  if (row->t[t + 2] && (d->file = run_ledger_file_at(c->mt, row->t[t + 2], &d->line)) < 0) c->bad = 1;
  cJSON_Delete(tasks);
}

static int on_achievement(const store_row *row, void *ud) {
  ledger_ctx *c = ud;
  unit_result *r = c->out;
  int i = methodology_criterion(c->mt, row->t[0]);
  if (i < 0 || !row->t[2]) { c->bad = 1; return 0; }
  ledger_achievement *a = ledger_add_achievement(r, i);
  a->text = arena_strdup(&r->a, row->t[2]);
  a->facts = read_facts(c, row->t[3], &a->nfacts);
  if (row->t[4] && (a->file = run_ledger_file_at(c->mt, row->t[4], &a->line)) < 0) c->bad = 1;
  return 0;
}

int run_ledger_file_at(const methodology *m, const char *at, int *line) {
  const char *colon = at ? strrchr(at, ':') : NULL;
  if (!colon) return -1;
  char name[4096];
  for (int i = 0; i < m->nfiles; i++) {
    path_relative(m->dir, m->files[i], name, sizeof name);
    if (strlen(name) == (size_t)(colon - at) && !strncmp(name, at, (size_t)(colon - at))) {
      *line = atoi(colon + 1);
      return i;
    }
  }
  return -1;
}

int run_ledger_read(store *s, int64_t run, int year, const methodology *mt, const unit_info *unit,
                    const fact *facts, size_t nfacts, unit_result *out) {
  ledger_ctx c = {mt, out, facts, nfacts, 0};
  ledger_init(out, unit, year, mt->ncrits, mt->ncomps);
  if (store_run_query(s, RQ_COMPONENTS, run, unit->id, on_component, &c) ||
      store_run_query(s, RQ_CRITERIA, run, unit->id, on_criterion, &c) ||
      store_run_query(s, RQ_DEDUCTIONS, run, unit->id, on_deduction, &c) ||
      store_run_query(s, RQ_EXTRAS, run, unit->id, on_extra, &c) ||
      store_run_query(s, RQ_ACHIEVEMENTS, run, unit->id, on_achievement, &c)) {
    ledger_free(out);
    return -1;
  }
  if (c.bad) {
    ledger_free(out);
    return 1;
  }
  return 0;
}
