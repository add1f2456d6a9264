/*
** rulebook_extends.h -- yearly inheritance (rulebook_extends.c): extends,
** change_index, change_component, change_criterion, replace_criterion,
** remove_criterion, remove_component.
*/
#ifndef PARINDEX_RULEBOOK_EXTENDS_H
#define PARINDEX_RULEBOOK_EXTENDS_H

#include <lauxlib.h>

#include "rulebook_int.h"

extern const luaL_Reg rb_extends_api[];
/* After every file is loaded: m.files becomes the files of the extended
** rulebooks (in load order) followed by the rulebook's own. */
void rb_extends_finish(rulebook *rb);
/* Free what the inheritance added (bases, base files). */
void rb_extends_free(rulebook *rb);

#endif
