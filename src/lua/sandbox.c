/*
** sandbox.c -- allow-listed, budgeted Lua states (after Suricata's
** util-lua-sandbox.c and Redis's script_lua.c).
*/
#include "sandbox.h"
#include "sandbox_msg.h"
#include "sandbox_base.h"
#include "sandbox_timer.h"

#include <errno.h>
#include <lualib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOOK_EVERY 1000                       /* instructions between hook calls */

/* ---- limits ---- */

static void sb_hook(lua_State *L, lua_Debug *ar);

/* The hook: instruction counts always, every line too while memory is above
** half the cap, every instruction once the cap is passed. lua_sethook may be
** called at any time (lua.c calls it from a signal handler). */
static void set_hook(sandbox_limits *lim) {
  if (!lim->L) return;
  if (lim->stopped && !strcmp(lim->stopped, "memory cap"))
    lua_sethook(lim->L, sb_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1);
  else if (lim->mem_used > lim->mem_limit / 2)
    lua_sethook(lim->L, sb_hook, LUA_MASKCOUNT | LUA_MASKLINE, HOOK_EVERY);
  else
    lua_sethook(lim->L, sb_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  sandbox_limits *lim = ud;
  size_t old = ptr ? osize : 0;               /* osize is a type tag when ptr is NULL */
  if (nsize == 0) {
    free(ptr);
    lim->mem_used -= old;
    return NULL;
  }
  if (nsize > old) {
    size_t grow = nsize - old, half = lim->mem_limit / 2;
    int was_stopped = lim->stopped != NULL;
    if (lim->mem_used + grow > 2 * lim->mem_limit) { lim->stopped = "memory cap"; return NULL; }
    if (lim->mem_used + grow > lim->mem_limit) lim->stopped = "memory cap";
    if ((lim->stopped && !was_stopped) || (lim->mem_used <= half && lim->mem_used + grow > half)) {
      lim->mem_used += grow;                  /* as it will be, for set_hook */
      set_hook(lim);
      lim->mem_used -= grow;
    }
  }
  void *p = ptr ? realloc(ptr, nsize) : malloc(nsize);   /* most are new small objects */
  if (p) lim->mem_used = lim->mem_used - old + nsize;
  return p;
}

static void sb_hook(lua_State *L, lua_Debug *ar) {
  sandbox_limits *lim = sandbox_limits_of(L);
  if (lim->timed_out) {                       /* the CPU timer fired (sandbox_timer.c) */
    lim->timed_out = 0;
    lim->stopped = "time limit";
    set_hook(lim);
    sandbox_error(L, "time limit exceeded (%d s of CPU time): the rule does too much work",
                  (int)(lim->cpu_ms / 1000));
  }
  if (ar->event == LUA_HOOKLINE) {            /* remember where we are */
    if (lua_getinfo(L, "S", ar) && ar->currentline > 0)
      snprintf(lim->where, sizeof lim->where, "%s:%d", sandbox_frame_file(ar), ar->currentline);
    if (!(lim->stopped && !strcmp(lim->stopped, "memory cap"))) return;
  }
  lim->insn_count += ar->event == LUA_HOOKCOUNT ? HOOK_EVERY : 0;
  if (lim->stopped && !strcmp(lim->stopped, "memory cap"))
    sandbox_error(L, "memory cap exceeded (%d MiB): the rule uses too much memory",
                  (int)(lim->mem_limit >> 20));
  if (lim->insn_count > lim->insn_limit) {
    lim->stopped = "instruction budget";
    sandbox_error(L, "instruction budget exceeded (%I instructions): endless loop?",
                  (lua_Integer)lim->insn_limit);
  }
}

/* ---- protected calls (messages: sandbox_msg.c) ---- */

int sandbox_pcall(lua_State *L, int nargs, int nresults) {
  int base = lua_gettop(L) - nargs;
  sandbox_push_msgh(L);
  lua_insert(L, base);
  int rc = sandbox_pcallh(L, nargs, nresults, base);
  lua_remove(L, base);
  return rc;
}

int sandbox_pcallh(lua_State *L, int nargs, int nresults, int msgh) {
  sandbox_limits *lim = sandbox_limits_of(L);
  lim->insn_count = 0;
  lim->stopped = NULL;
  lim->where[0] = '\0';
  set_hook(lim);
  sandbox_limits *prev = sbt_enter(lim, sb_hook);
  int rc = lua_pcall(L, nargs, nresults, msgh);
  sbt_leave(prev);
  if (rc == LUA_OK && lim->stopped) {       /* stopped but the error was swallowed */
    lua_pop(L, nresults == LUA_MULTRET ? 0 : nresults);
    lua_pushfstring(L, "script stopped: %s exceeded", lim->stopped);
    rc = LUA_ERRRUN;
  } else if (rc == LUA_ERRMEM) {            /* no handler ran: say which cap, and where */
    lua_pop(L, 1);
    lua_pushfstring(L, "%s%smemory cap exceeded (%d MiB): the rule uses too much memory",
                    lim->where, lim->where[0] ? ": " : "", (int)(lim->mem_limit >> 20));
  } else if (rc != LUA_OK && lua_type(L, -1) != LUA_TSTRING) {
    lua_pop(L, 1);
    lua_pushliteral(L, "error object is not a string");
  }
  return rc;
}

/* ---- globals ---- */

static int blocked(lua_State *L) {
  return sandbox_error(L, "%s is blocked in rule files (sandbox)",
                       lua_tostring(L, lua_upvalueindex(1)));
}

static int blocked_lib_index(lua_State *L) {
  const char *lib = lua_tostring(L, lua_upvalueindex(1));
  const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return sandbox_error(L, "%s.%s is blocked in rule files (sandbox)", lib, k);
}

static int env_index(lua_State *L) {           /* undefined global read */
  const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return sandbox_error(L, "undefined global '%s'", k);
}

static int env_newindex(lua_State *L) {
  const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return sandbox_error(L, "assignment to global '%s' (declare it local)", k);
}

/* Empty the table at idx. */
static void clear_table(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, idx);
  }
}

static const char *const base_allowed[] = {
  "assert", "error", "ipairs", "pairs", "select", "tonumber", "type", "rawequal", "_VERSION",
  NULL
};
static const char *const blocked_funcs[] = {
  "load", "loadfile", "dofile", "require", "print", "pcall", "xpcall", "collectgarbage",
  "setmetatable", "getmetatable", "rawset", NULL
};
static const char *const blocked_libs[] = {"os", "io", "package", "debug", "coroutine", NULL};
static const luaL_Reg allowed_libs[] = {
  {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
  {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL}
};

static void push_blocked(lua_State *L, const char *name) {
  lua_pushstring(L, name);
  lua_pushcclosure(L, blocked, 1);
}

static int sb_init(lua_State *L) {
  const luaL_Reg *const *apis = lua_touserdata(L, 1);
  lua_newtable(L);                               /* the shared globals (private) */
  int g = lua_gettop(L);
  luaL_requiref(L, LUA_GNAME, luaopen_base, 0);  /* base into a scratch table */
  for (const char *const *n = base_allowed; *n; n++) {
    lua_getfield(L, -1, *n);
    lua_setfield(L, g, *n);
  }
  lua_pop(L, 1);
  sandbox_open_safe_base(L, g);
  for (const char *const *n = blocked_funcs; *n; n++) {
    push_blocked(L, *n);
    lua_setfield(L, g, *n);
  }
  for (const char *const *n = blocked_libs; *n; n++) {
    lua_newtable(L);
    lua_newtable(L);
    lua_pushstring(L, *n);
    lua_pushcclosure(L, blocked_lib_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    sandbox_push_readonly(L, -1, *n);
    lua_setfield(L, g, *n);
    lua_pop(L, 1);
  }
  for (const luaL_Reg *lib = allowed_libs; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 0);
    if (!strcmp(lib->name, LUA_STRLIBNAME)) {    /* also reached through ("").x */
      push_blocked(L, "string.dump");
      lua_setfield(L, -2, "dump");
    }
    sandbox_charge_library(L, lib->name);       /* string, table, utf8 pay for their work */
    if (!strcmp(lib->name, LUA_STRLIBNAME)) sandbox_wrap_format(L);
    if (!strcmp(lib->name, LUA_MATHLIBNAME)) {   /* scores must be reproducible */
      push_blocked(L, "math.random");
      lua_setfield(L, -2, "random");
      push_blocked(L, "math.randomseed");
      lua_setfield(L, -2, "randomseed");
    }
    sandbox_push_readonly(L, -1, lib->name);
    lua_setfield(L, g, lib->name);
    lua_pop(L, 1);
  }
  lua_getfield(L, g, "table");
  lua_getfield(L, -1, "unpack");
  lua_setfield(L, g, "unpack");
  lua_pop(L, 1);
  for (; apis && *apis; apis++) {
    lua_pushvalue(L, g);
    luaL_setfuncs(L, *apis, 0);
    lua_pop(L, 1);
  }
  /* string methods go through the read-only view too */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_getfield(L, g, "string");
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
  /* undefined globals raise */
  lua_newtable(L);
  lua_pushcfunction(L, env_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, env_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, g);
  lua_setfield(L, LUA_REGISTRYINDEX, SANDBOX_GLOBALS_KEY);
  /* the real _G and package.loaded are emptied: they held the whole base
  ** library and the raw library tables, which no stack slot may hand out */
  lua_pushglobaltable(L);
  clear_table(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  clear_table(L, -1);
  lua_pop(L, 1);
  return 0;
}

lua_State *sandbox_new(sandbox_limits *lim, const luaL_Reg *const *apis) {
  lim->mem_used = 0;
  lim->stopped = NULL;
  lim->insn_count = 0;
  lim->L = NULL;
  lim->where[0] = '\0';
  if (!lim->mem_limit) lim->mem_limit = SANDBOX_DEFAULT_MEM;
  if (!lim->insn_limit) lim->insn_limit = SANDBOX_DEFAULT_INSNS;
  if (!lim->cpu_ms) lim->cpu_ms = SANDBOX_CPU_MS(lim->insn_limit);
  lim->timed_out = 0;
  lua_State *L = lua_newstate(sb_alloc, lim);
  if (!L) return NULL;
  lua_pushcfunction(L, sb_init);
  lua_pushlightuserdata(L, (void *)apis);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) { lua_close(L); return NULL; }
  lim->L = L;
  set_hook(lim);
  sbt_retain();
  return L;
}

void sandbox_close(lua_State *L) {
  if (!L) return;
  sandbox_limits *lim = sandbox_limits_of(L);
  lim->L = NULL;                              /* no hook changes while closing */
  lua_close(L);
  sbt_release();
}

int sandbox_loadfile(lua_State *L, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { lua_pushfstring(L, "%s: %s", path, strerror(errno)); return LUA_ERRFILE; }
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  char chunk[8192];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) luaL_addlstring(&b, chunk, n);
  int bad = ferror(f);
  fclose(f);
  luaL_pushresult(&b);
  if (bad) { lua_pop(L, 1); lua_pushfstring(L, "%s: read error", path); return LUA_ERRFILE; }
  size_t len;
  const char *src = lua_tolstring(L, -1, &len);
  char name[1024];
  snprintf(name, sizeof name, "@%s", path);
  sandbox_limits *lim = sandbox_limits_of(L), *prev = sbt_enter(lim, sb_hook);
  const char *outer = lim->ctx_file;
  lim->ctx_file = path;                                /* parsing is C: the timer's last resort */
  int rc = luaL_loadbufferx(L, src, len, name, "t");   /* text only: no bytecode */
  lim->ctx_file = outer;
  sbt_leave(prev);
  lua_remove(L, -2);
  if (rc != LUA_OK) {
    sandbox_name_load_error(L, path);
    return rc;
  }
  /* private environment: reads fall through to the shared globals */
  lua_newtable(L);
  lua_newtable(L);
  lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_GLOBALS_KEY);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, env_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_setupvalue(L, -2, 1);                         /* _ENV */
  return LUA_OK;
}
