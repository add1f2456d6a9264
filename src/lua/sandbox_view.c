/*
** sandbox_view.c -- what every part of the sandbox uses (sandbox.h): the
** limits of a state and read-only views of tables (frozen or not, made new
** or in place). Calls nothing else of the sandbox but its errors
** (sandbox_msg.c), so that sandbox.c, sandbox_base.c and sandbox_charge.c
** can all call it.
*/
#include "sandbox.h"

#include <stdarg.h>
#include <string.h>

sandbox_limits *sandbox_limits_of(lua_State *L) {
  void *ud;
  lua_getallocf(L, &ud);
  return ud;
}

/* ---- read-only views ---- */

/* A view is an empty table whose metatable holds the real table as __index,
** so reading a field is a plain table lookup in the VM (no C call per read):
** the rule API's `u`, `params` and facts are read on every criterion of every
** unit. Writes reach __newindex and raise; the metatable is out of reach
** (getmetatable and rawset are blocked, __metatable is false). For the host
** the metatable also holds the table at [1] and view_mark at [2]: C code
** finds a view's table by two array reads instead of two name lookups.
** A frozen view (sandbox_view_freeze) has frozen_mark at [2] instead. */
static const char view_mark = 0, frozen_mark = 0;

static int is_view_mark(const void *p) { return p == &view_mark || p == &frozen_mark; }

/* The metatable of the view at 1, pushed; any other value is an error
** (the iterator of pairs can be called with anything). */
static void ro_meta(lua_State *L) {
  if (lua_istable(L, 1) && lua_getmetatable(L, 1)) {
    if (lua_rawgeti(L, -1, 2) == LUA_TLIGHTUSERDATA && is_view_mark(lua_touserdata(L, -1))) {
      lua_pop(L, 1);
      return;
    }
  }
  luaL_typeerror(L, 1, "read-only table");
}

static void ro_meta_field(lua_State *L, const char *field) {   /* view at 1 */
  ro_meta(L);
  lua_getfield(L, -1, field);
  lua_remove(L, -2);
}

static void ro_target(lua_State *L) {                          /* view at 1 */
  ro_meta(L);
  lua_rawgeti(L, -1, 1);
  lua_remove(L, -2);
}

static int ro_newindex(lua_State *L) {
  ro_meta_field(L, "__label");
  const char *label = lua_touserdata(L, -1);
  const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return sandbox_error(L, "%s is read-only (cannot set '%s')", label ? label : "?", k);
}

static int ro_len(lua_State *L) {
  ro_target(L);
  lua_pushinteger(L, (lua_Integer)luaL_len(L, -1));
  return 1;
}

static int ro_next(lua_State *L) {                /* (view, key) -> next pair */
  ro_target(L);
  lua_pushvalue(L, 2);
  return lua_next(L, -2) ? 2 : (lua_pushnil(L), 1);
}

static int ro_pairs(lua_State *L) {
  lua_pushcfunction(L, ro_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

static int ro_tostring(lua_State *L) {
  ro_meta_field(L, "__label");
  const char *label = lua_touserdata(L, -1);
  lua_pushfstring(L, "%s (read-only)", label ? label : "?");
  return 1;
}

int sandbox_readonly_target(lua_State *L, int idx) {
  int top = lua_gettop(L);
  idx = lua_absindex(L, idx);
  if (!lua_istable(L, idx) || !lua_getmetatable(L, idx)) return 0;
  if (lua_rawgeti(L, -1, 2) != LUA_TLIGHTUSERDATA || !is_view_mark(lua_touserdata(L, -1))) {
    lua_settop(L, top);
    return 0;
  }
  lua_rawgeti(L, -2, 1);
  lua_replace(L, top + 1);                       /* keep the target only */
  lua_settop(L, top + 1);
  return 1;
}

void sandbox_push_target(lua_State *L, int idx) {
  if (!sandbox_readonly_target(L, idx)) lua_pushvalue(L, idx);
}

/* The metatable of a view of the table at target, pushed. */
static void push_view_meta(lua_State *L, int target, const char *label, const char *mark) {
  static const luaL_Reg meta[] = {
    {"__newindex", ro_newindex}, {"__len", ro_len}, {"__pairs", ro_pairs},
    {"__tostring", ro_tostring}, {NULL, NULL}
  };
  target = lua_absindex(L, target);
  lua_createtable(L, 2, 7);                      /* the metatable */
  luaL_setfuncs(L, meta, 0);
  lua_pushvalue(L, target);
  lua_pushvalue(L, -1);
  lua_rawseti(L, -3, 1);
  lua_setfield(L, -2, "__index");
  lua_pushlightuserdata(L, (void *)mark);
  lua_rawseti(L, -2, 2);
  lua_pushlightuserdata(L, (void *)label);
  lua_setfield(L, -2, "__label");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
}

void sandbox_push_readonly(lua_State *L, int idx, const char *label) {
  idx = lua_absindex(L, idx);
  int inner = sandbox_readonly_target(L, idx);   /* a view of a view shows the table itself */
  if (inner) idx = lua_gettop(L);
  lua_createtable(L, 0, 0);                      /* the view */
  push_view_meta(L, idx, label, &view_mark);
  lua_setmetatable(L, -2);
  if (inner) lua_remove(L, -2);
}

void sandbox_freeze_table(lua_State *L, int idx, const char *label) {
  idx = lua_absindex(L, idx);
  luaL_checkstack(L, 6, "sandbox_freeze_table");
  lua_createtable(L, (int)lua_rawlen(L, idx), 0);   /* what the table held */
  int held = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, held);
  }
  lua_pushnil(L);
  while (lua_next(L, idx)) {                     /* emptied: a view holds nothing itself */
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, idx);
  }
  push_view_meta(L, held, label, &frozen_mark);
  lua_setmetatable(L, idx);
  lua_pop(L, 1);
}

/* The metatable of the frozen view at idx, pushed; 0 (nothing pushed) if
** the value is not a frozen view. */
static int frozen_meta(lua_State *L, int idx) {
  if (!lua_istable(L, idx) || !lua_getmetatable(L, idx)) return 0;
  if (lua_rawgeti(L, -1, 2) != LUA_TLIGHTUSERDATA || lua_touserdata(L, -1) != &frozen_mark) {
    lua_pop(L, 2);
    return 0;
  }
  lua_pop(L, 1);
  return 1;
}

void sandbox_view_freeze(lua_State *L, int idx) {
  if (!sandbox_readonly_target(L, idx)) return;
  lua_pop(L, 1);
  lua_getmetatable(L, idx);
  lua_pushlightuserdata(L, (void *)&frozen_mark);
  lua_rawseti(L, -2, 2);
  lua_pop(L, 1);
}

int sandbox_view_memo(lua_State *L, int idx, const void *key) {
  if (!frozen_meta(L, idx)) return 0;
  lua_rawgetp(L, -1, key);
  lua_remove(L, -2);
  return 1;
}

void sandbox_view_set_memo(lua_State *L, int idx, const void *key) {
  idx = lua_absindex(L, idx);
  if (!frozen_meta(L, idx)) { lua_pop(L, 1); return; }
  lua_insert(L, -2);                              /* metatable, value */
  lua_rawsetp(L, -2, key);
  lua_pop(L, 1);
}
