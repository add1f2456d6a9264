/*
** verify.c -- re-score a stored run and say what changed since (verify.h).
*/
#include "verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "engine.h"
#include "path.h"
#include "run_ledger.h"
#include "score.h"
#include "sha256.h"

/* Which rule files differ between the run and the rulebook now. */
static int compare_rules(FILE *out, const audit_run *run, const methodology *now) {
  int changes = 0;
  char name[4096];
  for (int i = 0; i < now->nfiles; i++) {
    path_relative(now->dir, now->files[i], name, sizeof name);
    size_t len;
    char sha[SHA256_HEX];
    char *text = file_read_all(now->files[i], &len);
    if (!text) { fprintf(out, "  unreadable %s\n", now->files[i]); changes++; continue; }
    sha256_hex(text, len, sha);
    free(text);
    const audit_file *was = NULL;
    for (int k = 0; k < run->nfiles && !was; k++) if (!strcmp(run->files[k].path, name)) was = &run->files[k];
    if (!was) { fprintf(out, "  added    %s\n", now->files[i]); changes++; }
    else if (strcmp(was->sha256, sha)) {
      fprintf(out, "  changed  %s (sha256 %.12s -> %.12s)\n", now->files[i], was->sha256, sha);
      changes++;
    }
  }
  for (int k = 0; k < run->nfiles; k++) {
    int found = 0;
    for (int i = 0; i < now->nfiles && !found; i++) {
      path_relative(now->dir, now->files[i], name, sizeof name);
      found = !strcmp(run->files[k].path, name);
    }
    if (!found) {
      snprintf(name, sizeof name, "%s/%s", run->rules, run->files[k].path);
      path_normalize(name);
      fprintf(out, "  removed  %s\n", name);
      changes++;
    }
  }
  return changes;
}

typedef struct { FILE *out; const audit_run *run; const audit_unit_row *u; int changes; } facts_cmp;

static int compare_unit_facts(const unit_facts *uf, void *ud) {
  facts_cmp *c = ud;
  FILE *out = c->out;
  const audit_unit_row *u = c->u;
  char a[64], b[64];
  size_t i = 0, k = 0;
  while (i < u->nfacts || k < uf->n) {
    int cmp = i == u->nfacts ? 1 : k == uf->n ? -1 : strcmp(u->facts[i].key, uf->facts[k].key);
    if (cmp < 0) { fprintf(out, "  removed  %s/%s\n", u->unit.id, u->facts[i].key); c->changes++; i++; continue; }
    if (cmp > 0) { fprintf(out, "  added    %s/%s\n", u->unit.id, uf->facts[k].key); c->changes++; k++; continue; }
    const fact *x = &u->facts[i], *y = &uf->facts[k];
    const char *vx = audit_fact_value(x, a, sizeof a), *vy = audit_fact_value(y, b, sizeof b);
    int same = x->type == y->type && !strcmp(vx, vy) &&
               !strcmp(x->source ? x->source : "", y->source ? y->source : "") &&
               !strcmp(x->note ? x->note : "", y->note ? y->note : "");
    if (!same) {
      fprintf(out, "  changed  %s/%s", u->unit.id, x->key);
      if (strcmp(vx, vy) && strlen(vx) < 40 && strlen(vy) < 40) fprintf(out, " (%s -> %s)", vx, vy);
      else if (strcmp(vx, vy)) fprintf(out, " (value)");
      else fprintf(out, " (type, source or note)");
      fputc('\n', out);
      c->changes++;
    }
    i++; k++;
  }
  return 0;
}

/* Per-criterion differences between the stored and the re-scored ledger. */
static void show_ledger_changes(FILE *out, const methodology *was_rb, const unit_result *was,
                                const methodology *now_rb, const unit_result *now) {
  char p[PTS_FMT_MAX], q[PTS_FMT_MAX];
  if (was->total != now->total)
    fprintf(out, "  %s: PAR index %s -> %s\n", was->unit.id, pts_format(p, was->total, ',', 0),
           pts_format(q, now->total, ',', 0));
  if (was->appraisal != now->appraisal)
    fprintf(out, "  %s: appraisal points %s -> %s\n", was->unit.id, pts_format(p, was->appraisal, ',', 0),
           pts_format(q, now->appraisal, ',', 0));
  for (int i = 0; i < was_rb->ncrits; i++) {
    int k = methodology_criterion(now_rb, was_rb->crits[i].id);
    if (k < 0) { fprintf(out, "  %s: criterion %s is gone\n", was->unit.id, was_rb->crits[i].id); continue; }
    const ledger_criterion *x = &was->crits[i], *y = &now->crits[k];
    if (x->points != y->points || x->max != y->max || x->na != y->na)
      fprintf(out, "  %s: criterion %s %s/%s -> %s/%s\n", was->unit.id, was_rb->crits[i].id,
             x->na ? "n/a" : pts_format(p, x->points, ',', 0), pts_format(q, x->max, ',', 0),
             y->na ? "n/a" : pts_format((char[PTS_FMT_MAX]){0}, y->points, ',', 0),
             pts_format((char[PTS_FMT_MAX]){0}, y->max, ',', 0));
  }
  for (int j = 0; j < now_rb->ncrits; j++)
    if (methodology_criterion(was_rb, now_rb->crits[j].id) < 0)
      fprintf(out, "  %s: criterion %s is new\n", was->unit.id, now_rb->crits[j].id);
}

/* Compare the stored ledgers of run (read with its rulebook) with what the
** current rulebook gives for the same facts: each in its stored form. */
static int rescore(FILE *out, store *s, const audit_run *run, const rulebook *was_rb, rulebook *now,
                   int *differs, char *err, size_t errlen) {
  const methodology *mw = rulebook_methodology(was_rb), *mn = rulebook_methodology(now);
  run_ledger_writer ww, wn;
  int rc = 0;
  run_ledger_writer_init(&ww, mw);
  run_ledger_writer_init(&wn, mn);
  for (int i = 0; i < run->nunit_rows && !rc; i++) {
    const audit_unit_row *u = &run->unit_rows[i];
    unit_facts uf;
    unit_result was = {0}, again = {0};
    char msg[8192];
    audit_run_facts(run, u, &uf);
    if (audit_run_result(s, run, mw, u, &was, err, errlen)) { rc = -1; break; }
    if (score_unit(now, &uf, &again, msg, sizeof msg)) {
      fprintf(out, "  %s: the current rules fail: %s\n", u->unit.id, msg);
      (*differs)++;
    } else if (was.total != again.total || was.appraisal != again.appraisal || was.survey != again.survey ||
               strcmp(run_ledger_json(&ww, &was), run_ledger_json(&wn, &again))) {
      (*differs)++;
      fprintf(out, "  %s: differs from the stored ledger\n", u->unit.id);
      show_ledger_changes(out, mw, &was, mn, &again);
    }
    ledger_free(&was);
    ledger_free(&again);
  }
  run_ledger_writer_free(&ww);
  run_ledger_writer_free(&wn);
  return rc;
}

int engine_verify(store *s, int64_t id, FILE *out, char *err, size_t errlen) {
  audit_run run_;
  audit_run *run = &run_;
  rulebook *was_rb = NULL, *now = NULL;
  int rc = audit_run_load(s, id, NULL, run, err, errlen);
  if (rc) return rc > 0 ? VERIFY_NO_RUN : -1;
  rc = -1;
  if (!run->nfiles || !run->rules_sha256) {
    snprintf(err, errlen, "run %lld was stored before the audit trail (store schema v1): it kept neither its rule "
             "files nor its facts, so it cannot be verified", (long long)id);
    goto done;
  }
  fprintf(out, "run %lld: %d, %d unit%s, %s, rules %s\n  rulebook sha256 %s\n", (long long)id,
          run->year, run->nunit_rows, run->nunit_rows == 1 ? "" : "s", run->engine, run->rules,
          run->rules_sha256);
  if (run->facts_import >= 0) fprintf(out, "  facts           as import %lld left them\n", (long long)run->facts_import);
  else fprintf(out, "  facts sha256    %s\n", run->facts_sha256 ? run->facts_sha256 : "-");
  if (!(was_rb = audit_run_rulebook(run, err, errlen))) goto done;
  {
    char msg[8192];
    if (!(now = engine_load_rules(s, run->rules, NULL, msg, sizeof msg))) {
      snprintf(err, errlen, "the current rules in %s do not load:\n%s", run->rules, msg);
      goto done;
    }
  }
  fprintf(out, "rules changed since the run:\n");
  int rule_changes = compare_rules(out, run, rulebook_methodology(now));
  if (!rule_changes) fprintf(out, "  none (every rule file has the sha256 it had)\n");
  fprintf(out, "facts changed in the store since the run:\n");
  int fact_changes = 0;
  for (int i = 0; i < run->nunit_rows; i++) {
    facts_cmp c = {out, run, &run->unit_rows[i], 0};
    if (store_each_unit_facts(s, run->year, c.u->unit.id, compare_unit_facts, &c) < 0) {
      snprintf(err, errlen, "%s", store_errmsg(s));
      goto done;
    }
    if (c.changes == 0 && c.u->nfacts && !store_has_unit(s, c.u->unit.id)) c.changes++;
    fact_changes += c.changes;
  }
  if (!fact_changes) fprintf(out, "  none (the store holds the facts the run read)\n");
  int differs = 0;
  fprintf(out, "re-scored from the stored facts with the current rules:\n");
  if (rescore(out, s, run, was_rb, now, &differs, err, errlen)) goto done;
  if (!differs) fprintf(out, "  identical, byte for byte, to the stored ledger (%d unit%s)\n", run->nunit_rows,
                        run->nunit_rows == 1 ? "" : "s");
  fprintf(out, "verdict: %s\n", !differs && !rule_changes && !fact_changes ? "identical"
                                 : differs ? "the results differ" : "results identical, but inputs changed");
  rc = !differs && !rule_changes && !fact_changes ? VERIFY_IDENTICAL : VERIFY_CHANGED;
done:
  rulebook_free(now);
  rulebook_free(was_rb);
  audit_run_free(run);
  return rc;
}
