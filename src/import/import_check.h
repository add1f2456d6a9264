/*
** import_check.h -- what both fact formats check and share (import_check.c).
** Every function that fails writes "file:line[:col]: field: message" into
** b->err and returns -1; strings it makes live in b->tmp.
**
** Ownership: nothing is returned that the caller frees.
*/
#ifndef PARINDEX_IMPORT_CHECK_H
#define PARINDEX_IMPORT_CHECK_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "import_int.h"
#include "json_strict.h"

/* "file:line" of a place, or "file:sheet!cell" in an .xlsx file, into buf. */
const char *imp_where(const importer *b, loc at, char *buf, size_t n);
/* "file:line: " and the message; -1. */
int imp_fail(importer *b, loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* "file:line:col: msg" for the file being read; -1. */
int imp_fail_col(importer *b, int line, int col, const char *msg);
/* "writing the store: ..." from store_errmsg; -1. */
int imp_store_fail(importer *b);
/* Line and column (in characters) after reading s[0..n), from *line, *col. */
void imp_advance(const unsigned char *s, size_t n, int *line, int *col);

/* The first byte of s[0..len) that does not begin a valid UTF-8 character
** (or is NUL): its offset, with *bad = 1. Else len, or (when !final) the
** start of a character cut by the end of s, to be read again with more. */
size_t imp_utf8_scan(const unsigned char *s, size_t len, int final, int *bad);
/* Points as hundredths from their text p[0..n): digits with at most two
** decimals after '.' (or ',' when comma), no sign, up to a million. 0, or -1. */
int imp_points_text(const char *p, size_t n, int comma, int64_t *out);

/* The column named name: a header that is the name, or a title that ends
** with it in parentheses ("Giá trị (value)"); -1 when there is none. */
int imp_column(char *const *hdr, int n, const char *name);

/* 1 if s is an id: 1 to 128 of A-Z a-z 0-9 _ - . */
int imp_valid_id(const char *s);
/* pf->year := y when it is a plausible year (1900-2200). */
int imp_set_year(importer *b, loc at, pfact *pf, long long y);
/* 1 and *out when t names a fact type (facts.h), else 0. */
int imp_parse_type(const char *t, fact_type *out);
/* A real calendar date, YYYY-MM-DD. */
int imp_check_date(importer *b, loc at, const char *field, const char *s);

/* What the strict check j recorded, put into cJSON's tree in the otherwise
** unused valueint: each object's line (or `line` if not 0, for a list in a
** CSV field), each number's index into j->nums. A pre-order walk meets
** them in document order, as the check did. */
typedef struct { const json_strict *j; size_t obj, num; int line; } imp_tagger;
void imp_tag(cJSON *node, imp_tagger *t);
/* The written text of a number of a tagged tree. */
json_span imp_number_text(const json_strict *j, const cJSON *v);
/* The first member named twice in one object of the tagged tree at node and
** its siblings (cJSON keeps both, and lookups would see only the first):
** its name, with the object's line in *at (line when it is not known), or
** NULL. */
const char *imp_json_duplicate(const cJSON *node, int line, int *at);
/* A whole JSON text buf[0..len) of file checked (json_strict_check into j)
** (UTF-8 without NUL bytes, RFC 8259) and parsed, its tree tagged
** (imp_tag), no member named twice in an object:
** the tree (the caller deletes it and frees j), or NULL with
** "file:line[:col]: message" in err. */
cJSON *imp_json_parse(json_strict *j, const char *buf, size_t len, const char *file, char *err, size_t errlen);
/* A list value: an array of flat records; ISO-looking strings must be real
** dates, numbers what they were written as. */
int imp_check_list(importer *b, loc at, const char *key, const cJSON *arr, const json_strict *j);
/* A list value's text: its records printed back with numbers as written. */
const char *imp_list_text(importer *b, const cJSON *v, const json_strict *j);
/* A fact's number, written t (quoted in messages when `quote`, as CSV's
** are), as type `want` (-1: none, so as written: an integer without a
** fraction or an exponent, else a number) into f. Never rounded to fit. */
int imp_number_value(importer *b, loc at, int quote, json_span t, const json_num *n, int want, fact *f);

#endif
