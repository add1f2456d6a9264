/*
** sandbox_timer.h -- the CPU-time limit of sandboxed calls (sandbox_timer.c),
** for sandbox.c only.
*/
#ifndef PARINDEX_SANDBOX_TIMER_H
#define PARINDEX_SANDBOX_TIMER_H

#include "sandbox.h"

/* The process-wide CPU timer runs while at least one sandbox exists. */
void sbt_retain(void);
void sbt_release(void);
/* Around one protected call: past lim->cpu_ms of CPU time, `hook` is set on
** every instruction with lim->timed_out = 1; sbt_enter returns the call it
** interrupts (NULL at the outermost), to give back to sbt_leave. */
sandbox_limits *sbt_enter(sandbox_limits *lim, lua_Hook hook);
void sbt_leave(sandbox_limits *prev);

#endif
