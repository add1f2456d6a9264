/*
** rule_date.h -- date values for rule files: a userdata holding a day number,
** compared, subtracted and shown as Vietnamese dates. Knows Lua only.
*/
#ifndef PARINDEX_RULE_DATE_H
#define PARINDEX_RULE_DATE_H

#include <lua.h>

/* Registers the date metatable; call once on a new state. */
void ldate_init(lua_State *L);
/* Push a date of `days` (days_from_civil). */
void ldate_push(lua_State *L, long days);
/* 1 and *days if the value at idx is a date, else 0. */
int ldate_get(lua_State *L, int idx, long *days);
/* The rule API's date("2022-06-19") or date(2022, 6, 19). */
int ldate_new(lua_State *L);

#endif
