/*
** self_assess.c -- self-assessment files into the store (see self_assess.h).
*/
#include "self_assess.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "import_check.h"
#include "json_strict.h"
#include "path.h"
#include "store_levels.h"

typedef struct {
  store *s;
  const char *file;
  const json_strict *j;
  char *err; size_t errlen;
} sa_ctx;

static int sa_fail(sa_ctx *c, const cJSON *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int sa_fail(sa_ctx *c, const cJSON *at, const char *fmt, ...) {
  int n = snprintf(c->err, c->errlen, "%s:%d: ", c->file, at && cJSON_IsObject(at) ? at->valueint : 1);
  va_list ap;
  va_start(ap, fmt);
  if (n >= 0 && (size_t)n < c->errlen) vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
  va_end(ap);
  return -1;
}

static const char *text_member(sa_ctx *c, const cJSON *o, const char *name, int required, int *bad) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
  if (!v) {
    if (required) *bad = sa_fail(c, o, "%s: required", name);
    return NULL;
  }
  if (!cJSON_IsString(v) || !*v->valuestring) {
    *bad = sa_fail(c, o, "%s: must be a non-empty text", name);
    return NULL;
  }
  return v->valuestring;
}

static int only_members(sa_ctx *c, const cJSON *o, const char *const *names, const char *what) {
  for (const cJSON *m = o->child; m; m = m->next) {
    int ok = 0;
    for (const char *const *n = names; *n && !ok; n++) ok = !strcmp(*n, m->string);
    if (!ok) return sa_fail(c, o, "%s: unknown member of %s", m->string, what);
  }
  return 0;
}

/* The evidence array, checked, printed into *text (malloc'd). */
static int evidence_of(sa_ctx *c, const cJSON *crit, const cJSON *ev, char **text) {
  static const char *const names[] = {"document", "number", "date", "issuer", "note", NULL};
  *text = NULL;
  if (!ev) { *text = strdup("[]"); return *text ? 0 : -1; }
  if (!cJSON_IsArray(ev)) return sa_fail(c, crit, "evidence: must be an array of documents");
  for (const cJSON *d = ev->child; d; d = d->next) {
    int bad = 0;
    if (!cJSON_IsObject(d)) return sa_fail(c, crit, "evidence: each document must be an object");
    if (only_members(c, d, names, "an evidence document")) return -1;
    text_member(c, d, "document", 1, &bad);
    const char *date = bad ? NULL : text_member(c, d, "date", 0, &bad);
    for (int k = 0; !bad && k < 3; k++) text_member(c, d, (const char *[]){"number", "issuer", "note"}[k], 0, &bad);
    if (bad) return -1;
    pdate pd;
    if (date && !date_parse_iso(date, &pd)) return sa_fail(c, d, "date: '%s' is not a real date YYYY-MM-DD", date);
  }
  *text = cJSON_PrintUnformatted(ev);
  return *text ? 0 : sa_fail(c, crit, "out of memory");
}

static int one_criterion(sa_ctx *c, const cJSON *o, const char *unit, int year, const char *source, int64_t sub) {
  static const char *const names[] = {"criterion", "points", "evidence", "explanation", NULL};
  if (!cJSON_IsObject(o)) return sa_fail(c, NULL, "criteria: each criterion must be an object");
  if (only_members(c, o, names, "a criterion")) return -1;
  int bad = 0;
  const char *id = text_member(c, o, "criterion", 1, &bad);
  const char *expl = bad ? NULL : text_member(c, o, "explanation", 0, &bad);
  if (bad) return -1;
  const cJSON *pv = cJSON_GetObjectItemCaseSensitive(o, "points");
  if (!pv) return sa_fail(c, o, "points: required (criterion %s)", id);
  int64_t pts;
  json_span pt = cJSON_IsNumber(pv) ? imp_number_text(c->j, pv) : (json_span){NULL, 0};
  if (!pt.p || imp_points_text(pt.p, pt.n, 0, &pts))
    return sa_fail(c, o, "points: must be a number from 0 with at most two decimals (criterion %s)", id);
  const cJSON *ev = cJSON_GetObjectItemCaseSensitive(o, "evidence");
  if ((!ev || !cJSON_GetArraySize(ev)) && !expl)
    return sa_fail(c, o, "criterion %s: no evidence: the unit must give an explanation (giải trình)", id);
  char *evt;
  if (evidence_of(c, o, ev, &evt)) return -1;
  store_self_row r = {unit, year, id, pts, evt, expl, source, 0, NULL};
  int rc = store_self_put(c->s, sub, &r);
  free(evt);
  if (rc) {
    if (strstr(store_errmsg(c->s), "UNIQUE")) return sa_fail(c, o, "criterion %s: given twice for %s %d", id, unit, year);
    return sa_fail(c, o, "writing the store: %s", store_errmsg(c->s));
  }
  return 0;
}

static int one_file(sa_ctx *c, const char *buf, size_t len, int64_t sub, FILE *out) {
  json_strict j = {0};
  cJSON *root = NULL;
  int rc = -1, n = 0;
  c->j = &j;
  if (!(root = imp_json_parse(&j, buf, len, c->file, c->err, c->errlen))) goto done;
  const cJSON *sa = cJSON_GetObjectItemCaseSensitive(root, "self_assessment");
  if (!cJSON_IsObject(root) || !cJSON_IsObject(sa) || cJSON_GetArraySize(root) != 1) {
    sa_fail(c, root, "expected one object {\"self_assessment\": {\"unit\", \"year\", \"criteria\": [...]}}");
    goto done;
  }
  static const char *const names[] = {"unit", "year", "source", "criteria", NULL};
  if (only_members(c, sa, names, "self_assessment")) goto done;
  int bad = 0;
  const char *unit = text_member(c, sa, "unit", 1, &bad);
  const char *source = bad ? NULL : text_member(c, sa, "source", 0, &bad);
  if (bad) goto done;
  const cJSON *yv = cJSON_GetObjectItemCaseSensitive(sa, "year"), *crits = cJSON_GetObjectItemCaseSensitive(sa, "criteria");
  json_num yn;
  if (yv && cJSON_IsNumber(yv)) { json_span ys = imp_number_text(&j, yv); json_number(ys.p, ys.n, &yn); }
  if (!yv || !cJSON_IsNumber(yv) || !yn.integer || !yn.fits || yn.i < 1900 || yn.i > 2200) {
    sa_fail(c, sa, "year: required, a whole year from 1900 to 2200");
    goto done;
  }
  int has = store_has_unit(c->s, unit);
  if (has <= 0) { has < 0 ? sa_fail(c, sa, "%s", store_errmsg(c->s)) : sa_fail(c, sa, "unit: unknown unit '%s' (import it first)", unit); goto done; }
  if (!cJSON_IsArray(crits) || !cJSON_GetArraySize(crits)) { sa_fail(c, sa, "criteria: required, a non-empty array"); goto done; }
  for (const cJSON *o = crits->child; o; o = o->next, n++)
    if (one_criterion(c, o, unit, (int)yn.i, source, sub)) goto done;
  fprintf(out, "%s: self-assessment of %s %lld: %d criteria (submission %lld)\n", c->file, unit, yn.i, n, (long long)sub);
  rc = 0;
done:
  cJSON_Delete(root);
  json_strict_free(&j);
  return rc;
}

int self_assess_import(store *s, const char *const *paths, int n, FILE *out, char *err, size_t errlen) {
  int64_t sub;
  if (store_begin(s)) { snprintf(err, errlen, "%s", store_errmsg(s)); return -1; }
  if (store_self_next(s, &sub)) { snprintf(err, errlen, "%s", store_errmsg(s)); store_rollback(s); return -1; }
  for (int i = 0; i < n; i++) {
    char file[4096];
    snprintf(file, sizeof file, "%s", paths[i]);
    path_normalize(file);
    sa_ctx c = {s, file, NULL, err, errlen};
    size_t len;
    char *buf = file_read_all(paths[i], &len);
    if (!buf) { snprintf(err, errlen, "%s: cannot read the file", file); store_rollback(s); return -1; }
    int rc = one_file(&c, buf, len, sub, out);      /* imp_json_parse: UTF-8 without NUL, RFC 8259 */
    free(buf);
    if (rc) { store_rollback(s); return -1; }
  }
  if (store_commit(s)) { snprintf(err, errlen, "%s", store_errmsg(s)); store_rollback(s); return -1; }
  return 0;
}
