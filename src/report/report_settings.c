/*
** report_settings.c -- read a unit's document settings (data/README.md,
** "Documents"). Strict: every field
** has its type, an unknown field is refused (a misspelt "signer" must not
** silently print a blank), dates are real YYYY-MM-DD dates.
*/
#include "report_settings.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "import_check.h"
#include "path.h"

static int fail(char *err, size_t n, const char *file, const char *fmt, ...) {
  va_list ap;
  int k = snprintf(err, n, "%s: ", file);
  va_start(ap, fmt);
  if (k >= 0 && (size_t)k < n) vsnprintf(err + k, n - (size_t)k, fmt, ap);
  va_end(ap);
  return -1;
}

/* The parsed file, NULL with *missing = 1 when it is not there, or NULL
** with err filled. */
static cJSON *load(const char *file, int *missing, char *err, size_t errlen) {
  size_t len;
  *missing = 0;
  char *text = file_read_all(file, &len);
  if (!text) {
    if (errno == ENOENT) { *missing = 1; return NULL; }
    fail(err, errlen, file, "%s", strerror(errno));
    return NULL;
  }
  json_strict j = {0};
  cJSON *o = imp_json_parse(&j, text, len, file, err, errlen);   /* RFC 8259, no member twice */
  json_strict_free(&j);
  free(text);
  if (!o) return NULL;
  if (!cJSON_IsObject(o)) {
    cJSON_Delete(o);
    fail(err, errlen, file, "not a JSON object (see data/README.md, \"Documents\")");
    return NULL;
  }
  return o;
}

/* *out := the string member (NULL when absent or ""), or -1. */
static int str(const cJSON *m, const char *file, const char **out, char *err, size_t n) {
  if (!cJSON_IsString(m)) return fail(err, n, file, "%s: must be a string", m->string);
  *out = *m->valuestring ? m->valuestring : NULL;
  return 0;
}

static int date(const cJSON *m, const char *file, const char **out, char *err, size_t n) {
  pdate d;
  if (str(m, file, out, err, n)) return -1;
  if (*out && !date_parse_iso(*out, &d)) return fail(err, n, file, "%s: '%s' is not a date YYYY-MM-DD", m->string, *out);
  return 0;
}

/* An array of strings (or one string) into *v, malloc'd. */
static int lines(const cJSON *m, const char *file, const char ***v, int *nv, char *err, size_t n) {
  if (cJSON_IsString(m)) {
    *v = malloc(sizeof **v);
    if (!*v) abort();
    (*v)[0] = m->valuestring;
    *nv = 1;
    return 0;
  }
  if (!cJSON_IsArray(m)) return fail(err, n, file, "%s: must be a list of strings", m->string);
  int k = cJSON_GetArraySize(m), i = 0;
  *v = malloc((size_t)(k ? k : 1) * sizeof **v);
  if (!*v) abort();
  const cJSON *e;
  cJSON_ArrayForEach(e, m) {
    if (!cJSON_IsString(e)) return fail(err, n, file, "%s[%d]: must be a string", m->string, i);
    (*v)[i++] = e->valuestring;
  }
  *nv = i;
  return 0;
}

int doc_settings_read(const char *dir, const char *unit, doc_settings *s, char *err, size_t errlen) {
  char file[4096];
  int missing;
  memset(s, 0, sizeof *s);
  snprintf(file, sizeof file, "%s/%s.json", dir, unit);
  cJSON *o = load(file, &missing, err, errlen);
  if (!o) return missing ? 0 : -1;
  s->tree_ = o;
  s->found = 1;
  const cJSON *m;
  cJSON_ArrayForEach(m, o) {
    const char *k = m->string;
    int rc;
    if (!strcmp(k, "unit")) {
      if (!cJSON_IsString(m) || strcmp(m->valuestring, unit))
        rc = fail(err, errlen, file, "unit: must be \"%s\", the unit this file is named after", unit);
      else rc = 0;
    } else if (!strcmp(k, "parent_body")) rc = str(m, file, &s->parent_body, err, errlen);
    else if (!strcmp(k, "issuing_body")) rc = lines(m, file, &s->body, &s->nbody, err, errlen);
    else if (!strcmp(k, "number")) rc = str(m, file, &s->number, err, errlen);
    else if (!strcmp(k, "code")) rc = str(m, file, &s->code, err, errlen);
    else if (!strcmp(k, "letter_code")) rc = str(m, file, &s->letter_code, err, errlen);
    else if (!strcmp(k, "place")) rc = str(m, file, &s->place, err, errlen);
    else if (!strcmp(k, "date")) rc = date(m, file, &s->date, err, errlen);
    else if (!strcmp(k, "authority")) rc = str(m, file, &s->authority, err, errlen);
    else if (!strcmp(k, "deputy")) rc = str(m, file, &s->deputy, err, errlen);
    else if (!strcmp(k, "title")) rc = str(m, file, &s->title, err, errlen);
    else if (!strcmp(k, "signer")) rc = str(m, file, &s->signer, err, errlen);
    else if (!strcmp(k, "recipients")) rc = lines(m, file, &s->recipients, &s->nrecipients, err, errlen);
    else if (!strcmp(k, "name_in_text")) rc = str(m, file, &s->name_in_text, err, errlen);
    else if (!strcmp(k, "about")) rc = 0;                   /* a note for people */
    else rc = fail(err, errlen, file, "%s: not a field of a unit's document settings (see data/README.md)", k);
    if (rc) { doc_settings_free(s); return -1; }
  }
  return 0;
}

void doc_settings_free(doc_settings *s) {
  free(s->body);
  free(s->recipients);
  cJSON_Delete(s->tree_);
  memset(s, 0, sizeof *s);
}
