/*
** sandbox.c -- allow-listed, budgeted Lua states (after Suricata's
** util-lua-sandbox.c and Redis's script_lua.c).
*/
#include "sandbox.h"
#include "sandbox_msg.h"

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

static void ro_meta_field(lua_State *L, const char *field) {   /* view at 1 */
  lua_getmetatable(L, 1);
  lua_getfield(L, -1, field);
  lua_remove(L, -2);
}

static void ro_target(lua_State *L) {                          /* view at 1 */
  lua_getmetatable(L, 1);
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

void sandbox_push_readonly(lua_State *L, int idx, const char *label) {
  static const luaL_Reg meta[] = {
    {"__newindex", ro_newindex}, {"__len", ro_len}, {"__pairs", ro_pairs},
    {"__tostring", ro_tostring}, {NULL, NULL}
  };
  idx = lua_absindex(L, idx);
  lua_createtable(L, 0, 0);                      /* the view */
  lua_createtable(L, 2, 7);                      /* its metatable */
  luaL_setfuncs(L, meta, 0);
  lua_pushvalue(L, idx);
  lua_pushvalue(L, -1);
  lua_rawseti(L, -3, 1);
  lua_setfield(L, -2, "__index");
  lua_pushlightuserdata(L, (void *)&view_mark);
  lua_rawseti(L, -2, 2);
  lua_pushlightuserdata(L, (void *)label);
  lua_setfield(L, -2, "__label");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
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
  int rc = lua_pcall(L, nargs, nresults, msgh);
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

/* ---- pattern matching ----
** Lua's matcher runs in C, where the count hook never fires: a pattern such
** as ".-.-.-.-b" backtracks for hours on a few hundred bytes. Before each
** match the worst case (subject length ^ quantifiers) is charged to the
** instruction budget, so a costly pattern stops like an endless loop. */

static double pattern_cost(const char *p, size_t plen, size_t slen) {
  int q = 0;
  for (size_t i = 0; i < plen; i++) {
    if (p[i] == '%') { i++; continue; }                 /* escaped character or class */
    if (p[i] == '[') {                                  /* a set: '-' inside is a range */
      i++;
      if (i < plen && p[i] == '^') i++;
      if (i < plen && p[i] == ']') i++;
      while (i < plen && p[i] != ']') { if (p[i] == '%') i++; i++; }
      continue;
    }
    if (strchr("*+-", p[i])) q++;
  }
  double cost = 1, n = (double)slen + 1;
  for (int k = 0; k < q && cost < 1e18; k++) cost *= n;
  return cost;
}

static int guarded_match(lua_State *L) {
  size_t slen, plen;
  const char *s = lua_tolstring(L, 1, &slen), *p = lua_tolstring(L, 2, &plen);
  int plain = lua_toboolean(L, lua_upvalueindex(2)) && lua_toboolean(L, 4);
  if (s && p && !plain) {
    sandbox_limits *lim = sandbox_limits_of(L);
    double cost = pattern_cost(p, plen, slen);
    if ((double)lim->insn_count + cost > (double)lim->insn_limit) {
      char n[32];
      snprintf(n, sizeof n, "%.3g", cost);
      lim->stopped = "instruction budget";
      return sandbox_error(L, "instruction budget exceeded: pattern '%s' may backtrack about %s "
                              "times on %d bytes", p, n, (int)slen);
    }
    lim->insn_count += (long long)cost;
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* string.rep: refuse a result larger than the memory left, at the rule's line. */
static int guarded_rep(lua_State *L) {
  size_t l, lsep = 0;
  luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &lsep);
  sandbox_limits *lim = sandbox_limits_of(L);
  double want = n > 0 ? (double)n * (double)(l + lsep) : 0;
  double left = (double)lim->mem_limit - (double)lim->mem_used;
  if (want > left) {
    lim->stopped = "memory cap";
    return sandbox_error(L, "memory cap exceeded (%d MiB): string.rep of %I bytes",
                         (int)(lim->mem_limit >> 20), (lua_Integer)want);
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

/* Wrap string.find/match/gmatch/gsub/rep of the string table on the stack top. */
static void guard_patterns(lua_State *L) {
  static const char *const names[] = {"find", "match", "gmatch", "gsub", NULL};
  for (const char *const *n = names; *n; n++) {
    lua_getfield(L, -1, *n);
    lua_pushboolean(L, !strcmp(*n, "find"));            /* find(s, p, init, plain) */
    lua_pushcclosure(L, guarded_match, 2);
    lua_setfield(L, -2, *n);
  }
  lua_getfield(L, -1, "rep");
  lua_pushcclosure(L, guarded_rep, 1);
  lua_setfield(L, -2, "rep");
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

static const char *const base_allowed[] = {
  "assert", "error", "ipairs", "next", "pairs", "select", "tonumber", "tostring",
  "type", "rawequal", "rawlen", "rawget", "_VERSION", NULL
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
      guard_patterns(L);
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
  /* the real _G is emptied: nothing reaches it from a chunk */
  lua_pushglobaltable(L);
  lua_pushnil(L);
  lua_setfield(L, -2, LUA_GNAME);
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
  lua_State *L = lua_newstate(sb_alloc, lim);
  if (!L) return NULL;
  lua_pushcfunction(L, sb_init);
  lua_pushlightuserdata(L, (void *)apis);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) { lua_close(L); return NULL; }
  lim->L = L;
  set_hook(lim);
  return L;
}

void sandbox_close(lua_State *L) {
  if (!L) return;
  sandbox_limits *lim = sandbox_limits_of(L);
  lim->L = NULL;                              /* no hook changes while closing */
  lua_close(L);
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
  int rc = luaL_loadbufferx(L, src, len, name, "t");   /* text only: no bytecode */
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
