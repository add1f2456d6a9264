/*
** rulebook_extends.c -- yearly inheritance: a rulebook that extends another and
** states only what changed.
**
**   extends "../2022"                         -- first, before any declaration
**   change_index { name = "... năm 2021" }
**   change_component "1" { max = 14 }
**   change_criterion "1.6" { max = 2, params = { tru_moi_nhiem_vu = 0.5 }, basis = "..." }
**   replace_criterion "1.3" { ...a whole criterion... }
**   remove_criterion "6.5"
**   remove_component "9"                      -- once it has no criteria left
**   criterion "9.1" { ... }                   -- a new one, as usual
**
** `extends` loads the other rulebook's files (and whatever it extends)
** into the same state, right there; the declarations after it change that
** base. A change names something that must exist; params are merged key by
** key, and a key the base does not have is refused (a typo) unless the
** change also gives a new `score`.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "path.h"
#include "rule_decl.h"
#include "rule_extra.h"
#include "rulebook_extends.h"

static void push_str(char ***v, int *n, const char *s) {
  char **g = realloc(*v, (size_t)(*n + 1) * sizeof *g);
  if (!g) abort();
  *v = g;
  (*v)[(*n)++] = decl_strdup(s);
}

/* The folder of the rule file running `extends`. */
static void caller_dir(lua_State *L, char *out, size_t n) {
  lua_Debug ar;
  out[0] = '\0';
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "S", &ar);
    if (ar.source[0] == '@') {
      snprintf(out, n, "%s", ar.source + 1);
      char *slash = strrchr(out, '/');
      if (slash) *slash = '\0'; else snprintf(out, n, ".");
      return;
    }
  }
}

static int decl_extends(lua_State *L) {
  decl_check_not_sealed(L, "extends");
  rulebook *rb = decl_rulebook(L);
  const char *rel = luaL_checkstring(L, 1);
  char here[4096], dir[8192], own[4096];
  caller_dir(L, here, sizeof here);
  if (rel[0] == '/') snprintf(dir, sizeof dir, "%s", rel);
  else snprintf(dir, sizeof dir, "%s/%s", here, rel);
  path_normalize(dir);
  path_normalize(here);
  snprintf(own, sizeof own, "%s", rb->m.dir);
  path_normalize(own);
  if (rb->m.index_file || rb->m.ncomps || rb->ncrits)
    return sandbox_error(L, "extends must come first, before any declaration");
  lua_getfield(L, LUA_REGISTRYINDEX, "parindex.extenders");   /* folders that said extends */
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "parindex.extenders");
  }
  if (lua_getfield(L, -1, here) != LUA_TNIL)
    return sandbox_error(L, "extends: the rulebook %s already extends another (one extends per rulebook)", here);
  lua_pop(L, 1);
  lua_pushboolean(L, 1);
  lua_setfield(L, -2, here);
  lua_pop(L, 1);
  if (!strcmp(dir, own) || !strcmp(dir, here)) return sandbox_error(L, "extends \"%s\": a rulebook cannot extend itself", rel);
  for (int i = 0; i < rb->m.nbases; i++)
    if (!strcmp(rb->m.bases[i], dir)) return sandbox_error(L, "extends \"%s\": a cycle (%s is already extended)", rel, dir);
  if (rb->m.nbases >= 16) return sandbox_error(L, "extends: more than 16 levels");
  char **files = NULL;
  int n = 0;
  if (decl_list_rule_files(dir, &files, &n) != 0 || n == 0) {
    free(files);
    return sandbox_error(L, "extends \"%s\": no rulebook (*.lua files) in %s", rel, dir);
  }
  push_str(&rb->m.bases, &rb->m.nbases, dir);
  lua_createtable(L, n, 0);                          /* the paths, so that an error leaks nothing */
  for (int i = 0; i < n; i++) {
    lua_pushstring(L, files[i]);
    lua_rawseti(L, -2, i + 1);
    free(files[i]);
  }
  free(files);
  int list = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    const char *path = lua_tostring(L, -1);
    if (sandbox_loadfile(L, path) != LUA_OK) return lua_error(L);   /* a syntax error in the base */
    lua_call(L, 0, 0);
    push_str(&rb->base_files, &rb->nbase_files, path);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

/* ---- changes ---- */

static int find_crit(const rulebook *rb, const char *id) {
  for (int i = 0; i < rb->ncrits; i++) if (!strcmp(rb->crits[i].id, id)) return i;
  return -1;
}

static int change_index(lua_State *L) {
  decl_check_not_sealed(L, "change_index");
  static const char *const fields[] = {"name", "total", "appraisal", "survey", "bonus_cap", "penalty_cap",
                                       "exceed_total", NULL};
  rulebook *rb = decl_rulebook(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  if (!rb->m.index_file) return sandbox_error(L, "change_index: no index to change (extends must come first)");
  decl_check_fields(L, 1, "change_index", "", fields);
  if (lua_getfield(L, 1, "name") != LUA_TNIL) { char *v = decl_str_copy(L, 1, "name", 1, "change_index", ""); free(rb->m.name); rb->m.name = v; }
  lua_pop(L, 1);
  if (lua_getfield(L, 1, "total") != LUA_TNIL) rb->m.total = decl_pts_field(L, 1, "total", "change_index", "");
  lua_pop(L, 1);
  rb_extra_index_fields(L, rb, "change_index");
  for (int kind = 0; kind < 2; kind++) {
    const char *f = kind ? "survey" : "appraisal";
    int t = lua_getfield(L, 1, f);
    if (t == LUA_TNIL) { lua_pop(L, 1); continue; }
    if (t != LUA_TTABLE) return sandbox_error(L, "change_index: '%s' must be a list of component ids", f);
    lua_setfield(L, LUA_REGISTRYINDEX, kind ? "parindex.survey" : "parindex.appraisal");
  }
  free(rb->m.index_file);
  decl_where(L, &rb->m.index_file, &rb->m.index_line);
  return 0;
}

static int change_component_body(lua_State *L) {
  decl_check_not_sealed(L, "change_component");
  static const char *const fields[] = {"name", "max", "owner", NULL};
  rulebook *rb = decl_rulebook(L);
  const char *id = lua_tostring(L, lua_upvalueindex(1));
  luaL_checktype(L, 1, LUA_TTABLE);
  int k = methodology_component(&rb->m, id);
  if (k < 0) return sandbox_error(L, "change_component %s: no such component in the extended rulebook", id);
  decl_check_fields(L, 1, "change_component", id, fields);
  rb_component *c = &rb->m.comps[k];
  if (lua_getfield(L, 1, "name") != LUA_TNIL) { char *v = decl_str_copy(L, 1, "name", 1, "component", id); free(c->name); c->name = v; }
  if (lua_getfield(L, 1, "owner") != LUA_TNIL) { char *v = decl_str_copy(L, 1, "owner", 1, "component", id); free(c->owner); c->owner = v; }
  if (lua_getfield(L, 1, "max") != LUA_TNIL) c->max = decl_pts_field(L, 1, "max", "component", id);
  lua_pop(L, 3);
  free(c->file);                                     /* problems with it point here now */
  decl_where(L, &c->file, &c->line);
  return 0;
}

/* Copy of the value at idx with read-only views turned back into tables. */
static void push_thawed(lua_State *L, int idx, int depth) {
  idx = lua_absindex(L, idx);
  if (depth > 16) { lua_pushnil(L); return; }
  luaL_checkstack(L, 6, "params");
  if (sandbox_readonly_target(L, idx)) {        /* a read-only view: thaw what it shows */
    push_thawed(L, -1, depth + 1);
    lua_remove(L, -2);
    return;
  }
  if (lua_type(L, idx) != LUA_TTABLE) { lua_pushvalue(L, idx); return; }
  lua_newtable(L);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    push_thawed(L, -1, depth + 1);
    lua_remove(L, -2);
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
}

static int change_criterion_body(lua_State *L) {
  decl_check_not_sealed(L, "change_criterion");
  static const char *const fields[] = {"component", "name", "max", "owner", "basis", "params", "score",
                                       "when_not_applicable", NULL};
  rulebook *rb = decl_rulebook(L);
  const char *id = lua_tostring(L, lua_upvalueindex(1));
  luaL_checktype(L, 1, LUA_TTABLE);
  int k = find_crit(rb, id);
  if (k < 0) return sandbox_error(L, "change_criterion %s: no such criterion in the extended rulebook", id);
  decl_check_fields(L, 1, "change_criterion", id, fields);
  rb_criterion *c = &rb->crits[k];
  int na_full = rb_extra_na_field(L, id);
  if (na_full >= 0) c->na_full = na_full;
  if (lua_getfield(L, 1, "name") != LUA_TNIL) { char *v = decl_str_copy(L, 1, "name", 1, "criterion", id); free(c->name); c->name = v; }
  if (lua_getfield(L, 1, "owner") != LUA_TNIL) { char *v = decl_str_copy(L, 1, "owner", 1, "criterion", id); free(c->owner); c->owner = v; }
  if (lua_getfield(L, 1, "basis") != LUA_TNIL) { char *v = decl_str_copy(L, 1, "basis", 1, "criterion", id); free(c->basis); c->basis = v; }
  if (lua_getfield(L, 1, "component") != LUA_TNIL) {
    char *v = decl_str_copy(L, 1, "component", 1, "criterion", id);
    free(c->compid);
    c->compid = v;
  }
  if (lua_getfield(L, 1, "max") != LUA_TNIL) c->max = decl_pts_field(L, 1, "max", "criterion", id);
  lua_pop(L, 5);
  int new_score = lua_getfield(L, 1, "score");
  if (new_score != LUA_TNIL) {
    if (new_score != LUA_TFUNCTION) return sandbox_error(L, "criterion %s: 'score' must be a function(u, p)", id);
    luaL_unref(L, LUA_REGISTRYINDEX, c->score_ref);
    c->score_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  } else lua_pop(L, 1);
  int pt = lua_getfield(L, 1, "params");
  if (pt == LUA_TTABLE) {
    int changes = lua_gettop(L);
    if (c->params_ref != LUA_REFNIL) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, c->params_ref);
      push_thawed(L, -1, 0);
      lua_remove(L, -2);
    } else lua_newtable(L);
    int merged = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, changes)) {
      lua_pushvalue(L, -2);
      if (new_score == LUA_TNIL && lua_rawget(L, merged) == LUA_TNIL && lua_type(L, -3) == LUA_TSTRING)
        return sandbox_error(L, "change_criterion %s: params has no '%s' to change (a typo? to add a param, "
                             "give a new score too)", id, lua_tostring(L, -3));
      lua_pop(L, 1);
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, merged);
    }
    decl_push_frozen(L, merged, "params");
    luaL_unref(L, LUA_REGISTRYINDEX, c->params_ref);
    c->params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
  } else if (pt != LUA_TNIL) return sandbox_error(L, "criterion %s: 'params' must be a table", id);
  lua_pop(L, 1);
  return 0;
}

static void free_criterion(lua_State *L, rb_criterion *c) {
  luaL_unref(L, LUA_REGISTRYINDEX, c->score_ref);
  luaL_unref(L, LUA_REGISTRYINDEX, c->params_ref);
  free(c->id); free(c->name); free(c->owner); free(c->basis); free(c->compid); free(c->file);
}

static void drop_criterion(rulebook *rb, int k) {
  free_criterion(rb->L, &rb->crits[k]);
  memmove(&rb->crits[k], &rb->crits[k + 1], (size_t)(rb->ncrits - k - 1) * sizeof *rb->crits);
  rb->ncrits--;
}

static int replace_criterion_body(lua_State *L) {
  decl_check_not_sealed(L, "replace_criterion");
  rulebook *rb = decl_rulebook(L);
  const char *id = lua_tostring(L, lua_upvalueindex(1));
  luaL_checktype(L, 1, LUA_TTABLE);
  int k = find_crit(rb, id);
  if (k < 0) return sandbox_error(L, "replace_criterion %s: no such criterion in the extended rulebook", id);
  drop_criterion(rb, k);
  lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_GLOBALS_KEY);
  lua_getfield(L, -1, "criterion");
  lua_pushstring(L, id);
  lua_call(L, 1, 1);
  lua_pushvalue(L, 1);
  lua_call(L, 1, 0);
  return 0;
}

static int remove_criterion(lua_State *L) {
  decl_check_not_sealed(L, "remove_criterion");
  rulebook *rb = decl_rulebook(L);
  const char *id = luaL_checkstring(L, 1);
  int k = find_crit(rb, id);
  if (k < 0) return sandbox_error(L, "remove_criterion %s: no such criterion in the extended rulebook", id);
  drop_criterion(rb, k);
  return 0;
}

static int remove_component(lua_State *L) {
  decl_check_not_sealed(L, "remove_component");
  rulebook *rb = decl_rulebook(L);
  const char *id = luaL_checkstring(L, 1);
  int k = methodology_component(&rb->m, id);
  if (k < 0) return sandbox_error(L, "remove_component %s: no such component in the extended rulebook", id);
  for (int i = 0; i < rb->ncrits; i++)
    if (!strcmp(rb->crits[i].compid, id))
      return sandbox_error(L, "remove_component %s: criterion %s still belongs to it (remove_criterion it first)",
                           id, rb->crits[i].id);
  rb_component *c = &rb->m.comps[k];
  free(c->id); free(c->name); free(c->owner); free(c->file);
  memmove(c, c + 1, (size_t)(rb->m.ncomps - k - 1) * sizeof *c);
  rb->m.ncomps--;
  return 0;
}

static int change_component(lua_State *L) { return decl_curry(L, change_component_body, "change_component"); }
static int change_criterion(lua_State *L) { return decl_curry(L, change_criterion_body, "change_criterion"); }
static int replace_criterion(lua_State *L) { return decl_curry(L, replace_criterion_body, "replace_criterion"); }

const luaL_Reg rb_extends_api[] = {
  {"extends", decl_extends}, {"change_index", change_index}, {"change_component", change_component},
  {"change_criterion", change_criterion}, {"replace_criterion", replace_criterion},
  {"remove_criterion", remove_criterion}, {"remove_component", remove_component}, {NULL, NULL}
};

void rb_extends_finish(rulebook *rb) {
  if (!rb->nbase_files) return;
  char **all = malloc((size_t)(rb->nbase_files + rb->m.nfiles) * sizeof *all);
  if (!all) abort();
  memcpy(all, rb->base_files, (size_t)rb->nbase_files * sizeof *all);
  memcpy(all + rb->nbase_files, rb->m.files, (size_t)rb->m.nfiles * sizeof *all);
  free(rb->m.files);
  free(rb->base_files);
  rb->m.files = all;
  rb->m.nfiles += rb->nbase_files;
  rb->base_files = NULL;
  rb->nbase_files = 0;
}

void rb_extends_free(rulebook *rb) {
  for (int i = 0; i < rb->m.nbases; i++) free(rb->m.bases[i]);
  for (int i = 0; i < rb->nbase_files; i++) free(rb->base_files[i]);
  free(rb->m.bases);
  free(rb->base_files);
  rb->m.bases = NULL;
  rb->base_files = NULL;
  rb->m.nbases = 0;
  rb->nbase_files = 0;
}
