/*
** rule_state.c -- nothing a criterion does while scoring one unit may
** change what another unit gets.
**
** One Lua state scores every unit, so anything a score function can change
** and that outlives its call would carry state from one unit to the next:
** a file-level `local n = 0` that score increments, a table used as a
** cache. Once the rulebook is loaded, every value reachable from a score
** function (its upvalues, the functions and tables they hold, and so on) is
** walked:
**   - every Lua function's bytecode is read (luascan_upvalue_writes): an
**     assignment to a variable that outlives the call (SETUPVAL), or a field
**     set on such a table variable, refuses the rulebook at its file:line,
**     naming the criterion and the variable;
**   - every plain table is frozen in place (sandbox_freeze_table): reading
**     it works as before, writing to it raises an error at the rule's line.
** Tables and closures made during the call are the call's own. Params,
** facts, `u` and the libraries are read-only views already; rule files
** cannot set metatables, catch errors or start coroutines.
*/
#include "rule_state.h"

#include <stdio.h>
#include <string.h>

#include "lua_globals.h"
#include "rule_extra.h"

#define FROZEN_LABEL "a table made while the rule files loaded"

typedef struct {
  rulebook *rb;
  const rb_criterion *c;
  const char *file;             /* of the function being read */
  char *err; size_t errlen;
} walk;

static void on_write(const char *name, int line, int write, void *ud) {
  walk *w = ud;
  size_t n = strlen(w->err);
  if (n + 1 >= w->errlen) return;
  if (n && w->err[n - 1] != '\n') w->err[n++] = '\n', w->err[n] = '\0';
  snprintf(w->err + n, w->errlen - n,
           "%s:%d: %s %s: its score %s '%s', which outlives the call: a unit's result would "
           "depend on the units scored before it (keep it local to score)",
           w->file, line, rb_item_label(w->c), w->c->id, write == 1 ? "assigns to the variable" : "sets a field of the table",
           name);
}

/* Queue v (at idx) on the work list at q unless seen (in the table at seen). */
static void enqueue(lua_State *L, int idx, int seen, int q) {
  int t = lua_type(L, idx);
  if (t != LUA_TFUNCTION && t != LUA_TTABLE) return;
  lua_pushvalue(L, idx);
  if (lua_rawget(L, seen) != LUA_TNIL) { lua_pop(L, 1); return; }
  lua_pop(L, 1);
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  lua_rawset(L, seen);
  lua_pushvalue(L, idx);
  lua_rawseti(L, q, (lua_Integer)lua_rawlen(L, q) + 1);
}

/* Walk what one criterion's score reaches; tables go to the list at frz. */
static void walk_criterion(lua_State *L, walk *w, int seen, int frz) {
  lua_newtable(L);
  int q = lua_gettop(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, w->c->score_ref);
  enqueue(L, -1, seen, q);
  lua_pop(L, 1);
  for (lua_Integer n; (n = (lua_Integer)lua_rawlen(L, q)) > 0;) {
    lua_rawgeti(L, q, n);
    lua_pushnil(L);
    lua_rawseti(L, q, n);
    int v = lua_gettop(L);
    if (lua_type(L, v) == LUA_TFUNCTION && !lua_iscfunction(L, v)) {
      lua_Debug ar;
      lua_pushvalue(L, v);
      lua_getinfo(L, ">S", &ar);
      w->file = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
      if (luascan_upvalue_writes(L, v, on_write, w) != 0)
        on_write("?", ar.linedefined, 1, w);        /* cannot be read: refuse rather than trust */
      for (int i = 1; lua_getupvalue(L, v, i); i++) {
        enqueue(L, -1, seen, q);
        lua_pop(L, 1);
      }
    } else if (lua_type(L, v) == LUA_TTABLE && !lua_getmetatable(L, v)) {   /* a plain table */
      lua_pushnil(L);
      while (lua_next(L, v)) {
        enqueue(L, -2, seen, q);
        enqueue(L, -1, seen, q);
        lua_pop(L, 1);
      }
      lua_pushvalue(L, v);
      lua_rawseti(L, frz, (lua_Integer)lua_rawlen(L, frz) + 1);
    }
    lua_settop(L, v - 1);
  }
  lua_pop(L, 1);
}

static int check_all(lua_State *L) {
  walk *w = lua_touserdata(L, 1);
  luaL_checkstack(L, 12, "rule_state");
  lua_newtable(L);                                 /* 2: seen */
  lua_newtable(L);                                 /* 3: tables to freeze */
  for (int i = 0; i < w->rb->ncrits + w->rb->nextras; i++) {   /* criteria, then bonus and penalty items */
    w->c = i < w->rb->ncrits ? &w->rb->crits[i] : &w->rb->extras[i - w->rb->ncrits];
    walk_criterion(L, w, 2, 3);
  }
  for (lua_Integer i = 1, n = (lua_Integer)lua_rawlen(L, 3); i <= n; i++) {
    lua_rawgeti(L, 3, i);
    sandbox_freeze_table(L, -1, FROZEN_LABEL);
    lua_pop(L, 1);
  }
  return 0;
}

void rule_state_check(rulebook *rb, char *err, size_t errlen) {
  walk w = {.rb = rb, .err = err, .errlen = errlen};
  lua_State *L = rb->L;
  lua_pushcfunction(L, check_all);
  lua_pushlightuserdata(L, &w);
  if (sandbox_pcall(L, 1, 0) != LUA_OK) {
    size_t n = strlen(err);
    snprintf(err + n, errlen - n, "%s%s: %s", n ? "\n" : "", rb->m.dir, lua_tostring(L, -1));
    lua_pop(L, 1);
  }
}
