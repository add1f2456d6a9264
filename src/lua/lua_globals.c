/*
** lua_globals.c -- globals of a compiled chunk, from its lua_dump bytecode.
*/
#include "lua_globals.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OP_SETUPVAL = 10, OP_GETTABUP = 11, OP_SETTABUP = 15 };   /* lopcodes.h, Lua 5.4 */
enum { V_NUMINT = 3, V_NUMFLT = 19, V_SHRSTR = 4, V_LNGSTR = 20 };

typedef struct { char *b; size_t n, cap; } buf;

static int writer(lua_State *L, const void *p, size_t sz, void *ud) {
  (void)L;
  buf *w = ud;
  if (w->n + sz > w->cap) {
    size_t cap = w->cap ? w->cap : 4096;
    while (cap < w->n + sz) cap *= 2;
    char *g = realloc(w->b, cap);
    if (!g) return 1;
    w->b = g; w->cap = cap;
  }
  memcpy(w->b + w->n, p, sz);
  w->n += sz;
  return 0;
}

typedef struct {
  const unsigned char *p, *end;
  int bad;
  int writes;               /* 0: globals (luascan_globals), 1: upvalue writes */
  luascan_cb cb; void *ud;
} reader;

static unsigned byte(reader *r) {
  if (r->p >= r->end) { r->bad = 1; return 0; }
  return *r->p++;
}

static size_t size(reader *r) {                   /* MSB-first 7-bit groups, last has 0x80 */
  size_t x = 0;
  unsigned b;
  do { b = byte(r); x = (x << 7) | (b & 0x7f); } while (!(b & 0x80) && !r->bad);
  return x;
}

static void skip(reader *r, size_t n) {
  if ((size_t)(r->end - r->p) < n) { r->bad = 1; r->p = r->end; } else r->p += n;
}

/* A dumped string: pointer and length into the buffer, NULL for none. */
static const char *string(reader *r, size_t *len) {
  size_t n = size(r);
  if (n == 0) { *len = 0; return NULL; }
  const char *s = (const char *)r->p;
  skip(r, n - 1);
  *len = n - 1;
  return s;
}

typedef struct { const char *s; size_t n; } str;

/* luaG_getfuncline: the line of instruction pc. */
static int line_of(size_t pc, int linedefined, size_t ncode, size_t nline, const signed char *lineinfo,
                   size_t nabs, const int *abspc, const int *absline) {
  int line = linedefined;
  size_t from = 0;
  if (nline != ncode) return line;
  for (size_t i = 0; i < nabs; i++)
    if ((size_t)abspc[i] <= pc) { line = absline[i]; from = (size_t)abspc[i] + 1; }
  for (size_t i = from; i <= pc; i++) line += lineinfo[i];
  return line;
}

/* One function prototype. In upvalue-write mode, keep[i] says whether the
** parent's upvalue i outlives a call of the outermost function (NULL: the
** outermost itself, all of whose upvalues do). */
static void function(reader *r, int depth, const unsigned char *keep, size_t nkeep) {
  if (depth > 200) { r->bad = 1; return; }
  size_t len;
  string(r, &len);                                /* source */
  int linedefined = (int)size(r);
  size(r);                                        /* lastlinedefined */
  skip(r, 3);                                     /* numparams, is_vararg, maxstacksize */
  size_t ncode = size(r);
  const unsigned char *code = r->p;
  skip(r, ncode * 4);
  size_t nk = size(r);
  str *k = calloc(nk ? nk : 1, sizeof *k);
  if (!k) { r->bad = 1; return; }
  for (size_t i = 0; i < nk && !r->bad; i++) {
    unsigned t = byte(r);
    if (t == V_NUMINT || t == V_NUMFLT) skip(r, 8);
    else if (t == V_SHRSTR || t == V_LNGSTR) k[i].s = string(r, &k[i].n);
  }
  size_t nup = size(r);
  unsigned char *mine = calloc(nup ? nup : 1, 1);    /* does upvalue i outlive the call? */
  if (!mine) { free(k); r->bad = 1; return; }
  for (size_t i = 0; i < nup && !r->bad; i++) {
    unsigned instack = byte(r), idx = byte(r);
    byte(r);                                      /* kind */
    mine[i] = !keep ? 1 : !instack && idx < nkeep && keep[idx];
  }
  size_t nprotos = size(r);
  for (size_t i = 0; i < nprotos && !r->bad; i++) function(r, depth + 1, mine, nup);
  size_t nline = size(r);                         /* debug info */
  const signed char *lineinfo = (const signed char *)r->p;
  skip(r, nline);
  size_t nabs = size(r);
  int *abspc = calloc(nabs ? nabs : 1, sizeof *abspc), *absline = calloc(nabs ? nabs : 1, sizeof *absline);
  if (!abspc || !absline) r->bad = 1;
  for (size_t i = 0; i < nabs && !r->bad; i++) { abspc[i] = (int)size(r); absline[i] = (int)size(r); }
  size_t nloc = size(r);
  for (size_t i = 0; i < nloc && !r->bad; i++) { string(r, &len); size(r); size(r); }
  size_t nupn = size(r);
  str *upname = calloc(nupn ? nupn : 1, sizeof *upname);
  if (!upname) r->bad = 1;
  for (size_t i = 0; i < nupn && !r->bad; i++) upname[i].s = string(r, &upname[i].n);
  for (size_t pc = 0; pc < ncode && !r->bad; pc++) {
    uint32_t ins = (uint32_t)code[4 * pc] | (uint32_t)code[4 * pc + 1] << 8 |
                   (uint32_t)code[4 * pc + 2] << 16 | (uint32_t)code[4 * pc + 3] << 24;
    unsigned op = ins & 0x7f, a = (ins >> 7) & 0xff, b = (ins >> 16) & 0xff, c = (ins >> 24) & 0xff;
    unsigned up, key = 0;
    if (op == OP_GETTABUP && !r->writes) { up = b; key = c; }
    else if (op == OP_SETTABUP) { up = a; key = b; }
    else if (op == OP_SETUPVAL && r->writes) up = b;
    else continue;
    int env = up < nupn && upname[up].s && upname[up].n == 4 && !memcmp(upname[up].s, "_ENV", 4);
    char name[256];
    if (r->writes) {                              /* SETUPVAL, or SETTABUP of a table other than _ENV */
      if (up >= nup || !mine[up] || (op == OP_SETTABUP && env)) continue;
      snprintf(name, sizeof name, "%.*s", up < nupn && upname[up].s ? (int)upname[up].n : 1,
               up < nupn && upname[up].s ? upname[up].s : "?");
    } else {
      if (!env || key >= nk || !k[key].s) continue;
      snprintf(name, sizeof name, "%.*s", (int)k[key].n, k[key].s);
    }
    int line = line_of(pc, linedefined, ncode, nline, lineinfo, nabs, abspc, absline);
    r->cb(name, line, r->writes ? (op == OP_SETUPVAL ? 1 : 2) : op == OP_SETTABUP, r->ud);
  }
  free(k); free(abspc); free(absline); free(upname); free(mine);
}

/* Walk a dump made by lua_dump; 0, or -1 if it is not the 5.4 layout. */
static int scan_dump(const buf *w, int writes, luascan_cb cb, void *ud) {
  static const unsigned char sig[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08";
  if (!w->b || w->n < sizeof sig - 1 + 16 || memcmp(w->b, sig, sizeof sig - 1) != 0) return -1;
  reader r = {(const unsigned char *)w->b, (const unsigned char *)w->b + w->n, 0, writes, cb, ud};
  r.p += sizeof sig - 1 + 16;                     /* LUAC_INT, LUAC_NUM */
  byte(&r);                                       /* main function's upvalue count */
  function(&r, 0, NULL, 0);
  return r.bad ? -1 : 0;
}

int luascan_upvalue_writes(lua_State *L, int fidx, luascan_cb cb, void *ud) {
  buf w = {0};
  lua_pushvalue(L, fidx);
  int bad = lua_dump(L, writer, &w, 0) != 0;
  lua_pop(L, 1);
  bad = bad || scan_dump(&w, 1, cb, ud) != 0;
  free(w.b);
  return bad ? -1 : 0;
}

int luascan_globals(const char *path, luascan_cb cb, void *ud, char *err, size_t errlen) {
  lua_State *L = luaL_newstate();
  buf w = {0};
  int rc = -1;
  if (!L) { snprintf(err, errlen, "out of memory"); return -1; }
  if (luaL_loadfilex(L, path, "t") != LUA_OK) {
    snprintf(err, errlen, "%s", lua_tostring(L, -1));
    goto done;
  }
  if (lua_dump(L, writer, &w, 0) != 0 || !w.b) { snprintf(err, errlen, "%s: cannot dump", path); goto done; }
  if (scan_dump(&w, 0, cb, ud) != 0) {
    snprintf(err, errlen, "%s: globals not checked: this Lua is not 5.4 with 64-bit numbers, "
             "or its bytecode is laid out differently", path);
    goto done;
  }
  rc = 0;
done:
  free(w.b);
  lua_close(L);
  return rc;
}
