/*
** sandbox.c -- allow-listed, budgeted Lua states (after Suricata's
** util-lua-sandbox.c and Redis's script_lua.c).
*/
#include "sandbox.h"
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
      snprintf(lim->where, sizeof lim->where, "%s:%d", ar->short_src, ar->currentline);
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
  lua_createtable(L, 0, 0);                      /* the view */
  push_view_meta(L, idx, label, &view_mark);
  lua_setmetatable(L, -2);
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

/* ---- errors ---- */

int sandbox_error(lua_State *L, const char *fmt, ...) {
  lua_Debug ar;
  int found = 0;
  for (int level = 0; !found && lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);                 /* innermost frame with a line */
    if (ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
      found = 1;
    }
  }
  if (!found) lua_pushliteral(L, "");
  va_list ap;
  va_start(ap, fmt);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  lua_concat(L, 2);
  return lua_error(L);
}

/* Message handler: never runs the error object's own code (__tostring). */
static int sb_msgh(lua_State *L) {
  const char *msg = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
  if (!msg) msg = lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
  /* prefix the innermost rule-file position if the message lacks one */
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline <= 0) continue;
    size_t n = strlen(ar.short_src);
    if (strncmp(msg, ar.short_src, n) != 0 || msg[n] != ':')
      msg = lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, msg);
    break;
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

void sandbox_push_msgh(lua_State *L) { lua_pushcfunction(L, sb_msgh); }

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
  lua_pushvalue(L, g);
  luaL_setfuncs(L, safe_base, 0);
  lua_pop(L, 1);
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
    if (!strcmp(lib->name, LUA_STRLIBNAME)) {
      lua_getfield(L, -1, "format");
      lua_pushcclosure(L, sb_format, 1);
      lua_setfield(L, -2, "format");
    }
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
  lim->ctx_file = path;                                /* parsing is C: the timer's last resort */
  int rc = luaL_loadbufferx(L, src, len, name, "t");   /* text only: no bytecode */
  sbt_leave(prev);
  lua_remove(L, -2);
  if (rc != LUA_OK) {                                  /* name the file in every message */
    const char *msg = lua_tostring(L, -1);
    if (msg && strncmp(msg, path, strlen(path)) != 0) {
      lua_pushfstring(L, "%s:1: %s", path, msg);
      lua_remove(L, -2);
    }
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
