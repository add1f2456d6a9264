/*
** rules_test.c -- the rulebook test runner and its coverage.
*/
#include "rules_test.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <lauxlib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "lrules.h"
#include "rulebook.h"

#define TESTS_KEY "parindex.tests"

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
  lua_getfield(L, LUA_REGISTRYINDEX, "parindex.globals");
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

/* ---- coverage of u.lose calls ---- */

typedef struct { char *file; int line, ran; } site;
typedef struct { site *v; int n, cap; } sites;

static void add_site(sites *s, const char *file, int line) {
  for (int i = 0; i < s->n; i++) if (s->v[i].line == line && !strcmp(s->v[i].file, file)) return;
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 64;
    s->v = realloc(s->v, (size_t)s->cap * sizeof *s->v);
    if (!s->v) abort();
  }
  s->v[s->n].file = strdup(file);
  s->v[s->n].line = line;
  s->v[s->n].ran = 0;
  s->n++;
}

static void on_lose(void *ud, const char *file, int line) {
  sites *s = ud;
  for (int i = 0; i < s->n; i++) if (s->v[i].line == line && !strcmp(s->v[i].file, file)) { s->v[i].ran = 1; return; }
}

/* Every "u.lose(" outside comments in the rule files. */
static void scan_sites(const rulebook *rb, sites *s) {
  for (int i = 0; i < rb->nfiles; i++) {
    char *text = audit_read_file(rb->files[i], NULL);
    int line = 1;
    for (char *p = text; p && *p; line++) {
      char *nl = strchr(p, '\n');
      if (nl) *nl = '\0';
      char *cm = strstr(p, "--"), *u = strstr(p, "u.lose(");
      if (u && (!cm || u < cm) && (u == p || !(isalnum((unsigned char)u[-1]) || u[-1] == '_' || u[-1] == '.')))
        add_site(s, rb->files[i], line);
      p = nl ? nl + 1 : NULL;
    }
    free(text);
  }
}

/* ---- running ---- */

static void list_tests(const char *dir, const char *sub, char ***out, int *n, int *cap) {
  char path[4096];
  snprintf(path, sizeof path, "%s%s%s", dir, sub ? "/" : "", sub ? sub : "");
  DIR *d = opendir(path);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".lua")) continue;
    if (!sub && (len < 9 || strcmp(e->d_name + len - 9, "_test.lua"))) continue;
    if (*n == *cap) *out = realloc(*out, (size_t)(*cap = *cap ? 2 * *cap : 16) * sizeof **out);
    size_t k = strlen(path) + len + 2;
    (*out)[*n] = malloc(k);
    snprintf((*out)[(*n)++], k, "%s/%s", path, e->d_name);
  }
  closedir(d);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int find_crit(const rulebook *rb, const char *id) {
  for (int i = 0; i < rb->ncrits; i++) if (!strcmp(rb->crits[i].id, id)) return i;
  return -1;
}

static int find_comp(const rulebook *rb, const char *id) {
  for (int i = 0; i < rb->ncomps; i++) if (!strcmp(rb->comps[i].id, id)) return i;
  return -1;
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

typedef struct { FILE *out; int failed; const char *file; int line; const char *name; } report;

static void fail(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(report *r, const char *fmt, ...) {
  va_list ap;
  fprintf(r->out, "%s:%d: test '%s': ", r->file, r->line, r->name);
  va_start(ap, fmt);
  vfprintf(r->out, fmt, ap);
  va_end(ap);
  fputc('\n', r->out);
  r->failed = 1;
}

/* Run the test whose record is on top of the stack; 1 if it passed. */
static int run_one(rulebook *rb, int default_year, char *tested, FILE *out) {
  lua_State *L = rb->L;
  int rec = lua_gettop(L);
  char P1[PTS_FMT_MAX], P2[PTS_FMT_MAX], msg[4096];
  lua_getfield(L, rec, "file");
  lua_getfield(L, rec, "line");
  lua_getfield(L, rec, "name");
  lua_getfield(L, rec, "spec");
  int spec = lua_gettop(L);
  report r = {out, 0, lua_tostring(L, rec + 1), (int)lua_tointeger(L, rec + 2), lua_tostring(L, rec + 3)};
  const char *cid = opt_str(L, spec, "criterion"), *kid = opt_str(L, spec, "component");
  pts_t want = 0;
  int has_points = opt_pts(L, spec, "points", &want);
  lua_getfield(L, spec, "na");
  int want_na = lua_toboolean(L, -1);
  lua_pop(L, 1);
  int has_ded = lua_getfield(L, spec, "deduction") == LUA_TTABLE;
  int ded = lua_gettop(L);
  int ci = cid ? find_crit(rb, cid) : -1, ki = kid ? find_comp(rb, kid) : -1;
  char *only = calloc((size_t)rb->ncrits + 1, 1);
  arena a = {0};
  unit_result res = {0};
  int evaluated = 0;
  if (!!cid == !!kid) fail(&r, "say what it tests: criterion = \"...\" or component = \"...\"");
  else if (cid && ci < 0) fail(&r, "no criterion '%s' in this rulebook", cid);
  else if (kid && ki < 0) fail(&r, "no component '%s' in this rulebook", kid);
  else if (kid && !has_points) fail(&r, "a component test needs points = N");
  else if (cid && has_points + want_na + has_ded != 1)
    fail(&r, "a criterion test expects exactly one of: points = N, na = true, deduction = { points = N, reason = \"...\" }");
  else {
    if (ci >= 0) only[ci] = 1;
    else for (int i = rb->comps[ki].first; i < rb->comps[ki].first + rb->comps[ki].count; i++) only[i] = 1;
    size_t nf;
    lua_getfield(L, spec, "facts");
    fact *facts = facts_of(L, -1, &a, &nf, msg, sizeof msg);
    lua_pop(L, 1);
    lua_getfield(L, spec, "year");
    int year = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : default_year;
    lua_pop(L, 1);
    const char *unit = opt_str(L, spec, "unit");
    unit_facts uf = {{unit ? unit : "test", unit ? unit : "test", "district", NULL}, year, facts, nf};
    if (!facts) fail(&r, "%s", msg);
    else {
      rb->only = only;
      int rc = rulebook_eval(rb, &uf, &res, msg, sizeof msg);
      rb->only = NULL;
      if (rc) {
        char *nl = strchr(msg, '\n');
        if (nl) *nl = '\0';
        fail(&r, "scoring failed: %s", msg);
      } else evaluated = 1;
    }
  }
  if (evaluated && ki >= 0) {
    if (res.comps[ki].points != want)
      fail(&r, "component %s: expected %s points, got %s", kid, pts_format(P1, want, ',', 0),
           pts_format(P2, res.comps[ki].points, ',', 0));
  } else if (evaluated) {
    const ledger_criterion *lc = &res.crits[ci];
    tested[ci] = 1;
    if (want_na && !lc->na)
      fail(&r, "criterion %s: expected not applicable, got %s points", cid, pts_format(P1, lc->points, ',', 0));
    else if (has_points && lc->na)
      fail(&r, "criterion %s: expected %s points, got not applicable (%s)", cid, pts_format(P1, want, ',', 0), lc->na_reason);
    else if (has_points && lc->points != want)
      fail(&r, "criterion %s: expected %s points, got %s", cid, pts_format(P1, want, ',', 0), pts_format(P2, lc->points, ',', 0));
    else if (has_ded) {
      pts_t dp = 0;
      int has_dp = opt_pts(L, ded, "points", &dp);
      const char *piece = opt_str(L, ded, "reason");
      int found = 0;
      for (int k = 0; k < lc->count && !found; k++) {
        const ledger_deduction *d = &res.deds[lc->first + k];
        found = (!has_dp || d->points == dp) && (!piece || strstr(d->reason, piece));
      }
      if (!found) {
        fprintf(out, "%s:%d: test '%s': criterion %s: expected a deduction", r.file, r.line, r.name, cid);
        if (has_dp) fprintf(out, " of %s", pts_format(P1, dp, ',', 0));
        if (piece) fprintf(out, " with a reason containing \"%s\"", piece);
        fprintf(out, ", got %s", lc->count ? "" : "no deduction");
        for (int k = 0; k < lc->count; k++)
          fprintf(out, "%s%s \"%s\"", k ? "; " : "", pts_format(P2, res.deds[lc->first + k].points, ',', 0),
                  res.deds[lc->first + k].reason);
        fputc('\n', out);
        r.failed = 1;
      }
    }
  }
  if (evaluated) ledger_free(&res);
  arena_free(&a);
  free(only);
  lua_settop(L, rec - 1);
  return !r.failed;
}

static int default_year_of(const char *dir) {
  const char *base = strrchr(dir, '/');
  base = base && base[1] ? base + 1 : dir;
  int y = atoi(base);
  return y >= 1900 && y <= 2200 ? y : 2000;
}

int rules_test_main(const char *dir, FILE *out) {
  static char err[1 << 16];
  rulebook *rb = rulebook_load(dir, NULL, 0, NULL, err, sizeof err);
  if (!rb) {
    fprintf(stderr, "parindex: %s: the rulebook does not load (run 'parindex rules check %s'):\n%s\n", dir, dir, err);
    return 1;
  }
  char **files = NULL;
  int nfiles = 0, cap = 0, passed = 0, failed = 0;
  for (int b = rb->nbases; b >= 0; b--) {            /* extended rulebooks' tests first */
    int from = nfiles;
    const char *d = b ? rb->bases[b - 1] : dir;
    list_tests(d, NULL, &files, &nfiles, &cap);
    list_tests(d, "tests", &files, &nfiles, &cap);
    if (nfiles > from) qsort(files + from, (size_t)(nfiles - from), sizeof *files, cmp_str);
  }
  sites s = {0};
  scan_sites(rb, &s);
  rb->on_lose = on_lose;
  rb->on_lose_ud = &s;
  char *tested = calloc((size_t)rb->ncrits + 1, 1);
  lua_State *L = rb->L;
  add_api(L);
  for (int i = 0; i < nfiles; i++) {
    int rc = sandbox_loadfile(L, files[i]);
    if (rc == LUA_OK) rc = sandbox_pcall(L, 0, 0);
    if (rc != LUA_OK) {
      const char *m = lua_tostring(L, -1);
      fprintf(out, "%.*s\n", (int)strcspn(m, "\n"), m);
      failed++;
      lua_pop(L, 1);
    }
  }
  lua_getfield(L, LUA_REGISTRYINDEX, TESTS_KEY);
  lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
  int year = default_year_of(dir);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (run_one(rb, year, tested, out)) passed++; else failed++;
  }
  lua_pop(L, 1);
  fprintf(out, "%d passed, %d failed\n", passed, failed);
  int untested = 0, unran = 0;
  for (int i = 0; i < rb->ncrits; i++) untested += !tested[i];
  for (int i = 0; i < s.n; i++) unran += !s.v[i].ran;
  fprintf(out, "coverage: %d of %d criteria tested, %d of %d deduction calls (u.lose) ran\n",
          rb->ncrits - untested, rb->ncrits, s.n - unran, s.n);
  for (int i = 0; i < rb->ncrits; i++)
    if (!tested[i]) fprintf(out, "  %s:%d: criterion %s has no test\n", rb->crits[i].file, rb->crits[i].line, rb->crits[i].id);
  for (int i = 0; i < s.n; i++)
    if (!s.v[i].ran) fprintf(out, "  %s:%d: this u.lose never ran\n", s.v[i].file, s.v[i].line);
  if (!nfiles) fprintf(stderr, "parindex: no tests in %s (*_test.lua or tests/*.lua)\n", dir);
  for (int i = 0; i < s.n; i++) free(s.v[i].file);
  free(s.v);
  for (int i = 0; i < nfiles; i++) free(files[i]);
  free(files);
  free(tested);
  rulebook_free(rb);
  return failed ? 1 : 0;
}
