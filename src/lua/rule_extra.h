/*
** rule_extra.h -- bonus and penalty points (điểm thưởng, điểm trừ) and the
** choice of what "not applicable" means, as a rulebook declares them:
**
**   bonus "B1"   { name =, max =, owner =, basis =, params =, score = function(u, p) }
**   penalty "P1" { ... the same ... }
**   index { ..., bonus_cap = 2, penalty_cap = 3, exceed_total = false }
**   criterion "2.3" { ..., when_not_applicable = "full" }   -- or "rescale" (the default)
**
** An item is held as an rb_criterion (rulebook_int.h) with `extra` set, in
** rb->extras, so the sandbox scores it exactly like a criterion
** (rule_unit.c); rulebook_methodology shows the items as m.extras. Private
** to src/lua/.
*/
#ifndef PARINDEX_RULE_EXTRA_H
#define PARINDEX_RULE_EXTRA_H

#include <lauxlib.h>

#include "rulebook_int.h"

/* bonus, penalty: the declarations. */
extern const luaL_Reg rb_extra_api[];

/* "criterion", "bonus" or "penalty": how messages name c. */
const char *rb_item_label(const rb_criterion *c);

/* The index's bonus_cap, penalty_cap and exceed_total, from the table at 1
** (index or change_index: what). Absent fields keep their values. */
void rb_extra_index_fields(lua_State *L, rulebook *rb, const char *what);

/* when_not_applicable of the criterion table at 1: -1 when absent, 0
** "rescale", 1 "full"; raises for anything else. */
int rb_extra_na_field(lua_State *L, const char *id);

/* After loading: every item's owner is an office, ids are not declared
** twice (problems appended to err as "file:line: message" lines). */
void rb_extra_check(rulebook *rb, char *err, size_t errlen);

/* m.extras := the items without their Lua references (strings shared). */
void rb_extra_publish(rulebook *rb);

void rb_extra_map_paths(rulebook *rb, void (*map)(char **path, void *ud), void *ud);
void rb_extra_free(rulebook *rb);

#endif
