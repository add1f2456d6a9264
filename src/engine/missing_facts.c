/*
** missing_facts.c -- every missing required fact of a run, in one message.
*/
#include "missing_facts.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fact_check.h"

static const char head[] = "required facts are missing, nothing was scored (`parindex facts check` lists every problem):";

void missing_facts_init(missing_facts *mf, char *buf, size_t cap) {
  memset(mf, 0, sizeof *mf);
  mf->msg = buf;
  mf->cap = cap;
}

/* Append a line if it fits with room left for the closing summary. */
static int add_line(missing_facts *mf, const char *fmt, ...) {
  char line[600];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n < 0 || mf->len + (size_t)n + 200 >= mf->cap) return 0;
  memcpy(mf->msg + mf->len, line, (size_t)n + 1);
  mf->len += (size_t)n;
  return 1;
}

static void on_problem(const unit_facts *uf, const fact_problem *p, void *ud) {
  missing_facts *mf = ud;
  if (mf->facts == 0 && mf->cap > sizeof head) { snprintf(mf->msg, mf->cap, "%s", head); mf->len = strlen(mf->msg); }
  mf->facts++;
  if (add_line(mf, "\n  %s %d: %s (%s; %s)", uf->unit.id, uf->year, p->key, p->decl->description, p->decl->office))
    mf->shown++;
}

int missing_facts_add(missing_facts *mf, const methodology *m, const unit_facts *uf) {
  int n = fact_check_unit(m, uf, FACT_CHECK_MISSING, on_problem, mf);
  if (n) mf->units++;
  return n;
}

int missing_facts_finish(missing_facts *mf) {
  if (!mf->facts) return 0;
  if (mf->shown < mf->facts) add_line(mf, "\n  ... and %d more", mf->facts - mf->shown);
  add_line(mf, "\n%d required fact%s missing in %d unit%s", mf->facts, mf->facts == 1 ? "" : "s", mf->units,
           mf->units == 1 ? "" : "s");
  return -1;
}
