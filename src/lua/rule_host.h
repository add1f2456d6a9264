/*
** rule_host.h -- the evaluation state of one unit being scored, shared by
** the files of the `u` object: rule_unit.c (facts, deductions, tasks) and
** rule_achieved.c (statements of what was achieved). Private to src/lua/.
**
** Ownership: the host is owned by its rulebook (host_init, host_free in
** rule_unit.c); what the helpers write into the ledger lives in the unit
** result's arena.
*/
#ifndef PARINDEX_RULE_HOST_H
#define PARINDEX_RULE_HOST_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rulebook_int.h"
#include "sandbox.h"

/* What one criterion may write into the ledger (rules/README.md, section 6).
** The ledger's memory (its arena) counts against the memory cap as well. */
#define RULE_TEXT_MAX      8192   /* bytes of a reason, a task, a statement or a not-applicable text */
#define RULE_DEDS_MAX      1000   /* deductions per criterion */
#define RULE_TASKS_MAX     100    /* tasks per deduction */
#define RULE_FACTS_MAX     1000   /* keys given to one :facts(...) */
#define RULE_ACHIEVED_MAX  100    /* statements of what was achieved (u.achieved) per criterion */

struct host {
  const unit_facts *uf;     /* the unit being scored */
  unit_result *res;
  int crit;                 /* criterion (or bonus or penalty item) being scored */
  int extra;                /* RB_CRITERION, or RB_BONUS / RB_PENALTY: crit indexes rb->extras */
  int nlines;               /* lines the item has recorded so far */
  unsigned serial;          /* bumps per criterion: stale handles are refused */
  int *stamp;               /* stamp[i] == serial when fact i was read */
  int *used; int nused;     /* facts read by this criterion, in reading order */
  size_t capfacts;
  pts_t lost;               /* deducted so far in this criterion */
  int u_ref, inner_ref;     /* the read-only `u` and its private table */
  int ded_meta_ref;         /* DED_META, to set without a lookup by name */
  const void *ded_meta;     /* ... and to recognise a handle by its metatable */
  int ach_meta_ref;         /* the same for a statement's handle (rule_achieved.c) */
  const void *ach_meta;
  struct { const char *key; size_t pos; } seen[256]; /* u.fact key (a Lua string) -> fact_pos */
};

/* Inline: every u.fact goes through these. */
static inline rulebook *host_rulebook(lua_State *L) { return sandbox_limits_of(L)->host; }
static inline struct host *host_of(lua_State *L) { return host_rulebook(L)->host; }

/* A fact key at arg: a string without NUL (a C string would stop at it and
** name another fact). */
static inline const char *host_check_key(lua_State *L, int arg) {
  size_t len;
  const char *key = luaL_checklstring(L, arg, &len);
  if (memchr(key, '\0', len)) sandbox_error(L, "bad argument #%d: a fact key holds no NUL byte", arg);
  return key;
}

/* Where key is or would be in the unit's sorted facts (lower bound). */
static inline size_t host_fact_pos(const unit_facts *uf, const char *key) {
  size_t lo = 0, hi = uf->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(uf->facts[mid].key, key) < 0) lo = mid + 1; else hi = mid;
  }
  return lo;
}
/* The index of key in the unit's sorted facts, or -1. */
int host_find_fact(const unit_facts *uf, const char *key);
/* Refuse (a Lua error naming what) a text with a NUL byte or longer than
** RULE_TEXT_MAX. */
void host_check_text(lua_State *L, const char *what, const char *text, size_t len);
/* Refuse a ledger that, with the Lua state, passes the memory cap. */
void host_check_ledger(lua_State *L, struct host *h);
/* The unit's facts idx[0..n) as a ledger entry shows them, in r's arena. */
ledger_fact *host_copy_facts(unit_result *r, const unit_facts *uf, const int *idx, int n);
/* The facts named by the string arguments from first to the top, for a
** handle's :facts(key, ...): copied into r's arena, *n set; a Lua error
** naming what (and the kind of entry) when there are more than
** RULE_FACTS_MAX or one is missing. */
ledger_fact *host_named_facts(lua_State *L, struct host *h, const char *what, const char *entry, int first,
                              int *n);
/* Handles: what u.lose and u.achieved return, to add to their entry. A
** handle is valid while its criterion is being scored (the host's serial). */
typedef struct { unsigned serial; int index; } host_handle;
/* Register a handle's metatable as tname: __index its methods, __newindex
** newindex, __metatable false; *meta its address, to recognise handles.
** Returns its registry reference. */
int host_handle_meta(lua_State *L, const char *tname, const luaL_Reg *methods, lua_CFunction newindex,
                     const void **meta);
/* Push a handle of entry index, with the metatable of meta_ref. */
void host_push_handle(lua_State *L, struct host *h, int meta_ref, int index);
/* The entry index of the handle at argument 1, a handle of meta (tname);
** a Lua error when it is not one, or belongs to another criterion or unit
** (what: "deduction"). */
int host_check_handle(lua_State *L, const void *meta, const char *tname, const char *what);

/* Where the rule function calling a C function of `u` is: the index of its
** file in the methodology (-1 when not known) and *line. */
int host_caller(lua_State *L, int *line);

#endif
