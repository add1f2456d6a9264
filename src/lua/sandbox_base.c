/*
** sandbox_base.c -- the sandbox's own versions of base functions: tostring
** and string.format without addresses, next/rawget/rawlen that see through
** read-only views (sandbox_base.h, for sandbox.c).
*/
#include "sandbox_base.h"

#include <string.h>

/* tostring without addresses: "function", "table", a handle's type name;
** read-only views and dates print their own text. */
static int sb_tostring(lua_State *L) {
  luaL_checkany(L, 1);
  int t = lua_type(L, 1);
  if (t == LUA_TTABLE || t == LUA_TUSERDATA) {
    if (luaL_callmeta(L, 1, "__tostring")) {
      if (!lua_isstring(L, -1)) return sandbox_error(L, "'__tostring' must return a string");
      return 1;
    }
    if (luaL_getmetafield(L, 1, "__name") == LUA_TSTRING) return 1;
    lua_pushstring(L, luaL_typename(L, 1));
  } else if (t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TLIGHTUSERDATA) {
    lua_pushstring(L, luaL_typename(L, 1));
  } else luaL_tolstring(L, 1, NULL);
  return 1;
}

/* string.format: no %p, and values without a text of their own print as
** sb_tostring says (upvalue 1: the charged string.format). */
static int sb_format(lua_State *L) {
  size_t n;
  const char *f = luaL_checklstring(L, 1, &n);
  for (size_t i = 0; i < n; i++) {
    if (f[i] != '%') continue;
    for (i++; i < n && strchr("-+ #0123456789.", f[i]); i++) {}
    if (i < n && f[i] == 'p')
      return sandbox_error(L, "string.format: %%p is not allowed in rule files (it prints an address)");
  }
  int top = lua_gettop(L);
  for (int i = 2; i <= top; i++) {
    int t = lua_type(L, i);
    if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TTHREAD ||
        t == LUA_TLIGHTUSERDATA) {
      lua_pushcfunction(L, sb_tostring);
      lua_pushvalue(L, i);
      lua_call(L, 1, 1);
      lua_replace(L, i);
    }
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, top, 1);
  return 1;
}

/* next, rawget and rawlen see through read-only views (params, records,
** tables frozen after loading) to the table they show. */
static void see_through(lua_State *L) {
  while (sandbox_readonly_target(L, 1)) lua_replace(L, 1);
}

static int sb_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  see_through(L);
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

static int sb_rawget(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  see_through(L);
  lua_rawget(L, 1);
  return 1;
}

static int sb_rawlen(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  lua_settop(L, 1);
  if (t == LUA_TTABLE) see_through(L);
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  return 1;
}

static const luaL_Reg safe_base[] = {
  {"tostring", sb_tostring}, {"next", sb_next}, {"rawget", sb_rawget}, {"rawlen", sb_rawlen},
  {NULL, NULL}
};

void sandbox_open_safe_base(lua_State *L, int g) {
  lua_pushvalue(L, g);
  luaL_setfuncs(L, safe_base, 0);
  lua_pop(L, 1);
}

void sandbox_wrap_format(lua_State *L) {
  lua_getfield(L, -1, "format");
  lua_pushcclosure(L, sb_format, 1);
  lua_setfield(L, -2, "format");
}

