/*
** rule_decl.h -- what the declarations of rule files share (rule_decl.c),
** for rulebook.c and rulebook_extends.c. Each function that checks raises a
** Lua error located at the rule's line (sandbox_error) when the check fails.
*/
#ifndef PARINDEX_RULE_DECL_H
#define PARINDEX_RULE_DECL_H

#include <lua.h>

#include "rulebook_int.h"

/* The rulebook being loaded into L. */
rulebook *decl_rulebook(lua_State *L);
/* strdup that aborts on OOM; NULL stays NULL. */
char *decl_strdup(const char *s);
/* The file and line of the rule code that called the running C function
** (malloc'd file; "?" and 0 when there is none). */
void decl_where(lua_State *L, char **file, int *line);
/* Keep m.files as the chunks were named, once loaded (rulebook_map_paths
** renames m.files, not the chunks), for decl_file_of. */
void decl_keep_sources(rulebook *rb);
/* The index in m.files of the chunk whose lua_Debug source is `source`
** ("@path"), or -1. Cached: the functions of a chunk share their source. */
int decl_file_of(rulebook *rb, const char *source);
/* Raise unless every key of the table at t is one of allowed (NULL-ended). */
void decl_check_fields(lua_State *L, int t, const char *what, const char *id,
                       const char *const *allowed);
/* The string field name of the table at t (borrowed from it), or NULL when
** absent and not required; raises when it is not a (non-empty if required)
** string. decl_str_copy: the same, malloc'd. */
const char *decl_str_field(lua_State *L, int t, const char *name, int required,
                           const char *what, const char *id);
char *decl_str_copy(lua_State *L, int t, const char *name, int required, const char *what,
                    const char *id);
/* A points field: a finite number >= 0 with at most two decimals. */
pts_t decl_pts_field(lua_State *L, int t, const char *name, const char *what, const char *id);
/* Raise if the rulebook has finished loading (a declaration while scoring). */
void decl_check_not_sealed(lua_State *L, const char *what);
/* A deep read-only, frozen copy of the params table at idx, pushed. */
void decl_push_frozen(lua_State *L, int idx, const char *label);
/* What `what "1" { ... }` declarations share: check the id at 1 and return
** body as a closure with the id as its upvalue. */
int decl_curry(lua_State *L, lua_CFunction body, const char *what);
/* The rule files of dir (*.lua but *_test.lua and hidden ones), malloc'd
** paths "dir/name" in name order. 0, or -1 when dir cannot be read. */
int decl_list_rule_files(const char *dir, char ***out, int *n);

#endif
