/*
** rules_expect.c -- the rulebook test runner and its coverage.
*/
#include "rules_expect.h"

#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "path.h"
#include "rulebook_inspect.h"
#include "score.h"


/* ---- coverage of u.lose calls ---- */

typedef struct { char *file; int line, ran; } site;
typedef struct { site *v; int n, cap; } sites;

static void add_site(sites *s, const char *file, int line) {
  for (int i = 0; i < s->n; i++) if (s->v[i].line == line && !strcmp(s->v[i].file, file)) return;
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 64;
    s->v = realloc(s->v, (size_t)s->cap * sizeof *s->v);
    if (!s->v) abort();
  }
  s->v[s->n].file = strdup(file);
  s->v[s->n].line = line;
  s->v[s->n].ran = 0;
  s->n++;
}

static void on_lose(void *ud, const char *file, int line) {
  sites *s = ud;
  for (int i = 0; i < s->n; i++) if (s->v[i].line == line && !strcmp(s->v[i].file, file)) { s->v[i].ran = 1; return; }
}

/* Every "u.lose(" outside comments in the rule files. */
static void scan_sites(const methodology *mt, sites *s) {
  for (int i = 0; i < mt->nfiles; i++) {
    char *text = file_read_all(mt->files[i], NULL);
    int line = 1;
    for (char *p = text; p && *p; line++) {
      char *nl = strchr(p, '\n');
      if (nl) *nl = '\0';
      char *cm = strstr(p, "--"), *u = strstr(p, "u.lose(");
      if (u && (!cm || u < cm) && (u == p || !(isalnum((unsigned char)u[-1]) || u[-1] == '_' || u[-1] == '.')))
        add_site(s, mt->files[i], line);
      p = nl ? nl + 1 : NULL;
    }
    free(text);
  }
}

/* ---- running ---- */

static void list_tests(const char *dir, const char *sub, char ***out, int *n, int *cap) {
  char path[4096];
  snprintf(path, sizeof path, "%s%s%s", dir, sub ? "/" : "", sub ? sub : "");
  DIR *d = opendir(path);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".lua")) continue;
    if (!sub && (len < 9 || strcmp(e->d_name + len - 9, "_test.lua"))) continue;
    if (*n == *cap) *out = realloc(*out, (size_t)(*cap = *cap ? 2 * *cap : 16) * sizeof **out);
    size_t k = strlen(path) + len + 2;
    (*out)[*n] = malloc(k);
    snprintf((*out)[(*n)++], k, "%s/%s", path, e->d_name);
  }
  closedir(d);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

typedef struct { FILE *out; int failed; const char *file; int line; const char *name; } report;

static void fail(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(report *r, const char *fmt, ...) {
  va_list ap;
  fprintf(r->out, "%s:%d: test '%s': ", r->file, r->line, r->name);
  va_start(ap, fmt);
  vfprintf(r->out, fmt, ap);
  va_end(ap);
  fputc('\n', r->out);
  r->failed = 1;
}

/* A bonus or penalty item's test: its points as its own max leaves them
** (the caps over all items and the index bounds depend on the rest of the
** unit, which a test does not score), or one line of them. 1 if met. */
static int item_expected(report *r, const methodology *mt, const unit_result *res, int xi, const rule_test *t) {
  char P1[PTS_FMT_MAX], P2[PTS_FMT_MAX];
  pts_t sum = 0;
  int found = 0;
  for (int k = 0; k < res->nextras; k++) {
    const ledger_deduction *d = &res->extras[k];
    if (d->crit != xi) continue;
    pts_t p = d->requested < mt->extras[xi].max - sum ? d->requested : mt->extras[xi].max - sum;
    sum += p;
    found |= (!t->has_deduction_points || p == t->deduction_points) &&
             (!t->deduction_reason || strstr(d->reason, t->deduction_reason));
  }
  if (t->has_points && sum != t->points) {
    fail(r, "%s: expected %s points, got %s", t->criterion, pts_format(P1, t->points, ',', 0), pts_format(P2, sum, ',', 0));
    return 0;
  }
  if (t->has_deduction && !found) {
    fail(r, "%s: expected a line%s%s%s%s, got %d lines", t->criterion, t->has_deduction_points ? " of " : "",
         t->has_deduction_points ? pts_format(P1, t->deduction_points, ',', 0) : "",
         t->deduction_reason ? " with a reason containing " : "", t->deduction_reason ? t->deduction_reason : "",
         res->nextras);
    return 0;
  }
  return 1;
}

/* Run the test whose record is on top of the stack; 1 if it passed. */
static int run_one(rulebook *rb, const rule_test *t, int default_year, char *tested, FILE *out) {
  const methodology *mt = rulebook_methodology(rb);
  char P1[PTS_FMT_MAX], P2[PTS_FMT_MAX], msg[4096];
  report r = {out, 0, t->file, t->line, t->name};
  const char *cid = t->criterion, *kid = t->component;
  pts_t want = t->points;
  int has_points = t->has_points, want_na = t->want_na, has_ded = t->has_deduction;
  int ci = cid ? methodology_criterion(mt, cid) : -1, ki = kid ? methodology_component(mt, kid) : -1;
  int xi = cid && ci < 0 ? methodology_extra(mt, cid) : -1;   /* a bonus or penalty item */
  char *only = calloc((size_t)(mt->ncrits + mt->nextras) + 1, 1);
  unit_result res = {0};
  int evaluated = 0;
  if (!only) abort();
  if (!!cid == !!kid) fail(&r, "say what it tests: criterion = \"...\" or component = \"...\"");
  else if (cid && ci < 0 && xi < 0) fail(&r, "no criterion (or bonus or penalty item) '%s' in this rulebook", cid);
  else if (xi >= 0 && (want_na || has_points + has_ded != 1))
    fail(&r, "a bonus or penalty test expects exactly one of: points = N, deduction = { points = N, reason = \"...\" }");
  else if (kid && ki < 0) fail(&r, "no component '%s' in this rulebook", kid);
  else if (kid && !has_points) fail(&r, "a component test needs points = N");
  else if (cid && has_points + want_na + has_ded != 1 && !(has_points + want_na + has_ded == 0 && t->achieved))
    fail(&r, "a criterion test expects exactly one of: points = N, na = true, deduction = { points = N, reason = \"...\" } "
             "(and achieved = \"...\" with it, or alone)");
  else if (kid && t->achieved) fail(&r, "achieved = \"...\" is expected of a criterion, not of a component");
  else if (t->facts_error) fail(&r, "%s", t->facts_error);
  else {
    if (ci >= 0) only[ci] = 1;
    else if (xi >= 0) only[mt->ncrits + xi] = 1;
    else for (int i = mt->comps[ki].first; i < mt->comps[ki].first + mt->comps[ki].count; i++) only[i] = 1;
    unit_facts uf = {{t->unit ? t->unit : "test", t->unit ? t->unit : "test", "district", NULL},
                     t->year ? t->year : default_year, t->facts, t->nfacts};
    rulebook_set_only(rb, only);
    int rc = score_unit(rb, &uf, &res, msg, sizeof msg);
    rulebook_set_only(rb, NULL);
    if (rc) {
      char *nl = strchr(msg, '\n');
      if (nl) *nl = '\0';
      fail(&r, "scoring failed: %s", msg);
    } else evaluated = 1;
  }
  if (evaluated && xi >= 0) {
    tested[mt->ncrits + xi] = 1;
    if (!item_expected(&r, mt, &res, xi, t)) r.failed = 1;
  } else if (evaluated && ki >= 0) {
    if (res.comps[ki].points != want)
      fail(&r, "component %s: expected %s points, got %s", kid, pts_format(P1, want, ',', 0),
           pts_format(P2, res.comps[ki].points, ',', 0));
  } else if (evaluated) {
    const ledger_criterion *lc = &res.crits[ci];
    tested[ci] = 1;
    if (want_na && !lc->na)
      fail(&r, "criterion %s: expected not applicable, got %s points", cid, pts_format(P1, lc->points, ',', 0));
    else if (has_points && lc->na)
      fail(&r, "criterion %s: expected %s points, got not applicable (%s)", cid, pts_format(P1, want, ',', 0), lc->na_reason);
    else if (has_points && lc->points != want)
      fail(&r, "criterion %s: expected %s points, got %s", cid, pts_format(P1, want, ',', 0), pts_format(P2, lc->points, ',', 0));
    else if (has_ded) {
      pts_t dp = t->deduction_points;
      int has_dp = t->has_deduction_points;
      const char *piece = t->deduction_reason;
      int found = 0;
      for (int k = 0; k < lc->count && !found; k++) {
        const ledger_deduction *d = &res.deds[lc->first + k];
        found = (!has_dp || d->points == dp) && (!piece || strstr(d->reason, piece));
      }
      if (!found) {
        fprintf(out, "%s:%d: test '%s': criterion %s: expected a deduction", r.file, r.line, r.name, cid);
        if (has_dp) fprintf(out, " of %s", pts_format(P1, dp, ',', 0));
        if (piece) fprintf(out, " with a reason containing \"%s\"", piece);
        fprintf(out, ", got %s", lc->count ? "" : "no deduction");
        for (int k = 0; k < lc->count; k++)
          fprintf(out, "%s%s \"%s\"", k ? "; " : "", pts_format(P2, res.deds[lc->first + k].points, ',', 0),
                  res.deds[lc->first + k].reason);
        fputc('\n', out);
        r.failed = 1;
      }
    }
  }
  if (evaluated && ci >= 0 && t->achieved) {
    const ledger_criterion *lc = &res.crits[ci];
    int found = 0;
    for (int k = 0; k < lc->acount && !found; k++) found = strstr(res.achs[lc->afirst + k].text, t->achieved) != NULL;
    if (!found) {
      fprintf(out, "%s:%d: test '%s': criterion %s: expected a statement of what was achieved containing \"%s\", got %s",
              r.file, r.line, r.name, cid, t->achieved, lc->acount ? "" : "none");
      for (int k = 0; k < lc->acount; k++) fprintf(out, "%s\"%s\"", k ? "; " : "", res.achs[lc->afirst + k].text);
      fputc('\n', out);
      r.failed = 1;
    }
  }
  if (evaluated) ledger_free(&res);
  free(only);
  return !r.failed;
}

static int default_year_of(const char *dir) {
  const char *base = strrchr(dir, '/');
  base = base && base[1] ? base + 1 : dir;
  int y = atoi(base);
  return y >= 1900 && y <= 2200 ? y : 2000;
}

int rules_test_main(const char *dir, FILE *out) {
  static char err[1 << 16];
  rulebook *rb = rulebook_load(dir, NULL, 0, NULL, err, sizeof err);
  if (!rb) {
    fprintf(stderr, "parindex: %s: the rulebook does not load (run 'parindex rules check %s'):\n%s\n", dir, dir, err);
    return 1;
  }
  const methodology *mt = rulebook_methodology(rb);
  char **files = NULL;
  int nfiles = 0, cap = 0, passed = 0, failed = 0;
  for (int b = mt->nbases; b >= 0; b--) {            /* extended rulebooks' tests first */
    int from = nfiles;
    const char *d = b ? mt->bases[b - 1] : dir;
    list_tests(d, NULL, &files, &nfiles, &cap);
    list_tests(d, "tests", &files, &nfiles, &cap);
    if (nfiles > from) qsort(files + from, (size_t)(nfiles - from), sizeof *files, cmp_str);
  }
  sites s = {0};
  scan_sites(mt, &s);
  rulebook_on_lose(rb, on_lose, &s);
  char *tested = calloc((size_t)(mt->ncrits + mt->nextras) + 1, 1);   /* criteria, then items */
  if (!tested) abort();
  rule_test_set set;
  rulebook_load_tests(rb, files, nfiles, &set);
  for (int i = 0; i < set.nload_errors; i++) {
    fprintf(out, "%s\n", set.load_errors[i]);
    failed++;
  }
  int year = default_year_of(dir);
  for (int i = 0; i < set.ntests; i++) {
    if (run_one(rb, &set.tests[i], year, tested, out)) passed++; else failed++;
  }
  rule_test_set_free(&set);
  fprintf(out, "%d passed, %d failed\n", passed, failed);
  int untested = 0, unran = 0;
  for (int i = 0; i < mt->ncrits; i++) untested += !tested[i];
  for (int i = 0; i < s.n; i++) unran += !s.v[i].ran;
  fprintf(out, "coverage: %d of %d criteria tested, %d of %d deduction calls (u.lose) ran\n",
          mt->ncrits - untested, mt->ncrits, s.n - unran, s.n);
  for (int i = 0; i < mt->ncrits; i++)
    if (!tested[i]) fprintf(out, "  %s:%d: criterion %s has no test\n", mt->crits[i].file, mt->crits[i].line, mt->crits[i].id);
  for (int i = 0; i < mt->nextras; i++)
    if (!tested[mt->ncrits + i])
      fprintf(out, "  %s:%d: %s %s has no test\n", mt->extras[i].file, mt->extras[i].line,
              mt->extras[i].penalty ? "penalty" : "bonus", mt->extras[i].id);
  for (int i = 0; i < s.n; i++)
    if (!s.v[i].ran) fprintf(out, "  %s:%d: this u.lose never ran\n", s.v[i].file, s.v[i].line);
  if (!nfiles) fprintf(stderr, "parindex: no tests in %s (*_test.lua or tests/*.lua)\n", dir);
  for (int i = 0; i < s.n; i++) free(s.v[i].file);
  free(s.v);
  for (int i = 0; i < nfiles; i++) free(files[i]);
  free(files);
  free(tested);
  rulebook_free(rb);
  return failed ? 1 : 0;
}
