/*
** rulebook_int.h -- internal to the rulebook loader: what rb_extends.c (the
** yearly inheritance declarations) needs from rulebook.c.
*/
#ifndef PARINDEX_RULEBOOK_INT_H
#define PARINDEX_RULEBOOK_INT_H

#include "rulebook.h"

/* from rulebook.c */
rulebook *rb_host(lua_State *L);
void rb_where(lua_State *L, char **file, int *line);
void rb_check_fields(lua_State *L, int t, const char *what, const char *id, const char *const *allowed);
char *rb_str_field(lua_State *L, int t, const char *name, int required, const char *what, const char *id);
pts_t rb_pts_field(lua_State *L, int t, const char *name, const char *what, const char *id);
void rb_push_frozen(lua_State *L, int idx, const char *label);
int rb_list_rule_files(const char *dir, char ***out, int *n);
/* Raise if the rulebook has finished loading (a declaration while scoring). */
void rb_check_not_sealed(lua_State *L, const char *what);
/* what "1" { ... } declarations share: check the id, return body with it as upvalue */
int rb_curry(lua_State *L, lua_CFunction body, const char *what);

/* from rb_extends.c: extends, change_index, change_component, change_criterion,
** replace_criterion, remove_criterion, remove_component */
extern const luaL_Reg rb_extends_api[];
/* After every file is loaded: rb->files becomes the files of the extended
** rulebooks (in load order) followed by the rulebook's own. */
void rb_extends_finish(rulebook *rb);
void rb_extends_free(rulebook *rb);

#endif
