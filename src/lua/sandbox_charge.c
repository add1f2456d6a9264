/*
** sandbox_charge.c -- library calls pay for the work they do in C.
**
** The count hook sees VM instructions only: one call of string.find or
** table.move can start work proportional to its arguments, where no hook
** fires. Every string, table and utf8 function whose work grows with its
** arguments is replaced by a C closure that computes that work from the
** arguments (their lengths and counts) and charges it to the instruction
** budget before calling the real function (sandbox_charge). The contract, as
** rules/README.md states it:
**   - bytes copied or scanned: one instruction per SANDBOX_CHARGE_BYTES;
**   - elements moved, shifted, unpacked, sorted (n log n) or results
**     returned: one instruction each;
**   - a pattern (find, match, gmatch, gsub) is charged its worst case up
**     front: (m + 1) start positions (1 if anchored with '^') x (pattern
**     length + 1) x (m + 1) for each '*', '+', '-', %b and back-reference
**     x 2 for each '?', where m is the subject's length from init, divided
**     by SANDBOX_CHARGE_BYTES; the items at the pattern's end that cannot
**     backtrack count m once instead (pattern_steps); a plain find m x
**     needle length / 8.
** What cannot be charged up front (comparing two long strings, concatenating
** them) is bounded by the memory cap and the CPU-time limit (sandbox.h).
*/
#include "sandbox.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum {
  K_BYTES1,      /* cost: length of argument 1 */
  K_ALLBYTES,    /* cost: every argument's length (string.format, string.pack) */
  K_SUB,         /* string.sub: the result's length */
  K_BYTE,        /* string.byte, utf8.codepoint: one per result */
  K_NARGS,       /* string.char, utf8.char, table.pack: one per argument */
  K_REP, K_FIND, K_MATCH, K_GMATCH, K_GSUB,
  K_INSERT, K_REMOVE, K_MOVE, K_SORT, K_UNPACK, K_CONCAT
};

int sandbox_charge(lua_State *L, double cost) {
  sandbox_limits *lim = sandbox_limits_of(L);
  if (cost < 1) cost = 1;
  if ((double)lim->insn_count + cost > (double)lim->insn_limit) {
    lim->stopped = "instruction budget";
    return sandbox_error(L, "instruction budget exceeded (%I instructions): this call would cost about %I "
                            "more", (lua_Integer)lim->insn_limit,
                         (lua_Integer)(cost < 9e18 ? cost : 9e18));
  }
  lim->insn_count += (long long)cost;
  return 0;
}

static double bytes(size_t n) { return (double)n / SANDBOX_CHARGE_BYTES; }

static size_t arglen(lua_State *L, int i) {
  size_t n = 0;
  if (lua_type(L, i) == LUA_TSTRING) lua_tolstring(L, i, &n);
  return n;
}

/* Lua's posrelat for a start position: 1-based, clamped to [1, len + 1]. */
static size_t start_at(lua_Integer pos, size_t len) {
  if (pos > 0) return (size_t)pos > len + 1 ? len + 1 : (size_t)pos;
  if (pos == 0 || (pos < 0 && (size_t)-(pos + 1) >= len)) return 1;
  return len + (size_t)pos + 1;
}

static lua_Integer optint(lua_Integer def, lua_State *L, int i) {
  return lua_isinteger(L, i) ? lua_tointeger(L, i)
       : lua_type(L, i) == LUA_TNUMBER ? (lua_Integer)fmax(fmin(lua_tonumber(L, i), 9e18), -9e18) : def;
}

/* Skip a set "[...]" starting at p[i] == '['; returns the index after ']'. */
static size_t skip_set(const char *p, size_t i, size_t n) {
  i++;
  if (i < n && p[i] == '^') i++;
  if (i < n) i += p[i] == '%' ? 2 : 1;              /* the first ']' is a member */
  while (i < n && p[i] != ']') i += p[i] == '%' ? 2 : 1;
  return i + 1;
}

/* The worst case of Lua's backtracking matcher (see the header). Each
** single item (a character, '.', a %class or a [set]) may take a quantifier;
** each quantified item multiplies the work of one start position by the
** m + 1 ways it can end, as do %b and back-references. Two things cannot
** backtrack, and count once per match instead (m for the whole subject):
** a suffix of items that may match nothing ('*', '?', '-'), which always
** succeeds at its first try, and the quantified item just before it. */
static double pattern_steps(const char *p, size_t n, double m) {
  int anchored = n > 0 && p[0] == '^', dollar = 0;   /* '$' at the end can fail: no relief */
  double fixed = (double)n + 1;              /* the work per start position so far */
  double last = 1, nullable = 1;             /* the last item that may fail, the items after it */
  char last_quant = 0;
  int nnull = 0;
  for (size_t i = (size_t)anchored; i < n && fixed < 1e30;) {
    char c = p[i], quant = 0;
    double f = 1;
    if (c == '$' && i + 1 == n) { dollar = 1; i++; continue; }
    if (c == '(' || c == ')') { i++; continue; }
    if (c == '%' && i + 1 < n && (p[i + 1] == 'b' || (p[i + 1] >= '0' && p[i + 1] <= '9'))) {
      f = m + 1;                             /* %bxy, a back-reference: up to m bytes compared */
      i += p[i + 1] == 'b' ? 4 : 2;
    } else if (c == '%' && i + 1 < n && p[i + 1] == 'f') {
      i = i + 2 < n && p[i + 2] == '[' ? skip_set(p, i + 2, n) : i + 3;
      quant = '%';                           /* a frontier matches no byte, but may fail */
    } else {
      i = c == '%' && i + 1 < n ? i + 2 : c == '[' ? skip_set(p, i, n) : i + 1;
      if (i < n && p[i] && strchr("*+-?", p[i])) {
        quant = p[i++];
        f = quant == '?' ? 2 : m + 1;
      }
    }
    if (quant && strchr("*?-", quant)) { nullable *= f; nnull++; continue; }
    fixed *= last * nullable;                /* what came before can backtrack into this one */
    last = f;
    last_quant = quant;
    nullable = 1;
    nnull = 0;
  }
  int once = 0;                              /* the items that count once per match */
  if (dollar) fixed *= last * nullable;
  else {
    once = nnull;
    if (last_quant && last_quant != '%') once++;
    else fixed *= last;
  }
  return (anchored ? 1 : m + 1) * fixed + (double)once * (m + 1);
}

static int has_specials(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strchr("^$*+?.([%-", p[i])) return 1;
  return 0;
}

/* find/match/gmatch/gsub(s, pattern, init|repl, plain|n) */
static double pattern_cost(lua_State *L, int kind) {
  size_t slen, plen;
  const char *s = lua_tolstring(L, 1, &slen), *p = lua_tolstring(L, 2, &plen);
  if (!s || !p) return 1;                          /* the real function says what is wrong */
  size_t from = kind == K_GSUB ? 1 : start_at(optint(1, L, 3), slen);
  double m = (double)(slen + 1 - from);
  double cost;
  if (kind == K_FIND && (lua_toboolean(L, 4) || !has_specials(p, plen)))
    cost = bytes((size_t)m) * (double)(plen ? plen : 1);
  else cost = pattern_steps(p, plen, m) / SANDBOX_CHARGE_BYTES;
  if (kind == K_GSUB) {                            /* each match may append the replacement */
    int t = lua_type(L, 3);
    cost += t == LUA_TSTRING ? (m + 1) * bytes(arglen(L, 3)) : m + 1;
  }
  return cost;
}

static lua_Integer len_of(lua_State *L, int i) {
  return lua_type(L, i) == LUA_TTABLE ? luaL_len(L, i) : 0;   /* __len of a view is ours */
}

static double cost_of(lua_State *L, int kind) {
  int top = lua_gettop(L);
  size_t len = arglen(L, 1);
  switch (kind) {
  case K_BYTES1: return bytes(len);
  case K_ALLBYTES: {
    double c = top;
    for (int i = 1; i <= top; i++) c += bytes(arglen(L, i));
    return c;
  }
  case K_SUB: case K_BYTE: {
    size_t i = start_at(optint(1, L, 2), len);
    lua_Integer j0 = optint(kind == K_SUB ? -1 : (lua_Integer)i, L, 3);
    size_t j = j0 > (lua_Integer)len ? len : j0 >= 0 ? (size_t)j0
             : (size_t)-(j0 + 1) >= len ? 0 : len + (size_t)j0 + 1;
    double n = j >= i ? (double)(j - i + 1) : 0;
    return kind == K_SUB ? n / SANDBOX_CHARGE_BYTES : n;
  }
  case K_NARGS: return top;
  case K_REP: {
    lua_Integer n = optint(0, L, 2);
    double each = (double)len + (double)arglen(L, 3);
    return n > 0 ? (double)n * (1 + each) / SANDBOX_CHARGE_BYTES : 1;
  }
  case K_FIND: case K_MATCH: case K_GMATCH: case K_GSUB: return pattern_cost(L, kind);
  case K_INSERT: case K_REMOVE: {
    lua_Integer n = len_of(L, 1);
    lua_Integer pos = (kind == K_INSERT ? top == 3 : top >= 2) ? optint(n, L, 2) : n;
    double c = (double)n - (double)pos + 1;
    return c > 1 ? c : 1;
  }
  case K_MOVE: {
    lua_Integer f = optint(1, L, 2), e = optint(0, L, 3);
    return e >= f ? (double)e - (double)f + 1 : 1;
  }
  case K_SORT: {
    double n = (double)len_of(L, 1);
    return n > 1 ? n * log2(n) : 1;
  }
  case K_UNPACK: case K_CONCAT: {
    int first = kind == K_UNPACK ? 2 : 3;
    lua_Integer i = optint(1, L, first);
    lua_Integer j = lua_isnoneornil(L, first + 1) ? len_of(L, 1) : optint(0, L, first + 1);
    return j >= i ? (double)j - (double)i + 1 : 1;
  }
  }
  return 1;
}

/* upvalue 1: the real function; 2: what its work depends on. */
static int charged(lua_State *L) {
  int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
  double cost = cost_of(L, kind);
  sandbox_limits *lim = sandbox_limits_of(L);
  if (kind == K_REP) {                             /* the result must fit in the memory left */
    lua_Integer n = optint(0, L, 2);
    double want = n > 0 ? (double)n * ((double)arglen(L, 1) + (double)arglen(L, 3)) : 0;
    if (want > (double)lim->mem_limit - (double)lim->mem_used) {
      lim->stopped = "memory cap";
      return sandbox_error(L, "memory cap exceeded (%d MiB): string.rep of %I bytes",
                           (int)(lim->mem_limit >> 20), (lua_Integer)(want < 9e18 ? want : 9e18));
    }
  }
  if (kind >= K_FIND && kind <= K_GSUB && (double)lim->insn_count + cost > (double)lim->insn_limit) {
    size_t slen = arglen(L, 1), plen = arglen(L, 2);
    char pat[64];
    snprintf(pat, sizeof pat, "%.*s%s", (int)(plen > 48 ? 48 : plen), lua_tostring(L, 2), plen > 48 ? "..." : "");
    lim->stopped = "instruction budget";
    return sandbox_error(L, "instruction budget exceeded: pattern '%s' may take about %I steps on %I bytes "
                            "(the budget is %I instructions)", pat,
                         (lua_Integer)(cost < 9e18 ? cost * SANDBOX_CHARGE_BYTES : 9e18), (lua_Integer)slen,
                         (lua_Integer)lim->insn_limit);
  }
  sandbox_charge(L, cost);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  if (kind == K_CONCAT && lua_type(L, 1) == LUA_TSTRING) sandbox_charge(L, bytes(arglen(L, 1)));
  return lua_gettop(L);
}

typedef struct { const char *lib, *name; int kind; } charge_rule;

static const charge_rule rules[] = {
  {"string", "byte", K_BYTE}, {"string", "char", K_NARGS}, {"string", "find", K_FIND},
  {"string", "format", K_ALLBYTES}, {"string", "gmatch", K_GMATCH}, {"string", "gsub", K_GSUB},
  {"string", "lower", K_BYTES1}, {"string", "match", K_MATCH}, {"string", "rep", K_REP},
  {"string", "reverse", K_BYTES1}, {"string", "sub", K_SUB}, {"string", "upper", K_BYTES1},
  {"string", "pack", K_ALLBYTES}, {"string", "packsize", K_BYTES1}, {"string", "unpack", K_ALLBYTES},
  {"table", "concat", K_CONCAT}, {"table", "insert", K_INSERT}, {"table", "move", K_MOVE},
  {"table", "pack", K_NARGS}, {"table", "remove", K_REMOVE}, {"table", "sort", K_SORT},
  {"table", "unpack", K_UNPACK},
  {"utf8", "char", K_NARGS}, {"utf8", "codepoint", K_BYTE}, {"utf8", "len", K_BYTES1},
  {"utf8", "offset", K_BYTES1},
  {NULL, NULL, 0}
};

void sandbox_charge_library(lua_State *L, const char *lib) {
  for (const charge_rule *r = rules; r->lib; r++) {
    if (strcmp(r->lib, lib) != 0) continue;
    lua_getfield(L, -1, r->name);
    lua_pushinteger(L, r->kind);
    lua_pushcclosure(L, charged, 2);
    lua_setfield(L, -2, r->name);
  }
}
