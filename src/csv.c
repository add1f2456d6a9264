/*
** csv.c -- a small RFC 4180 reader.
*/
#include "csv.h"

#include <stdlib.h>
#include <string.h>

static void oom(void) { abort(); }

void csv_init(csv_reader *r, const char *data, size_t len) {
  memset(r, 0, sizeof *r);
  r->p = data; r->end = data + len;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) r->p += 3;   /* Excel's BOM */
  r->next_line = 1;
  /* separator: whichever of ',' and ';' appears more in the header, outside quotes */
  int commas = 0, semis = 0, q = 0;
  for (const char *c = r->p; c < r->end && (q || (*c != '\n' && *c != '\r')); c++) {
    if (*c == '"') q = !q;
    else if (!q && *c == ',') commas++;
    else if (!q && *c == ';') semis++;
  }
  r->sep = semis > commas ? ';' : ',';
}

static void put(csv_reader *r, size_t *n, char c) {
  if (*n + 1 >= r->bufcap) {
    size_t cap = r->bufcap ? 2 * r->bufcap : 256;
    char *b = realloc(r->buf, cap);
    if (!b) oom();
    r->buf = b; r->bufcap = cap;
  }
  r->buf[(*n)++] = c;
}

static void put_run(csv_reader *r, size_t *n, const char *s, size_t k) {
  if (*n + k + 1 >= r->bufcap) {
    size_t cap = r->bufcap ? r->bufcap : 256;
    while (*n + k + 1 >= cap) cap *= 2;
    char *b = realloc(r->buf, cap);
    if (!b) oom();
    r->buf = b; r->bufcap = cap;
  }
  memcpy(r->buf + *n, s, k);
  *n += k;
}

int csv_next(csv_reader *r, char ***fields) {
  /* skip blank lines */
  while (r->p < r->end && (*r->p == '\n' || *r->p == '\r')) {
    if (*r->p == '\n') r->next_line++;
    r->p++;
  }
  if (r->p >= r->end) return 0;
  r->line = r->next_line;
  size_t n = 0, nf = 0;
  size_t starts[4096];
  starts[nf++] = 0;
  int quoted = 0, was_quoted = 0;
  for (;;) {
    if (n - starts[nf - 1] > CSV_MAX_FIELD) {
      r->err = "field longer than 131072 bytes (an Excel cell holds at most 32767 characters)";
      return -1;
    }
    if (r->p >= r->end) {
      if (quoted) { r->err = "unterminated quoted field"; return -1; }
      break;
    }
    char c = *r->p++;
    if (quoted) {
      if (c == '"') {
        if (r->p < r->end && *r->p == '"') { put(r, &n, '"'); r->p++; }
        else quoted = 0;
      } else {
        if (c == '\n') r->next_line++;
        put(r, &n, c);
      }
    } else if (c == '"') {
      if (n != starts[nf - 1] || was_quoted) { r->err = "quote inside an unquoted field"; return -1; }
      quoted = was_quoted = 1;
    } else if (c == r->sep) {
      put(r, &n, '\0');
      if (nf == sizeof starts / sizeof *starts) { r->err = "too many fields"; return -1; }
      starts[nf++] = n;
      was_quoted = 0;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && r->p < r->end && *r->p == '\n') r->p++;
      r->next_line++;
      break;
    } else {                            /* a run of plain characters at once */
      if (was_quoted) { r->err = "text after a closing quote"; return -1; }
      const char *run = r->p - 1, *e = r->p;
      while (e < r->end && *e != r->sep && *e != '"' && *e != '\r' && *e != '\n') e++;
      put_run(r, &n, run, (size_t)(e - run));
      r->p = e;
    }
  }
  put(r, &n, '\0');
  if (nf > r->fieldcap) {
    char **f = realloc(r->fields, nf * sizeof *f);
    if (!f) oom();
    r->fields = f; r->fieldcap = nf;
  }
  for (size_t i = 0; i < nf; i++) r->fields[i] = r->buf + starts[i];
  *fields = r->fields;
  return (int)nf;
}

void csv_free(csv_reader *r) {
  free(r->buf);
  free(r->fields);
  r->buf = NULL; r->fields = NULL;
}
