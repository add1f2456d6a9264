/*
** verify.c -- re-score a stored run and say what changed since (verify.h).
*/
#include "verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audit.h"
#include "engine.h"
#include "path.h"
#include "run_ledger.h"
#include "score.h"
#include "sha256.h"
#include "verify_int.h"

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
    int failed = score_unit(now, &uf, &again, msg, sizeof msg);
    for (int d = 0; !failed && d < again.nded; d++) again.deds[d].file = -1;   /* not kept before v5 */
    if (failed) {
      fprintf(out, "  %s: the current rules fail: %s\n", u->unit.id, msg);
      (*differs)++;
    } else if (was.total != again.total || was.appraisal != again.appraisal || was.survey != again.survey ||
               strcmp(run_ledger_json(&ww, &was), run_ledger_json(&wn, &again))) {
      (*differs)++;
      fprintf(out, "  %s: differs from the stored ledger\n", u->unit.id);
      verify_show_ledger_changes(out, mw, &was, mn, &again);
    }
    ledger_free(&was);
    ledger_free(&again);
  }
  run_ledger_writer_free(&ww);
  run_ledger_writer_free(&wn);
  return rc;
}

/* Runs stored before schema v5 (no digests): the facts the run read as the
** store gives them back, compared with the store's facts now, and every
** unit scored again and compared through its stored form. */
static int verify_legacy(store *s, audit_run *run, rulebook *now, verify_findings *f, char *err, size_t errlen) {
  int64_t id = run->id;
  rulebook *was_rb = NULL;
  audit_run_free(run);
  if (audit_run_load(s, id, NULL, run, err, errlen)) return -1;
  for (int i = 0; i < run->nunit_rows; i++) {
    facts_cmp c = {f->facts, run, &run->unit_rows[i], 0};
    if (store_each_unit_facts(s, run->year, c.u->unit.id, compare_unit_facts, &c) < 0) {
      snprintf(err, errlen, "%s", store_errmsg(s));
      return -1;
    }
    if (c.changes == 0 && c.u->nfacts && !store_has_unit(s, c.u->unit.id)) c.changes++;
    f->fact_changes += c.changes;
  }
  if (!(was_rb = audit_run_rulebook(run, err, errlen))) return -1;
  int rc = rescore(f->rescored, s, run, was_rb, now, &f->differs, err, errlen);
  rulebook_free(was_rb);
  return rc;
}

static void flush_section(FILE *out, FILE **part, char **text, size_t *len, const char *none) {
  fclose(*part);
  *part = NULL;
  if (*len) fwrite(*text, 1, *len, out);
  else if (none) fprintf(out, "  %s\n", none);
  free(*text);
  *text = NULL;
}

int engine_verify(store *s, int64_t id, FILE *out, char *err, size_t errlen) {
  audit_run run_;
  audit_run *run = &run_;
  rulebook *now = NULL;
  char *text[3] = {0};
  size_t len[3] = {0};
  verify_findings f = {0};
  int rc = audit_run_load(s, id, "", run, err, errlen);
  if (rc) return rc > 0 ? VERIFY_NO_RUN : -1;
  rc = -1;
  if (!(f.stored = open_memstream(&text[0], &len[0])) || !(f.facts = open_memstream(&text[1], &len[1])) ||
      !(f.rescored = open_memstream(&text[2], &len[2]))) {
    snprintf(err, errlen, "out of memory");
    goto done;
  }
  int chain = verify_chain(s, run, f.stored, err, errlen);
  if (chain < 0) goto done;
  if (!run->nfiles || !run->rules_sha256) {
    if (chain) {                              /* e.g. a row added to runs by hand */
      fprintf(out, "run %lld: %d, %s, rules %s\nthe stored run (digests and chain):\n", (long long)id, run->year,
              run->engine, run->rules);
      flush_section(out, &f.stored, &text[0], &len[0], NULL);
      fprintf(out, "verdict: the stored run was changed after it was made (see above)\n");
      rc = VERIFY_CHANGED;
    } else
      snprintf(err, errlen, "run %lld was stored before the audit trail (store schema v1): it kept neither its rule "
               "files nor its facts, so it cannot be verified", (long long)id);
    goto done;
  }
  struct stat st;                             /* the folder as recorded, absolute; else as given */
  const char *dir = run->rules_abs && stat(run->rules_abs, &st) == 0 ? run->rules_abs : run->rules;
  fprintf(out, "run %lld: %d, %d unit%s, %s, rules %s\n  rulebook sha256 %s\n", (long long)id,
          run->year, run->nunit_rows, run->nunit_rows == 1 ? "" : "s", run->engine, dir, run->rules_sha256);
  if (run->chained)
    fprintf(out, "  run digest      %s\n  follows         %s%lld\n", run->digest ? run->digest : "-",
            run->prev ? "run " : "nothing (the first run of the chain)", (long long)run->prev);
  if (run->facts_import >= 0)
    fprintf(out, "  facts           as import %lld left them%s\n", (long long)run->facts_import,
            run->chained ? "; the run kept what it read" : "");
  else fprintf(out, "  facts sha256    %s\n", run->facts_sha256 ? run->facts_sha256 : "-");
  {
    char msg[8192];
    if (!(now = engine_load_rules(s, dir, NULL, msg, sizeof msg))) {
      snprintf(err, errlen, "the current rules in %s do not load:\n%s", dir, msg);
      goto done;
    }
  }
  if (run->chained ? verify_units(s, run, now, &f, err, errlen) : verify_legacy(s, run, now, &f, err, errlen))
    goto done;
  int tampered = chain + f.tampered;
  fprintf(out, "the stored run (digests and chain):\n");
  flush_section(out, &f.stored, &text[0], &len[0], run->chained ? "intact (every digest matches; the chain back to "
                "its first run holds)" : "not checked: the run was stored before the digests (schema v5)");
  fprintf(out, "rules changed since the run:\n");
  int rule_changes = compare_rules(out, run, rulebook_methodology(now));
  if (!rule_changes) fprintf(out, "  none (every rule file has the sha256 it had)\n");
  fprintf(out, "facts changed in the store since the run:\n");
  flush_section(out, &f.facts, &text[1], &len[1], "none (the store holds the facts the run read)");
  fprintf(out, "re-scored from the facts the run read with the current rules:\n");
  flush_section(out, &f.rescored, &text[2], &len[2], NULL);
  if (!f.differs) fprintf(out, "  identical, byte for byte, to the stored ledger (%d unit%s)\n", run->nunit_rows,
                          run->nunit_rows == 1 ? "" : "s");
  int same = !tampered && !f.differs && !rule_changes && !f.fact_changes;
  fprintf(out, "verdict: %s\n", same ? "identical"
                                 : tampered ? "the stored run was changed after it was made (see above)"
                                 : f.differs ? "the results differ" : "results identical, but inputs changed");
  rc = same ? VERIFY_IDENTICAL : VERIFY_CHANGED;
done:
  for (int i = 0; i < 3; i++) {
    FILE *fp = i == 0 ? f.stored : i == 1 ? f.facts : f.rescored;
    if (fp) fclose(fp);
    free(text[i]);
  }
  rulebook_free(now);
  audit_run_free(run);
  return rc;
}
