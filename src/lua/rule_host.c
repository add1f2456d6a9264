/*
** rule_host.c -- what the functions of the `u` object share (rule_host.h):
** finding facts, checking texts and the ledger's size, copying facts into
** the ledger.
*/
#include "rule_host.h"

#include <string.h>

#include "rule_decl.h"
#include "sandbox.h"

int host_find_fact(const unit_facts *uf, const char *key) {
  size_t i = host_fact_pos(uf, key);
  return i < uf->n && !strcmp(uf->facts[i].key, key) ? (int)i : -1;
}

void host_check_text(lua_State *L, const char *what, const char *text, size_t len) {
  if (memchr(text, '\0', len))
    sandbox_error(L, "%s: the text holds a NUL byte, which the ledger cannot keep", what);
  if (len > RULE_TEXT_MAX)
    sandbox_error(L, "%s: the text is %I bytes, more than the %d a ledger entry may hold", what,
                  (lua_Integer)len, RULE_TEXT_MAX);
}

void host_check_ledger(lua_State *L, struct host *h) {
  sandbox_limits *lim = sandbox_limits_of(L);
  size_t ledger = arena_size(&h->res->a);
  if (lim->mem_used + ledger > lim->mem_limit) {
    lim->stopped = "memory cap";
    sandbox_error(L, "memory cap exceeded (%d MiB): the ledger of unit %s holds %I KiB of reasons, "
                  "tasks and facts", (int)(lim->mem_limit >> 20), h->uf->unit.id,
                  (lua_Integer)(ledger >> 10));
  }
}

ledger_fact *host_copy_facts(unit_result *r, const unit_facts *uf, const int *idx, int n) {
  ledger_fact *lf = arena_alloc(&r->a, (size_t)(n ? n : 1) * sizeof *lf);
  for (int k = 0; k < n; k++) ledger_set_fact(r, &lf[k], &uf->facts[idx[k]]);
  return lf;
}

ledger_fact *host_named_facts(lua_State *L, struct host *h, const char *what, const char *entry, int first,
                              int *n) {
  *n = lua_gettop(L) - first + 1;
  if (*n < 0) *n = 0;
  if (*n > RULE_FACTS_MAX)
    sandbox_error(L, "%s: %d keys given, more than the %d one %s may name", what, *n, RULE_FACTS_MAX, entry);
  luaL_checkstack(L, 1, what);
  int *idx = lua_newuserdatauv(L, (size_t)(*n ? *n : 1) * sizeof *idx, 0);   /* freed by Lua, error or not */
  for (int k = 0; k < *n; k++) {
    const char *key = lua_type(L, first + k) == LUA_TSTRING ? host_check_key(L, first + k) : NULL;
    idx[k] = key ? host_find_fact(h->uf, key) : -1;
    if (idx[k] < 0) sandbox_error(L, "%s: unit %s has no fact '%s'", what, h->uf->unit.id, key ? key : "?");
  }
  ledger_fact *lf = host_copy_facts(h->res, h->uf, idx, *n);
  lua_pop(L, 1);
  return lf;
}

int host_caller(lua_State *L, int *line) {
  lua_Debug ar;
  *line = 0;
  if (!lua_getstack(L, 1, &ar) || !lua_getinfo(L, "Sl", &ar)) return -1;
  *line = ar.currentline;
  return decl_file_of(host_rulebook(L), ar.source);
}

int host_handle_meta(lua_State *L, const char *tname, const luaL_Reg *methods, lua_CFunction newindex,
                     const void **meta) {
  luaL_newmetatable(L, tname);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  *meta = lua_topointer(L, -1);               /* anchored in the registry */
  return luaL_ref(L, LUA_REGISTRYINDEX);
}

void host_push_handle(lua_State *L, struct host *h, int meta_ref, int index) {
  luaL_checkstack(L, 2, "a handle");
  host_handle *hd = lua_newuserdatauv(L, sizeof *hd, 0);
  hd->serial = h->serial;
  hd->index = index;
  lua_rawgeti(L, LUA_REGISTRYINDEX, meta_ref);
  lua_setmetatable(L, -2);
}

int host_check_handle(lua_State *L, const void *meta, const char *tname, const char *what) {
  host_handle *hd = lua_touserdata(L, 1);     /* luaL_checkudata, by the cached metatable */
  int ok = hd && lua_getmetatable(L, 1) && lua_topointer(L, -1) == meta;
  if (!ok) luaL_typeerror(L, 1, tname);
  lua_pop(L, 1);
  if (hd->serial != host_of(L)->serial) sandbox_error(L, "this %s belongs to another criterion or unit", what);
  return hd->index;
}
