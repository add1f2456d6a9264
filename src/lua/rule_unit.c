/*
** rule_unit.c -- the `u` object a scoring function receives, and the
** evaluation of one unit: facts in (read-only), deductions and tasks out
** (statements of what was achieved: rule_achieved.c).
*/
#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "rule_date.h"
#include "rule_decl.h"
#include "rule_format.h"
#include "rule_extra.h"
#include "rule_facts.h"
#include "rule_host.h"
#include "rule_achieved.h"
#include "rule_unit.h"
#include "sandbox.h"

#define DED_META "parindex.deduction"

#define rb_of host_rulebook

/* The criterion or item being scored. */
static const rb_criterion *item_of(const rulebook *rb, const struct host *h) {
  return h->extra ? &rb->extras[h->crit] : &rb->crits[h->crit];
}

/* ---- facts ---- */

/* find_fact for a key that is a Lua string: the rulebook asks for the same
** keys (the same interned strings) unit after unit, and the units have
** mostly the same keys, so the position found last time is checked first:
** one comparison when the fact is there, two when it is not. */
static int find_fact_seen(struct host *h, const char *key) {
  const unit_facts *uf = h->uf;
  unsigned slot = (unsigned)(((uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15u) >> 56);   /* 0..255 */
  size_t i = h->seen[slot].pos;
  if (h->seen[slot].key == key && i <= uf->n) {
    int c = i < uf->n ? strcmp(uf->facts[i].key, key) : 1;
    if (!c) return (int)i;
    if (c > 0 && (i == 0 || strcmp(uf->facts[i - 1].key, key) < 0)) return -1;
  }
  i = host_fact_pos(uf, key);
  h->seen[slot].key = key;
  h->seen[slot].pos = i;
  return i < uf->n && !strcmp(uf->facts[i].key, key) ? (int)i : -1;
}

static void mark_used(struct host *h, int i) {
  if (h->stamp[i] == (int)h->serial) return;
  h->stamp[i] = (int)h->serial;
  h->used[h->nused++] = i;
}

static void push_fact(lua_State *L, const fact *f) {
  pdate d;
  switch (f->type) {
  case FT_NUMBER: lua_pushnumber(L, f->num); break;
  case FT_INTEGER: lua_pushinteger(L, (lua_Integer)f->integer); break;
  case FT_BOOLEAN: lua_pushboolean(L, (int)f->integer); break;
  case FT_DATE:
    if (date_parse_iso(f->text, &d)) ldate_push(L, date_days(d));
    else lua_pushstring(L, f->text);
    break;
  case FT_TEXT: lua_pushstring(L, f->text); break;
  case FT_LIST: sandbox_error(L, "fact '%s' is a list: read it with u.records", f->key); break;
  }
}

static int u_fact(lua_State *L) {             /* u.fact(key [, default]) */
  struct host *h = host_of(L);
  const char *key = host_check_key(L, 1);
  int i = find_fact_seen(h, key);
  if (i < 0) {
    rb_facts_check_read(L, key);
    if (!lua_isnoneornil(L, 2)) { lua_settop(L, 2); return 1; }
    return sandbox_error(L, "unit %s has no fact '%s' for %d", h->uf->unit.id, key, h->uf->year);
  }
  mark_used(h, i);
  push_fact(L, &h->uf->facts[i]);
  return 1;
}

static int u_has(lua_State *L) {
  const char *key = host_check_key(L, 1);
  int found = host_find_fact(host_of(L)->uf, key) >= 0;
  if (!found) rb_facts_check_read(L, key);
  lua_pushboolean(L, found);
  return 1;
}

static void push_json_value(lua_State *L, const cJSON *v) {
  pdate d;
  if (cJSON_IsBool(v)) lua_pushboolean(L, cJSON_IsTrue(v));
  else if (cJSON_IsNumber(v)) {
    double x = v->valuedouble;
    if (x == floor(x) && fabs(x) < 9e15) lua_pushinteger(L, (lua_Integer)x);
    else lua_pushnumber(L, x);
  } else if (cJSON_IsString(v)) {
    if (date_parse_iso(v->valuestring, &d)) ldate_push(L, date_days(d));
    else lua_pushstring(L, v->valuestring);
  } else lua_pushnil(L);
}

static int u_records(lua_State *L) {          /* u.records(key): read-only list of records */
  struct host *h = host_of(L);
  const char *key = host_check_key(L, 1);
  int i = host_find_fact(h->uf, key);
  if (i < 0) {
    rb_facts_check_read(L, key);
    if (lua_istable(L, 2)) { sandbox_push_readonly(L, 2, "records"); return 1; }
    return sandbox_error(L, "unit %s has no fact '%s' for %d", h->uf->unit.id, key, h->uf->year);
  }
  const fact *f = &h->uf->facts[i];
  if (f->type != FT_LIST)
    return sandbox_error(L, "fact '%s' is a %s, not a list", key, fact_type_name(f->type));
  mark_used(h, i);
  size_t textlen = strlen(f->text);
  sandbox_charge(L, 100 + (double)textlen / SANDBOX_CHARGE_BYTES);   /* parsed on every call */
  sandbox_limits *lim = sandbox_limits_of(L);  /* cJSON's tree is outside the cap: the text must fit in it */
  if (textlen > lim->mem_limit - (lim->mem_used < lim->mem_limit ? lim->mem_used : lim->mem_limit)) {
    lim->stopped = "memory cap";
    return sandbox_error(L, "memory cap exceeded (%d MiB): fact '%s' is a list of %I bytes",
                         (int)(lim->mem_limit >> 20), key, (lua_Integer)textlen);
  }
  cJSON *arr = cJSON_Parse(f->text);
  if (!arr) return sandbox_error(L, "fact '%s': stored list is not valid JSON", key);
  lua_newtable(L);
  int n = 0;
  for (const cJSON *rec = arr->child; rec; rec = rec->next) {
    lua_newtable(L);
    for (const cJSON *m = rec->child; m; m = m->next) {
      if (!m->string) continue;               /* records are objects (import checks it) */
      push_json_value(L, m);
      lua_setfield(L, -2, m->string);
    }
    sandbox_push_readonly(L, -1, "a record");
    lua_remove(L, -2);
    lua_rawseti(L, -2, ++n);
  }
  cJSON_Delete(arr);
  sandbox_push_readonly(L, -1, "records");
  return 1;
}

/* ---- deductions ---- */

static void copy_used_facts(unit_result *r, ledger_deduction *d, const unit_facts *uf,
                            const int *idx, int n) {
  d->facts = host_copy_facts(r, uf, idx, n);
  d->nfacts = n;
}

static ledger_deduction *check_handle(lua_State *L) {
  struct host *h = host_of(L);
  int i = host_check_handle(L, h->ded_meta, DED_META, "deduction");   /* extras: -1 - index */
  return i >= 0 ? &h->res->deds[i] : &h->res->extras[-1 - i];
}

/* u.lose / u.award: a line of the ledger. A criterion's deduction is capped
** here (the criterion stays >= 0); a bonus or penalty line keeps what was
** asked, and score_totals (engine) applies the item's max and the caps. */
static int record(lua_State *L, const char *what) {
  rulebook *rb = rb_of(L);
  struct host *h = rb->host;
  const rb_criterion *c = item_of(rb, h);
  ledger_criterion *lc = h->extra ? NULL : &h->res->crits[h->crit];
  double x = luaL_checknumber(L, 1);
  int ok;
  pts_t p = pts_from_double(x, &ok);
  if (!ok || x < 0) return sandbox_error(L, "%s: points must be a finite number >= 0", what);
  if (lc && (lc->na || lc->na_full)) return sandbox_error(L, "%s: the criterion was already marked not applicable", what);
  lua_Debug ar;                                /* where it is called, for the ledger */
  int at_file = -1, at_line = 0;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
    at_file = decl_file_of(rb, ar.source);
    at_line = ar.currentline;
    if (rb->on_lose && ar.source[0] == '@')    /* coverage for 'rules test' */
      rb->on_lose(rb->on_lose_ud, ar.source + 1, ar.currentline);
  }
  if (lua_type(L, 2) != LUA_TSTRING) return sandbox_error(L, "%s: a reason (format string) is required", what);
  if ((lc ? lc->count : h->nlines) >= RULE_DEDS_MAX)
    return sandbox_error(L, "%s: %s %s already has %d %s, the most one %s may have", what, rb_item_label(c),
                         c->id, RULE_DEDS_MAX, lc ? "deductions" : "lines", rb_item_label(c));
  luaL_Buffer b;
  size_t len;
  const char *reason = lfmt_text(L, 2, &b, &len);
  host_check_text(L, what, reason, len);
  unit_result *r = h->res;
  ledger_deduction *d = lc ? ledger_add_deduction(r, h->crit) : ledger_add_extra(r, h->crit);
  d->requested = p;
  d->file = at_file;
  d->line = at_line;
  if (lc) {
    d->points = p < c->max - h->lost ? p : c->max - h->lost;     /* never below 0 points */
    h->lost += d->points;
  } else {
    d->points = p;
    h->nlines++;
  }
  d->reason = arena_strndup(&r->a, reason, len);
  lua_pop(L, 1);
  copy_used_facts(r, d, h->uf, h->used, h->nused);
  if (lc && lc->count == 0) lc->first = r->nded - 1;
  if (lc) lc->count++;
  host_check_ledger(L, h);
  host_push_handle(L, h, h->ded_meta_ref, lc ? r->nded - 1 : -r->nextras);   /* extras: -1 - index */
  return 1;
}

static int u_lose(lua_State *L) {             /* u.lose(points, fmt, ...): a criterion's or a penalty's */
  if (host_of(L)->extra == RB_BONUS)
    return sandbox_error(L, "u.lose: a bonus awards points: record them with u.award(points, fmt, ...)");
  return record(L, "u.lose");
}

static int u_award(lua_State *L) {            /* u.award(points, fmt, ...): a bonus's */
  if (host_of(L)->extra != RB_BONUS)
    return sandbox_error(L, "u.award: only a bonus awards points (a criterion or a penalty takes them with u.lose)");
  return record(L, "u.award");
}

/* OWNER: a task addressed to the criterion's owner, whoever that is in this
** rulebook (change_criterion ... { owner = } moves such tasks). */
static const char owner_tag = 'O';

/* handle:task / handle:support: the lead office's task (chu tri), once per
** deduction and first, or a co-operating office's (phoi hop). tasks[0] of a
** deduction is its lead (ledger.h). */
static int add_task(lua_State *L, int lead) {
  struct host *h = host_of(L);
  ledger_deduction *d = check_handle(L);
  const char *office;
  if (h->extra == RB_BONUS)
    return sandbox_error(L, "%s: a bonus implies no task", lead ? "task" : "support");
  if (lua_islightuserdata(L, 2) && lua_touserdata(L, 2) == (void *)&owner_tag)
    office = item_of(rb_of(L), h)->owner;
  else {
    office = luaL_checkstring(L, 2);
    if (rb_of(L)->m.noffices && !methodology_office_name(&rb_of(L)->m, office))
      return sandbox_error(L, "%s: unknown office '%s'", lead ? "task" : "support", office);
  }
  if (lead && d->ntasks)
    return sandbox_error(L, "task: a deduction has one lead office (chủ trì): name co-operating offices with :support");
  if (!lead && !d->ntasks)
    return sandbox_error(L, "support: name the lead office first, with :task");
  if (lua_type(L, 3) != LUA_TSTRING)
    return sandbox_error(L, "%s: a text (format string) is required", lead ? "task" : "support");
  if (d->ntasks >= RULE_TASKS_MAX)
    return sandbox_error(L, "%s: this deduction already has %d tasks, the most one deduction may have",
                         lead ? "task" : "support", RULE_TASKS_MAX);
  lfmt_push(L, 3);
  host_check_text(L, "task", lua_tostring(L, -1), lua_rawlen(L, -1));
  ledger_add_task(h->res, d, office, lua_tostring(L, -1));
  host_check_ledger(L, h);
  lua_settop(L, 1);
  return 1;
}

static int ded_task(lua_State *L) { return add_task(L, 1); }       /* handle:task(office, fmt, ...) */
static int ded_support(lua_State *L) { return add_task(L, 0); }    /* handle:support(office, fmt, ...) */

static int ded_effort(lua_State *L) {         /* handle:effort(n): the work its tasks take */
  ledger_deduction *d = check_handle(L);
  lua_Integer n = luaL_checkinteger(L, 2);
  if (n < 1 || n > 100) return sandbox_error(L, "effort: a whole number from 1 to 100 is required");
  d->effort = (int)n;
  lua_settop(L, 1);
  return 1;
}

static int ded_facts(lua_State *L) {          /* handle:facts(key, ...) */
  struct host *h = host_of(L);
  ledger_deduction *d = check_handle(L);
  d->facts = host_named_facts(L, h, "facts", "deduction", 2, &d->nfacts);
  host_check_ledger(L, h);
  lua_settop(L, 1);
  return 1;
}

static int u_na(lua_State *L) {               /* u.na(fmt, ...) */
  struct host *h = host_of(L);
  if (h->extra)
    return sandbox_error(L, "u.na: a %s item is always applicable (award or take nothing instead)",
                         h->extra == RB_BONUS ? "bonus" : "penalty");
  ledger_criterion *lc = &h->res->crits[h->crit];
  if (lc->count) return sandbox_error(L, "u.na: the criterion already has deductions");
  if (lc->acount) return sandbox_error(L, "u.na: the criterion already has statements of what was achieved");
  if (lua_type(L, 1) != LUA_TSTRING) return sandbox_error(L, "u.na: a reason (format string) is required");
  lfmt_push(L, 1);
  host_check_text(L, "u.na", lua_tostring(L, -1), lua_rawlen(L, -1));
  if (rb_of(L)->crits[h->crit].na_full) lc->na_full = 1;   /* no task of its kind arose: full points */
  else lc->na = 1;
  lc->na_reason = arena_strdup(&h->res->a, lua_tostring(L, -1));
  host_check_ledger(L, h);
  return 0;
}

static int ded_newindex(lua_State *L) { return sandbox_error(L, "a deduction is read-only"); }

static const luaL_Reg ded_methods[] = {
  {"task", ded_task}, {"support", ded_support}, {"effort", ded_effort}, {"facts", ded_facts}, {NULL, NULL}
};
static const luaL_Reg u_funcs[] = {
  {"fact", u_fact}, {"has", u_has}, {"records", u_records}, {"lose", u_lose}, {"award", u_award}, {"na", u_na},
  {"achieved", rule_u_achieved},
  {NULL, NULL}
};

int host_init(rulebook *rb) {
  lua_State *L = rb->L;
  struct host *h = calloc(1, sizeof *h);
  if (!h) abort();
  rb->host = h;
  h->ded_meta_ref = host_handle_meta(L, DED_META, ded_methods, ded_newindex, &h->ded_meta);
  rule_achieved_init(L, h);
  luaL_newlib(L, u_funcs);
  lua_pushvalue(L, -1);
  h->inner_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  sandbox_push_readonly(L, -1, "u");
  h->u_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pop(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_GLOBALS_KEY);   /* the global OWNER */
  if (lua_istable(L, -1)) {
    lua_pushliteral(L, "OWNER");
    lua_pushlightuserdata(L, (void *)&owner_tag);
    lua_rawset(L, -3);                        /* the table refuses new keys from rules */
  }
  lua_pop(L, 1);
  return 0;
}

void host_free(rulebook *rb) {
  if (!rb->host) return;
  free(rb->host->stamp);
  free(rb->host->used);
  free(rb->host);
  rb->host = NULL;
}

/* ---- evaluation ---- */

static int set_unit(lua_State *L) {           /* inner.unit, inner.year for this unit */
  struct host *h = host_of(L);
  const unit_info *u = &h->uf->unit;
  lua_rawgeti(L, LUA_REGISTRYINDEX, h->inner_ref);
  lua_createtable(L, 0, 4);
  lua_pushstring(L, u->id); lua_setfield(L, -2, "id");
  lua_pushstring(L, u->name); lua_setfield(L, -2, "name");
  lua_pushstring(L, u->kind); lua_setfield(L, -2, "kind");
  if (u->parent) { lua_pushstring(L, u->parent); lua_setfield(L, -2, "parent"); }
  sandbox_push_readonly(L, -1, "u.unit");
  lua_setfield(L, -3, "unit");
  lua_pop(L, 1);
  lua_pushinteger(L, h->uf->year);
  lua_setfield(L, -2, "year");
  lua_pop(L, 1);
  return 0;
}

/* "file:line: msg\ntraceback" -> "file:line: criterion X (unit, year): msg\ntraceback"
** (or "bonus B1 (unit, year)", "penalty P1 (unit, year)") */
static void criterion_error(char *err, size_t errlen, const char *msg, const rb_criterion *c,
                            const unit_facts *uf) {
  const char *p = msg, *colon = NULL;
  const char *nl = strchr(msg, '\n');
  for (int k = 0; k < 2 && p; k++) {
    p = strchr(p, ':');
    if (p && (!nl || p < nl)) { colon = p; p++; } else p = NULL;
  }
  if (colon && colon > msg && colon[-1] >= '0' && colon[-1] <= '9')
    snprintf(err, errlen, "%.*s: %s %s (%s, %d):%s", (int)(colon - msg), msg, rb_item_label(c), c->id,
             uf->unit.id, uf->year, colon + 1);
  else
    snprintf(err, errlen, "%s:%d: %s %s (%s, %d): %s", c->file, c->line, rb_item_label(c), c->id,
             uf->unit.id, uf->year, msg);
}

/* Score criterion i (extra RB_CRITERION) or item i of rb->extras of the
** unit in rb->host; the message handler at msgh. 0, or -1 with err. */
static int run_item(rulebook *rb, int i, int extra, int msgh, char *err, size_t errlen) {
  lua_State *L = rb->L;
  struct host *h = rb->host;
  const unit_facts *uf = h->uf;
  unit_result *r = h->res;
  const rb_criterion *c = extra ? &rb->extras[i] : &rb->crits[i];
  h->crit = i;
  h->extra = extra;
  h->serial++;
  if (h->serial == 0 || h->serial > 0x7fffffff) {   /* keep stamps comparable */
    h->serial = 1;
    memset(h->stamp, 0, uf->n * sizeof *h->stamp);
  }
  h->nused = 0;
  h->nlines = 0;
  h->lost = 0;
  rb->lim.ctx_file = c->file;                /* for the CPU timer's last resort */
  rb->lim.ctx_line = c->line;
  rb->lim.ctx_what = c->id;
  rb->lim.ctx_unit = uf->unit.id;
  int first = r->nextras;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->score_ref);
  lua_rawgeti(L, LUA_REGISTRYINDEX, h->u_ref);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->params_ref);
  if (sandbox_pcallh(L, 2, 0, msgh) != LUA_OK) {
    criterion_error(err, errlen, lua_tostring(L, -1), c, uf);
    lua_settop(L, msgh - 1);
    h->serial++;
    return -1;
  }
  if (extra == RB_BONUS) return 0;           /* a bonus implies no task */
  int n = extra ? r->nextras - first : r->crits[i].count;
  for (int k = 0; k < n; k++) {              /* a deduction with no task: fix its cause */
    ledger_deduction *d = extra ? &r->extras[first + k] : &r->deds[r->crits[i].first + k];
    if (!d->ntasks) ledger_add_task_prefixed(r, d, c->owner, LEDGER_FIX_PREFIX, d->reason);
  }
  return 0;
}

int rulebook_run(rulebook *rb, const unit_facts *uf, unit_result *r, char *err, size_t errlen) {
  lua_State *L = rb->L;
  struct host *h = rb->host;
  ledger_reinit(r, &uf->unit, uf->year, rb->ncrits, rb->m.ncomps);
  if (uf->n > h->capfacts) {
    free(h->stamp); free(h->used);
    h->capfacts = uf->n * 2;
    h->stamp = calloc(h->capfacts, sizeof *h->stamp);
    h->used = calloc(h->capfacts, sizeof *h->used);
    if (!h->stamp || !h->used) abort();
  }
  memset(h->stamp, 0, uf->n * sizeof *h->stamp);
  h->uf = uf;
  h->res = r;
  sandbox_push_msgh(L);                       /* one message handler for every call */
  int msgh = lua_gettop(L);
  lua_pushcfunction(L, set_unit);
  if (sandbox_pcallh(L, 0, 0, msgh) != LUA_OK) {
    snprintf(err, errlen, "%s", lua_tostring(L, -1));
    lua_settop(L, msgh - 1);
    return -1;
  }
  for (int i = 0; i < rb->ncrits; i++)
    if (!(rb->only && !rb->only[i]) && run_item(rb, i, RB_CRITERION, msgh, err, errlen)) return -1;
  for (int i = 0; i < rb->nextras; i++)
    if (!(rb->only && !rb->only[rb->ncrits + i]) && run_item(rb, i, rb->extras[i].extra, msgh, err, errlen))
      return -1;
  lua_settop(L, msgh - 1);
  h->serial++;                                /* handles die with the unit */
  return 0;
}
