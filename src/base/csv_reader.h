/*
** csv_reader.h -- RFC 4180 reader for what Excel writes: optional UTF-8 BOM, CRLF or
** LF, ',' or ';' separators (chosen from the header line), quoted fields with
** doubled quotes and embedded newlines. A field longer than CSV_MAX_FIELD is
** a syntax error (a spreadsheet cell holds at most 32767 characters).
** The reader reads a whole text it borrows (csv_init) or a stream a chunk at
** a time (csv_open: it holds one chunk and the row being read, never the
** file). Fields point into the reader's own storage and stay valid until the
** next csv_next call.
*/
#ifndef PARINDEX_CSV_READER_H
#define PARINDEX_CSV_READER_H

#include <stddef.h>
#include <stdio.h>

#define CSV_MAX_FIELD (128u * 1024)   /* bytes in one field: a row past it is an error */
#define CSV_CHUNK (256u * 1024)       /* bytes read from a stream at a time */

typedef struct {
  const char *p, *end;
  FILE *f;                 /* the stream (csv_open), or NULL */
  char *win; size_t wincap; int eof;   /* the window read from f */
  char sep;
  int line;                /* line where the current row starts (1-based) */
  int next_line;
  char *buf; size_t bufcap;
  char **fields; size_t fieldcap;
  const char *err;         /* set when csv_next returns -1 */
} csv_reader;

void csv_init(csv_reader *r, const char *data, size_t len);
/* Read from f (the caller opens and closes it). -1 on a read error (r->err). */
int csv_open(csv_reader *r, FILE *f);
/* Next row: returns the number of fields (>= 1), 0 at end, -1 on a syntax
** or read error (r->err, r->line). Blank lines are skipped. */
int csv_next(csv_reader *r, char ***fields);
void csv_free(csv_reader *r);

#endif
