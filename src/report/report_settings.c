/*
** report_settings.c -- read a unit's document settings and a year's
** published results (data/README.md, "Documents"). Strict: every field
** has its type, an unknown field is refused (a misspelt "signer" must not
** silently print a blank), dates are real YYYY-MM-DD dates.
*/
#include "report_settings.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
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
  cJSON *o = cJSON_ParseWithLength(text, len);
  free(text);
  if (!o || !cJSON_IsObject(o)) {
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

static int result(const cJSON *e, int i, const char *file, published_result *r, char *err, size_t n) {
  const cJSON *m;
  memset(r, 0, sizeof *r);
  if (!cJSON_IsObject(e)) return fail(err, n, file, "results[%d]: must be an object", i);
  cJSON_ArrayForEach(m, e) {
    const char *k = m->string;
    if (!strcmp(k, "unit") || !strcmp(k, "name")) {
      if (!cJSON_IsString(m) || !*m->valuestring) return fail(err, n, file, "results[%d].%s: must be a non-empty string", i, k);
      *(!strcmp(k, "unit") ? &r->unit : &r->name) = m->valuestring;
    } else if (!strcmp(k, "total")) {
      int ok = 1;
      double h = cJSON_IsNumber(m) ? m->valuedouble * 100 : -1;
      if (h < 0 || h > 1e12 || fabs(h - nearbyint(h)) > 1e-6)
        return fail(err, n, file, "results[%d].total: must be a number of points with at most two decimals", i);
      r->total = pts_from_double(m->valuedouble, &ok);
    } else if (!strcmp(k, "rank")) {
      if (!cJSON_IsNumber(m) || m->valuedouble != (int)m->valuedouble || m->valuedouble < 1 || m->valuedouble > 1e6)
        return fail(err, n, file, "results[%d].rank: must be a whole number from 1", i);
      r->rank = (int)m->valuedouble;
    } else return fail(err, n, file, "results[%d].%s: not a field of a published result", i, k);
  }
  if (!r->unit || !r->rank) return fail(err, n, file, "results[%d]: needs \"unit\" and \"rank\"", i);
  return 0;
}

static int published_file(const char *file, int year, doc_published *p, char *err, size_t errlen);

int doc_published_read(const char *dir, int year, doc_published *p, char *err, size_t errlen) {
  char file[4096];
  snprintf(file, sizeof file, "%s/published-%d.json", dir, year);
  return published_file(file, year, p, err, errlen);
}

int doc_published_read_kind(const char *dir, int year, const char *kind, doc_published *p, char *err, size_t errlen) {
  char file[4096];
  if (kind && *kind && !strchr(kind, '/')) {
    snprintf(file, sizeof file, "%s/published-%d-%s.json", dir, year, kind);
    if (published_file(file, year, p, err, errlen)) return -1;
    if (p->found) return 0;
  }
  if (doc_published_read(dir, year, p, err, errlen)) return -1;
  if (p->found && p->kind && kind && *kind && strcmp(p->kind, kind)) doc_published_free(p);  /* another kind's */
  return 0;
}

static int published_file(const char *file, int year, doc_published *p, char *err, size_t errlen) {
  int missing;
  memset(p, 0, sizeof *p);
  p->year = year;
  cJSON *o = load(file, &missing, err, errlen);
  if (!o) return missing ? 0 : -1;
  p->tree_ = o;
  p->found = 1;
  const cJSON *m;
  int rc = 0;
  cJSON_ArrayForEach(m, o) {
    const char *k = m->string;
    if (!strcmp(k, "year")) {
      if (!cJSON_IsNumber(m) || m->valuedouble != year) rc = fail(err, errlen, file, "year: must be %d", year);
    } else if (!strcmp(k, "decision")) {
      const cJSON *d;
      if (!cJSON_IsObject(m)) { rc = fail(err, errlen, file, "decision: must be an object"); break; }
      cJSON_ArrayForEach(d, m) {
        if (!strcmp(d->string, "number")) rc = str(d, file, &p->decision_number, err, errlen);
        else if (!strcmp(d->string, "date")) rc = date(d, file, &p->decision_date, err, errlen);
        else if (!strcmp(d->string, "body")) rc = str(d, file, &p->decision_body, err, errlen);
        else if (!strcmp(d->string, "subject")) rc = str(d, file, &p->decision_subject, err, errlen);
        else rc = fail(err, errlen, file, "decision.%s: not a field of a decision", d->string);
        if (rc) break;
      }
    } else if (!strcmp(k, "kind")) {
      rc = str(m, file, &p->kind, err, errlen);
    } else if (!strcmp(k, "units")) {
      if (!cJSON_IsNumber(m) || m->valuedouble != (int)m->valuedouble || m->valuedouble < 1 || m->valuedouble > 1e6)
        rc = fail(err, errlen, file, "units: must be a whole number from 1");
      else p->units = (int)m->valuedouble;
    } else if (!strcmp(k, "results")) {
      if (!cJSON_IsArray(m)) { rc = fail(err, errlen, file, "results: must be a list"); break; }
      int n = cJSON_GetArraySize(m), i = 0;
      p->results = calloc((size_t)(n ? n : 1), sizeof *p->results);
      if (!p->results) abort();
      const cJSON *e;
      cJSON_ArrayForEach(e, m) {
        if ((rc = result(e, i, file, &p->results[i], err, errlen))) break;
        for (int j = 0; j < i; j++)
          if (!strcmp(p->results[j].unit, p->results[i].unit))
            rc = fail(err, errlen, file, "results[%d]: unit '%s' is listed twice", i, p->results[i].unit);
        if (rc) break;
        i++;
      }
      p->nresults = i;
    } else if (strcmp(k, "about")) rc = fail(err, errlen, file, "%s: not a field of published results (see data/README.md)", k);
    if (rc) break;
  }
  for (int i = 0; !rc && i < p->nresults; i++)
    if (p->units && p->results[i].rank > p->units)
      rc = fail(err, errlen, file, "results[%d].rank: %d is beyond the %d units ranked", i, p->results[i].rank, p->units);
  if (rc) { doc_published_free(p); return -1; }
  return 0;
}

void doc_published_free(doc_published *p) {
  free(p->results);
  cJSON_Delete(p->tree_);
  memset(p, 0, sizeof *p);
}

const published_result *doc_published_find(const doc_published *p, const char *unit) {
  for (int i = 0; i < p->nresults; i++)
    if (!strcmp(p->results[i].unit, unit)) return &p->results[i];
  return NULL;
}
