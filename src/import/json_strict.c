/*
** json_strict.c -- the RFC 8259 check of a JSON text, numbers as written,
** and printing a cJSON value back with them. See json_strict.h.
**
** The check is one loop over the text with a stack of the open containers
** (no recursion, so no depth reaches the C stack): a value is expected, then
** what may follow it in the container on top.
*/
#include "json_strict.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(json_strict *j, size_t at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(j->err, sizeof j->err, fmt, ap);
  va_end(ap);
  j->at = at;
  return -1;
}

#define TRUNCATED "JSON syntax error (unexpected end of file: the file looks truncated)"

/* The character at s[i], for a message: 'c', or U+XXXX. */
static const char *show_char(const char *s, size_t len, size_t i, char buf[16]) {
  const unsigned char *u = (const unsigned char *)s + i;
  if (*u > 0x20 && *u < 0x7F) { snprintf(buf, 16, "'%c'", *u); return buf; }
  unsigned cp = *u;
  size_t n = *u < 0x80 ? 1 : *u < 0xE0 ? 2 : *u < 0xF0 ? 3 : 4;
  if (n > 1 && i + n <= len) {
    cp = *u & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++) cp = (cp << 6) | (u[k] & 0x3Fu);
  }
  snprintf(buf, 16, "U+%04X", cp);
  return buf;
}

/* What is at s[i] where `wanted` was: a message for the byte found. */
static int unexpected(json_strict *j, const char *s, size_t len, size_t i, const char *wanted) {
  char c[16];
  if (i >= len) return fail(j, i, TRUNCATED);
  unsigned char b = (unsigned char)s[i];
  if (b < 0x20)
    return fail(j, i, "JSON syntax error: %s is not JSON whitespace (only space, tab, line feed and "
                "carriage return are)", show_char(s, len, i, c));
  if (b == '/') return fail(j, i, "JSON syntax error: JSON has no comments");
  return fail(j, i, "JSON syntax error: expected %s, found %s", wanted, show_char(s, len, i, c));
}

static size_t skip_ws(const char *s, size_t len, size_t i, int *line) {
  for (; i < len; i++) {
    char c = s[i];
    if (c == '\n') (*line)++;
    else if (c != ' ' && c != '\t' && c != '\r') break;
  }
  return i;
}

static int hex4(const char *s, size_t len, size_t i, unsigned *v) {
  *v = 0;
  if (i + 4 > len) return 0;
  for (size_t k = i; k < i + 4; k++) {
    char c = s[k];
    unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
               : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16;
    if (d == 16) return 0;
    *v = *v << 4 | d;
  }
  return 1;
}

/* The string at s[*i] ('"'): past its closing quote, or -1. */
static int string(json_strict *j, const char *s, size_t len, size_t *pi) {
  static const char *const name[32] = {
    [8] = "\\b", [9] = "\\t", [10] = "\\n", [12] = "\\f", [13] = "\\r"};
  size_t i = *pi + 1;
  for (;;) {
    while (i < len && (unsigned char)s[i] >= 0x20 && s[i] != '"' && s[i] != '\\') i++;
    if (i >= len) return fail(j, len, TRUNCATED);
    unsigned char c = (unsigned char)s[i];
    if (c == '"') break;
    if (c < 0x20)
      return fail(j, i, "JSON syntax error: control character U+%04X in a string (write it as %s)", c,
                  name[c] ? name[c] : "\\u00XX");
    if (i + 1 >= len) return fail(j, len, TRUNCATED);      /* a backslash */
    char e = s[i + 1];
    unsigned cp, lo;
    if (e && strchr("\"\\/bfnrt", e)) { i += 2; continue; }
    if (e != 'u') {
      char ch[16];
      return fail(j, i, "JSON syntax error: invalid escape \\%s in a string (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                  (unsigned char)e > 0x20 && (unsigned char)e < 0x7F ? (snprintf(ch, sizeof ch, "%c", e), ch)
                  : show_char(s, len, i + 1, ch));
    }
    if (!hex4(s, len, i + 2, &cp)) {
      if (i + 6 > len) return fail(j, len, TRUNCATED);
      return fail(j, i, "JSON syntax error: invalid \\u escape (four hexadecimal digits must follow \\u)");
    }
    if (cp == 0) return fail(j, i, "\\u0000 (NUL) is not allowed in a string (stored text would end there)");
    if (cp >= 0xDC00 && cp <= 0xDFFF)
      return fail(j, i, "JSON syntax error: \\u%.4s is the second half of a UTF-16 surrogate pair without its "
                  "first half", s + i + 2);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (!(i + 8 <= len && s[i + 6] == '\\' && s[i + 7] == 'u' && hex4(s, len, i + 8, &lo) &&
            lo >= 0xDC00 && lo <= 0xDFFF))
        return fail(j, i, "JSON syntax error: \\u%.4s is the first half of a UTF-16 surrogate pair without its "
                    "second half", s + i + 2);
      i += 6;
    }
    i += 6;
  }
  *pi = i + 1;
  return 0;
}

static int digit(const char *s, size_t len, size_t i) { return i < len && s[i] >= '0' && s[i] <= '9'; }

/* The number at s[*i]: past it, recorded, or -1. Messages quote it as written. */
static int number(json_strict *j, const char *s, size_t len, size_t *pi) {
  size_t start = *pi, i = start, end = start;
  while (end < len && s[end] && strchr("0123456789+-.eE", s[end])) end++;
  int shown = end - start > 40 ? 40 : (int)(end - start);
#define BAD(at, what, advice) fail(j, (at), "JSON syntax error: %s (%.*s%s)%s", (what), shown, s + start, \
                                   shown < (int)(end - start) ? "..." : "", (advice))
  if (s[i] == '-') i++;
  if (i >= len) return fail(j, len, TRUNCATED);
  if (s[i] == '0') {
    if (digit(s, len, ++i)) return BAD(i, "a number with a leading zero", ": write it without, or as text in quotes");
  } else if (digit(s, len, i)) {
    while (digit(s, len, i)) i++;
  } else if (s[i] == '.') return BAD(i, "a number without a digit before the decimal point", "");
  else return BAD(i, "'-' without a number", "");
  if (i < len && s[i] == '.') {
    if (!digit(s, len, ++i)) return i >= len ? fail(j, len, TRUNCATED) : BAD(i, "a number without a digit after the decimal point", "");
    while (digit(s, len, i)) i++;
  }
  if (i < len && (s[i] == 'e' || s[i] == 'E')) {
    if (++i < len && (s[i] == '+' || s[i] == '-')) i++;
    if (!digit(s, len, i)) return i >= len ? fail(j, len, TRUNCATED) : BAD(i, "a number without digits in its exponent", "");
    while (digit(s, len, i)) i++;
  }
#undef BAD
  if (j->nnums == j->capnums) {
    j->capnums = j->capnums ? 2 * j->capnums : 64;
    if (!(j->nums = realloc(j->nums, j->capnums * sizeof *j->nums))) abort();
  }
  j->nums[j->nnums++] = (json_span){s + start, i - start};
  *pi = i;
  return 0;
}

/* A value at s[*i] that is no container: past it, or -1. */
static int scalar(json_strict *j, const char *s, size_t len, size_t *pi) {
  static const char *const words[] = {"true", "false", "null"};
  size_t i = *pi;
  char c = s[i];
  if (c == '"') return string(j, s, len, pi);
  if (c == '-' || (c >= '0' && c <= '9')) return number(j, s, len, pi);
  if (c == '+') return fail(j, i, "JSON syntax error: a number cannot start with '+'");
  if (c == '.') return fail(j, i, "JSON syntax error: a number without a digit before the decimal point");
  if (c == '\'') return fail(j, i, "JSON syntax error: strings take double quotes, not single ones");
  if ((len - i >= 3 && !memcmp(s + i, "NaN", 3)) || (len - i >= 8 && !memcmp(s + i, "Infinity", 8)))
    return fail(j, i, "JSON syntax error: %s is not a JSON number", c == 'N' ? "NaN" : "Infinity");
  if (c == 'T' || c == 'F' || c == 'N')
    return fail(j, i, "JSON syntax error: expected a value, found '%c' (true, false and null are written in "
                "small letters)", c);
  for (int w = 0; w < 3; w++)
    if (c == words[w][0]) {
      size_t n = strlen(words[w]), k = 1;
      while (k < n && i + k < len && s[i + k] == words[w][k]) k++;
      if (k == n) { *pi = i + n; return 0; }
      if (i + k >= len) return fail(j, len, TRUNCATED);
      return fail(j, i, "JSON syntax error: not a value (%s is written in small letters, in full)", words[w]);
    }
  return unexpected(j, s, len, i, "a value");
}

int json_strict_check(json_strict *j, const char *s, size_t len) {
  char open[JSON_MAX_DEPTH];            /* the containers open: '{' or '[' */
  int depth = 0, line = 1;
  size_t i = len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
  j->nlines = j->nnums = 0;
  j->err[0] = '\0';
  i = skip_ws(s, len, i, &line);
  if (i >= len) return fail(j, i, "JSON syntax error: no value (the file holds only whitespace)");
  for (;;) {
    /* a value at s[i] */
    if (i >= len) return fail(j, len, TRUNCATED);
    if (s[i] == '{' || s[i] == '[') {
      if (depth == JSON_MAX_DEPTH)
        return fail(j, i, "JSON nested too deep: this '%c' opens level %d (at most %d levels)", s[i],
                    depth + 1, JSON_MAX_DEPTH);
      if (s[i] == '{') {
        if (j->nlines == j->caplines) {
          j->caplines = j->caplines ? 2 * j->caplines : 64;
          if (!(j->lines = realloc(j->lines, j->caplines * sizeof *j->lines))) abort();
        }
        j->lines[j->nlines++] = line;
      }
      open[depth++] = s[i];
      i = skip_ws(s, len, i + 1, &line);
      if (i < len && s[i] == (open[depth - 1] == '{' ? '}' : ']')) { depth--; i++; goto after; }
      if (open[depth - 1] == '[') continue;
      goto member;
    }
    if (scalar(j, s, len, &i)) return -1;
  after:                                /* after a value: what may follow it */
    i = skip_ws(s, len, i, &line);
    if (!depth) {
      if (i < len) return fail(j, i, "JSON syntax error: text after the end of the document");
      return 0;
    }
    if (i >= len) return fail(j, len, TRUNCATED);
    char close = open[depth - 1] == '{' ? '}' : ']';
    if (s[i] == close) { depth--; i++; goto after; }
    if (s[i] != ',') return unexpected(j, s, len, i, close == '}' ? "',' or '}'" : "',' or ']'");
    i = skip_ws(s, len, i + 1, &line);
    if (i < len && s[i] == close)
      return fail(j, i, "JSON syntax error: a comma before '%c' (no value follows it)", close);
    if (close == ']') continue;
  member:                               /* a member's name and ':' */
    if (i >= len || s[i] != '"') return unexpected(j, s, len, i, "a member name in double quotes");
    if (string(j, s, len, &i)) return -1;
    i = skip_ws(s, len, i, &line);
    if (i >= len || s[i] != ':') return unexpected(j, s, len, i, "':' after the member name");
    i = skip_ws(s, len, i + 1, &line);
  }
}

void json_strict_free(json_strict *j) {
  free(j->lines);
  free(j->nums);
  j->lines = NULL; j->nums = NULL;
  j->nlines = j->caplines = j->nnums = j->capnums = 0;
}

void json_number(const char *s, size_t n, json_num *v) {
  memset(v, 0, sizeof *v);
  v->integer = !memchr(s, '.', n) && !memchr(s, 'e', n) && !memchr(s, 'E', n);
  char *end;
  if (v->integer) {
    errno = 0;
    v->i = strtoll(s, &end, 10);
    v->fits = errno != ERANGE && end == s + n;
    if (v->fits) { v->d = (double)v->i; return; }      /* rounded as strtod would round it */
  }
  v->d = strtod(s, &end);
  if (isinf(v->d)) v->range = 1;
  else if (v->d == 0) {
    size_t m = 0;                         /* the mantissa: not 0 as written? */
    while (m < n && s[m] != 'e' && s[m] != 'E') m++;
    for (size_t k = 0; k < m; k++)
      if (s[k] >= '1' && s[k] <= '9') { v->range = -1; break; }
  }
}

const char *json_number_problem(const json_num *v, json_as as) {
  if (as == JSON_AS_INTEGER && !v->integer)
    return "is not an integer (an integer is written without a fraction or an exponent)";
  if (as != JSON_AS_DOUBLE && v->integer && !v->fits)
    return "does not fit a 64-bit integer (-9223372036854775808 to 9223372036854775807)";
  if (as == JSON_AS_INTEGER || (v->integer && v->fits)) return NULL;
  if (v->range > 0) return "is not a finite number (beyond the range of a 64-bit float, about 1.8e308)";
  if (v->range < 0) return "is too small for a 64-bit float (it would be stored as 0)";
  return NULL;
}

void json_print(jsonw *w, const cJSON *v, const json_strict *j) {
  if (cJSON_IsNumber(v)) {
    if (v->valueint >= 0 && (size_t)v->valueint < j->nnums) {
      jsonw_rawn(w, j->nums[v->valueint].p, j->nums[v->valueint].n);
    } else {                              /* not tagged: cannot happen after the check */
      char buf[32];
      jsonw_rawn(w, buf, (size_t)snprintf(buf, sizeof buf, "%.17g", v->valuedouble));
    }
  } else if (cJSON_IsString(v)) jsonw_str(w, v->valuestring);
  else if (cJSON_IsTrue(v)) JSONW_LIT(w, "true");
  else if (cJSON_IsFalse(v)) JSONW_LIT(w, "false");
  else if (cJSON_IsArray(v) || cJSON_IsObject(v)) {
    int obj = cJSON_IsObject(v);
    jsonw_rawn(w, obj ? "{" : "[", 1);
    for (const cJSON *c = v->child; c; c = c->next) {
      if (c != v->child) JSONW_LIT(w, ",");
      if (obj) { jsonw_str(w, c->string); JSONW_LIT(w, ":"); }
      json_print(w, c, j);
    }
    jsonw_rawn(w, obj ? "}" : "]", 1);
  } else JSONW_LIT(w, "null");
}
