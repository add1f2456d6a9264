/*
** rule_decl.c -- what the declarations of a rule file share (rulebook.c's
** index, component, criterion and bands; rulebook_extends.c's changes):
** reading and checking a declaration's fields, where it was made, frozen
** params, and listing a folder's rule files.
*/
#include "rule_decl.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_date.h"

rulebook *decl_rulebook(lua_State *L) { return sandbox_limits_of(L)->host; }

char *decl_strdup(const char *s) {
  if (!s) return NULL;
  char *p = strdup(s);
  if (!p) abort();
  return p;
}

void decl_where(lua_State *L, char **file, int *line) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0) {                   /* the whole path: short_src is cut */
      *file = decl_strdup(ar.source[0] == '@' ? ar.source + 1 : ar.short_src);
      *line = ar.currentline;
      return;
    }
  }
  *file = decl_strdup("?"); *line = 0;
}

void decl_check_fields(lua_State *L, int t, const char *what, const char *id,
                         const char *const *allowed) {
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    int ok = 0;
    if (lua_type(L, -1) == LUA_TSTRING)
      for (const char *const *a = allowed; *a && !ok; a++) ok = !strcmp(*a, lua_tostring(L, -1));
    if (!ok) {
      const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1);
      sandbox_error(L, "%s %s: unknown field '%s'", what, id, k);
    }
  }
}

/* The string field of the declaration table t (which keeps it alive), or
** NULL. Declarations copy their strings only after their last check: an
** error (a longjmp) must not leave malloc'd strings behind. */
const char *decl_str_field(lua_State *L, int t, const char *name, int required,
                             const char *what, const char *id) {
  int ty = lua_getfield(L, t, name);
  const char *s = NULL;
  if (ty == LUA_TSTRING && lua_rawlen(L, -1) > 0) s = lua_tostring(L, -1);
  else if (ty != LUA_TNIL || required) {
    lua_pop(L, 1);
    sandbox_error(L, "%s %s: '%s' must be %s", what, id, name,
                  required ? "a non-empty string" : "a string");
  }
  lua_pop(L, 1);
  return s;
}

pts_t decl_pts_field(lua_State *L, int t, const char *name, const char *what, const char *id) {
  if (lua_getfield(L, t, name) != LUA_TNUMBER)
    sandbox_error(L, "%s %s: '%s' must be a number", what, id, name);
  double x = lua_tonumber(L, -1);
  int ok;
  pts_t p = pts_from_double(x, &ok);
  lua_pop(L, 1);
  if (!ok || x < 0) sandbox_error(L, "%s %s: '%s' must be a finite number >= 0", what, id, name);
  if (fabs(x * 100.0 - (double)p) > 1e-6)
    sandbox_error(L, "%s %s: '%s' has more than two decimals", what, id, name);
  return p;
}

/* Declarations belong to loading: once the rulebook is loaded (while a
** criterion scores) they would change the arrays being evaluated. */
void decl_check_not_sealed(lua_State *L, const char *what) {
  if (decl_rulebook(L)->sealed)
    sandbox_error(L, "%s: declarations are only allowed while the rule files load, not while scoring", what);
}


/* Deep read-only copy of the table at idx, pushed. */
static void push_frozen(lua_State *L, int idx, const char *label, int depth) {
  idx = lua_absindex(L, idx);
  if (depth > 16) { sandbox_error(L, "params: nested more than 16 levels deep (or a table inside itself)"); return; }
  luaL_checkstack(L, 6, "params");
  lua_newtable(L);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -1) == LUA_TTABLE) {
      push_frozen(L, -1, label, depth + 1);
      lua_remove(L, -2);
    } else if (lua_type(L, -1) == LUA_TFUNCTION || lua_type(L, -1) == LUA_TUSERDATA) {
      if (!lua_isuserdata(L, -1) || !ldate_get(L, -1, &(long){0}))
        sandbox_error(L, "params: values must be numbers, strings, booleans, dates or tables");
    }
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  sandbox_push_readonly(L, -1, label);
  sandbox_view_freeze(L, -1);                 /* nothing changes it from now on */
  lua_remove(L, -2);
}

int decl_curry(lua_State *L, lua_CFunction body, const char *what) {
  decl_check_not_sealed(L, what);
  if (lua_type(L, 1) != LUA_TSTRING || lua_rawlen(L, 1) == 0)
    return sandbox_error(L, "%s: expected an id string, as in %s \"1\" { ... }", what, what);
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, body, 1);
  return 1;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int is_rule_file(const char *name) {
  return name[0] != '.' && ends_with(name, ".lua") && !ends_with(name, "_test.lua");
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int decl_list_rule_files(const char *dir, char ***out, int *n) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  struct dirent *e;
  int cap = 0;
  *out = NULL; *n = 0;
  while ((e = readdir(d))) {
    if (!is_rule_file(e->d_name)) continue;
    if (*n == cap) {
      cap = cap ? 2 * cap : 16;
      char **g = realloc(*out, (size_t)cap * sizeof *g);
      if (!g) abort();
      *out = g;
    }
    size_t len = strlen(dir) + strlen(e->d_name) + 2;
    char *p = malloc(len);
    if (!p) abort();
    snprintf(p, len, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/", e->d_name);
    (*out)[(*n)++] = p;
  }
  closedir(d);
  if (*n) qsort(*out, (size_t)*n, sizeof **out, cmp_str);
  return 0;
}


void decl_push_frozen(lua_State *L, int idx, const char *label) { push_frozen(L, idx, label, 0); }

char *decl_str_copy(lua_State *L, int t, const char *name, int required, const char *what, const char *id) {
  return decl_strdup(decl_str_field(L, t, name, required, what, id));   /* checked first, then copied */
}

void decl_keep_sources(rulebook *rb) {
  rb->sources = calloc((size_t)(rb->m.nfiles ? rb->m.nfiles : 1), sizeof *rb->sources);
  rb->source_ptrs = calloc((size_t)(rb->m.nfiles ? rb->m.nfiles : 1), sizeof *rb->source_ptrs);
  if (!rb->sources || !rb->source_ptrs) abort();
  for (int i = 0; i < rb->m.nfiles; i++) rb->sources[i] = decl_strdup(rb->m.files[i]);
  rb->nsources = rb->m.nfiles;
}

int decl_file_of(rulebook *rb, const char *source) {
  for (int i = 0; i < rb->nsources; i++)      /* a chunk's functions share their source */
    if (rb->source_ptrs[i] == source) return i;
  if (source[0] != '@') return -1;
  for (int i = 0; i < rb->nsources; i++)
    if (!strcmp(source + 1, rb->sources[i])) {
      rb->source_ptrs[i] = source;
      return i;
    }
  return -1;
}
