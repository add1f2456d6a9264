/*
** json_strict.h -- JSON texts as RFC 8259 defines them, checked before
** cJSON parses them, and numbers kept as they were written.
**
** cJSON is lenient: it takes leading zeros, "1.", "-.5", raw control
** characters in strings, "\uqqqq", any byte up to a space as whitespace, and
** keeps only a double of each number. json_strict_check reads the text once
** with the grammar of RFC 8259 and refuses what it refuses, with the offset
** of the offending byte; it also refuses "\u0000" (a string is stored as C
** text: it would be cut there), lone surrogates (they are no UTF-8) and
** nesting past cJSON's limit (JSON_MAX_DEPTH), with the depth. What passes,
** cJSON parses as the RFC says.
**
** On the way it records, in document order, the line of each object and the
** text of each number, which a pre-order walk of cJSON's tree meets in the
** same order: the importer takes each number's value from its text
** (json_number: integers exactly, or refused; never cJSON's double) and
** prints list records back with every number as written (json_print).
**
** Ownership: a json_strict owns its recorded lines and numbers
** (json_strict_free); each json_span points into the checked text, which
** the caller keeps alive while they are used.
*/
#ifndef PARINDEX_JSON_STRICT_H
#define PARINDEX_JSON_STRICT_H

#include <stddef.h>

#include "json_writer.h"

#define JSON_MAX_DEPTH 1000          /* cJSON's CJSON_NESTING_LIMIT */

typedef struct { const char *p; size_t n; } json_span;   /* a number as written */

typedef struct json_strict {
  int *lines; size_t nlines, caplines;   /* the line of each object ('{'), in order */
  json_span *nums; size_t nnums, capnums;   /* the text of each number, in order */
  size_t at;                             /* on a problem: the offending byte's offset */
  char err[200];                         /* on a problem: what is wrong */
} json_strict;

/* Check s[0..len) (UTF-8 already checked; a leading byte order mark is
** skipped, as cJSON does). 0, or -1 with j->at and j->err. The spans point
** into s. j starts zeroed, or as a previous call left it (reused). */
int json_strict_check(json_strict *j, const char *s, size_t len);
void json_strict_free(json_strict *j);

/* The value of a number written s[0..n): sign, digits, a fraction, an
** exponent (JSON's grammar, or the laxer one of CSV: "+5", ".5", "5."). The
** byte s[n] must not continue the number (a delimiter or NUL). */
typedef struct {
  int integer;     /* written without a fraction or an exponent */
  int fits;        /* an integer within 64 bits: i holds it exactly */
  long long i;
  double d;        /* the nearest double */
  int range;       /* 1: beyond a double (infinite); -1: not 0 as written, 0 as a double; else 0 */
} json_num;
void json_number(const char *s, size_t n, json_num *out);

/* The problem of a number taken as what it was written as (an integer
** without a fraction or an exponent, else a double), as an integer, or as a
** double: NULL, or the words that follow the number in a message ("does not
** fit a 64-bit integer (...)"). */
typedef enum { JSON_AS_WRITTEN, JSON_AS_INTEGER, JSON_AS_DOUBLE } json_as;
const char *json_number_problem(const json_num *v, json_as as);

/* A value of cJSON's tree printed as cJSON_PrintUnformatted prints it, but
** with each number as written: the tree's numbers carry, in valueint, their
** index into j->nums (see above). Appended to w. */
struct cJSON;
void json_print(jsonw *w, const struct cJSON *v, const json_strict *j);

#endif
