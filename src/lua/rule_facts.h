/*
** rule_facts.h -- the catalogue of facts (rule_facts.c): the declarations
** fact, change_fact and remove_fact, for rulebook.c. The catalogue lives in
** the rulebook's methodology (m.facts, meth_fact in methodology.h), owned by
** the rulebook.
*/
#ifndef PARINDEX_RULE_FACTS_H
#define PARINDEX_RULE_FACTS_H

#include <lauxlib.h>

#include "rulebook_int.h"

extern const luaL_Reg rb_facts_api[];
/* After every file is loaded: sort the catalogue by key. */
void rb_facts_finish(rulebook *rb);
/* rulebook_map_paths for the declarations' files. */
void rb_facts_map_paths(rulebook *rb, void (*map)(char **path, void *ud), void *ud);
void rb_facts_free(rulebook *rb);
/* While scoring, for a key the unit does not have: raise when the rulebook
** has a catalogue and the key is not in it (a typo read with a default
** would otherwise score silently). A rulebook without one is not checked. */
void rb_facts_check_read(lua_State *L, const char *key);

#endif
