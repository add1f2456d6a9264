/*
** import_json.c -- a JSON fact file: checked against RFC 8259 first
** (json_strict.h), then parsed by cJSON; every record is checked and handed
** to the writer (import_write.c) at once.
*/
#include "import_json.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "import_check.h"

/* ---- JSON ---- */

static int member_of(const char *name, const char *const *list) {
  for (; *list; list++)
    if (!strcmp(name, *list)) return 1;
  return 0;
}

static const char *json_str(importer *b, const cJSON *o, const char *name, int required,
                            loc at, int *err) {
  const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
  if (!m || cJSON_IsNull(m)) {
    if (required) *err = imp_fail(b, at, "%s: missing", name);
    return NULL;
  }
  if (!cJSON_IsString(m)) { *err = imp_fail(b, at, "%s: must be a string", name); return NULL; }
  if (required && !*m->valuestring) { *err = imp_fail(b, at, "%s: must not be empty", name); return NULL; }
  return m->valuestring;
}

static int json_value(importer *b, loc at, pfact *pf, const cJSON *v, const char *type) {
  fact *f = &pf->f;
  fact_type want = FT_TEXT;
  if (type && !imp_parse_type(type, &want))
    return imp_fail(b, at, "type: unknown type '%s' (number, integer, boolean, date, text, list)", type);
  if (!v || cJSON_IsNull(v)) return imp_fail(b, at, "value: missing");
  if (cJSON_IsBool(v)) {
    if (type && want != FT_BOOLEAN) return imp_fail(b, at, "value: a boolean where type is %s", type);
    f->type = FT_BOOLEAN; f->integer = cJSON_IsTrue(v);
  } else if (cJSON_IsNumber(v)) {
    if (type && want != FT_NUMBER && want != FT_INTEGER)
      return imp_fail(b, at, "value: a number where type is %s", type);
    json_span t = imp_number_text(b->json, v);
    json_num n;
    json_number(t.p, t.n, &n);
    if (imp_number_value(b, at, 0, t, &n, type ? (int)want : -1, f)) return -1;
  } else if (cJSON_IsString(v)) {
    const char *s = v->valuestring;
    if (type && want != FT_TEXT && want != FT_DATE)
      return imp_fail(b, at, "value: a string where type is %s", type);
    if ((type && want == FT_DATE) || (!type && date_looks_iso(s))) {
      if (imp_check_date(b, at, "value", s)) return -1;
      f->type = FT_DATE;
    } else f->type = FT_TEXT;
    f->text = s;
  } else if (cJSON_IsArray(v)) {
    if (type && want != FT_LIST) return imp_fail(b, at, "value: a list where type is %s", type);
    if (imp_check_list(b, at, f->key, v, b->json)) return -1;
    f->type = FT_LIST;
    f->text = imp_list_text(b, v, b->json);
  } else return imp_fail(b, at, "value: must be a number, boolean, string or list of records");
  return 0;
}

static int json_fact(importer *b, const cJSON *o, const char *dunit,
                     const cJSON *dyear, const char *dsource) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return imp_fail(b, at, "facts: each fact must be an object");
  static const char *const fields[] = {"unit", "year", "key", "value", "type", "source", "note", NULL};
  for (const cJSON *m = o->child; m; m = m->next)
    if (!member_of(m->string, fields) && m->string[0] != '_')
      return imp_fail(b, at, "%s: unknown field (unit, year, key, value, type, source, note)", m->string);
  pfact fact_, *pf = &fact_;
  memset(pf, 0, sizeof *pf);
  pf->at = at;
  pf->unit = json_str(b, o, "unit", 0, at, &err);
  if (err) return -1;
  if (!pf->unit) pf->unit = dunit;
  if (!pf->unit) return imp_fail(b, at, "unit: missing (in the fact or at the top of the file)");
  if (!imp_valid_id(pf->unit)) return imp_fail(b, at, "unit: '%s' is not a valid id", pf->unit);
  const cJSON *y = cJSON_GetObjectItemCaseSensitive(o, "year");
  if (!y) y = dyear;
  if (!y) return imp_fail(b, at, "year: missing (in the fact or at the top of the file)");
  json_num yn = {0};
  if (cJSON_IsNumber(y)) {
    json_span t = imp_number_text(b->json, y);
    json_number(t.p, t.n, &yn);
    if (yn.integer && !yn.fits) return imp_fail(b, at, "year: %.*s is not a plausible year", (int)t.n, t.p);
  }
  if (!cJSON_IsNumber(y) || !yn.integer) return imp_fail(b, at, "year: must be an integer");
  if (imp_set_year(b, at, pf, yn.i)) return -1;
  pf->f.key = json_str(b, o, "key", 1, at, &err);
  if (err) return -1;
  if (!imp_valid_id(pf->f.key)) return imp_fail(b, at, "key: '%s' is not a valid key (letters, digits, _ - .)", pf->f.key);
  const char *type = json_str(b, o, "type", 0, at, &err);
  if (err) return -1;
  if (json_value(b, at, pf, cJSON_GetObjectItemCaseSensitive(o, "value"), type)) return -1;
  pf->f.source = json_str(b, o, "source", 0, at, &err);
  if (err) return -1;
  if (!pf->f.source) pf->f.source = dsource;
  pf->f.note = json_str(b, o, "note", 0, at, &err);
  if (err) return -1;
  return imp_emit_fact(b, pf);
}

static int json_unit(importer *b, const cJSON *o) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return imp_fail(b, at, "units: each unit must be an object");
  unit_info u = {0};
  u.id = json_str(b, o, "id", 1, at, &err);
  if (!err) u.name = json_str(b, o, "name", 1, at, &err);
  if (!err) u.kind = json_str(b, o, "kind", 1, at, &err);
  if (!err) u.parent = json_str(b, o, "parent", 0, at, &err);
  if (err) return -1;
  if (!imp_valid_id(u.id)) return imp_fail(b, at, "id: '%s' is not a valid id", u.id);
  return imp_emit_unit(b, &u, at);
}

static int json_office(importer *b, const cJSON *o) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return imp_fail(b, at, "offices: each office must be an object");
  const char *id = json_str(b, o, "id", 1, at, &err), *name = NULL;
  if (!err) name = json_str(b, o, "name", 1, at, &err);
  if (err) return -1;
  if (!imp_valid_id(id)) return imp_fail(b, at, "id: '%s' is not a valid id", id);
  return imp_emit_office(b, id, name, at);
}

static int json_duplicates(importer *b, const cJSON *node, int line) {
  int at;
  const char *dup = imp_json_duplicate(node, line, &at);
  return dup ? imp_fail(b, (loc){b->cur, at}, "%s: member given twice in one object", dup) : 0;
}

int imp_json_file(importer *b, const char *buf, size_t len) {
  json_strict j = {0};
  cJSON *root = NULL;
  int rc = -1;
  loc top = {b->cur, 1};
  if (json_strict_check(&j, buf, len)) {   /* RFC 8259, before the lenient cJSON */
    int line = 1, col = 1;
    imp_advance((const unsigned char *)buf, j.at, &line, &col);
    imp_fail_col(b, line, col, j.err);
    goto done;
  }
  if (!(root = cJSON_ParseWithLength(buf, len))) {
    imp_fail(b, top, "JSON: cJSON did not parse what the strict check passed (out of memory?)");
    goto done;
  }
  imp_tagger t = {&j, 0, 0, 0};
  imp_tag(root, &t);
  b->json = &j;
  if (!cJSON_IsObject(root)) { imp_fail(b, top, "the file must hold one JSON object"); goto done; }
  if (json_duplicates(b, root, 1)) goto done;
  int err = 0;
  const char *dunit = json_str(b, root, "unit", 0, top, &err);
  const char *dsource = err ? NULL : json_str(b, root, "source", 0, top, &err);
  if (err) goto done;
  const cJSON *dyear = cJSON_GetObjectItemCaseSensitive(root, "year");
  static const char *const lists[] = {"offices", "units", "facts", NULL};
  static const char *const defaults[] = {"unit", "year", "source", NULL};
  for (const cJSON *m = root->child; m; m = m->next) {
    int known = member_of(m->string, lists);
    if (!known && !member_of(m->string, defaults) && m->string[0] != '_') {
      imp_fail(b, top, "%s: unknown top-level member (offices, units, facts, unit, year, source)", m->string);
      goto done;
    }
    if (!known) continue;
    if (!cJSON_IsArray(m)) { imp_fail(b, top, "%s: must be an array", m->string); goto done; }
    for (const cJSON *o = m->child; o; o = o->next) {
      int r = m->string[0] == 'f' ? json_fact(b, o, dunit, dyear, dsource)
            : m->string[0] == 'u' ? json_unit(b, o)
            : json_office(b, o);
      arena_reset(&b->tmp);
      if (r) { rc = r; goto done; }
    }
  }
  rc = 0;
done:
  b->json = NULL;
  json_strict_free(&j);
  cJSON_Delete(root);
  return rc;
}

