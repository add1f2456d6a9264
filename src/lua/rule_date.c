/*
** rule_date.c -- date values for rule files: compare, subtract, print dd/mm/yyyy.
*/
#include "rule_date.h"

#include <string.h>

#include "date.h"
#include "sandbox.h"

#define DATE_META "parindex.date"

typedef struct { long days; } ldate;

void ldate_push(lua_State *L, long days) {
  ldate *d = lua_newuserdatauv(L, sizeof *d, 0);
  d->days = days;
  luaL_setmetatable(L, DATE_META);
}

int ldate_get(lua_State *L, int idx, long *days) {
  ldate *d = luaL_testudata(L, idx, DATE_META);
  if (d) *days = d->days;
  return d != NULL;
}

/* Dates span the years 1000..9999 (date_valid): arithmetic that leaves them
** is an error, not a year printed modulo 10000. */
#define DATE_MIN (-354285L)      /* 1000-01-01 */
#define DATE_MAX 2932896L        /* 9999-12-31 */

static void push_in_range(lua_State *L, long days, lua_Integer n) {
  long span = DATE_MAX - DATE_MIN;
  if (n < -span || n > span || days + (long)n < DATE_MIN || days + (long)n > DATE_MAX)
    sandbox_error(L, "date arithmetic: %I days from %s leaves the years 1000-9999", n,
                  date_format_iso((char[16]){0}, date_from_days(days)));
  ldate_push(L, days + (long)n);
}

static long check_date(lua_State *L, int idx) {
  long days = 0;
  if (!ldate_get(L, idx, &days))
    sandbox_error(L, "expected a date, got %s", luaL_typename(L, idx));
  return days;
}

static int d_lt(lua_State *L) { lua_pushboolean(L, check_date(L, 1) < check_date(L, 2)); return 1; }
static int d_le(lua_State *L) { lua_pushboolean(L, check_date(L, 1) <= check_date(L, 2)); return 1; }
static int d_eq(lua_State *L) { lua_pushboolean(L, check_date(L, 1) == check_date(L, 2)); return 1; }

static int d_sub(lua_State *L) {              /* date - date = days; date - n = date */
  long a = check_date(L, 1), b;
  if (ldate_get(L, 2, &b)) lua_pushinteger(L, a - b);
  else {
    lua_Integer n = luaL_checkinteger(L, 2);
    push_in_range(L, a, n == LUA_MININTEGER ? LUA_MAXINTEGER : -n);
  }
  return 1;
}

static int d_add(lua_State *L) {              /* date + n, n + date */
  int di = ldate_get(L, 1, &(long){0}) ? 1 : 2;
  long a = check_date(L, di);
  push_in_range(L, a, luaL_checkinteger(L, 3 - di));
  return 1;
}

static int d_tostring(lua_State *L) {
  char buf[16];
  lua_pushstring(L, date_format_vn(buf, date_from_days(check_date(L, 1))));
  return 1;
}

static int d_iso(lua_State *L) {
  char buf[16];
  lua_pushstring(L, date_format_iso(buf, date_from_days(check_date(L, 1))));
  return 1;
}

static int d_index(lua_State *L) {
  pdate d = date_from_days(check_date(L, 1));
  const char *k = luaL_checkstring(L, 2);
  if (!strcmp(k, "year")) lua_pushinteger(L, d.y);
  else if (!strcmp(k, "month")) lua_pushinteger(L, d.m);
  else if (!strcmp(k, "day")) lua_pushinteger(L, d.d);
  else if (!strcmp(k, "iso")) lua_pushcfunction(L, d_iso);
  else return sandbox_error(L, "a date has no field '%s' (year, month, day, iso)", k);
  return 1;
}

static int d_newindex(lua_State *L) { return sandbox_error(L, "dates are read-only"); }

static const luaL_Reg date_meta[] = {
  {"__lt", d_lt}, {"__le", d_le}, {"__eq", d_eq}, {"__sub", d_sub}, {"__add", d_add},
  {"__tostring", d_tostring}, {"__index", d_index}, {"__newindex", d_newindex}, {NULL, NULL}
};

void ldate_init(lua_State *L) {
  luaL_newmetatable(L, DATE_META);
  luaL_setfuncs(L, date_meta, 0);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}


int ldate_new(lua_State *L) {                 /* date("2022-06-19") or date(2022, 6, 19) */
  pdate d;
  if (lua_type(L, 1) == LUA_TSTRING) {
    if (!date_parse_iso(lua_tostring(L, 1), &d))
      return sandbox_error(L, "date: '%s' is not a valid YYYY-MM-DD date", lua_tostring(L, 1));
  } else {
    lua_Integer y = luaL_checkinteger(L, 1), m = luaL_checkinteger(L, 2), dd = luaL_checkinteger(L, 3);
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > 31 || !date_valid((int)y, (int)m, (int)dd))
      return sandbox_error(L, "date: %I-%I-%I is not a valid date (years 1000-9999)", y, m, dd);
    d.y = (int)y; d.m = (int)m; d.d = (int)dd;
  }
  ldate_push(L, date_days(d));
  return 1;
}
