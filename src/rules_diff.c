/*
** rules_diff.c -- what changed between two rulebooks.
*/
#include "rules_diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "engine.h"

typedef struct { char *b; size_t n; FILE *f; } text;

static void text_open(text *t) { t->b = NULL; t->n = 0; t->f = open_memstream(&t->b, &t->n); if (!t->f) abort(); }
static char *text_close(text *t) { fclose(t->f); return t->b; }

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* A Lua value (params: numbers, strings, booleans, dates, tables) as text. */
static void show_value(lua_State *L, int idx, FILE *f, char dec, int depth) {
  idx = lua_absindex(L, idx);
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
static char *param_text(const rulebook *rb, const rb_criterion *c, const char *key, char dec) {
  lua_State *L = rb->L;
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
static char **param_keys(const rulebook *rb, const rb_criterion *c) {
  lua_State *L = rb->L;
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
static char *score_source(const rulebook *rb, const rb_criterion *c) {
  lua_State *L = rb->L;
  lua_Debug ar;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->score_ref);
  lua_getinfo(L, ">S", &ar);
  if (ar.source[0] != '@') return NULL;
  char *all = audit_read_file(ar.source + 1, NULL);
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

static const rb_component *comp(const rulebook *rb, const char *id) {
  for (int i = 0; i < rb->ncomps; i++) if (!strcmp(rb->comps[i].id, id)) return &rb->comps[i];
  return NULL;
}

static const rb_criterion *crit(const rulebook *rb, const char *id, int *idx) {
  for (int i = 0; i < rb->ncrits; i++) if (!strcmp(rb->crits[i].id, id)) { if (idx) *idx = i; return &rb->crits[i]; }
  return NULL;
}

static const char *P(char *buf, pts_t v, char dec) { return pts_format(buf, v, dec, 0); }

static int diff_rulebooks(const rulebook *A, const rulebook *B, char dec) {
  char x[PTS_FMT_MAX], y[PTS_FMT_MAX];
  int n = 0;
  if (strcmp(A->name, B->name)) { printf("index: name \"%s\" → \"%s\"\n", A->name, B->name); n++; }
  if (A->total != B->total) { printf("index: total %s → %s\n", P(x, A->total, dec), P(y, B->total, dec)); n++; }
  for (int i = 0; i < A->ncomps; i++) {
    const rb_component *a = &A->comps[i], *b = comp(B, a->id);
    if (!b) { printf("component %s removed: %s (max %s)\n", a->id, a->name, P(x, a->max, dec)); n++; continue; }
    if (a->max != b->max) { printf("component %s: max %s → %s\n", a->id, P(x, a->max, dec), P(y, b->max, dec)); n++; }
    if (strcmp(a->owner, b->owner)) { printf("component %s: owner %s → %s\n", a->id, a->owner, b->owner); n++; }
    if (strcmp(a->name, b->name)) { printf("component %s: name \"%s\" → \"%s\"\n", a->id, a->name, b->name); n++; }
    if (a->kind != b->kind) { printf("component %s: moved to %s\n", a->id, b->kind == RB_SURVEY ? "survey" : "appraisal"); n++; }
  }
  for (int i = 0; i < B->ncomps; i++)
    if (!comp(A, B->comps[i].id)) {
      printf("component %s added: %s (max %s)\n", B->comps[i].id, B->comps[i].name, P(x, B->comps[i].max, dec));
      n++;
    }
  printf("component maxima:");                      /* all of them, changed or not */
  for (int i = 0; i < A->ncomps; i++) {
    const rb_component *b = comp(B, A->comps[i].id);
    printf(" %s: %s", A->comps[i].id, P(x, A->comps[i].max, dec));
    if (b && b->max != A->comps[i].max) printf(" → %s", P(y, b->max, dec));
    else if (b) printf(" (unchanged)");
    else printf(" → removed");
    putchar(i + 1 < A->ncomps ? ';' : '\n');
  }
  for (int i = 0; i < A->ncrits; i++) {
    const rb_criterion *a = &A->crits[i], *b = crit(B, a->id, NULL);
    if (!b) { printf("criterion %s removed: %s (max %s)\n", a->id, a->name, P(x, a->max, dec)); n++; continue; }
    if (a->max != b->max) { printf("criterion %s: max %s → %s\n", a->id, P(x, a->max, dec), P(y, b->max, dec)); n++; }
    if (strcmp(a->owner, b->owner)) { printf("criterion %s: owner %s → %s\n", a->id, a->owner, b->owner); n++; }
    if (strcmp(a->compid, b->compid)) { printf("criterion %s: component %s → %s\n", a->id, a->compid, b->compid); n++; }
    if (strcmp(a->name, b->name)) { printf("criterion %s: name \"%s\" → \"%s\"\n", a->id, a->name, b->name); n++; }
    char **ka = param_keys(A, a), **kb = param_keys(B, b);
    for (char **k = ka; *k; k++) {
      char *va = param_text(A, a, *k, dec), *vb = param_text(B, b, *k, dec);
      if (!vb) { printf("criterion %s: param %s removed (was %s)\n", a->id, *k, va); n++; }
      else if (strcmp(va, vb)) { printf("criterion %s: param %s %s → %s\n", a->id, *k, va, vb); n++; }
      free(va); free(vb);
    }
    for (char **k = kb; *k; k++) {
      char *va = param_text(A, a, *k, dec), *vb = param_text(B, b, *k, dec);
      if (!va) { printf("criterion %s: param %s added (%s)\n", a->id, *k, vb); n++; }
      free(va); free(vb);
    }
    for (char **k = ka; *k; k++) free(*k);
    for (char **k = kb; *k; k++) free(*k);
    free(ka); free(kb);
    char *sa = score_source(A, a), *sb = score_source(B, b);
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
  return n;
}

/* ---- the effect on one unit ---- */

typedef struct { rulebook *A, *B; char dec; int done; char *err; size_t errlen; } effect_ctx;

static int effect_unit(const unit_facts *uf, void *ud) {
  effect_ctx *c = ud;
  unit_result ra = {0}, rb = {0};
  char x[PTS_FMT_MAX], y[PTS_FMT_MAX], d[PTS_FMT_MAX];
  if (rulebook_eval(c->A, uf, &ra, c->err, c->errlen)) return -1;
  if (rulebook_eval(c->B, uf, &rb, c->err, c->errlen)) { ledger_free(&ra); return -1; }
  printf("\neffect on %s (%s), facts of %d:\n", uf->unit.id, uf->unit.name, uf->year);
  for (int i = 0; i < c->A->ncrits; i++) {
    int k;
    const rb_criterion *a = &c->A->crits[i];
    if (!crit(c->B, a->id, &k)) {
      printf("  criterion %-5s %s/%s → removed\n", a->id, P(x, ra.crits[i].points, c->dec), P(y, ra.crits[i].max, c->dec));
      continue;
    }
    const ledger_criterion *p = &ra.crits[i], *q = &rb.crits[k];
    if (p->points == q->points && p->max == q->max && p->na == q->na) continue;
    printf("  criterion %-5s %s/%s → %s/%s", a->id, p->na ? "n/a" : P(x, p->points, c->dec),
           P(y, p->max, c->dec), q->na ? "n/a" : P(d, q->points, c->dec), P((char[PTS_FMT_MAX]){0}, q->max, c->dec));
    printf(" (%s%s points)\n", q->points >= p->points ? "+" : "", P(x, q->points - p->points, c->dec));
  }
  for (int k = 0; k < c->B->ncrits; k++)
    if (!crit(c->A, c->B->crits[k].id, NULL))
      printf("  criterion %-5s added → %s/%s\n", c->B->crits[k].id, P(x, rb.crits[k].points, c->dec),
             P(y, rb.crits[k].max, c->dec));
  for (int i = 0; i < c->A->ncomps; i++) {
    const rb_component *b = comp(c->B, c->A->comps[i].id);
    if (!b) continue;
    int k = (int)(b - c->B->comps);
    if (ra.comps[i].points != rb.comps[k].points || ra.comps[i].max != rb.comps[k].max)
      printf("  component %-5s %s/%s → %s/%s\n", b->id, P(x, ra.comps[i].points, c->dec), P(y, ra.comps[i].max, c->dec),
             P(d, rb.comps[k].points, c->dec), P((char[PTS_FMT_MAX]){0}, rb.comps[k].max, c->dec));
  }
  printf("  PAR index       %s → %s (%s%s)\n", P(x, ra.total, c->dec), P(y, rb.total, c->dec),
         rb.total >= ra.total ? "+" : "", P(d, rb.total - ra.total, c->dec));
  ledger_free(&ra);
  ledger_free(&rb);
  c->done++;
  return 0;
}

int rules_diff_main(cli_args *a, const char *dir_a, const char *dir_b) {
  static char err[1 << 15];
  int rc;
  long long year;
  const char *unit = cli_opt(a, "unit");
  if ((rc = cli_int(a, "year", 1900, 2200, 0, &year))) return rc;
  int en;
  if ((rc = cli_lang(a, &en))) return rc;
  if (!unit != !year) return cli_usage_error(a, "--unit and --year go together");
  char dec = en ? '.' : ',';
  store *s = NULL;
  rulebook *A = NULL, *B = NULL;
  rc = EXIT_FAIL;
  if (unit) {
    if (!(s = cli_open_store(a))) return EXIT_FAIL;
    A = engine_load_rules(s, dir_a, NULL, err, sizeof err);
  } else A = rulebook_load(dir_a, NULL, 0, NULL, err, sizeof err);
  if (!A) { cli_fail("%s: the rulebook does not load:\n%s", dir_a, err); goto done; }
  B = unit ? engine_load_rules(s, dir_b, NULL, err, sizeof err) : rulebook_load(dir_b, NULL, 0, NULL, err, sizeof err);
  if (!B) { cli_fail("%s: the rulebook does not load:\n%s", dir_b, err); goto done; }
  printf("--- %s\n+++ %s\n", dir_a, dir_b);
  int n = diff_rulebooks(A, B, dec);
  if (!n) printf("no differences in components, criteria, maxima, owners, params or scoring functions\n");
  if (unit) {
    effect_ctx c = {A, B, dec, 0, err, sizeof err};
    err[0] = '\0';
    if (store_each_unit_facts(s, (int)year, unit, effect_unit, &c) != 0) {
      cli_fail("%s", err[0] ? err : store_errmsg(s));
      goto done;
    }
    if (!c.done) { cli_fail(store_has_unit(s, unit) > 0 ? "unit '%s' has no facts for %lld" : "unknown unit '%s'", unit, year); goto done; }
  }
  rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
done:
  rulebook_free(A);
  rulebook_free(B);
  store_close(s);
  return rc;
}
