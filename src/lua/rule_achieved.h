/*
** rule_achieved.h -- u.achieved(fmt, ...): what the unit achieved under the
** criterion being scored, stated by the rule from the facts (the report's
** "what went well"). Private to src/lua/.
*/
#ifndef PARINDEX_RULE_ACHIEVED_H
#define PARINDEX_RULE_ACHIEVED_H

#include <lua.h>

#include "rule_host.h"

/* u.achieved(fmt, ...): formats the statement as u.lose formats a reason,
** records it in the ledger with the facts the criterion has read so far and
** the rule line, and returns a handle whose :facts(key, ...) names the facts
** instead. */
int rule_u_achieved(lua_State *L);
/* Create the handle's metatable in L's registry, for h. */
void rule_achieved_init(lua_State *L, struct host *h);

#endif
