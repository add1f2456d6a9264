/*
** audit_read.c -- reading a stored run back: its rows, its rule files
** restored into a temporary folder and loaded, its ledger as a unit_result.
*/
#include "audit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit_digest.h"
#include "run_ledger.h"
#include "score.h"
#include "store_runs.h"

/* ---- reading back ---- */

static int parse_type(const char *t, fact_type *out) {
  for (int i = 0; i <= FT_LIST; i++)
    if (t && !strcmp(t, fact_type_name((fact_type)i))) { *out = (fact_type)i; return 1; }
  return 0;
}

#define GROW(arr, n, cap, a) do { \
    if ((n) == (cap)) { \
      int c2_ = (cap) ? 2 * (cap) : 16; \
      void *g_ = arena_alloc((a), (size_t)c2_ * sizeof *(arr)); \
      if (n) memcpy(g_, (arr), (size_t)(n) * sizeof *(arr)); \
      (arr) = g_; (cap) = c2_; \
    } \
  } while (0)

typedef struct { audit_run *r; int cap; size_t fcap; audit_unit_row *u; int next; } load_ctx;

static int on_run(const store_row *row, void *ud) {
  audit_run *r = ((load_ctx *)ud)->r;
  r->id = row->i[0];
  r->created = arena_strdup(&r->a, row->t[1]);
  r->engine = arena_strdup(&r->a, row->t[2]);
  r->rules = arena_strdup(&r->a, row->t[3]);
  r->year = (int)row->i[4];
  r->units = (int)row->i[5];
  r->rules_sha256 = arena_strdup(&r->a, row->t[6]);
  r->facts_sha256 = arena_strdup(&r->a, row->t[7]);
  r->facts_import = row->t[8] ? row->i[8] : -1;
  r->rules_abs = arena_strdup(&r->a, row->t[9]);
  r->digest = arena_strdup(&r->a, row->t[10]);
  r->prev = row->i[11];
  r->prev_digest = arena_strdup(&r->a, row->t[12]);
  r->chained = (int)row->i[13];
  return 0;
}

static int on_file(const store_row *row, void *ud) {
  load_ctx *c = ud;
  audit_run *r = c->r;
  GROW(r->files, r->nfiles, c->cap, &r->a);
  audit_file *f = &r->files[r->nfiles++];
  f->path = arena_strdup(&r->a, row->t[1]);
  f->sha256 = arena_strdup(&r->a, row->t[2]);
  f->content = arena_strdup(&r->a, row->t[3]);
  f->content_sha256[0] = '\0';
  if (f->content) sha256_hex(f->content, strlen(f->content), f->content_sha256);
  return 0;
}

static int on_office(const store_row *row, void *ud) {
  load_ctx *c = ud;
  audit_run *r = c->r;
  GROW(r->offices, r->noffices, c->cap, &r->a);
  r->offices[r->noffices].id = arena_strdup(&r->a, row->t[0]);
  r->offices[r->noffices].name = arena_strdup(&r->a, row->t[1]);
  r->noffices++;
  return 0;
}

static int on_unit(const store_row *row, void *ud) {
  load_ctx *c = ud;
  audit_run *r = c->r;
  GROW(r->unit_rows, r->nunit_rows, c->cap, &r->a);
  audit_unit_row *u = &r->unit_rows[r->nunit_rows++];
  u->unit.id = arena_strdup(&r->a, row->t[0]);
  u->unit.name = arena_strdup(&r->a, row->t[1] ? row->t[1] : row->t[0]);
  u->unit.kind = arena_strdup(&r->a, row->t[2] ? row->t[2] : "");
  u->unit.parent = arena_strdup(&r->a, row->t[3]);
  u->sha256 = arena_strdup(&r->a, row->t[4]);
  u->appraisal = row->i[5];
  u->survey = row->i[6];
  u->total = row->i[7];
  return 0;
}

static int on_fact(const store_row *row, void *ud) {
  load_ctx *c = ud;
  audit_run *r = c->r;
  audit_unit_row *u = c->u;
  if (u->nfacts == c->fcap) {
    size_t cap = c->fcap ? 2 * c->fcap : 64;
    fact *g = arena_alloc(&r->a, cap * sizeof *g);
    if (u->nfacts) memcpy(g, u->facts, u->nfacts * sizeof *g);
    u->facts = g; c->fcap = cap;
  }
  fact *f = &u->facts[u->nfacts++];
  f->key = arena_strdup(&r->a, row->t[0]);
  if (!parse_type(row->t[1], &f->type)) return -1;
  const char *v = row->t[2] ? row->t[2] : "";
  switch (f->type) {
  case FT_NUMBER: f->num = audit_number_parse(v); break;
  case FT_INTEGER: f->integer = strtoll(v, NULL, 10); break;
  case FT_BOOLEAN: f->integer = !strcmp(v, "true"); break;
  default: f->text = arena_strdup(&r->a, v);
  }
  f->source = arena_strdup(&r->a, row->t[3]);
  f->note = arena_strdup(&r->a, row->t[4]);
  return 0;
}

static int on_fact_fields(char *const fields[5], void *ud) {
  store_row row = {0};
  row.n = 5;
  for (int k = 0; k < 5; k++) row.t[k] = fields[k];
  return on_fact(&row, ud);
}

static int on_fact_text(const store_row *row, void *ud) {   /* schema v3: one text per unit */
  load_ctx *c = ud;
  char *text = arena_strdup(&c->r->a, row->t[0] ? row->t[0] : "");
  return audit_facts_parse(text, on_fact_fields, ud) ? -1 : 0;
}

static int on_asof_facts(const unit_facts *uf, void *ud) {   /* since v4: from the store's history */
  load_ctx *c = ud;
  audit_run *r = c->r;
  audit_unit_row *u = c->u;
  u->facts = arena_alloc(&r->a, (uf->n ? uf->n : 1) * sizeof *u->facts);
  u->nfacts = uf->n;
  for (size_t i = 0; i < uf->n; i++) {
    fact *f = &u->facts[i];
    *f = uf->facts[i];
    f->key = arena_strdup(&r->a, f->key);
    f->text = arena_strdup(&r->a, f->text);
    f->source = arena_strdup(&r->a, f->source);
    f->note = arena_strdup(&r->a, f->note);
  }
  return 0;
}

/* Since v5: a unit's row with its kept facts text, checked against its digests. */
static int on_unit_record(const store_row *row, void *ud) {
  load_ctx *c = ud;
  audit_run *r = c->r;
  while (c->next < r->nunit_rows && strcmp(r->unit_rows[c->next].unit.id, row->t[0]) < 0) c->next++;
  if (c->next == r->nunit_rows || strcmp(r->unit_rows[c->next].unit.id, row->t[0])) return 0;
  audit_unit_row *u = c->u = &r->unit_rows[c->next];
  c->fcap = 0;
  u->facts_sha256 = arena_strdup(&r->a, row->t[8]);
  u->ledger_sha256 = arena_strdup(&r->a, row->t[9]);
  char sha[SHA256_HEX];
  if (!u->facts_sha256 || !u->ledger_sha256) { u->problem = "it has no digests"; return 0; }
  unit_info ui = {row->t[0], row->t[1], row->t[2], row->t[3]};
  audit_ledger_digest(&ui, row->i[4], row->i[5], row->i[6], row->t[7] ? row->t[7] : "", sha);
  if (strcmp(sha, u->ledger_sha256)) u->problem = "its stored ledger no longer matches its digest";
  if (!row->t[10] || !row->t[12]) { u->problem = "the text of the facts it read is missing"; return 0; }
  sha256_hex(row->t[10], strlen(row->t[10]), sha);
  if (strcmp(sha, u->facts_sha256)) u->problem = "the text of the facts it read no longer matches its digest";
  sha256_hex(row->t[12], strlen(row->t[12]), sha);
  if (!row->t[11] || strcmp(sha, row->t[11])) u->problem = "the text of the facts it read no longer matches its digest";
  char *keys = arena_strdup(&r->a, row->t[12]), *values = arena_strdup(&r->a, row->t[10]);
  if (audit_facts_parse_texts(keys, values, on_fact_fields, ud)) u->problem = "the text of the facts it read is malformed";
  return 0;
}

int audit_run_load(store *s, int64_t id, const char *only, audit_run *r, char *err, size_t errlen) {
  load_ctx c = {r, 0, 0, NULL, 0};
  memset(r, 0, sizeof *r);
  if (store_run_query(s, RQ_RUN, id, NULL, on_run, &c)) goto fail;
  if (!r->id) return 1;
  c.cap = 0;
  if (store_run_query(s, RQ_FILES, id, NULL, on_file, &c)) goto fail;
  c.cap = 0;
  if (store_run_query(s, RQ_OFFICES, id, NULL, on_office, &c)) goto fail;
  c.cap = 0;
  if (store_run_query(s, RQ_UNITS, id, NULL, on_unit, &c)) goto fail;
  for (int i = 0; i < r->nfiles && !r->edited; i++)
    if (r->files[i].content && strcmp(r->files[i].content_sha256, r->files[i].sha256)) r->edited = &r->files[i];
  if (r->chained) {
    if (!(only && !*only) && store_run_query(s, RQ_UNIT_ROWS, id, only, on_unit_record, &c)) goto fail;
    return 0;
  }
  for (int i = 0; i < r->nunit_rows; i++) {
    c.u = &r->unit_rows[i];
    if (only && strcmp(only, c.u->unit.id)) continue;
    c.fcap = 0;
    if (r->facts_import >= 0) {
      if (store_each_unit_facts_asof(s, r->year, c.u->unit.id, r->facts_import, on_asof_facts, &c)) goto fail;
      continue;
    }
    if (store_run_query(s, RQ_FACTS, id, c.u->unit.id, on_fact, &c)) goto fail;   /* v2 runs */
    if (!c.u->nfacts && store_run_query(s, RQ_FACT_TEXT, id, c.u->unit.id, on_fact_text, &c)) goto fail;
  }
  return 0;
fail:
  snprintf(err, errlen, "run %lld: %s", (long long)id, store_errmsg(s));
  audit_run_free(r);
  return -1;
}

void audit_run_free(audit_run *r) {
  arena_free(&r->a);
  memset(r, 0, sizeof *r);
}

const audit_unit_row *audit_run_unit(const audit_run *r, const char *unit) {
  for (int i = 0; i < r->nunit_rows; i++)
    if (!strcmp(r->unit_rows[i].unit.id, unit)) return &r->unit_rows[i];
  return NULL;
}

void audit_run_facts(const audit_run *r, const audit_unit_row *u, unit_facts *uf) {
  uf->unit = u->unit;
  uf->year = r->year;
  uf->facts = u->facts;
  uf->n = u->nfacts;
}

/* mkdir -p of path's parent folders; records each made folder in made[]. */
static int make_parents(char *path, char **made, int *nmade, int max) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    int rc = mkdir(path, 0700);
    if (rc == 0 && *nmade < max) made[(*nmade)++] = strdup(path);
    *p = '/';
    if (rc != 0 && errno != EEXIST) return -1;
  }
  return 0;
}

/* A path of the restored rulebook (under tmp) back to the path the run had. */
static void rebase(char **path, const audit_run *r, const char *dir) {
  char p[8192], q[8192];
  if (!*path) return;
  snprintf(p, sizeof p, "%s", *path);
  path_normalize(p);
  snprintf(q, sizeof q, "%s", dir);
  path_normalize(q);
  if (!strcmp(p, q)) { free(*path); *path = strdup(r->rules); return; }
  for (int i = 0; i < r->nfiles; i++) {
    snprintf(q, sizeof q, "%s/%s", dir, r->files[i].path);
    path_normalize(q);
    if (strcmp(p, q)) continue;
    size_t k = (size_t)snprintf(q, sizeof q, "%s/%s", r->rules, r->files[i].path);
    if (strncmp(r->files[i].path, "../", 3) == 0 && k < sizeof q) path_normalize(q);
    free(*path);
    *path = strdup(q);
    return;
  }
}

typedef struct { const audit_run *r; const char *dir; } rebase_ctx;
static void rebase_path(char **path, void *ud) {
  const rebase_ctx *c = ud;
  rebase(path, c->r, c->dir);
}

rulebook *audit_run_rulebook(const audit_run *r, char *err, size_t errlen) {
  enum { MAXDIRS = 64 };
  char tmpl[] = "/tmp/parindex-run-XXXXXX", *made[MAXDIRS], dir[4096];
  int nmade = 0, depth = 0;
  rulebook *rb = NULL;
  err[0] = '\0';
  if (!r->nfiles) {
    snprintf(err, errlen, "run %lld was stored before the audit trail (store schema v1): "
             "its rule files were not kept", (long long)r->id);
    return NULL;
  }
  if (r->edited) {
    snprintf(err, errlen, "run %lld: the stored text of rule file %s no longer matches its sha256 (%.12s, the "
             "text gives %.12s): it was edited in the store; 'parindex verify %lld' says more", (long long)r->id,
             r->edited->path, r->edited->sha256, r->edited->content_sha256, (long long)r->id);
    return NULL;
  }
  for (int i = 0; i < r->nfiles; i++) {          /* how far up do parents go? */
    int d = 0;
    for (const char *p = r->files[i].path; !strncmp(p, "../", 3); p += 3) d++;
    if (d > depth) depth = d;
    if (strstr(r->files[i].path, "/../") || r->files[i].path[0] == '/' || !r->files[i].content) {
      snprintf(err, errlen, "run %lld: stored rule file '%s' cannot be restored", (long long)r->id,
               r->files[i].path);
      return NULL;
    }
  }
  if (!mkdtemp(tmpl)) { snprintf(err, errlen, "temporary folder: %s", strerror(errno)); return NULL; }
  snprintf(dir, sizeof dir, "%s", tmpl);
  for (int d = 0; d <= depth; d++) {              /* the rulebook folder sits `depth` levels down */
    size_t n = strlen(dir);
    snprintf(dir + n, sizeof dir - n, "/r%d", d);
  }
  for (int i = 0; i < r->nfiles && !err[0]; i++) {
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, r->files[i].path);
    FILE *f = make_parents(path, made, &nmade, MAXDIRS) ? NULL : fopen(path, "wb");
    if (!f || fputs(r->files[i].content, f) < 0) snprintf(err, errlen, "%s: %s", path, strerror(errno));
    if (f && fclose(f) != 0 && !err[0]) snprintf(err, errlen, "%s: %s", path, strerror(errno));
  }
  if (!err[0]) rb = rulebook_load(dir, r->offices, r->noffices, NULL, err, errlen);
  if (rb) {                                       /* name things as the run did */
    rebase_ctx rc = {r, dir};
    rulebook_map_paths(rb, rebase_path, &rc);
  }
  for (int i = 0; i < r->nfiles; i++) {
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, r->files[i].path);
    unlink(path);
  }
  while (nmade > 0) { rmdir(made[--nmade]); free(made[nmade]); }
  rmdir(tmpl);
  return rb;
}

/* ---- the stored ledger ---- */

int audit_run_result(store *s, const audit_run *r, const methodology *mt, const audit_unit_row *u,
                     unit_result *out, char *err, size_t errlen) {
  int rc = run_ledger_read(s, r->id, r->year, mt, &u->unit, u->facts, u->nfacts, out);
  if (rc < 0) {
    snprintf(err, errlen, "run %lld: %s", (long long)r->id, store_errmsg(s));
    return -1;
  }
  if (rc > 0) {
    snprintf(err, errlen, "run %lld: the stored ledger names components, criteria or facts that the "
             "rulebook or the facts used to show it do not have", (long long)r->id);
    return -1;
  }
  out->appraisal = u->appraisal;
  out->survey = u->survey;
  out->total = u->total;
  score_rank_components(out);                 /* as scoring ranked them */
  return 0;
}
