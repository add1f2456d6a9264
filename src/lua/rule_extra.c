/*
** rule_extra.c -- bonus and penalty items, their caps, and when_not_applicable
** (see rule_extra.h).
*/
#include "rule_extra.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_decl.h"
#include "sandbox.h"

const char *rb_item_label(const rb_criterion *c) {
  return c->extra == RB_BONUS ? "bonus" : c->extra == RB_PENALTY ? "penalty" : "criterion";
}

static int declare(lua_State *L, int extra) {
  static const char *const fields[] = {"name", "max", "owner", "basis", "params", "score", NULL};
  const char *what = extra == RB_BONUS ? "bonus" : "penalty";
  rulebook *rb = decl_rulebook(L);
  decl_check_not_sealed(L, what);
  const char *id = lua_tostring(L, lua_upvalueindex(1));
  luaL_checktype(L, 1, LUA_TTABLE);
  decl_check_fields(L, 1, what, id, fields);
  for (int i = 0; i < rb->nextras; i++)
    if (!strcmp(rb->extras[i].id, id))
      return sandbox_error(L, "%s %s: declared twice (first at %s:%d)", what, id, rb->extras[i].file,
                           rb->extras[i].line);
  rb_criterion c = {0};
  const char *name = decl_str_field(L, 1, "name", 1, what, id);
  const char *owner = decl_str_field(L, 1, "owner", 1, what, id);
  const char *basis = decl_str_field(L, 1, "basis", 0, what, id);
  c.max = decl_pts_field(L, 1, "max", what, id);
  if (c.max <= 0) return sandbox_error(L, "%s %s: 'max' must be above 0", what, id);
  if (rb->m.noffices && !methodology_office_name(&rb->m, owner))
    return sandbox_error(L, "%s %s: unknown owner office '%s'", what, id, owner);
  if (lua_getfield(L, 1, "score") != LUA_TFUNCTION)
    return sandbox_error(L, "%s %s: 'score' must be a function(u, p)", what, id);
  int pt = lua_getfield(L, 1, "params");
  if (pt != LUA_TTABLE && pt != LUA_TNIL) return sandbox_error(L, "%s %s: 'params' must be a table", what, id);
  if (pt == LUA_TTABLE) {
    decl_push_frozen(L, -1, "params");
    c.params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  } else c.params_ref = LUA_REFNIL;
  lua_pop(L, 1);
  c.score_ref = luaL_ref(L, LUA_REGISTRYINDEX);      /* the score function, last checked */
  c.extra = extra;
  c.comp = -1;
  c.id = decl_strdup(id);
  c.name = decl_strdup(name);
  c.owner = decl_strdup(owner);
  c.basis = decl_strdup(basis);
  decl_where(L, &c.file, &c.line);
  rb_criterion *g = realloc(rb->extras, (size_t)(rb->nextras + 1) * sizeof *g);
  if (!g) abort();
  rb->extras = g;
  rb->extras[rb->nextras++] = c;
  return 0;
}

static int bonus_body(lua_State *L) { return declare(L, RB_BONUS); }
static int penalty_body(lua_State *L) { return declare(L, RB_PENALTY); }
static int decl_bonus(lua_State *L) { return decl_curry(L, bonus_body, "bonus"); }
static int decl_penalty(lua_State *L) { return decl_curry(L, penalty_body, "penalty"); }

const luaL_Reg rb_extra_api[] = {
  {"bonus", decl_bonus}, {"penalty", decl_penalty},
  {NULL, NULL}
};

void rb_extra_index_fields(lua_State *L, rulebook *rb, const char *what) {
  static const char *const caps[] = {"bonus_cap", "penalty_cap"};
  if (!rb->m.index_file) rb->m.bonus_cap = rb->m.penalty_cap = -1;   /* the first index: no caps */
  for (int k = 0; k < 2; k++) {
    if (lua_getfield(L, 1, caps[k]) != LUA_TNIL) *(k ? &rb->m.penalty_cap : &rb->m.bonus_cap) =
        decl_pts_field(L, 1, caps[k], what, "");
    lua_pop(L, 1);
  }
  int t = lua_getfield(L, 1, "exceed_total");
  if (t != LUA_TNIL && t != LUA_TBOOLEAN)
    sandbox_error(L, "%s: 'exceed_total' must be true or false", what);
  if (t == LUA_TBOOLEAN) rb->m.exceed_total = lua_toboolean(L, -1);
  lua_pop(L, 1);
}

int rb_extra_na_field(lua_State *L, const char *id) {
  if (lua_getfield(L, 1, "when_not_applicable") == LUA_TNIL) { lua_pop(L, 1); return -1; }
  const char *v = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
  int full = !strcmp(v, "full") ? 1 : !strcmp(v, "rescale") ? 0 : -1;
  if (full < 0)
    sandbox_error(L, "criterion %s: 'when_not_applicable' must be \"rescale\" (left out, its component "
                  "rescaled) or \"full\" (no task of its kind arose: full points)", id);
  lua_pop(L, 1);
  return full;
}

void rb_extra_check(rulebook *rb, char *err, size_t errlen) {
  for (int i = 0; i < rb->nextras; i++) {
    const rb_criterion *c = &rb->extras[i];
    for (int k = 0; k < rb->ncrits; k++) {
      if (strcmp(rb->crits[k].id, c->id)) continue;
      size_t n = strlen(err);
      snprintf(err + n, errlen - n, "%s%s:%d: %s %s: a criterion has this id (%s:%d)", n ? "\n" : "", c->file,
               c->line, rb_item_label(c), c->id, rb->crits[k].file, rb->crits[k].line);
    }
  }
}

void rb_extra_publish(rulebook *rb) {
  free(rb->m.extras);
  rb->m.extras = calloc((size_t)(rb->nextras ? rb->nextras : 1), sizeof *rb->m.extras);
  if (!rb->m.extras) abort();
  for (int i = 0; i < rb->nextras; i++) {
    const rb_criterion *c = &rb->extras[i];
    rb->m.extras[i] = (meth_extra){.id = c->id, .name = c->name, .owner = c->owner, .basis = c->basis,
                                   .file = c->file, .line = c->line, .max = c->max,
                                   .penalty = c->extra == RB_PENALTY};
  }
  rb->m.nextras = rb->nextras;
}

void rb_extra_map_paths(rulebook *rb, void (*map)(char **path, void *ud), void *ud) {
  for (int i = 0; i < rb->nextras; i++) map(&rb->extras[i].file, ud);
}

void rb_extra_free(rulebook *rb) {
  for (int i = 0; i < rb->nextras; i++) {
    rb_criterion *c = &rb->extras[i];
    free(c->id); free(c->name); free(c->owner); free(c->basis); free(c->file);
  }
  free(rb->extras);
  free(rb->m.extras);
  rb->extras = NULL;
  rb->m.extras = NULL;
  rb->nextras = rb->m.nextras = 0;
}
