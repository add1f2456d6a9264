/*
** sandbox_base.h -- safe base functions of the sandbox (sandbox_base.c), for
** sandbox.c only.
*/
#ifndef PARINDEX_SANDBOX_BASE_H
#define PARINDEX_SANDBOX_BASE_H

#include "sandbox.h"

/* tostring, next, rawget and rawlen into the globals table at g. */
void sandbox_open_safe_base(lua_State *L, int g);
/* string.format of the string table on the stack top: no %p, no addresses. */
void sandbox_wrap_format(lua_State *L);

#endif
