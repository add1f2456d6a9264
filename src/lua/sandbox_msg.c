/*
** sandbox_msg.c -- where an error in a rule file is: its message and
** traceback name the rule file by its whole path and the line (Lua names a
** chunk by its short_src, cut to LUA_IDSIZE: "...tail").
*/
#include "sandbox_msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sandbox.h"

/* Does msg start with "file:"? Returns the length of file, or 0. */
static size_t starts_with_file(const char *msg, const char *file) {
  size_t n = strlen(file);
  return n && !strncmp(msg, file, n) && msg[n] == ':' ? n : 0;
}

const char *sandbox_frame_file(const lua_Debug *ar) {
  return ar->source && ar->source[0] == '@' ? ar->source + 1 : ar->short_src;
}

/* The name Lua gives the chunk "@path" in messages (luaO_chunkid): path,
** or "..." and its end when it does not fit in LUA_IDSIZE. */
static void chunk_id(const char *path, char out[LUA_IDSIZE]) {
  size_t n = strlen(path);
  if (n + 1 <= LUA_IDSIZE) memcpy(out, path, n + 1);
  else snprintf(out, LUA_IDSIZE, "...%s", path + n - (LUA_IDSIZE - 4));
}

void sandbox_name_load_error(lua_State *L, const char *path) {
  const char *msg = lua_tostring(L, -1);
  char id[LUA_IDSIZE];
  chunk_id(path, id);
  size_t n = msg ? starts_with_file(msg, id) : 0;
  if (n) lua_pushfstring(L, "%s%s", path, msg + n);
  else if (msg && !starts_with_file(msg, path)) lua_pushfstring(L, "%s: %s", path, msg);
  else return;
  lua_remove(L, -2);
}

int sandbox_error(lua_State *L, const char *fmt, ...) {
  lua_Debug ar;
  int found = 0;
  for (int level = 0; !found && lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);                 /* innermost frame with a line */
    if (ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: ", sandbox_frame_file(&ar), ar.currentline);
      found = 1;
    }
  }
  if (!found) lua_pushliteral(L, "");
  va_list ap;
  va_start(ap, fmt);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  lua_concat(L, 2);
  return lua_error(L);
}

/* Message handler: never runs the error object's own code (__tostring).
** Lua names chunks by their short_src, cut to LUA_IDSIZE ("...tail"): the
** position the message starts with and the traceback's lines get the
** frame's whole path back. */
static int sb_msgh(lua_State *L) {
  enum { NEAR = 12 };                         /* frames looked at from each end, as luaL_traceback */
  const char *msg = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
  if (!msg) msg = lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
  lua_Debug ar;
  int innermost = 0, placed = 0;
  for (int level = 1; !placed && level <= NEAR && lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline <= 0) continue;
    if (!innermost) innermost = level;
    size_t n;
    if (starts_with_file(msg, sandbox_frame_file(&ar))) placed = 1;
    else if ((n = starts_with_file(msg, ar.short_src))) {
      msg = lua_pushfstring(L, "%s%s", sandbox_frame_file(&ar), msg + n);
      placed = 1;
    }
  }
  if (!placed && innermost && lua_getstack(L, innermost, &ar) && lua_getinfo(L, "Sl", &ar))
    msg = lua_pushfstring(L, "%s:%d: %s", sandbox_frame_file(&ar), ar.currentline, msg);   /* it lacks one */
  luaL_traceback(L, L, msg, 1);
  int last = 1, high = 1;                     /* the outermost level (lauxlib's lastlevel) */
  while (lua_getstack(L, high, &ar)) { last = high; high *= 2; }
  while (last < high - 1) {
    int m = (last + high) / 2;
    if (lua_getstack(L, m, &ar)) last = m; else high = m;
  }
  const char *done[2 * NEAR];
  int ndone = 0;
  for (int level = 1; level <= last; level = level == NEAR && last > 2 * NEAR ? last - NEAR + 1 : level + 1) {
    if (!lua_getstack(L, level, &ar) || !lua_getinfo(L, "S", &ar)) break;
    int seen = !strcmp(sandbox_frame_file(&ar), ar.short_src);
    for (int k = 0; k < ndone && !seen; k++) seen = done[k] == ar.source;
    if (seen) continue;
    if (ndone < 2 * NEAR) done[ndone++] = ar.source;
    luaL_checkstack(L, 6, "message handler");
    const char *from[2] = {lua_pushfstring(L, "\n\t%s:", ar.short_src), lua_pushfstring(L, "<%s:", ar.short_src)};
    const char *to[2] = {lua_pushfstring(L, "\n\t%s:", sandbox_frame_file(&ar)), lua_pushfstring(L, "<%s:", sandbox_frame_file(&ar))};
    for (int k = 0; k < 2; k++) {
      luaL_gsub(L, lua_tostring(L, -5), from[k], to[k]);
      lua_replace(L, -6);
    }
    lua_pop(L, 4);
  }
  return 1;
}

void sandbox_push_msgh(lua_State *L) { lua_pushcfunction(L, sb_msgh); }
