/*
** verify_chain.c -- a run's stored rule texts, its digest and the chain of
** runs back to the first (verify_int.h, audit_digest.h).
*/
#include <stdlib.h>
#include <string.h>

#include "audit_digest.h"
#include "path.h"
#include "store_runs.h"
#include "verify_int.h"

typedef struct {
  int64_t id, prev;
  int chained;
  char digest[SHA256_HEX], prev_digest[SHA256_HEX], rules_abs[4096];
} chain_run;

typedef struct { chain_run *v; int n, cap; int64_t upto; } chain_list;

static int on_chain_run(const store_row *row, void *ud) {
  chain_list *l = ud;
  if (row->i[0] > l->upto) return 0;
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 16;
    chain_run *g = realloc(l->v, (size_t)l->cap * sizeof *g);
    if (!g) abort();
    l->v = g;
  }
  chain_run *c = &l->v[l->n++];
  memset(c, 0, sizeof *c);
  c->id = row->i[0];
  c->chained = (int)row->i[13];
  snprintf(c->rules_abs, sizeof c->rules_abs, "%s", row->t[9] ? row->t[9] : "");
  snprintf(c->digest, sizeof c->digest, "%s", row->t[10] ? row->t[10] : "");
  c->prev = row->t[11] ? row->i[11] : 0;
  snprintf(c->prev_digest, sizeof c->prev_digest, "%s", row->t[12] ? row->t[12] : "");
  return 0;
}

typedef struct { FILE *out; int problems; } orphan_ctx;

static int on_orphan(const store_row *row, void *ud) {
  orphan_ctx *o = ud;
  fprintf(o->out, "  run %lld is missing: the chain has its digest, the store no longer has the run\n",
          (long long)row->i[0]);
  o->problems++;
  return 0;
}

static const chain_run *find(const chain_list *l, int64_t id) {
  for (int i = 0; i < l->n; i++) if (l->v[i].id == id) return &l->v[i];
  return NULL;
}

/* The rule texts of the run and the rulebook digest they give. */
static int check_rule_texts(const audit_run *run, FILE *out) {
  int problems = 0;
  sha256_ctx *all = sha256_new();
  if (!all) abort();
  for (int i = 0; i < run->nfiles; i++) {
    const audit_file *f = &run->files[i];
    if (!f->content) {
      fprintf(out, "  rule file %s: its stored text is missing (sha256 %.12s)\n", f->path, f->sha256);
      problems++;
    } else if (strcmp(f->content_sha256, f->sha256)) {
      fprintf(out, "  rule file %s: its stored text no longer matches its sha256 (%.12s; the text gives %.12s)\n",
              f->path, f->sha256, f->content_sha256);
      problems++;
    }
    sha256_adds(all, f->path);
    sha256_add(all, "\t", 1);
    sha256_adds(all, f->sha256);
    sha256_add(all, "\n", 1);
  }
  char sha[SHA256_HEX];
  sha256_end(all, sha);
  if (run->rules_sha256 && strcmp(sha, run->rules_sha256)) {
    fprintf(out, "  the rulebook sha256 %.12s is not that of the run's rule files (%.12s)\n", run->rules_sha256, sha);
    problems++;
  }
  return problems;
}

int verify_chain(store *s, const audit_run *run, FILE *out, char *err, size_t errlen) {
  chain_list l = {NULL, 0, 0, run->id};
  orphan_ctx o = {out, 0};
  int problems = check_rule_texts(run, out);
  if (store_run_query(s, RQ_RUNS, 0, NULL, on_chain_run, &l) ||
      store_run_query(s, RQ_CHAIN_ORPHANS, run->id, NULL, on_orphan, &o)) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    free(l.v);
    return -1;
  }
  problems += o.problems;
  const chain_run *last = NULL;               /* the chained run before the one looked at */
  for (int i = 0; i < l.n; i++) {
    const chain_run *c = &l.v[i];
    if (!c->chained) {
      if (last || c->id == run->id) {
        fprintf(out, "  run %lld is not in the chain (it has no digest): it was not stored by parindex %s\n",
                (long long)c->id, last ? "(a row added by hand?)" : "since schema v5");
        problems += last != NULL;
      }
      continue;
    }
    if (c->prev != (last ? last->id : 0)) {
      const chain_run *p = c->prev ? find(&l, c->prev) : NULL;
      if (c->prev && !p)
        fprintf(out, "  run %lld follows run %lld in the chain, and run %lld is missing\n", (long long)c->id,
                (long long)c->prev, (long long)c->prev);
      else if (!c->prev)
        fprintf(out, "  run %lld says it is the first of the chain, but run %lld comes before it\n",
                (long long)c->id, (long long)last->id);
      else
        fprintf(out, "  run %lld says it follows run %lld, but run %lld comes before it in the chain\n",
                (long long)c->id, (long long)c->prev, last ? (long long)last->id : 0LL);
      problems++;
    } else if (last && strcmp(c->prev_digest, last->digest)) {
      fprintf(out, "  run %lld: its link to run %lld (%.12s) is not run %lld's digest (%.12s)\n", (long long)c->id,
              (long long)last->id, c->prev_digest, (long long)last->id, last->digest);
      problems++;
    }
    char sha[SHA256_HEX];
    int nunits = 0;
    int rc = audit_run_digest(s, c->id, c->rules_abs, c->prev, c->prev ? c->prev_digest : NULL, NULL, sha, &nunits);
    if (rc < 0) {
      snprintf(err, errlen, "%s", store_errmsg(s));
      free(l.v);
      return -1;
    }
    if (strcmp(sha, c->digest)) {
      fprintf(out, "  run %lld: its rows (runs, run_totals, run_audit, run_chain, run_offices, its units' digests) "
              "no longer match its digest (%.12s; they give %.12s)\n", (long long)c->id, c->digest, sha);
      problems++;
    } else if (c->id == run->id && (nunits != run->nunit_rows || nunits != run->units)) {
      fprintf(out, "  run %lld: it has digests of %d units, %d unit rows and says it scored %d\n",
              (long long)c->id, nunits, run->nunit_rows, run->units);
      problems++;
    }
    last = c;
  }
  free(l.v);
  return problems;
}
