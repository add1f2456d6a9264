/*
** sandbox_msg.h -- rule-file positions in messages, whole (sandbox_msg.c):
** for sandbox.c, which loads chunks and runs the hook. sandbox_error and
** the message handler (sandbox.h) are there too.
*/
#ifndef PARINDEX_SANDBOX_MSG_H
#define PARINDEX_SANDBOX_MSG_H

#include <lua.h>

/* The whole path of a frame's chunk (ar->short_src is cut to LUA_IDSIZE). */
const char *sandbox_frame_file(const lua_Debug *ar);
/* The message on top of the stack, from loading the chunk "@path", made
** "path:LINE: ..." with path whole, or "path: ..." when it has no line. */
void sandbox_name_load_error(lua_State *L, const char *path);

#endif
