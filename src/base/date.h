/*
** date.h -- calendar dates as day numbers; ISO text in, Vietnamese text out.
**
** Ownership: plain values; text goes into buffers the caller owns.
*/
#ifndef PARINDEX_DATE_H
#define PARINDEX_DATE_H

typedef struct { int y, m, d; } pdate;

/* Parse exactly "YYYY-MM-DD" (a real calendar date, year 1000..9999).
** Returns 1 and fills *out, or 0 if s is not such a date. */
int date_parse_iso(const char *s, pdate *out);
/* 1 if s has the shape NNNN-NN-NN, whether or not the date exists. */
int date_looks_iso(const char *s);
int date_valid(int y, int m, int d);
/* Days since 1970-01-01 (proleptic Gregorian). */
long date_days(pdate d);
pdate date_from_days(long days);
/* "24/06/2022" into buf (at least 11 bytes). */
char *date_format_vn(char *buf, pdate d);
/* "2022-06-24" into buf (at least 11 bytes). */
char *date_format_iso(char *buf, pdate d);

#endif
