/*
** rulebook_inspect.c -- a loaded rulebook's Lua side as plain data, for the
** rule authoring tools (see rulebook_inspect.h).
*/
#include "rulebook_inspect.h"

#include <cjson/cJSON.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "path.h"
#include "rule_date.h"
#include "rulebook_int.h"
#include "sandbox.h"

#define TESTS_KEY "parindex.tests"

/* ---- globals and score functions ---- */

int rulebook_has_global(const rulebook *rb, const char *name) {
  lua_State *L = rb->L;
  int known = 0;
  luaL_checkstack(L, 3, "rulebook_has_global");
  lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_GLOBALS_KEY);
  if (lua_istable(L, -1)) {
    lua_pushstring(L, name);
    known = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return known;
}

int rulebook_score_params(const rulebook *rb, int crit, rule_score_info *info,
                          void (*on_key)(const char *key, void *ud), void *ud) {
  lua_State *L = rb->L;
  const rb_criterion *c = &rb->crits[crit];
  memset(info, 0, sizeof *info);
  luaL_checkstack(L, 6, "rulebook_score_params");
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->score_ref);
  lua_Debug ar;
  lua_pushvalue(L, -1);
  lua_getinfo(L, ">S", &ar);
  const char *pname = lua_getlocal(L, NULL, 2);  /* the function's 2nd parameter */
  snprintf(info->param, sizeof info->param, "%s", pname ? pname : "");
  if (ar.source[0] == '@') snprintf(info->source, sizeof info->source, "%s", ar.source + 1);
  info->first_line = ar.linedefined;
  info->last_line = ar.lastlinedefined;
  lua_pop(L, 1);
  if (c->params_ref == LUA_REFNIL || c->params_ref == 0) return 0;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->params_ref);
  sandbox_push_target(L, -1);                    /* the frozen table behind the view */
  if (lua_istable(L, -1)) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      lua_pop(L, 1);
      if (lua_type(L, -1) == LUA_TSTRING) on_key(lua_tostring(L, -1), ud);
    }
  }
  lua_pop(L, 2);
  return 1;
}

/* ---- params and score functions as text (rules diff) ---- */

typedef struct { char *b; size_t n; FILE *f; } text;

static void text_open(text *t) { t->b = NULL; t->n = 0; t->f = open_memstream(&t->b, &t->n); if (!t->f) abort(); }
static char *text_close(text *t) { fclose(t->f); return t->b; }

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* A Lua value (params: numbers, strings, booleans, dates, tables) as text. */
static void show_value(lua_State *L, int idx, FILE *f, char dec, int depth) {
  idx = lua_absindex(L, idx);
  luaL_checkstack(L, 4, "show_value");
  if (sandbox_readonly_target(L, idx)) {
    show_value(L, -1, f, dec, depth);               /* a read-only view: its table */
    lua_pop(L, 1);
    return;
  }
  switch (lua_type(L, idx)) {
  case LUA_TNUMBER: {
    char buf[64];
    if (lua_isinteger(L, idx)) snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
    else snprintf(buf, sizeof buf, "%.14g", lua_tonumber(L, idx));
    for (char *p = buf; *p; p++) if (*p == '.') *p = dec;
    fputs(buf, f);
    break;
  }
  case LUA_TSTRING: fprintf(f, "\"%s\"", lua_tostring(L, idx)); break;
  case LUA_TBOOLEAN: fputs(lua_toboolean(L, idx) ? "true" : "false", f); break;
  case LUA_TTABLE: {
    if (depth > 8) { fputs("{...}", f); break; }
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) { count++; lua_pop(L, 1); }
    fputs("{ ", f);
    if (count == n) {                                /* a list */
      for (lua_Integer i = 1; i <= n; i++) {
        if (i > 1) fputs(", ", f);
        lua_rawgeti(L, idx, i);
        show_value(L, -1, f, dec, depth + 1);
        lua_pop(L, 1);
      }
    } else {                                          /* a record: keys sorted */
      char **keys = calloc((size_t)count + 1, sizeof *keys);
      int k = 0;
      lua_pushnil(L);
      while (lua_next(L, idx)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        keys[k++] = strdup(lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
        lua_pop(L, 1);
      }
      qsort(keys, (size_t)k, sizeof *keys, cmp_str);
      for (int i = 0; i < k; i++) {
        fprintf(f, "%s%s = ", i ? ", " : "", keys[i]);
        lua_getfield(L, idx, keys[i]);
        show_value(L, -1, f, dec, depth + 1);
        lua_pop(L, 1);
        free(keys[i]);
      }
      free(keys);
    }
    fputs(" }", f);
    break;
  }
  default: {
    luaL_tolstring(L, idx, NULL);                    /* dates print as themselves */
    fputs(lua_tostring(L, -1), f);
    lua_pop(L, 1);
  }
  }
}

/* The param `key` of criterion c as text (malloc'd), or NULL if absent. */
char *rulebook_param_text(const rulebook *rb, int crit, const char *key, char dec) {
  lua_State *L = rb->L;
  const rb_criterion *c = &rb->crits[crit];
  luaL_checkstack(L, 8, "rulebook_param_text");
  if (c->params_ref == LUA_REFNIL || c->params_ref == 0) return NULL;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->params_ref);
  sandbox_push_target(L, -1);
  lua_getfield(L, -1, key);
  char *s = NULL;
  if (!lua_isnil(L, -1)) {
    text t;
    text_open(&t);
    show_value(L, -1, t.f, dec, 0);
    s = text_close(&t);
  }
  lua_pop(L, 3);
  return s;
}

/* The params' keys of c, sorted; NULL-terminated, malloc'd. */
char **rulebook_param_keys(const rulebook *rb, int crit) {
  lua_State *L = rb->L;
  const rb_criterion *c = &rb->crits[crit];
  luaL_checkstack(L, 4, "rulebook_param_keys");
  int n = 0, cap = 8;
  char **keys = calloc((size_t)cap + 1, sizeof *keys);
  if (c->params_ref != LUA_REFNIL && c->params_ref != 0) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->params_ref);
    sandbox_push_target(L, -1);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      lua_pop(L, 1);
      if (lua_type(L, -1) != LUA_TSTRING) continue;
      if (n == cap) keys = realloc(keys, ((size_t)(cap *= 2) + 1) * sizeof *keys);
      keys[n++] = strdup(lua_tostring(L, -1));
    }
    lua_pop(L, 2);
  }
  keys[n] = NULL;
  qsort(keys, (size_t)n, sizeof *keys, cmp_str);
  return keys;
}

/* The text of c's score function (its source lines), malloc'd. */
char *rulebook_score_source(const rulebook *rb, int crit) {
  lua_State *L = rb->L;
  const rb_criterion *c = &rb->crits[crit];
  luaL_checkstack(L, 2, "rulebook_score_source");
  lua_Debug ar;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->score_ref);
  lua_getinfo(L, ">S", &ar);
  if (ar.source[0] != '@') return NULL;
  char *all = file_read_all(ar.source + 1, NULL);
  if (!all) return NULL;
  char *p = all, *start = NULL, *end = NULL;
  for (int line = 1; *p; line++) {
    if (line == ar.linedefined) start = p;
    char *nl = strchr(p, '\n');
    if (line == ar.lastlinedefined) { end = nl ? nl : p + strlen(p); break; }
    if (!nl) break;
    p = nl + 1;
  }
  char *s = start && end ? strndup(start, (size_t)(end - start)) : NULL;
  free(all);
  return s;
}

/* ---- the test API ---- */

static int test_body(lua_State *L) {               /* test "name" { spec } */
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Debug ar;
  int line = 0;
  const char *src = "?";
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0) { line = ar.currentline; src = ar.source[0] == '@' ? ar.source + 1 : ar.short_src; break; }
  }
  lua_getfield(L, LUA_REGISTRYINDEX, TESTS_KEY);
  lua_Integer slot = (lua_Integer)lua_rawlen(L, -1) + 1;
  for (lua_Integer i = 1; i < slot; i++) {           /* same name: an extending rulebook's test replaces it */
    lua_rawgeti(L, -1, i);
    lua_getfield(L, -1, "name");
    int same = lua_rawequal(L, -1, lua_upvalueindex(1));
    lua_pop(L, 2);
    if (same) { slot = i; break; }
  }
  lua_createtable(L, 0, 4);
  lua_pushvalue(L, lua_upvalueindex(1)); lua_setfield(L, -2, "name");
  lua_pushstring(L, src); lua_setfield(L, -2, "file");
  lua_pushinteger(L, line); lua_setfield(L, -2, "line");
  lua_pushvalue(L, 1); lua_setfield(L, -2, "spec");
  lua_rawseti(L, -2, slot);
  return 0;
}

static int test_decl(lua_State *L) {
  if (lua_type(L, 1) != LUA_TSTRING) return sandbox_error(L, "test: expected a name, as in test \"1.1 ...\" { ... }");
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, test_body, 1);
  return 1;
}

static int with(lua_State *L) {                    /* with(base, changes) */
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_newtable(L);
  for (int arg = 1; arg <= 2; arg++) {
    if (lua_isnoneornil(L, arg)) continue;
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, arg)) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -4);
    }
  }
  return 1;
}

static void add_api(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_GLOBALS_KEY);
  lua_pushstring(L, "test"); lua_pushcfunction(L, test_decl); lua_rawset(L, -3);
  lua_pushstring(L, "with"); lua_pushcfunction(L, with); lua_rawset(L, -3);
  lua_pop(L, 1);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, TESTS_KEY);
}

/* ---- facts from a Lua table ---- */

static cJSON *json_of(lua_State *L, int idx) {
  long days;
  char buf[16];
  switch (lua_type(L, idx)) {
  case LUA_TBOOLEAN: return cJSON_CreateBool(lua_toboolean(L, idx));
  case LUA_TNUMBER: return cJSON_CreateNumber(lua_tonumber(L, idx));
  case LUA_TSTRING: return cJSON_CreateString(lua_tostring(L, idx));
  case LUA_TUSERDATA:
    if (ldate_get(L, idx, &days)) {
      pdate d = date_from_days(days);
      snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
      return cJSON_CreateString(buf);
    }
    return cJSON_CreateNull();
  default: return cJSON_CreateNull();
  }
}

static int cmp_fact(const void *a, const void *b) { return strcmp(((const fact *)a)->key, ((const fact *)b)->key); }

/* The spec's facts (table at idx) as sorted facts in the arena; NULL + msg on a bad value. */
static fact *facts_of(lua_State *L, int idx, arena *a, size_t *n, char *msg, size_t msglen) {
  idx = lua_absindex(L, idx);
  size_t cap = 16;
  fact *v = arena_alloc(a, cap * sizeof *v);
  *n = 0;
  if (!lua_istable(L, idx)) return v;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -2) != LUA_TSTRING) { snprintf(msg, msglen, "facts: keys must be strings"); lua_pop(L, 2); return NULL; }
    if (*n == cap) {
      fact *g = arena_alloc(a, 2 * cap * sizeof *g);
      memcpy(g, v, cap * sizeof *g);
      v = g; cap *= 2;
    }
    fact *f = &v[(*n)++];
    f->key = arena_strdup(a, lua_tostring(L, -2));
    f->source = "rules test";
    long days;
    pdate d;
    switch (lua_type(L, -1)) {
    case LUA_TBOOLEAN: f->type = FT_BOOLEAN; f->integer = lua_toboolean(L, -1); break;
    case LUA_TNUMBER:
      if (lua_isinteger(L, -1)) { f->type = FT_INTEGER; f->integer = (long long)lua_tointeger(L, -1); }
      else { f->type = FT_NUMBER; f->num = lua_tonumber(L, -1); }
      break;
    case LUA_TSTRING:
      f->text = arena_strdup(a, lua_tostring(L, -1));
      f->type = date_parse_iso(f->text, &d) ? FT_DATE : FT_TEXT;
      break;
    case LUA_TTABLE: {
      cJSON *arr = cJSON_CreateArray();
      lua_Integer len = (lua_Integer)lua_rawlen(L, -1);
      for (lua_Integer i = 1; i <= len; i++) {
        lua_rawgeti(L, -1, i);
        cJSON *rec = cJSON_CreateObject();
        if (lua_istable(L, -1)) {
          lua_pushnil(L);
          while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING) cJSON_AddItemToObject(rec, lua_tostring(L, -2), json_of(L, -1));
            lua_pop(L, 1);
          }
        }
        cJSON_AddItemToArray(arr, rec);
        lua_pop(L, 1);
      }
      char *t = cJSON_PrintUnformatted(arr);
      f->type = FT_LIST;
      f->text = arena_strdup(a, t);
      cJSON_free(t);
      cJSON_Delete(arr);
      break;
    }
    case LUA_TUSERDATA:
      if (ldate_get(L, -1, &days)) {
        char buf[16];
        d = date_from_days(days);
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
        f->type = FT_DATE;
        f->text = arena_strdup(a, buf);
        break;
      }
      /* fall through */
    default:
      snprintf(msg, msglen, "fact '%s': a %s is not a fact value", f->key, luaL_typename(L, -1));
      lua_pop(L, 2);
      return NULL;
    }
    lua_pop(L, 1);
  }
  qsort(v, *n, sizeof *v, cmp_fact);
  return v;
}

static const char *opt_str(lua_State *L, int t, const char *name) {
  lua_getfield(L, t, name);
  const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  lua_pop(L, 1);                                   /* the spec table keeps it alive */
  return s;
}

static int opt_pts(lua_State *L, int t, const char *name, pts_t *out) {
  lua_getfield(L, t, name);
  int ok = 0;
  if (lua_type(L, -1) == LUA_TNUMBER) *out = pts_from_double(lua_tonumber(L, -1), &ok);
  lua_pop(L, 1);
  return ok;
}

/* ---- collecting the tests ---- */

static char *keep(arena *a, lua_State *L, int t, const char *name) {
  const char *s = opt_str(L, t, name);
  return s ? arena_strdup(a, s) : NULL;
}

/* The test record on top of the stack as a rule_test (strings into a). */
static void read_test(lua_State *L, rule_test *t, arena *a) {
  int rec = lua_gettop(L);
  char msg[4096];
  memset(t, 0, sizeof *t);
  lua_getfield(L, rec, "file");
  t->file = arena_strdup(a, lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
  lua_getfield(L, rec, "line");
  t->line = (int)lua_tointeger(L, -1);
  lua_getfield(L, rec, "name");
  t->name = arena_strdup(a, lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
  lua_getfield(L, rec, "spec");
  int spec = lua_gettop(L);
  t->criterion = keep(a, L, spec, "criterion");
  t->component = keep(a, L, spec, "component");
  t->unit = keep(a, L, spec, "unit");
  t->achieved = keep(a, L, spec, "achieved");
  t->has_points = opt_pts(L, spec, "points", &t->points);
  lua_getfield(L, spec, "na");
  t->want_na = lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, spec, "year");
  t->year = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 0;
  lua_pop(L, 1);
  if (lua_getfield(L, spec, "deduction") == LUA_TTABLE) {
    int ded = lua_gettop(L);
    t->has_deduction = 1;
    t->has_deduction_points = opt_pts(L, ded, "points", &t->deduction_points);
    t->deduction_reason = keep(a, L, ded, "reason");
  }
  lua_pop(L, 1);
  lua_getfield(L, spec, "facts");
  t->facts = facts_of(L, -1, a, &t->nfacts, msg, sizeof msg);
  if (!t->facts) t->facts_error = arena_strdup(a, msg);
  lua_settop(L, rec);
}

int rulebook_load_tests(rulebook *rb, char *const *files, int nfiles, rule_test_set *set) {
  lua_State *L = rb->L;
  memset(set, 0, sizeof *set);
  add_api(L);
  set->load_errors = calloc((size_t)nfiles + 1, sizeof *set->load_errors);
  if (!set->load_errors) abort();
  for (int i = 0; i < nfiles; i++) {
    int rc = sandbox_loadfile(L, files[i]);
    if (rc == LUA_OK) rc = sandbox_pcall(L, 0, 0);
    if (rc != LUA_OK) {
      const char *m = lua_tostring(L, -1);
      set->load_errors[set->nload_errors++] = arena_strndup(&set->a, m, strcspn(m, "\n"));
      lua_pop(L, 1);
    }
  }
  lua_getfield(L, LUA_REGISTRYINDEX, TESTS_KEY);
  lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
  set->tests = calloc((size_t)n + 1, sizeof *set->tests);
  if (!set->tests) abort();
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    read_test(L, &set->tests[set->ntests++], &set->a);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

void rule_test_set_free(rule_test_set *set) {
  free(set->tests);
  free(set->load_errors);
  arena_free(&set->a);
  memset(set, 0, sizeof *set);
}
