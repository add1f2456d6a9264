/*
** json_writer.c -- JSON text writer (escaping as cJSON does).
*/
#include "json_writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void room(jsonw *w, size_t more) {
  if (w->n + more + 1 <= w->cap) return;
  size_t cap = w->cap ? w->cap : 256;
  while (cap < w->n + more + 1) cap *= 2;
  char *p = realloc(w->p, cap);
  if (!p) { fputs("parindex: out of memory\n", stderr); abort(); }
  w->p = p; w->cap = cap;
}

void jsonw_reset(jsonw *w) { w->n = 0; }

void jsonw_grow(jsonw *w, size_t more) { room(w, more); }


void jsonw_str(jsonw *w, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  size_t k = strlen(s);
  room(w, 6 * k + 2);                            /* worst case: every byte \u00XX */
  char *o = w->p + w->n;
  *o++ = '"';
  for (; *u; u++) {
    const unsigned char *run = u;                  /* bytes that need no escape */
    while (*u >= 32 && *u != '"' && *u != '\\') u++;
    memcpy(o, run, (size_t)(u - run));
    o += u - run;
    if (!*u) break;
    *o++ = '\\';
    switch (*u) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\b': *o++ = 'b'; break;
    case '\f': *o++ = 'f'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    case '\t': *o++ = 't'; break;
    default: o += sprintf(o, "u%04x", *u);
    }
  }
  *o++ = '"';
  w->n = (size_t)(o - w->p);
}

void jsonw_int(jsonw *w, int64_t v) {
  char buf[24], *e = buf + sizeof buf, *o = e;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do *--o = (char)('0' + u % 10); while (u /= 10);
  if (v < 0) *--o = '-';
  room(w, (size_t)(e - o));
  memcpy(w->p + w->n, o, (size_t)(e - o));
  w->n += (size_t)(e - o);
}

const char *jsonw_text(jsonw *w) {
  room(w, 0);
  w->p[w->n] = '\0';
  return w->p;
}

void jsonw_free(jsonw *w) {
  free(w->p);
  w->p = NULL; w->n = w->cap = 0;
}
