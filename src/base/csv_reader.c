/*
** csv_reader.c -- a small RFC 4180 reader, over a whole text or a stream.
*/
#include "csv_reader.h"

#include <stdlib.h>
#include <string.h>

static void oom(void) { abort(); }

/* Keep [from, end) at the start of the window and read more after it: 1 if
** bytes came, 0 at the end of the stream (or without one), -1 on a read error.
** Either way r->p is where `from` was. */
static int refill(csv_reader *r, const char *from) {
  if (!r->f || r->eof) return 0;
  size_t keep = (size_t)(r->end - from);
  if (keep && from != r->win) memmove(r->win, from, keep);
  if (keep == r->wincap) {                       /* a row longer than the window */
    char *w = realloc(r->win, 2 * r->wincap);
    if (!w) oom();
    r->win = w; r->wincap *= 2;
  }
  size_t k = fread(r->win + keep, 1, r->wincap - keep, r->f);
  r->p = r->win; r->end = r->win + keep + k;
  if (k == 0) {
    if (ferror(r->f)) { r->err = "read error"; return -1; }
    r->eof = 1;
  }
  return k > 0;
}

/* The separator: whichever of ',' and ';' appears more in the header line,
** outside quotes. 1 if the window ends inside the header line. */
static int choose_sep(csv_reader *r) {
  int commas = 0, semis = 0, q = 0;
  const char *c = r->p;
  for (; c < r->end && (q || (*c != '\n' && *c != '\r')); c++) {
    if (*c == '"') q = !q;
    else if (!q && *c == ',') commas++;
    else if (!q && *c == ';') semis++;
  }
  r->sep = semis > commas ? ';' : ',';
  return c == r->end;
}

static void skip_bom(csv_reader *r) {
  if (r->end - r->p >= 3 && memcmp(r->p, "\xEF\xBB\xBF", 3) == 0) r->p += 3;   /* Excel's BOM */
}

void csv_init(csv_reader *r, const char *data, size_t len) {
  memset(r, 0, sizeof *r);
  r->p = data; r->end = data + len;
  r->next_line = 1;
  skip_bom(r);
  choose_sep(r);
}

int csv_open(csv_reader *r, FILE *f) {
  memset(r, 0, sizeof *r);
  r->f = f;
  r->next_line = 1;
  r->wincap = CSV_CHUNK;
  r->win = calloc(1, r->wincap);             /* calloc: gcc would warn of reading it unset */
  if (!r->win) oom();
  r->p = r->end = r->win;
  if (refill(r, r->p) < 0) return -1;
  skip_bom(r);
  while (choose_sep(r) && !r->eof)               /* the whole header line, however long */
    if (refill(r, r->win) < 0) return -1;
  if (r->p == r->win) skip_bom(r);               /* p went back to the window's start */
  return 0;
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

/* More of the stream is needed to finish the row that starts at `row`: read it
** and parse the row again from its start. */
#define MORE()                                                   \
  do {                                                           \
    if (refill(r, row) < 0) { r->line = row_line; return -1; }   \
    goto restart;                                                \
  } while (0)

int csv_next(csv_reader *r, char ***fields) {
  for (;;) {                                     /* skip blank lines */
    while (r->p < r->end && (*r->p == '\n' || *r->p == '\r')) {
      if (*r->p == '\n') r->next_line++;
      r->p++;
    }
    if (r->p < r->end) break;
    int m = refill(r, r->p);
    if (m < 0) { r->line = r->next_line; return -1; }
    if (m == 0) return 0;
  }
  const char *row;
  int row_line = r->next_line, more;
  size_t n, nf;
  size_t starts[4096];
  int quoted, was_quoted;
restart:
  row = r->p;
  more = r->f && !r->eof;
  r->line = r->next_line = row_line;
  n = 0; nf = 0;
  starts[nf++] = 0;
  quoted = was_quoted = 0;
  for (;;) {
    if (n - starts[nf - 1] > CSV_MAX_FIELD) {
      r->err = "field longer than 131072 bytes (an Excel cell holds at most 32767 characters)";
      return -1;
    }
    if (r->p >= r->end) {
      if (more) MORE();
      if (quoted) { r->err = "unterminated quoted field"; return -1; }
      break;
    }
    char c = *r->p++;
    if (quoted) {
      if (c == '"') {
        if (r->p == r->end && more) MORE();
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
      if (c == '\r' && r->p == r->end && more) MORE();
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
  free(r->win);
  r->buf = NULL; r->fields = NULL; r->win = NULL;
}
