/*
** fact_check.c -- a unit's facts against the catalogue.
*/
#include "fact_check.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "double_text.h"

int fact_type_fits(fact_type want, fact_type t) {
  return t == want || (want == FT_NUMBER && t == FT_INTEGER);
}

static void report(const unit_facts *uf, fact_problem_kind kind, const char *key, const meth_fact *d,
                   const fact *f, const char *detail, fact_problem_fn fn, void *ud) {
  fact_problem p = {kind, key, d, f, detail};
  fn(uf, &p, ud);
}

static void check_range(const unit_facts *uf, const meth_fact *d, const fact *f, fact_problem_fn fn, void *ud) {
  double x = f->type == FT_INTEGER ? (double)f->integer : f->num;
  char v[NUMTEXT_G15_MAX], b[NUMTEXT_G15_MAX], msg[160];
  if (d->has_min && x < d->min)
    snprintf(msg, sizeof msg, "%s is below the minimum %s", numtext_g15(v, x), numtext_g15(b, d->min));
  else if (d->has_max && x > d->max)
    snprintf(msg, sizeof msg, "%s is above the maximum %s", numtext_g15(v, x), numtext_g15(b, d->max));
  else return;
  report(uf, FACT_OUT_OF_RANGE, d->key, d, f, msg, fn, ud);
}

/* What JSON value a record field of type t accepts. */
static int json_fits(fact_type t, const cJSON *v) {
  pdate dd;
  switch (t) {
  case FT_INTEGER: return cJSON_IsNumber(v) && v->valuedouble == floor(v->valuedouble) && fabs(v->valuedouble) < 9e15;
  case FT_NUMBER: return cJSON_IsNumber(v);
  case FT_BOOLEAN: return cJSON_IsBool(v);
  case FT_DATE: return cJSON_IsString(v) && date_parse_iso(v->valuestring, &dd);
  case FT_TEXT: return cJSON_IsString(v);
  default: return 0;
  }
}

static void check_records(const unit_facts *uf, const meth_fact *d, const fact *f, fact_problem_fn fn, void *ud) {
  cJSON *arr = cJSON_Parse(f->text);
  char msg[400];
  if (!cJSON_IsArray(arr)) {
    report(uf, FACT_WRONG_TYPE, d->key, d, f, "the stored list is not a JSON array", fn, ud);
    cJSON_Delete(arr);
    return;
  }
  int n = 0;
  for (const cJSON *rec = arr->child; rec; rec = rec->next) {
    n++;
    if (!cJSON_IsObject(rec)) {
      snprintf(msg, sizeof msg, "record %d is not a record of fields", n);
      report(uf, FACT_BAD_RECORD, d->key, d, f, msg, fn, ud);
      continue;
    }
    for (int i = 0; i < d->nfields; i++) {
      const meth_field *fd = &d->fields[i];
      const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, fd->name);
      if (!v && fd->optional) continue;
      if (!v) snprintf(msg, sizeof msg, "record %d has no field '%s' (%s)", n, fd->name, fd->description);
      else if (!json_fits(fd->type, v))
        snprintf(msg, sizeof msg, "record %d: field '%s' is not a%s %s", n, fd->name,
                 fd->type == FT_INTEGER ? "n" : "", fact_type_name(fd->type));
      else continue;
      report(uf, FACT_BAD_RECORD, d->key, d, f, msg, fn, ud);
    }
    for (const cJSON *m = rec->child; m; m = m->next) {
      int known = 0;
      for (int i = 0; i < d->nfields && !known; i++) known = !strcmp(d->fields[i].name, m->string);
      if (known) continue;
      snprintf(msg, sizeof msg, "record %d: field '%.200s' is not declared", n, m->string);
      report(uf, FACT_BAD_RECORD, d->key, d, f, msg, fn, ud);
    }
  }
  cJSON_Delete(arr);
}

int fact_check_unit(const methodology *m, const unit_facts *uf, int what, fact_problem_fn fn, void *ud) {
  int missing = 0;
  size_t j = 0;
  char msg[160];
  for (int i = 0; i < m->nfacts; i++) {           /* both sorted by key: one merge */
    const meth_fact *d = &m->facts[i];
    while (j < uf->n && strcmp(uf->facts[j].key, d->key) < 0) {
      if (what == FACT_CHECK_ALL)
        report(uf, FACT_UNDECLARED, uf->facts[j].key, NULL, &uf->facts[j], "not declared: no rule reads it", fn, ud);
      j++;
    }
    if (j >= uf->n || strcmp(uf->facts[j].key, d->key) != 0) {
      if (!d->optional) { missing++; report(uf, FACT_MISSING, d->key, d, NULL, "missing", fn, ud); }
      else if (what == FACT_CHECK_ALL) report(uf, FACT_MISSING_OPTIONAL, d->key, d, NULL, "missing (optional)", fn, ud);
      continue;
    }
    const fact *f = &uf->facts[j++];
    if (what != FACT_CHECK_ALL) continue;
    if (!fact_type_fits(d->type, f->type)) {
      snprintf(msg, sizeof msg, "is %s, declared %s", fact_type_name(f->type), fact_type_name(d->type));
      report(uf, FACT_WRONG_TYPE, d->key, d, f, msg, fn, ud);
    } else if (d->type == FT_INTEGER || d->type == FT_NUMBER) check_range(uf, d, f, fn, ud);
    else if (d->type == FT_LIST) check_records(uf, d, f, fn, ud);
  }
  for (; what == FACT_CHECK_ALL && m->nfacts && j < uf->n; j++)
    report(uf, FACT_UNDECLARED, uf->facts[j].key, NULL, &uf->facts[j], "not declared: no rule reads it", fn, ud);
  return missing;
}
