/*
** rule_format.c -- Vietnamese formatting and the scoring-shape helpers.
*/
#include "rule_format.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "points.h"
#include "sandbox.h"

#include "rule_date.h"

void lfmt_number(char *buf, size_t n, double x, int decimals) {
  if (decimals >= 0) snprintf(buf, n, "%.*f", decimals > 9 ? 9 : decimals, x);
  else if (x == floor(x) && fabs(x) < 1e15) snprintf(buf, n, "%.0f", x);
  else snprintf(buf, n, "%.12g", x);
  for (char *c = buf; *c; c++)
    if (*c == '.') *c = ',';
}

static void add_value_s(lua_State *L, luaL_Buffer *b, int arg) {
  char num[LFMT_NUMBER_MAX];
  long days;
  if (lua_type(L, arg) == LUA_TNUMBER) {
    if (lua_isinteger(L, arg)) snprintf(num, sizeof num, "%lld", (long long)lua_tointeger(L, arg));
    else lfmt_number(num, sizeof num, lua_tonumber(L, arg), -1);
    luaL_addstring(b, num);
  } else if (ldate_get(L, arg, &days)) {
    luaL_addstring(b, date_format_vn(num, date_from_days(days)));
  } else if (lua_type(L, arg) == LUA_TSTRING) {
    lua_pushvalue(L, arg);
    luaL_addvalue(b);
  } else if (lua_type(L, arg) == LUA_TBOOLEAN) {
    luaL_addstring(b, lua_toboolean(L, arg) ? "true" : "false");
  } else if (lua_isnil(L, arg)) {
    luaL_addstring(b, "nil");
  } else {
    sandbox_error(L, "bad argument #%d to format: %s cannot be formatted", arg, luaL_typename(L, arg));
  }
}

/* printf into b, however long the text (no fixed buffer); with comma, a
** decimal point becomes a comma. */
static void add_printf(luaL_Buffer *b, int comma, const char *spec, ...) {
  va_list ap;
  va_start(ap, spec);
  int n = vsnprintf(NULL, 0, spec, ap);
  va_end(ap);
  if (n < 0) return;
  char *p = luaL_prepbuffsize(b, (size_t)n + 1);
  va_start(ap, spec);
  vsnprintf(p, (size_t)n + 1, spec, ap);
  va_end(ap);
  if (comma) for (int i = 0; i < n; i++) if (p[i] == '.') p[i] = ',';
  luaL_addsize(b, (size_t)n);
}

/* The integer a %d formats: an integer, or a float with an exact integer
** value inside the 64-bit range. */
static long long format_integer(lua_State *L, int arg) {
  if (lua_isinteger(L, arg)) return (long long)lua_tointeger(L, arg);
  lua_Number x = luaL_checknumber(L, arg);
  if (x != floor(x))
    sandbox_error(L, "format: %%d needs an integer, got %s", lua_tostring(L, arg));
  if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0))
    sandbox_error(L, "format: %%d: %s is outside the 64-bit integer range", lua_tostring(L, arg));
  return (long long)x;
}

/* The formatting itself, into b (initialised here; one stack slot). */
static void format_into(lua_State *L, int first, luaL_Buffer *b) {
  size_t len;
  const char *fmt = luaL_checklstring(L, first, &len), *end = fmt + len;
  int arg = first, top = lua_gettop(L);
  luaL_buffinit(L, b);
  while (fmt < end) {
    const char *pct = memchr(fmt, '%', (size_t)(end - fmt));
    if (!pct) { luaL_addlstring(b, fmt, (size_t)(end - fmt)); break; }
    luaL_addlstring(b, fmt, (size_t)(pct - fmt));
    fmt = pct;
    if (*++fmt == '%') { luaL_addchar(b, '%'); fmt++; continue; }
    char spec[32] = "%";
    size_t k = 1;
    while (fmt < end && strchr("-+ #0", *fmt) && k < 6) spec[k++] = *fmt++;
    for (int i = 0; i < 2 && fmt < end && *fmt >= '0' && *fmt <= '9'; i++) spec[k++] = *fmt++;
    if (fmt < end && *fmt == '.') {
      spec[k++] = *fmt++;
      for (int i = 0; i < 2 && fmt < end && *fmt >= '0' && *fmt <= '9'; i++) spec[k++] = *fmt++;
    }
    if (fmt >= end) sandbox_error(L, "format: incomplete %% specification");
    char conv = *fmt++;
    if (++arg > top) sandbox_error(L, "format: no value for %%%c (argument #%d)", conv, arg - first);
    switch (conv) {
    case 'd': case 'i': {
      long long v = format_integer(L, arg);
      strcpy(spec + k, "lld");
      add_printf(b, 0, spec, v);
      break;
    }
    case 'f': case 'e': case 'g': {
      spec[k++] = conv;
      spec[k] = '\0';
      add_printf(b, 1, spec, (double)luaL_checknumber(L, arg));
      break;
    }
    case 's':
      if (k > 1) sandbox_error(L, "format: %%s takes no width or precision here");
      add_value_s(L, b, arg);
      break;
    default:
      sandbox_error(L, "format: unsupported conversion %%%c (use %%s, %%d or %%.Nf)", conv);
    }
  }
}

void lfmt_push(lua_State *L, int first) {
  size_t len;
  const char *fmt = luaL_checklstring(L, first, &len);
  if (!memchr(fmt, '%', len)) { lua_pushvalue(L, first); return; }   /* nothing to format */
  luaL_Buffer b;
  format_into(L, first, &b);
  luaL_pushresult(&b);
}

const char *lfmt_text(lua_State *L, int first, luaL_Buffer *b, size_t *len) {
  const char *fmt = luaL_checklstring(L, first, len);
  if (!memchr(fmt, '%', *len)) { lua_pushvalue(L, first); return fmt; }
  format_into(L, first, b);
  *len = luaL_bufflen(b);
  return luaL_buffaddr(b);
}

static int h_fmt(lua_State *L) { lfmt_push(L, 1); return 1; }

static int h_vn(lua_State *L) {
  char buf[LFMT_NUMBER_MAX];
  double x = luaL_checknumber(L, 1);
  int dec = lua_isnoneornil(L, 2) ? -1 : (int)luaL_checkinteger(L, 2);
  lfmt_number(buf, sizeof buf, x, dec);
  lua_pushstring(L, buf);
  return 1;
}

void lfmt_thousands(char buf[LFMT_THOUSANDS_MAX], long long v) {
  char digits[32], *e = digits + sizeof digits, *o = e;   /* 19 digits and 6 dots */
  unsigned long long x = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
  int k = 0;
  do {
    if (k++ && k % 3 == 1) *--o = '.';
    *--o = (char)('0' + x % 10);
  } while (x /= 10);
  snprintf(buf, LFMT_THOUSANDS_MAX, "%s%.*s", v < 0 ? "-" : "", (int)(e - o), o);
}

static int h_thousands(lua_State *L) {        /* thousands(n): whole numbers only */
  char buf[LFMT_THOUSANDS_MAX];
  lfmt_thousands(buf, (long long)luaL_checkinteger(L, 1));
  lua_pushstring(L, buf);
  return 1;
}

static double round2(lua_State *L, double x) {
  int ok;
  pts_t p = pts_from_double(x, &ok);
  if (!ok) sandbox_error(L, "round2: not a finite number");
  return (double)p / 100.0;
}

static int h_round2(lua_State *L) {
  lua_pushnumber(L, round2(L, luaL_checknumber(L, 1)));
  return 1;
}

static int h_linear(lua_State *L) {           /* linear(v, lo, hi, max) */
  double v = luaL_checknumber(L, 1), lo = luaL_checknumber(L, 2);
  double hi = luaL_checknumber(L, 3), max = luaL_checknumber(L, 4);
  if (hi == lo) return sandbox_error(L, "linear: lo and hi must differ");
  double x = max * (v - lo) / (hi - lo);
  if (x < 0) x = 0;
  if (x > max) x = max;
  lua_pushnumber(L, round2(L, x));
  return 1;
}

/* steps() on a frozen params table: its thresholds and points, read once. */
typedef struct { double at; int isint; lua_Integer i; lua_Number x; } step;
typedef struct { lua_Integer n; step s[]; } steps_memo;
static const char steps_memo_key = 0;

/* Reads the steps of the frozen view at 2 into a new memo kept in the view,
** or keeps false there if a step is not {number, number} (the general loop
** then reads them, and says which one is wrong). The stack stays v, view. */
static const steps_memo *make_steps_memo(lua_State *L) {
  sandbox_push_target(L, 2);                                      /* 3: its table */
  lua_Integer n = (lua_Integer)lua_rawlen(L, 3);   /* a frozen table has no metatable */
  steps_memo *m = NULL;
  if (n <= 1000) {
    m = lua_newuserdatauv(L, sizeof *m + (size_t)n * sizeof m->s[0], 0);   /* 4 */
    m->n = n;
    for (lua_Integer i = 1; m && i <= n; i++) {
      lua_rawgeti(L, 3, i);
      int ok = sandbox_readonly_target(L, -1)     /* a step is a frozen view too */
               && lua_rawgeti(L, -1, 1) == LUA_TNUMBER && lua_rawgeti(L, -2, 2) == LUA_TNUMBER;
      if (ok) {
        step *st = &m->s[i - 1];
        st->at = lua_tonumber(L, -2);
        st->isint = lua_isinteger(L, -1);
        st->i = st->isint ? lua_tointeger(L, -1) : 0;
        st->x = lua_tonumber(L, -1);
      } else m = NULL;
      lua_settop(L, 4);
    }
  }
  if (!m) { lua_settop(L, 3); lua_pushboolean(L, 0); }
  sandbox_view_set_memo(L, 2, &steps_memo_key);                  /* pops it */
  lua_settop(L, 2);
  return m;
}

static int h_steps(lua_State *L) {            /* steps(v, {{at, points}, ...}) */
  double v = luaL_checknumber(L, 1);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  const steps_memo *m = NULL;
  if (sandbox_view_memo(L, 2, &steps_memo_key)) {               /* 3: memo, nil or false */
    int t = lua_type(L, 3);
    m = t == LUA_TUSERDATA ? lua_touserdata(L, 3) : NULL;
    lua_settop(L, 2);
    if (t == LUA_TNIL) m = make_steps_memo(L);
  }
  if (m) {                                    /* params: thresholds read once */
    for (lua_Integer i = 0; i < m->n; i++)
      if (v >= m->s[i].at) {
        if (m->s[i].isint) lua_pushinteger(L, m->s[i].i); else lua_pushnumber(L, m->s[i].x);
        return 1;
      }
    lua_pushinteger(L, 0);
    return 1;
  }
  sandbox_push_target(L, 2);                  /* a read-only view reads as its table */
  lua_replace(L, 2);
  lua_Integer n = luaL_len(L, 2);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 2, i);
    sandbox_push_target(L, -1);
    lua_replace(L, -2);
    lua_geti(L, -1, 1);
    lua_geti(L, -2, 2);
    if (!lua_isnumber(L, -2) || !lua_isnumber(L, -1))
      return sandbox_error(L, "steps: step %d must be {at, points}", (int)i);
    if (v >= lua_tonumber(L, -2)) return 1;
    lua_pop(L, 3);
  }
  lua_pushinteger(L, 0);
  return 1;
}

static int h_percent(lua_State *L) {          /* percent(a, b) = 100*a/b, nil if b == 0 */
  double a = luaL_checknumber(L, 1), b = luaL_checknumber(L, 2);
  if (b == 0) lua_pushnil(L);
  else lua_pushnumber(L, 100.0 * a / b);
  return 1;
}

const luaL_Reg lrules_helpers[] = {
  {"date", ldate_new}, {"fmt", h_fmt}, {"vn", h_vn}, {"thousands", h_thousands}, {"round2", h_round2},
  {"linear", h_linear}, {"steps", h_steps}, {"percent", h_percent}, {NULL, NULL}
};
