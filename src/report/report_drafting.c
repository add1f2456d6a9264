/*
** report_drafting.c -- read the drafting officer's paragraphs (see
** report_drafting.h). Strict like the settings: every field known, every
** paragraph a non-empty string.
*/
#include "report_drafting.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_check.h"
#include "path.h"

static const char *const PLACES[DRAFT_NPLACES] = {"opening", "summary", "causes_rising", "causes_falling", "tasks", "closing"};

static int fail(char *err, size_t n, const char *file, const char *field, const char *what) {
  snprintf(err, n, "%s: %s: %s", file, field, what);
  return -1;
}

/* The array of strings m into *out (malloc'd). */
static int paragraphs(const cJSON *m, const char *file, const char *field, const char ***out, int *n, char *err, size_t errlen) {
  if (!cJSON_IsArray(m)) return fail(err, errlen, file, field, "must be a list of paragraphs (strings)");
  *out = malloc((size_t)(cJSON_GetArraySize(m) + 1) * sizeof **out);
  if (!*out) abort();
  *n = 0;
  const cJSON *e;
  cJSON_ArrayForEach(e, m) {
    if (!cJSON_IsString(e) || !*e->valuestring) return fail(err, errlen, file, field, "a paragraph must be a non-empty string");
    (*out)[(*n)++] = e->valuestring;
  }
  return 0;
}

static int components(doc_drafting *d, const cJSON *m, const char *file, char *err, size_t errlen) {
  if (!cJSON_IsObject(m)) return fail(err, errlen, file, "components", "must be an object: component id -> paragraphs");
  int k = cJSON_GetArraySize(m);
  d->comp_ids = calloc((size_t)k + 1, sizeof *d->comp_ids);
  d->comp_paras = calloc((size_t)k + 1, sizeof *d->comp_paras);
  d->comp_n = calloc((size_t)k + 1, sizeof *d->comp_n);
  if (!d->comp_ids || !d->comp_paras || !d->comp_n) abort();
  const cJSON *c;
  cJSON_ArrayForEach(c, m) {
    d->comp_ids[d->ncomps] = c->string;
    if (paragraphs(c, file, "components", &d->comp_paras[d->ncomps], &d->comp_n[d->ncomps], err, errlen)) {
      d->ncomps++;
      return -1;
    }
    d->ncomps++;
  }
  return 0;
}

int doc_drafting_read(const char *dir, const char *unit, int year, doc_drafting *d, char *err, size_t errlen) {
  char file[4096];
  size_t len;
  memset(d, 0, sizeof *d);
  snprintf(file, sizeof file, "%s/narrative/%s-%d.json", dir, unit, year);
  char *text = file_read_all(file, &len);
  if (!text) {
    if (errno == ENOENT) return 0;
    snprintf(err, errlen, "%s: %s", file, strerror(errno));
    return -1;
  }
  json_strict j = {0};
  cJSON *o = imp_json_parse(&j, text, len, file, err, errlen);   /* RFC 8259, no member twice */
  json_strict_free(&j);
  free(text);
  if (!o) return -1;
  d->tree_ = o;
  d->found = 1;
  int rc = 0;
  if (!cJSON_IsObject(o)) rc = fail(err, errlen, file, "the file", "not a JSON object (see data/README.md, \"Documents\")");
  const cJSON *m;
  if (!rc) cJSON_ArrayForEach(m, o) {
    const char *k = m->string;
    int place = -1;
    for (int i = 0; i < DRAFT_NPLACES; i++) if (!strcmp(k, PLACES[i])) place = i;
    if (place >= 0) rc = paragraphs(m, file, k, &d->paras[place], &d->npara[place], err, errlen);
    else if (!strcmp(k, "components")) rc = components(d, m, file, err, errlen);
    else if (!strcmp(k, "unit")) rc = cJSON_IsString(m) && !strcmp(m->valuestring, unit) ? 0 : fail(err, errlen, file, k, "must be the unit the file is named after");
    else if (!strcmp(k, "year")) rc = cJSON_IsNumber(m) && m->valuedouble == year ? 0 : fail(err, errlen, file, k, "must be the year the file is named after");
    else if (strcmp(k, "about")) rc = fail(err, errlen, file, k, "not a place for paragraphs (opening, summary, components, "
                                            "causes_rising, causes_falling, tasks, closing)");
    if (rc) break;
  }
  if (rc) doc_drafting_free(d);
  return rc;
}

void doc_drafting_free(doc_drafting *d) {
  for (int i = 0; i < DRAFT_NPLACES; i++) free(d->paras[i]);
  for (int i = 0; i < d->ncomps; i++) free(d->comp_paras[i]);
  free(d->comp_ids);
  free(d->comp_paras);
  free(d->comp_n);
  cJSON_Delete(d->tree_);
  memset(d, 0, sizeof *d);
}

const char **doc_drafting_component(const doc_drafting *d, const char *id, int *n) {
  for (int i = 0; i < d->ncomps; i++)
    if (!strcmp(d->comp_ids[i], id)) { *n = d->comp_n[i]; return d->comp_paras[i]; }
  *n = 0;
  return NULL;
}
