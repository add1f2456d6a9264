/*
** rule_achieved.c -- u.achieved: a criterion's statement of what the unit
** achieved, from its facts ("Hoàn thành 22/22 nhiệm vụ ..."). It gives or
** takes no points; the ledger keeps it beside the deductions, with the facts
** it rests on and its rule line, so that explain, the stored run, its
** digest and verify cover it, and the report says what went well.
**
** The same limits as a reason (rule_host.h): the text is charged as the
** string library charges what it writes, at most RULE_TEXT_MAX bytes, at
** most RULE_ACHIEVED_MAX per criterion, counted in the ledger's memory.
*/
#include "rule_achieved.h"

#include <string.h>

#include "rule_format.h"
#include "sandbox.h"

#define ACH_META "parindex.achievement"

int rule_u_achieved(lua_State *L) {
  struct host *h = host_of(L);
  rulebook *rb = host_rulebook(L);
  ledger_criterion *lc = &h->res->crits[h->crit];
  if (lua_type(L, 1) != LUA_TSTRING) return sandbox_error(L, "u.achieved: a statement (format string) is required");
  if (lc->na) return sandbox_error(L, "u.achieved: the criterion was already marked not applicable");
  if (lc->acount >= RULE_ACHIEVED_MAX)
    return sandbox_error(L, "u.achieved: criterion %s already has %d statements, the most one criterion may have",
                         rb->crits[h->crit].id, RULE_ACHIEVED_MAX);
  sandbox_charge(L, 1 + (double)lua_rawlen(L, 1) / SANDBOX_CHARGE_BYTES);   /* the format, scanned */
  luaL_Buffer b;
  size_t len;
  const char *text = lfmt_text(L, 1, &b, &len);
  host_check_text(L, "u.achieved", text, len);
  sandbox_charge(L, (double)len / SANDBOX_CHARGE_BYTES);                    /* the statement, written */
  int line, file = host_caller(L, &line);
  unit_result *r = h->res;
  ledger_achievement *a = ledger_add_achievement(r, h->crit);
  a->text = arena_strndup(&r->a, text, len);
  a->file = file;
  a->line = line;
  lua_pop(L, 1);
  a->facts = host_copy_facts(r, h->uf, h->used, h->nused);
  a->nfacts = h->nused;
  host_check_ledger(L, h);
  host_push_handle(L, h, h->ach_meta_ref, r->nach - 1);
  return 1;
}

static int ach_facts(lua_State *L) {          /* handle:facts(key, ...) */
  struct host *h = host_of(L);
  ledger_achievement *a = &h->res->achs[host_check_handle(L, h->ach_meta, ACH_META, "statement")];
  a->facts = host_named_facts(L, h, "facts", "statement", 2, &a->nfacts);
  host_check_ledger(L, h);
  lua_settop(L, 1);
  return 1;
}

static int ach_newindex(lua_State *L) { return sandbox_error(L, "a statement is read-only"); }

static const luaL_Reg ach_methods[] = {{"facts", ach_facts}, {NULL, NULL}};

void rule_achieved_init(lua_State *L, struct host *h) {
  h->ach_meta_ref = host_handle_meta(L, ACH_META, ach_methods, ach_newindex, &h->ach_meta);
}
