/*
** sandbox.h -- a Lua 5.4 state for untrusted rule files.
**
** One struct holds the limits and the reason a script was stopped. The state
** has a capped allocator and a count hook; its globals are an allow-list of
** read-only libraries; every chunk is text (never bytecode) and gets its own
** environment whose undefined globals raise errors.
**
** Memory: a soft cap (limits.mem_limit) marks the script as stopped and the
** next instruction raises an error with its file and line; a hard cap at
** twice that refuses the allocation outright. Above half the cap the hook
** also follows lines, so that even a refused allocation (which Lua reports
** without a position) is reported at the rule's line.
*/
#ifndef PARINDEX_SANDBOX_H
#define PARINDEX_SANDBOX_H

#include <lua.h>
#include <lauxlib.h>
#include <signal.h>
#include <stddef.h>

/* The registry table of every global a rule file can read: the allowed
** libraries and the rule API (named registry key, after Redis). */
#define SANDBOX_GLOBALS_KEY "parindex.globals"

#define SANDBOX_DEFAULT_MEM   (64u * 1024 * 1024)   /* 64 MiB per rulebook state */
#define SANDBOX_DEFAULT_INSNS 10000000LL            /* per file load / per criterion */
#define SANDBOX_CHARGE_BYTES  8                     /* bytes a library call scans per instruction */
/* CPU time per protected call: 1 s per 10 million instructions of the
** budget, at least 1 s (sandbox_timer.c). */
#define SANDBOX_CPU_MS(insns) ((insns) / 10000 > 1000 ? (long)((insns) / 10000) : 1000L)

typedef struct {
  size_t mem_limit;         /* bytes; soft cap */
  size_t mem_used;
  long long insn_limit;     /* VM instructions per protected call */
  long long insn_count;
  long cpu_ms;              /* CPU time per protected call (0: SANDBOX_CPU_MS) */
  const char *stopped;      /* NULL, "instruction budget", "memory cap" or "time limit" */
  void *host;               /* the embedding's context (see sandbox_host) */
  lua_State *L;             /* set by sandbox_new */
  char where[256];          /* "file:line" of the rule line running when memory ran out */
  volatile sig_atomic_t timed_out;   /* set by the CPU timer's signal handler */
  /* What runs, for the last-resort message of the CPU timer (the embedding
  ** sets these pointers before each call; they must outlive it). */
  const char *ctx_file, *ctx_what, *ctx_unit;
  int ctx_line;
} sandbox_limits;

/* A new sandboxed state. The functions of each array in `apis` (a NULL-
** terminated list) join the read-only globals next to the allowed libraries.
** lim must outlive the state. NULL on OOM. */
lua_State *sandbox_new(sandbox_limits *lim, const luaL_Reg *const *apis);
void sandbox_close(lua_State *L);
sandbox_limits *sandbox_limits_of(lua_State *L);

/* Load a text chunk from a file into its own environment; push the function.
** chunkname is the path shown in messages. Returns LUA_OK or pushes a message. */
int sandbox_loadfile(lua_State *L, const char *path);

/* lua_pcall with a fresh instruction budget and a message handler that
** prefixes the rule file and line and appends a traceback. On error the
** message is left on the stack (a string). */
int sandbox_pcall(lua_State *L, int nargs, int nresults);
/* The same for many calls in a row: push the message handler once with
** sandbox_push_msgh and give its (absolute) index as msgh. */
void sandbox_push_msgh(lua_State *L);
int sandbox_pcallh(lua_State *L, int nargs, int nresults, int msgh);

/* Read-only view of the table at idx, pushed. label names it in errors. */
void sandbox_push_readonly(lua_State *L, int idx, const char *label);
/* If the value at idx is a read-only view, push the table it shows and
** return 1; otherwise push nothing and return 0. For the host only. */
int sandbox_readonly_target(lua_State *L, int idx);
/* Push what the value at idx shows: a view's table, or the value itself. */
void sandbox_push_target(lua_State *L, int idx);
/* Frozen views: the host promises that the table a view shows (and every
** table reachable from it) never changes again, as for a rulebook's params.
** A helper may then keep what it computed from such a view in the view,
** under a key of its own (the address of a static of the helper).
** sandbox_view_memo pushes the memo (nil if none yet) and returns 1, or
** returns 0 and pushes nothing if the value at idx is not a frozen view;
** sandbox_view_set_memo pops the value on top into it (ignored if the value
** at idx is not a frozen view). */
void sandbox_view_freeze(lua_State *L, int idx);
int sandbox_view_memo(lua_State *L, int idx, const void *key);
void sandbox_view_set_memo(lua_State *L, int idx, const void *key);

/* Freeze the plain table at idx in place: its contents move to a new
** table it then shows as a frozen read-only view (labelled label). */
void sandbox_freeze_table(lua_State *L, int idx, const char *label);

/* Charge cost instructions to the running call's budget; past the budget,
** raise "instruction budget exceeded" at the rule's line (sandbox_charge.c). */
int sandbox_charge(lua_State *L, double cost);
/* Replace the functions of the library table on the stack top (lib is its
** name: "string", "table", "utf8") whose work grows with their arguments
** by closures that charge that work first. */
void sandbox_charge_library(lua_State *L, const char *lib);

/* Raise an error located at the rule-file line that called the running
** C function (like luaL_error, but skipping C frames). */
int sandbox_error(lua_State *L, const char *fmt, ...);

#endif
