/*
** rule_format.h -- the pure helpers of the rule API, in C: Vietnamese
** formatting (fmt, vn) and the scoring shapes (round2, linear, steps,
** percent), plus the date constructor from rule_date.h. Knows Lua only.
*/
#ifndef PARINDEX_RULE_FORMAT_H
#define PARINDEX_RULE_FORMAT_H

#include <lauxlib.h>
#include <lua.h>
#include <stddef.h>

/* Format like string.format with Vietnamese numbers and dates, from the
** format string at index `first` and the values after it; pushes the text. */
void lfmt_push(lua_State *L, int first);
/* The same text without making a Lua string of it (for the host, which
** copies it out at once): returns its bytes and length, valid until the
** caller pops the one stack slot this pushes. b is the caller's. */
const char *lfmt_text(lua_State *L, int first, luaL_Buffer *b, size_t *len);
/* Number as Vietnamese text into buf (n bytes, LFMT_NUMBER_MAX holds any
** double): decimals < 0 means the shortest form, else at most 9 decimals. */
#define LFMT_NUMBER_MAX 330
void lfmt_number(char *buf, size_t n, double x, int decimals);
/* An integer with a dot between groups of three digits, as Vietnamese
** writes thousands (3349 -> "3.349", -58000 -> "-58.000"), into buf
** (LFMT_THOUSANDS_MAX holds any 64-bit integer). */
#define LFMT_THOUSANDS_MAX 28
void lfmt_thousands(char buf[LFMT_THOUSANDS_MAX], long long v);

/* Globals: date fmt vn thousands round2 linear steps percent. */
extern const luaL_Reg lrules_helpers[];

#endif
