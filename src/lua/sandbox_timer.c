/*
** sandbox_timer.c -- the CPU-time limit, second line behind the budget.
**
** The instruction budget and the charges of sandbox_charge.c are exact and
** deterministic; what they cannot see (comparing two long strings, a
** concatenation of long strings, C work that was not charged) is bounded by
** CPU time. While any sandbox exists, an ITIMER_PROF timer ticks every
** TICK_MS of the process's CPU time. sandbox_pcallh marks each protected
** call (a file load, a criterion) with a new generation; the handler counts
** the ticks of the current generation. Past the call's limit it sets a hook
** on every instruction (lua_sethook is safe in a signal handler: lua.c does
** the same for SIGINT), and the rule stops at its next instruction with an
** error at its line. If the call is in C code that never returns to the VM,
** GRACE_MS later the handler writes what was running (file:line and
** criterion, async-signal-safe) and ends the process with _exit(1): the
** store's open transaction is never committed, so SQLite discards it.
*/
#define _POSIX_C_SOURCE 200809L
#include "sandbox_timer.h"

#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#define TICK_MS  100
#define GRACE_MS 1000

static int users, installed;
static sandbox_limits *volatile active;     /* the call running now, or NULL */
static lua_Hook active_hook;
static volatile sig_atomic_t generation;
static sig_atomic_t seen_generation;
static long ticks;

static void put(char *buf, size_t *n, size_t cap, const char *s) {
  size_t k = strlen(s);
  if (*n + k > cap) k = cap - *n;
  memcpy(buf + *n, s, k);
  *n += k;
}

static void put_int(char *buf, size_t *n, size_t cap, long v) {
  char d[24];
  int i = (int)sizeof d;
  d[--i] = '\0';
  do { d[--i] = (char)('0' + v % 10); v /= 10; } while (v > 0 && i > 0);
  put(buf, n, cap, d + i);
}

static void last_resort(const sandbox_limits *lim) {
  static char msg[1024];
  size_t n = 0, cap = sizeof msg - 1;
  put(msg, &n, cap, "parindex: ");
  put(msg, &n, cap, lim->ctx_file ? lim->ctx_file : "?");
  if (lim->ctx_line > 0) { put(msg, &n, cap, ":"); put_int(msg, &n, cap, lim->ctx_line); }
  if (lim->ctx_what) {
    put(msg, &n, cap, ": criterion ");
    put(msg, &n, cap, lim->ctx_what);
    if (lim->ctx_unit) { put(msg, &n, cap, " ("); put(msg, &n, cap, lim->ctx_unit); put(msg, &n, cap, ")"); }
  }
  put(msg, &n, cap, ": time limit exceeded (");
  put_int(msg, &n, cap, lim->cpu_ms / 1000);
  put(msg, &n, cap, " s of CPU time) in C code that did not return (a library call, or the parser); stopped, nothing was stored\n");
  msg[n] = '\0';
  ssize_t w = write(STDERR_FILENO, msg, n);
  (void)w;
  _exit(1);
}

static void on_tick(int sig) {
  (void)sig;
  sandbox_limits *lim = active;
  if (!lim) { ticks = 0; return; }
  if (generation != seen_generation) { seen_generation = generation; ticks = 0; }
  long ms = ++ticks * TICK_MS;
  if (ms > lim->cpu_ms + GRACE_MS) last_resort(lim);
  if (ms > lim->cpu_ms && lim->L) {
    lim->timed_out = 1;
    lua_sethook(lim->L, active_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
  }
}

static void set_timer(long ms) {
  struct itimerval t = {{ms / 1000, (ms % 1000) * 1000}, {ms / 1000, (ms % 1000) * 1000}};
  setitimer(ITIMER_PROF, &t, NULL);
}

/* The handler stays installed once set: a tick still pending when the
** timer stops (valgrind delivers signals late) must not end the process
** with SIGPROF's default action. Without a call running it does nothing. */
void sbt_retain(void) {
  if (users++ > 0) return;
  if (!installed) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_tick;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
    installed = 1;
  }
  set_timer(TICK_MS);
}

void sbt_release(void) {
  if (users <= 0 || --users > 0) return;
  set_timer(0);
}

sandbox_limits *sbt_enter(sandbox_limits *lim, lua_Hook hook) {
  sandbox_limits *prev = active;
  lim->timed_out = 0;
  active_hook = hook;
  generation++;
  active = lim;
  return prev;
}

void sbt_leave(sandbox_limits *prev) {
  active = prev;
  generation++;
}
