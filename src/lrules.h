/*
** lrules.h -- the pure helpers of the rule API, in C: dates, Vietnamese
** formatting and the scoring shapes (round2, linear, steps, percent).
*/
#ifndef PARINDEX_LRULES_H
#define PARINDEX_LRULES_H

#include <lua.h>
#include <lauxlib.h>

/* Registers the date metatable; call once on a new state. */
void ldate_init(lua_State *L);
void ldate_push(lua_State *L, long days);
/* 1 and *days if the value at idx is a date. */
int ldate_get(lua_State *L, int idx, long *days);

/* Format like string.format with Vietnamese numbers and dates, from the
** format string at index `first` and the values after it; pushes the text. */
void lfmt_push(lua_State *L, int first);
/* The same text without making a Lua string of it (for the host, which
** copies it out at once): returns its bytes and length, valid until the
** caller pops the one stack slot this pushes. b is the caller's. */
const char *lfmt_text(lua_State *L, int first, luaL_Buffer *b, size_t *len);
/* Number as Vietnamese text: decimals < 0 means shortest form. */
void lfmt_number(char *buf, size_t n, double x, int decimals);

/* Globals: date fmt vn round2 linear steps percent. */
extern const luaL_Reg lrules_helpers[];

#endif
