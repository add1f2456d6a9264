/*
** verify_units.c -- the units of a run stored since schema v5, in one pass
** (verify_int.h): the run's unit rows with the facts texts they kept, the
** store's facts as the run's import left them and the facts imported since
** are read side by side, each in unit order; every unit is checked against
** its digests, compared with the store, scored again and compared with its
** stored ledger, in memory.
*/
#include <stdlib.h>
#include <string.h>

#include "audit_digest.h"
#include "double_text.h"
#include "run_ledger.h"
#include "score.h"
#include "store_runs.h"
#include "verify_int.h"
#include "adjust.h"
#include "store_levels.h"

typedef struct {
  store *s;
  const audit_run *run;
  rulebook *now;
  verify_findings *f;
  sha256_ctx *sha;          /* one context for every digest checked (sha256_next) */
  run_ledger_writer wn;
  store_row row, since;     /* the current rows of the two cursors */
  int have_row, have_since;
  rulebook *was_rb;         /* the run's own rulebook, loaded at the first difference */
  int was_tried;
  char was_err[1024];
  arena a;                  /* the facts text of the unit being checked */
  fact *facts; size_t nfacts, cap;
  unit_result again;
  char *err; size_t errlen;
  int failed;
  adjust_set adj;           /* the adjustments the run applied (adjust.h) */
} units_ctx;

static int advance(units_ctx *c) {
  int rc = store_run_cursor_next(c->s, RQ_UNIT_ROWS, &c->row);
  if (rc < 0) c->failed = 1;
  return c->have_row = rc > 0;
}

static int advance_since(units_ctx *c) {
  int rc = store_run_cursor_next(c->s, RQ_FACTS_SINCE, &c->since);
  if (rc < 0) c->failed = 1;
  return c->have_since = rc > 0;
}

static int parse_type(const char *t, fact_type *out) {
  for (int i = 0; i <= FT_LIST; i++)
    if (t && !strcmp(t, fact_type_name((fact_type)i))) { *out = (fact_type)i; return 1; }
  return 0;
}

static int on_field(char *const fields[5], void *ud) {
  units_ctx *c = ud;
  if (c->nfacts == c->cap) {
    size_t cap = c->cap ? 2 * c->cap : 64;
    fact *g = arena_alloc(&c->a, cap * sizeof *g);
    if (c->nfacts) memcpy(g, c->facts, c->nfacts * sizeof *g);
    c->facts = g;
    c->cap = cap;
  }
  fact *f = &c->facts[c->nfacts];
  memset(f, 0, sizeof *f);
  f->key = fields[0];
  if (!f->key || !parse_type(fields[1], &f->type)) return -1;
  const char *v = fields[2] ? fields[2] : "";
  switch (f->type) {
  case FT_NUMBER: f->num = audit_number_parse(v); break;
  case FT_INTEGER: f->integer = strtoll(v, NULL, 10); break;
  case FT_BOOLEAN: f->integer = !strcmp(v, "true"); break;
  default: f->text = v;
  }
  f->source = fields[3];
  f->note = fields[4];
  c->nfacts++;
  return 0;
}

static const char *shown(const fact *f, char *buf, size_t n) {
  switch (f->type) {
  case FT_NUMBER: return numtext_g15(buf, f->num);
  case FT_INTEGER: snprintf(buf, n, "%lld", f->integer); return buf;
  case FT_BOOLEAN: return f->integer ? "true" : "false";
  default:
    snprintf(buf, n, "%s%s", f->text ? f->text : "", f->text && strlen(f->text) >= n - 1 ? "…" : "");
    return buf;
  }
}

static int same_str(const char *a, const char *b) { return !strcmp(a ? a : "", b ? b : "") && !a == !b; }

static int same_fact(const fact *x, const fact *y) {
  if (x->type != y->type || !same_str(x->source, y->source) || !same_str(x->note, y->note)) return 0;
  switch (x->type) {
  case FT_NUMBER: return !memcmp(&x->num, &y->num, sizeof x->num);
  case FT_INTEGER: case FT_BOOLEAN: return x->integer == y->integer;
  default: return same_str(x->text, y->text);
  }
}

static void show_fact(FILE *out, const fact *f) {
  char v[128];
  fprintf(out, "%s (%s", shown(f, v, sizeof v), fact_type_name(f->type));
  if (f->source) fprintf(out, ", source: %s", f->source);
  if (f->note) fprintf(out, ", note: %s", f->note);
  fputc(')', out);
}

/* The store's facts as the run's import left them (uf, NULL for none)
** against those the run read (c->facts). */
static void compare_read(units_ctx *c, const char *unit, const unit_facts *uf) {
  FILE *out = c->f->stored;
  size_t i = 0, k = 0, n = uf ? uf->n : 0;
  while (i < c->nfacts || k < n) {
    int cmp = i == c->nfacts ? 1 : k == n ? -1 : strcmp(c->facts[i].key, uf->facts[k].key);
    const fact *x = cmp <= 0 ? &c->facts[i] : NULL, *y = cmp >= 0 ? &uf->facts[k] : NULL;
    if (!x || !y || !same_fact(x, y)) {
      fprintf(out, "  fact %s %d %s: the store holds ", unit, c->run->year, x ? x->key : y->key);
      if (y) show_fact(out, y); else fputs("nothing", out);
      fprintf(out, " as import %lld left it; the run read ", (long long)c->run->facts_import);
      if (x) show_fact(out, x); else fputs("nothing", out);
      fputc('\n', out);
      c->f->tampered++;
    }
    if (cmp <= 0) i++;
    if (cmp >= 0) k++;
  }
}

static const fact *read_fact(const units_ctx *c, const char *key) {
  size_t lo = 0, hi = c->nfacts;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int d = strcmp(c->facts[mid].key, key);
    if (!d) return &c->facts[mid];
    if (d < 0) lo = mid + 1; else hi = mid;
  }
  return NULL;
}

/* Facts imported after the run's import, for this unit. */
static void changed_since(units_ctx *c, const char *unit) {
  while (c->have_since && strcmp(c->since.t[0], unit) < 0) advance_since(c);
  for (; c->have_since && !strcmp(c->since.t[0], unit); advance_since(c)) {
    const fact *was = read_fact(c, c->since.t[1]);
    char v[128];
    if (!c->since.i[5]) {                    /* no such import: not written by parindex import */
      fprintf(c->f->stored, "  fact %s %d %s: the store holds %s, written as import %lld, which never happened; "
              "the run read ", unit, c->run->year, c->since.t[1], c->since.t[3] ? c->since.t[3] : "",
              (long long)c->since.i[4]);
      if (was) show_fact(c->f->stored, was); else fputs("nothing", c->f->stored);
      fputc('\n', c->f->stored);
      c->f->tampered++;
    } else if (!was) fprintf(c->f->facts, "  added    %s/%s\n", unit, c->since.t[1]);
    else if (strlen(c->since.t[3] ? c->since.t[3] : "") < 40 && strlen(shown(was, v, sizeof v)) < 40)
      fprintf(c->f->facts, "  changed  %s/%s (%s -> %s)\n", unit, was->key, v, c->since.t[3] ? c->since.t[3] : "");
    else fprintf(c->f->facts, "  changed  %s/%s (value, type, source or note)\n", unit, was->key);
    c->f->fact_changes++;
  }
}

/* Say what differs between the stored ledger of the unit and `again`. */
static void explain_difference(units_ctx *c, const unit_info *ui, const unit_facts *rf) {
  FILE *out = c->f->rescored;
  if (!c->was_tried) {
    c->was_tried = 1;
    c->was_rb = audit_run_rulebook(c->run, c->was_err, sizeof c->was_err);
  }
  if (!c->was_rb) { fprintf(out, "    (the run's own rules do not load to say more: %s)\n", c->was_err); return; }
  const methodology *mw = rulebook_methodology(c->was_rb);
  unit_result was;
  int rc = run_ledger_read(c->s, c->run->id, c->run->year, mw, ui, rf->facts, rf->n, &was);
  if (rc) {
    fprintf(out, "    (its stored ledger cannot be read with the run's rules%s)\n", rc < 0 ? ": store error" : "");
    return;
  }
  was.appraisal = c->row.i[4];
  was.survey = c->row.i[5];
  was.total = c->row.i[6];
  verify_show_ledger_changes(out, mw, &was, rulebook_methodology(c->now), &c->again);
  ledger_free(&was);
}

static void check_unit(units_ctx *c, const unit_facts *asof) {
  const store_row *row = &c->row;
  verify_findings *f = c->f;
  const char *unit = row->t[0];
  unit_info ui = {row->t[0], row->t[1] ? row->t[1] : row->t[0], row->t[2] ? row->t[2] : "", row->t[3]};
  char sha[SHA256_HEX], msg[8192];
  if (!row->t[8] || !row->t[9]) {
    fprintf(f->stored, "  unit %s: it has no digests: its row was not stored by the run\n", unit);
    f->tampered++;
    return;
  }
  unit_info stored = {row->t[0], row->t[1], row->t[2], row->t[3]};   /* as the digest took them */
  audit_ledger_digest_on(c->sha, &stored, row->i[4], row->i[5], row->i[6], row->t[7] ? row->t[7] : "", sha);
  if (strcmp(sha, row->t[9])) {
    fprintf(f->stored, "  unit %s: its stored ledger no longer matches its digest (%.12s; it gives %.12s)\n", unit,
            row->t[9], sha);
    f->tampered++;
  }
  if (!row->t[10] || !row->t[12]) {
    fprintf(f->stored, "  unit %s: the text of the facts it read (sha256 %.12s, keys %.12s) is missing\n", unit,
            row->t[8], row->t[11] ? row->t[11] : "-");
    f->tampered++;
    return;
  }
  for (int k = 0; k < 2; k++) {
    const char *text = row->t[k ? 12 : 10], *want = row->t[k ? 11 : 8];
    sha256_adds(c->sha, text);
    sha256_next(c->sha, sha);
    if (want && !strcmp(sha, want)) continue;
    fprintf(f->stored, "  unit %s: the text of the %s it read no longer matches its digest (%.12s; it gives %.12s)\n",
            unit, k ? "fact keys" : "facts", want ? want : "-", sha);
    f->tampered++;
  }
  arena_reset(&c->a);
  c->nfacts = c->cap = 0;
  c->facts = NULL;
  if (audit_facts_parse_texts(arena_strdup(&c->a, row->t[12]), arena_strdup(&c->a, row->t[10]), on_field, c)) {
    fprintf(f->stored, "  unit %s: the text of the facts it read is malformed\n", unit);
    f->tampered++;
    return;
  }
  compare_read(c, unit, asof);
  changed_since(c, unit);
  unit_facts rf = {ui, c->run->year, c->facts, c->nfacts};
  if (adjust_score_unit(c->now, &rf, &c->adj, &c->again, msg, sizeof msg)) {
    fprintf(f->rescored, "  %s: the current rules fail: %s\n", unit, msg);
    f->differs++;
    return;
  }
  const char *json = run_ledger_json(&c->wn, &c->again);
  if (c->again.total == row->i[6] && c->again.appraisal == row->i[4] && c->again.survey == row->i[5] &&
      row->t[7] && !strcmp(json, row->t[7]))
    return;
  f->differs++;
  fprintf(f->rescored, "  %s: differs from the stored ledger\n", unit);
  explain_difference(c, &ui, &rf);
}

static int on_asof(const unit_facts *uf, void *ud) {
  units_ctx *c = ud;
  while (c->have_row && strcmp(c->row.t[0], uf->unit.id) < 0) {
    check_unit(c, NULL);
    advance(c);
  }
  if (c->have_row && !strcmp(c->row.t[0], uf->unit.id)) {
    check_unit(c, uf);
    advance(c);
  }
  return c->failed;
}

int verify_units(store *s, const audit_run *run, rulebook *now, verify_findings *f, char *err, size_t errlen) {
  units_ctx c = {.s = s, .run = run, .now = now, .f = f, .err = err, .errlen = errlen, .sha = sha256_new()};
  if (!c.sha) abort();
  run_ledger_writer_init(&c.wn, rulebook_methodology(now));
  const char *only = run->nunit_rows == 1 ? run->unit_rows[0].unit.id : NULL;
  int64_t upto = 0;
  if (store_run_adjust_get(s, run->id, &upto) || adjust_set_load(s, run->year, only, upto, &c.adj)) {
    snprintf(err, errlen, "%s", store_errmsg(s));
    run_ledger_writer_free(&c.wn);
    return -1;
  }
  int rc = store_run_cursor_begin(s, RQ_UNIT_ROWS, run->id, NULL) ||
           store_run_cursor_begin(s, RQ_FACTS_SINCE, run->id, NULL);
  if (!rc) {
    advance(&c);
    advance_since(&c);
    rc = store_each_unit_facts_asof(s, run->year, only, run->facts_import, on_asof, &c);
    for (; !rc && !c.failed && c.have_row; advance(&c)) check_unit(&c, NULL);
  }
  store_run_cursor_end(s, RQ_UNIT_ROWS);
  store_run_cursor_end(s, RQ_FACTS_SINCE);
  if (rc || c.failed) snprintf(err, errlen, "%s", store_errmsg(s));
  ledger_free(&c.again);
  adjust_set_free(&c.adj);
  arena_free(&c.a);
  rulebook_free(c.was_rb);
  run_ledger_writer_free(&c.wn);
  sha256_free(c.sha);
  return rc || c.failed ? -1 : 0;
}
