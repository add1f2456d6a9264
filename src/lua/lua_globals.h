/*
** lua_globals.h -- static facts about a Lua 5.4 rule file, for 'rules check':
** every global it reads or writes, with its line. The file is compiled (never
** run) in a plain Lua state and its bytecode walked: a global is an access
** through the _ENV upvalue with a constant name (GETTABUP/SETTABUP), exactly
** as the compiler resolved scopes. Knows Lua only.
**
** The bytecode layout is Lua 5.4's (lundump.c); another version is refused
** with a message rather than misread.
**
** Ownership: the names handed to the callback are valid during the call
** only; messages go into the caller's buffer.
*/
#ifndef PARINDEX_LUA_GLOBALS_H
#define PARINDEX_LUA_GLOBALS_H

#include <lua.h>
#include <stddef.h>

typedef void (*luascan_cb)(const char *name, int line, int write, void *ud);

/* 0, or -1 with "file:line: message" (syntax error) or another reason in err. */
int luascan_globals(const char *path, luascan_cb cb, void *ud, char *err, size_t errlen);

/* The writes of the Lua function at fidx (and of the functions nested in
** its code) to variables that outlive one call of it: its own upvalues and
** what nested functions reach through them. cb gets the variable's name, the
** line, and write = 1 for an assignment (SETUPVAL), 2 for setting a field of
** it (SETTABUP). 0, or -1 if the function cannot be dumped or read. */
int luascan_upvalue_writes(lua_State *L, int fidx, luascan_cb cb, void *ud);

#endif
