/*
** methodology.c -- look-ups in a methodology.
*/
#include "methodology.h"

#include <string.h>

const char *methodology_file(const methodology *m, int i) {
  return i >= 0 && i < m->nfiles ? m->files[i] : NULL;
}

const char *methodology_office_name(const methodology *m, const char *id) {
  for (int i = 0; i < m->noffices; i++)
    if (!strcmp(m->offices[i].id, id)) return m->offices[i].name;
  return NULL;
}

const char *methodology_band(const methodology *m, pts_t total) {
  for (int i = 0; i < m->nbands; i++)
    if (total >= m->bands[i].min) return m->bands[i].name;
  return NULL;
}

int methodology_criterion(const methodology *m, const char *id) {
  for (int i = 0; i < m->ncrits; i++)
    if (!strcmp(m->crits[i].id, id)) return i;
  return -1;
}

int methodology_extra(const methodology *m, const char *id) {
  for (int i = 0; i < m->nextras; i++)
    if (!strcmp(m->extras[i].id, id)) return i;
  return -1;
}

int methodology_component(const methodology *m, const char *id) {
  for (int i = 0; i < m->ncomps; i++)
    if (!strcmp(m->comps[i].id, id)) return i;
  return -1;
}

const meth_fact *methodology_fact(const methodology *m, const char *key) {
  int lo = 0, hi = m->nfacts - 1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2, c = strcmp(m->facts[mid].key, key);
    if (!c) return &m->facts[mid];
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return NULL;
}
