/*
** report_published.c -- the decision that published a year's results, read
** from the store for a report (see report_settings.h).
*/
#include "report_settings.h"

#include <stdlib.h>
#include <string.h>

#include "store_published.h"

static int on_decision(const store_decision *d, void *ud) {
  doc_published *p = ud;
  p->found = 1;
  p->decision_number = arena_strdup(&p->strs_, d->number);
  p->decision_date = arena_strdup(&p->strs_, d->date);
  p->decision_body = arena_strdup(&p->strs_, d->body);
  p->decision_subject = arena_strdup(&p->strs_, d->subject);
  p->units = d->units;
  return 0;
}

static int on_row(const store_published_row *r, void *ud) {
  doc_published *p = ud;
  if ((p->nresults & (p->nresults - 1)) == 0) {      /* 0, 1, 2, 4, ...: grow to twice */
    p->results = realloc(p->results, (size_t)(p->nresults ? 2 * p->nresults : 1) * sizeof *p->results);
    if (!p->results) abort();
  }
  p->results[p->nresults++] = (published_result){arena_strdup(&p->strs_, r->unit), arena_strdup(&p->strs_, r->name),
                                                 r->total, r->rank};
  return 0;
}

int doc_published_load(store *s, int year, const char *kind, const char *parent, doc_published *p) {
  memset(p, 0, sizeof *p);
  int rc = kind && *kind && parent && *parent ? store_published_get(s, year, kind, parent, on_decision, on_row, p) : 0;
  if (rc == 0 && kind && *kind) rc = store_published_get(s, year, kind, "", on_decision, on_row, p);
  if (rc == 0) rc = store_published_get(s, year, "", "", on_decision, on_row, p);
  if (rc < 0) { doc_published_free(p); return -1; }
  return 0;
}

void doc_published_free(doc_published *p) {
  free(p->results);
  arena_free(&p->strs_);
  memset(p, 0, sizeof *p);
}

const published_result *doc_published_find(const doc_published *p, const char *unit) {
  for (int i = 0; i < p->nresults; i++)
    if (!strcmp(p->results[i].unit, unit)) return &p->results[i];
  return NULL;
}
