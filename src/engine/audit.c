/*
** audit.c -- digests of what a run read, and storing them with the run
** (reading runs back: audit_read.c).
*/
#include "audit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_digest.h"
#include "store_runs.h"

const char *audit_fact_value(const fact *f, char *buf, size_t n) {
  switch (f->type) {
  case FT_NUMBER: snprintf(buf, n, "%.17g", f->num); return buf;
  case FT_INTEGER: snprintf(buf, n, "%lld", f->integer); return buf;
  case FT_BOOLEAN: return f->integer ? "true" : "false";
  default: return f->text ? f->text : "";
  }
}

int audit_facts_parse(char *text, int (*fn)(char *const fields[5], void *ud), void *ud) {
  char *p = text;
  while (*p) {
    char *fields[5];
    for (int k = 0; k < 5; k++) {
      char want = k < 4 ? '\t' : '\n';
      if (p[0] == '\\' && p[1] == 'N' && p[2] == want) { fields[k] = NULL; p += 3; continue; }
      char *start = p, *out = p;
      while (*p && *p != '\t' && *p != '\n') {
        if (*p != '\\') { *out++ = *p++; continue; }
        char c = p[1] == 't' ? '\t' : p[1] == 'n' ? '\n' : p[1] == 'r' ? '\r' : p[1] == '\\' ? '\\' : 0;
        if (!c) return -1;
        *out++ = c;
        p += 2;
      }
      if (*p != want) return -1;
      p++;
      *out = '\0';                               /* at or before the separator just passed */
      fields[k] = start;
    }
    if (fn(fields, ud)) return -1;
  }
  return 0;
}

int audit_begin(store *s, int64_t run, const methodology *mt, audit_writer *w, char *err, size_t errlen) {
  memset(w, 0, sizeof *w);
  char abs[8192];
  if (path_absolute(mt->dir, abs, sizeof abs)) {
    snprintf(err, errlen, "%s: %s", mt->dir, strerror(errno));
    return -1;
  }
  if (!(w->rules_abs = strdup(abs))) abort();
  sha256_ctx *all = sha256_new();
  if (!all || !(w->sha = sha256_new())) abort();
  for (int i = 0; i < mt->nfiles; i++) {
    size_t len;
    char sha[SHA256_HEX];
    char *text = file_read_all(mt->files[i], &len);
    if (!text) {
      snprintf(err, errlen, "%s: %s", mt->files[i], strerror(errno));
      sha256_end(all, sha);
      return -1;
    }
    sha256_hex(text, len, sha);
    char name[4096];
    path_relative(mt->dir, mt->files[i], name, sizeof name);
    sha256_adds(all, name);
    sha256_add(all, "\t", 1);
    sha256_adds(all, sha);
    sha256_add(all, "\n", 1);
    int rc = store_run_file(s, run, i + 1, name, sha, text);
    free(text);
    if (rc) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      sha256_end(all, sha);
      return -1;
    }
  }
  sha256_end(all, w->rules_sha256);
  for (int i = 0; i < mt->noffices; i++)
    if (store_run_office(s, run, mt->offices[i].id, mt->offices[i].name)) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      return -1;
    }
  return 0;
}

int audit_unit(store *s, audit_writer *w, const unit_facts *uf, const unit_result *r, const char *ledger_json,
               store_unit_digests *d) {
#ifdef PARINDEX_MEASURE_NO_DIGESTS
  (void)s; (void)w; (void)uf; (void)r; (void)ledger_json;
  *d = (store_unit_digests){0};
  return 0;
#endif
  const char *keys;
  if (audit_keys_of(&w->keys, w->sha, uf, &keys, &w->keys_sha256) && store_run_fact_keys(s, w->keys_sha256, keys))
    return -1;                                   /* a text new to the run: stored once */
  audit_values_text(&w->facts, uf);
  sha256_add(w->sha, w->facts.p, w->facts.n);
  sha256_next(w->sha, w->facts_sha256);
  audit_ledger_digest_on(w->sha, &r->unit, r->appraisal, r->survey, r->total, ledger_json, w->ledger_sha256);
  *d = (store_unit_digests){w->keys_sha256, w->facts_sha256, w->facts.p, w->ledger_sha256};
  audit_digest_unit_line(&w->units, r->unit.id, w->keys_sha256, w->facts_sha256, w->ledger_sha256);
  return 0;
}

typedef struct { int64_t prev; char digest[SHA256_HEX]; int found; } tip_ctx;

static int on_tip(const store_row *row, void *ud) {
  tip_ctx *t = ud;
  t->prev = row->i[0];
  snprintf(t->digest, sizeof t->digest, "%s", row->t[1] ? row->t[1] : "");
  t->found = 1;
  return 0;
}

int audit_finish(store *s, int64_t run, audit_writer *w) {
  tip_ctx tip = {0};
  char digest[SHA256_HEX];
#ifdef PARINDEX_MEASURE_NO_DIGESTS
  {
    int rc = store_run_audit(s, run, w->rules_sha256);
    audit_writer_free(w);
    return rc ? -1 : 0;
  }
#endif
  int rc = store_run_audit(s, run, w->rules_sha256) || store_run_query(s, RQ_CHAIN_TIP, run, NULL, on_tip, &tip) ||
           audit_run_digest(s, run, w->rules_abs, tip.prev, tip.found ? tip.digest : NULL, jsonw_text(&w->units), digest,
                            NULL) ||
           store_run_chain(s, run, w->rules_abs, tip.prev, tip.found ? tip.digest : NULL, digest);
  audit_writer_free(w);
  return rc ? -1 : 0;
}

void audit_writer_free(audit_writer *w) {
  free(w->rules_abs);
  sha256_free(w->sha);
  audit_keys_free(&w->keys);
  jsonw_free(&w->facts);
  jsonw_free(&w->units);
  memset(w, 0, sizeof *w);
}

typedef struct { sha256_ctx *c; audit_run_head h; int found, nunits; const char *abs; jsonw line; } digest_ctx;

static int on_head(const store_row *row, void *ud) {
  digest_ctx *d = ud;
  d->h.id = row->i[0];
  d->h.created = row->t[1];
  d->h.engine = row->t[2];
  d->h.rules = row->t[3];
  d->h.year = row->i[4];
  d->h.units = row->i[5];
  d->h.rules_sha256 = row->t[6];
  d->h.facts_import = row->i[8];
  d->h.rules_abs = d->abs;
  d->c = audit_run_digest_begin(&d->h);    /* while the row's texts are valid */
  d->found = 1;
  return 0;
}

static int on_digest_office(const store_row *row, void *ud) {
  audit_run_digest_office(((digest_ctx *)ud)->c, row->t[0], row->t[1]);
  return 0;
}

static int on_digest_unit(const store_row *row, void *ud) {
  digest_ctx *d = ud;
  jsonw_reset(&d->line);
  audit_digest_unit_line(&d->line, row->t[0], row->t[1], row->t[2], row->t[3]);
  sha256_add(d->c, d->line.p, d->line.n);
  d->nunits++;
  return 0;
}

int audit_run_digest(store *s, int64_t run, const char *rules_abs, int64_t prev, const char *prev_digest,
                     const char *units_text, char digest[SHA256_HEX], int *nunits) {
  digest_ctx d = {.abs = rules_abs};
  d.h.prev = prev;
  d.h.prev_digest = prev_digest;
  if (store_run_query(s, RQ_RUN, run, NULL, on_head, &d)) return -1;
  if (!d.found) return 1;
  int rc = store_run_query(s, RQ_OFFICES, run, NULL, on_digest_office, &d);
  if (!rc && units_text) sha256_adds(d.c, units_text);
  else if (!rc) rc = store_run_query(s, RQ_UNIT_DIGESTS, run, NULL, on_digest_unit, &d);
  jsonw_free(&d.line);
  sha256_end(d.c, digest);
  if (nunits) *nunits = d.nunits;
  return rc ? -1 : 0;
}
