/*
** cmd_report.c -- parindex report: the written report of one unit and year
** against the previous year, as a document an official signs (Nghị định
** 30/2020/NĐ-CP), in Markdown, HTML or Word; every unit's at once with
** --all; an office's assignment letter with --office (cmd_letter.c).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_levels.h"

#include "cli.h"
#include "reconcile.h"
#include "report_doc.h"

#define DEFAULT_DOCUMENTS "data/lai-chau/documents"

typedef struct {
  cli_args *a;
  store *s;
  int year, first_year, no_ranking, reconcile;   /* reconcile: --reconcile, part III */
  report_lang lang;
  const char *format, *docs;
  year_scores from, to;
  int have_from, have_to;
  engine_results same;                 /* year-1's facts under year's rules */
  doc_published pub_from, pub_to;
  cli_docx *docx;                      /* --all --format docx: the batch */
  const int *pandoc_api;               /* docx: the version pandoc reads */
  int jobs;                            /* --jobs */
} report_job;

const char *cli_documents_dir(const cli_args *a) {
  const char *d = cli_opt(a, "documents"), *env = getenv("PARINDEX_DOCUMENTS");
  if (d) return d;
  if (env && *env) return env;
  if (access(DEFAULT_DOCUMENTS, F_OK) == 0) return DEFAULT_DOCUMENTS;
  return PARINDEX_SOURCE_DIR "/" DEFAULT_DOCUMENTS;
}

static const unit_result *same_unit(const report_job *j, const char *unit) {
  for (int i = 0; i < j->same.n; i++)
    if (!strcmp(j->same.units[i].unit.id, unit)) return &j->same.units[i];
  return NULL;
}

/* The writer of the job's format, for f. */
static void pick_writer(const report_job *j, report_writer *w, FILE *f) {
  if (!strcmp(j->format, "html")) report_html_writer(w, f);
  else if (!strcmp(j->format, "docx")) report_docx_writer(w, f, j->pandoc_api);
  else report_md_writer(w, f);
}

static void write_body(report_job *j, FILE *f, const report_doc *d) {
  report_writer w;
  pick_writer(j, &w, f);
  report_write(&w, d);
}

typedef void (*body_fn)(report_job *, FILE *, const void *);

/* A Word file: the JSON into the batch (--all) or a batch of one. */
static int emit_docx(report_job *j, const char *out, const char *label, body_fn body, const void *arg) {
  cli_docx *b = j->docx ? j->docx : cli_docx_open(1, 0);
  if (!b) return EXIT_FAIL;
  j->pandoc_api = cli_docx_api(b);
  FILE *f = cli_docx_begin(b, out, label);
  int rc = EXIT_FAIL;
  if (f) {
    body(j, f, arg);
    rc = cli_docx_end(b);
  }
  if (!j->docx && cli_docx_close(b, rc == EXIT_OK)) rc = EXIT_FAIL;
  return rc;
}

/* Write the body: to out, or stdout; docx through pandoc. */
static int emit(report_job *j, const char *out, const char *label, body_fn body, const void *arg) {
  if (!strcmp(j->format, "docx")) return emit_docx(j, out, label, body, arg);
  FILE *f = out ? fopen(out, "w") : stdout;
  if (!f) return cli_fail("%s: %s", out ? out : "stdout", strerror(errno));
  body(j, f, arg);
  int bad = ferror(f);
  if (out) bad |= fclose(f) != 0;
  else bad |= fflush(f) != 0;
  return bad ? cli_fail("%s: write error", out ? out : "stdout") : EXIT_OK;
}

typedef struct { const report_doc *d; } body_arg;
static void report_body(report_job *j, FILE *f, const void *arg) { write_body(j, f, ((const body_arg *)arg)->d); }

/* The unit's score (and rank, among units units) beside what the decision
** published: a warning where they differ, since the report gives the score
** and the published rank. */
static void check_published(const doc_published *p, const unit_result *r, int rank, int units) {
  const published_result *pr = doc_published_find(p, r->unit.id);
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX];
  const char *dec = p->decision_number ? p->decision_number : "without a number";
  if (!pr) return;
  if (pr->total >= 0 && pr->total != r->total)
    fprintf(stderr, "parindex: %s %d: the score is %s, the decision (%s) published %s\n", r->unit.id, r->year,
            pts_format(a, r->total, '.', 1), dec, pts_format(b, pr->total, '.', 1));
  if (units > 1 && units == p->units && rank && rank != pr->rank)
    fprintf(stderr, "parindex: %s %d: ranks %d of the %d units scored, %d in the decision (%s); the report gives %d\n",
            r->unit.id, r->year, rank, units, pr->rank, dec, pr->rank);
}

/* Is the unit appraised by the level between it and the top (its parent has
** a parent: a district scoring its communes before 2025)? */
static int district_appraised(store *s, const unit_result *r) {
  char kind[256], grand[256];
  const char *p = r->unit.parent;
  return p && *p && store_unit_level(s, p, kind, sizeof kind, grand, sizeof grand) == 1 && *grand;
}

/* One unit's report into out (NULL: stdout). */
static int one_report(report_job *j, const unit_result *rt, const char *out, int quiet) {
  char err[8192];
  const unit_result *rf = j->first_year ? NULL : year_scores_unit(&j->from, rt->unit.id);
  doc_settings set;
  if (doc_settings_read(j->docs, rt->unit.id, &set, err, sizeof err)) return cli_fail("%s", err);
  if (!set.found && !quiet)
    fprintf(stderr, "parindex: no %s/%s.json: the issuing body, number and signature print as blanks to fill in\n",
            j->docs, rt->unit.id);
  doc_drafting dr;
  if (doc_drafting_read(j->docs, rt->unit.id, j->year, &dr, err, sizeof err)) {
    doc_settings_free(&set);
    return cli_fail("%s", err);
  }
  comparison c;
  if (rf) province_compare(&c, j->from.mt, rf, j->from.st, j->from.res.n, j->to.mt, rt, j->to.st, j->to.res.n,
                           same_unit(j, rt->unit.id));
  else province_compare(&c, j->to.mt, rt, j->to.st, j->to.res.n, j->to.mt, rt, j->to.st, j->to.res.n, NULL);
  check_published(&j->pub_to, rt, c.to_rank, j->to.res.n);
  if (rf) check_published(&j->pub_from, rf, c.from_rank, j->from.res.n);
  report_doc d = {j->lang, &c, rf ? j->from.st : NULL, rf ? j->from.res.n : 0, j->to.st, j->to.res.n, !rf,
                  j->no_ranking, &set, &j->pub_from, &j->pub_to, &dr, NULL, 0};
  d.district_appraised = district_appraised(j->s, rt);
  reconciliation recon;
  int rc = EXIT_OK;
  if (j->reconcile && reconcile_build(j->s, j->to.mt, rt, &recon)) rc = cli_fail("%s", store_errmsg(j->s));
  else if (j->reconcile) d.recon = &recon;
  body_arg ba = {&d};
  if (!rc) rc = emit(j, out, rt->unit.id, report_body, &ba);
  if (d.recon) reconcile_free(&recon);
  if (!rc && out && !quiet) fprintf(stderr, "parindex: wrote %s\n", out);
  comparison_free(&c);
  doc_drafting_free(&dr);
  doc_settings_free(&set);
  return rc;
}

/* Free what job_load loaded (the store stays open). */
static void job_free(report_job *j) {
  doc_published_free(&j->pub_to);
  doc_published_free(&j->pub_from);
  engine_results_free(&j->same);
  if (j->have_to) year_scores_free(&j->to);
  if (j->have_from) year_scores_free(&j->from);
  j->have_to = j->have_from = 0;
}

/* The year's decision as the store's publication (parindex publish) names
** it wins over the number of an imported decision (parindex published). */
static void published_from_store(const year_scores *y, doc_published *p) {
  if (!y->published_run) return;
  if (p->decision_number && strcmp(p->decision_number, y->decision))
    fprintf(stderr, "parindex: the imported decision of %d is %s, the store's publication %s: the report cites %s\n",
            y->year, p->decision_number, y->decision, y->decision);
  p->decision_number = y->decision;
  if (y->decision_date[0]) p->decision_date = y->decision_date;
}

/* Before the import (parindex published), the published results were a
** file of the documents folder, published-Y.json or published-Y-KIND.json:
** when the store has no decision, say that such a file is no longer read. */
static void old_published_files(report_job *j, const char *kind) {
  char f[4200];
  if (j->pub_to.found) return;
  for (int i = 0; i < (kind ? 2 : 1); i++) {
    snprintf(f, sizeof f, i ? "%s/published-%d-%s.json" : "%s/published-%d.json", j->docs, j->year, kind);
    if (access(f, F_OK) == 0)
      fprintf(stderr, "parindex: %s is not read: the published results come from the store; import them with "
              "parindex published %s\n", f, f);
  }
}

typedef struct { const char *kind; int64_t units; } kind_count;
static int count_kind(const char *kind, int64_t units, void *ud) {
  kind_count *k = ud;
  if (!strcmp(kind, k->kind)) k->units = units;
  return 0;
}

/* The parent of every unit of y, or NULL when they have different ones (or none). */
static const char *common_parent(const year_scores *y) {
  const char *p = y->res.n ? y->res.units[0].unit.parent : NULL;
  for (int i = 1; i < y->res.n && p; i++)
    if (!y->res.units[i].unit.parent || strcmp(y->res.units[i].unit.parent, p)) p = NULL;
  return p && *p ? p : NULL;
}

/* Load what the reports of one kind need (kind NULL: the root is one
** rulebook, or the unit's kind): both years' scores of the units under
** parent (NULL: every one), the split of I.3 for unit (NULL: for all) and
** the published results. EXIT_OK, or an exit code after printing why. */
static int job_load(report_job *j, const char *kind, const char *parent, const char *unit) {
  char err[8192];
  int rc;
  if ((rc = cli_year_load(j->a, j->s, j->year, kind, parent, &j->to))) return rc;
  j->have_to = 1;
  int64_t earlier = 0;                 /* units of the kind with facts the year before */
  kind_count kc = {j->to.kind, 0};
  if (j->to.kind[0] ? store_year_kinds(j->s, j->year - 1, count_kind, &kc) < 0
                    : store_year_has_units(j->s, j->year - 1, &earlier))
    return cli_fail("%s", store_errmsg(j->s));
  j->first_year = (j->to.kind[0] ? kc.units : earlier) == 0;
  if (!j->first_year) {
    if ((rc = cli_year_load(j->a, j->s, j->year - 1, kind, parent, &j->from)))
      return cli_fail("the report compares %d with %d, so it needs %d's rulebook and facts too", j->year, j->year - 1,
                      j->year - 1);
    j->have_from = 1;
    /* the split of I.3: year-1's facts under year's rules (one unit, or all the kind's) */
    if ((!unit || store_has_facts(j->s, unit, j->year - 1) == 1) &&
        engine_score_kind(j->s, j->to.rb, j->year - 1, unit, unit ? NULL : j->to.kind[0] ? j->to.kind : NULL, 0,
                          &j->same, err, sizeof err))
      return cli_fail("scoring %d's facts with %s: %s", j->year - 1, j->to.dir, err);
  }
  const char *k = j->to.kind[0] ? j->to.kind : NULL;
  if (!parent) parent = common_parent(&j->to);
  if (doc_published_load(j->s, j->year, k, parent, &j->pub_to) ||
      doc_published_load(j->s, j->year - 1, k, parent, &j->pub_from))
    return cli_fail("%s", store_errmsg(j->s));
  old_published_files(j, k);
  published_from_store(&j->to, &j->pub_to);
  if (j->have_from) published_from_store(&j->from, &j->pub_from);
  return EXIT_OK;
}

/* The reports of the units loaded in j into dir; *n counts them. */
static int all_reports(report_job *j, const char *dir, int *n) {
  char path[4200];
  int rc = EXIT_OK;
  const char *ext = !strcmp(j->format, "html") ? "html" : !strcmp(j->format, "docx") ? "docx" : "md";
  if (!strcmp(ext, "docx") && !(j->docx = cli_docx_open(j->jobs, j->to.res.n > 1))) return EXIT_FAIL;
  for (int i = 0; i < j->to.res.n && !rc; i++) {
    const char *id = j->to.res.units[i].unit.id;
    if (strchr(id, '/') || id[0] == '.') { rc = cli_fail("unit id '%s' cannot name a file", id); break; }
    snprintf(path, sizeof path, "%s/%s-%d.%s", dir, id, j->year, ext);
    rc = one_report(j, &j->to.res.units[i], path, 1);
    (*n)++;
  }
  if (j->docx && cli_docx_close(j->docx, rc == EXIT_OK)) rc = EXIT_FAIL;
  j->docx = NULL;
  return rc;
}

/* The distinct parents of the units loaded in j, in order of first appearance. */
static int parents_of(const report_job *j, const char ***out) {
  const char **p = calloc((size_t)j->to.res.n + 1, sizeof *p);
  int n = 0;
  if (!p) abort();
  for (int i = 0; i < j->to.res.n; i++) {
    const char *par = j->to.res.units[i].unit.parent;
    int seen = 0;
    for (int k = 0; k < n && !seen; k++) seen = !strcmp(p[k], par ? par : "");
    if (!seen) p[n++] = par ? par : "";
  }
  *out = p;
  return n;
}

/* --all: every unit of every kind (or of --kind, under --parent), each
** ranked among its kind's units under its own parent, as --unit does. */
static int all_one_kind(report_job *j, const char *kind, const char *dir, int *n) {
  const char *parent = cli_opt(j->a, "parent");
  int rc = job_load(j, kind, parent, NULL);
  if (rc || parent) return rc ? rc : all_reports(j, dir, n);
  const char **ps;
  int np = parents_of(j, &ps);
  if (np <= 1) { free(ps); return all_reports(j, dir, n); }   /* one parent: the same units */
  char **own = calloc((size_t)np, sizeof *own);
  if (!own) abort();
  for (int i = 0; i < np; i++)
    if (!(own[i] = strdup(ps[i]))) abort();
  free(ps);
  job_free(j);
  for (int i = 0; i < np && !rc; i++) {
    rc = job_load(j, kind, *own[i] ? own[i] : NULL, NULL);
    if (!rc) rc = all_reports(j, dir, n);
    job_free(j);
  }
  for (int i = 0; i < np; i++) free(own[i]);
  free(own);
  return rc;
}

static int all_kinds(report_job *j, const char *dir) {
  const char *root = cli_rules_root(j->a), *kind = cli_opt(j->a, "kind");
  char one[4096], err[1024], **kinds = NULL;
  int nk = 0, n = 0, rc = EXIT_OK;
  if (kind || !rulebook_resolve(root, j->year, one, sizeof one, err, sizeof err)) rc = all_one_kind(j, kind, dir, &n);
  else if (!(rc = cli_root_kinds(j->s, root, j->year, 1, &kinds, &nk))) {
    if (!nk) rc = cli_fail("no unit has facts for %d with a rulebook in %s", j->year, root);
    for (int i = 0; i < nk && !rc; i++) {
      rc = all_one_kind(j, kinds[i], dir, &n);
      job_free(j);
    }
  }
  cli_kinds_free(kinds, nk);
  if (!rc) fprintf(stderr, "parindex: wrote %d reports into %s\n", n, dir);
  return rc;
}

typedef struct { const report_doc *d; const char *office; int rc; } letter_arg;
static void letter_body(report_job *j, FILE *f, const void *arg) {
  letter_arg *la = (letter_arg *)arg;
  report_writer w;
  pick_writer(j, &w, f);
  la->rc = report_letter_write(&w, la->d, la->office);
}

/* The assignment letter of office for unit rt. */
static int letter(report_job *j, const unit_result *rt, const char *office, const char *out) {
  char err[8192];
  if (!methodology_office_name(j->to.mt, office))
    return cli_fail("office '%s' is not one the %d rulebook knows (%s)", office, j->year, j->to.dir);
  doc_settings set;
  if (doc_settings_read(j->docs, rt->unit.id, &set, err, sizeof err)) return cli_fail("%s", err);
  comparison c;
  province_compare(&c, j->to.mt, rt, j->to.st, j->to.res.n, j->to.mt, rt, j->to.st, j->to.res.n, NULL);
  report_doc d = {j->lang, &c, NULL, 0, j->to.st, j->to.res.n, 1, j->no_ranking, &set, &j->pub_from, &j->pub_to, NULL, NULL,
                  district_appraised(j->s, rt)};
  letter_arg la = {&d, office, 0};
  int rc = emit(j, out, rt->unit.id, letter_body, &la);
  if (!rc && out) fprintf(stderr, "parindex: wrote %s\n", out);
  comparison_free(&c);
  doc_settings_free(&set);
  return rc;
}

static int run_report(cli_args *a) {
  long long year;
  int rc;
  if (a->nargs) return cli_usage_error(a, "unexpected argument '%s'", a->args[0]);
  const char *unit = cli_opt(a, "unit"), *out = cli_opt(a, "out"), *dir = cli_opt(a, "out-dir");
  const char *office = cli_opt(a, "office");
  int all = cli_opt(a, "all") != NULL;
  if (!cli_opt(a, "year")) return cli_usage_error(a, "--year is required");
  if ((rc = cli_int(a, "year", 1901, 2200, 0, &year))) return rc;
  if ((rc = cli_choice(a, "format", "md|html|docx"))) return rc;
  if (all && (unit || out || office)) return cli_usage_error(a, "--all writes every unit's report into --out-dir; it takes no --unit, --out or --office");
  if (all && !dir) return cli_usage_error(a, "--all needs --out-dir DIR");
  if (!all && dir) return cli_usage_error(a, "--out-dir goes with --all");
  if (!all && !unit) return cli_usage_error(a, "--unit is required (or --all)");
  if (!all && (cli_opt(a, "kind") || cli_opt(a, "parent")))
    return cli_usage_error(a, "--kind and --parent go with --all (a unit is ranked among its kind under its parent)");
  int en;
  if ((rc = cli_lang(a, &en))) return rc;
  report_job j = {0};
  j.a = a;
  j.year = (int)year;
  j.lang = en ? LANG_EN : LANG_VI;
  j.format = cli_opt(a, "format") ? cli_opt(a, "format") : "md";
  j.no_ranking = cli_opt(a, "no-ranking") != NULL;
  j.reconcile = cli_opt(a, "reconcile") != NULL;
  if (j.reconcile && office) return cli_usage_error(a, "--reconcile adds a part to the report; an --office letter has none");
  j.docs = cli_documents_dir(a);
  long long jobs;
  if ((rc = cli_int(a, "jobs", 1, 64, 0, &jobs))) return rc;
  j.jobs = (int)jobs;
  if (!strcmp(j.format, "docx") && !out && !all) return cli_usage_error(a, "--format docx needs --out FILE (a Word file is not text)");
  if (!(j.s = cli_open_store(a))) return EXIT_FAIL;
  if (all) {
    rc = all_kinds(&j, dir);
    goto done;
  }
  cli_level lv;                          /* ranked among the units of its kind under its parent */
  int known = store_unit_level(j.s, unit, lv.kind, sizeof lv.kind, lv.parent, sizeof lv.parent);
  if (known < 0) { rc = cli_fail("%s", store_errmsg(j.s)); goto done; }
  if (!known) { rc = cli_fail("unknown unit '%s': the store has no such unit (asked for %d)", unit, j.year); goto done; }
  lv.under = *lv.parent ? lv.parent : NULL;
  if ((rc = job_load(&j, *lv.kind ? lv.kind : NULL, lv.under, unit))) goto done;
  const unit_result *rt = cli_year_unit(&j.to, unit, &rc);
  if (!rt) goto done;
  if (office) rc = letter(&j, rt, office, out);
  else rc = one_report(&j, rt, out, 0);
done:
  job_free(&j);
  store_close(j.s);
  return rc;
}

const cli_command cmd_report = {
  "report", "the written report of one unit and year, ready to sign (Markdown, HTML or Word)",
  "rules= unit= year= kind= parent= format= lang= out= all out-dir= office= documents= no-ranking reconcile jobs= max-instructions= max-memory=",
  "usage: parindex [--db FILE] report [--rules DIR] --unit ID --year Y [--format md|html|docx]\n"
  "                                   [--lang vi|en] [--out FILE] [--documents DIR] [--no-ranking]\n"
  "                                   [--reconcile]\n"
  "       parindex [--db FILE] report --all --year Y --out-dir DIR [--kind K] [--parent ID]\n"
  "                                   [--format md|html|docx] [--jobs N] ...\n"
  "       parindex [--db FILE] report --office ID --unit ID --year Y [--format md|html|docx] [--out FILE]\n"
  "\n"
  "Write the analysis of the unit's PAR INDEX for year Y against Y-1 as a report\n"
  "in the format of Nghị định 30/2020/NĐ-CP: the issuing body and number, the\n"
  "national title, place and date, BÁO CÁO and its subject; the opening citing\n"
  "the decision that published the results; I.1 both years and the ranking, I.2\n"
  "one part per component (rising first, then falling) with every criterion\n"
  "that lost points, I.3 causes (each change split into what the new\n"
  "methodology and what the work made, as compare --same-rules does), II next\n"
  "year's tasks by office; the closing, the recipients and the signature. In the\n"
  "first year (no facts for Y-1) the report speaks of Y alone, or compares with\n"
  "Y-1 as published. The decision, the published ranks and the other units'\n"
  "totals come from the decisions imported with parindex published. Nothing is\n"
  "stored.\n"
  "\n"
  "  --format FMT             md (default), html (one self-contained file,\n"
  "                           printable on A4) or docx (Word, through pandoc;\n"
  "                           needs --out)\n"
  "  --lang LANG              vi (default, decimal comma) or en (English; names\n"
  "                           and reasons stay as the rules wrote them)\n"
  "  --out FILE               write to FILE instead of stdout\n"
  "  --all                    every unit with facts for Y, into --out-dir DIR as\n"
  "                           UNIT-Y.md (.html, .docx), each kind with its rulebook\n"
  "                           and each unit ranked among its kind under its parent\n"
  "                           (Word files made all or none for each kind; a failing\n"
  "                           pandoc names the unit and file)\n"
  "  --jobs N                 pandoc processes at a time for --all's Word files\n"
  "                           (default: one per CPU)\n"
  "  --kind K, --parent ID    with --all: only the units of kind K, under ID\n"
  "  --reconcile              add part III: the unit's self-assessment beside the\n"
  "                           appraisal (per criterion self, appraised, difference;\n"
  "                           the reasons where they differ), see parindex reconcile\n"
  "  --office ID              the assignment letter of office ID: its lead and\n"
  "                           supporting tasks for Y+1, with points and criteria\n"
  "  --documents DIR          the unit's document settings DIR/UNIT.json and the\n"
  "                           drafting officer's paragraphs DIR/narrative/UNIT-Y.json\n"
  "                           (see data/README.md); default $PARINDEX_DOCUMENTS, else\n"
  "                           " DEFAULT_DOCUMENTS "\n"
  "  --no-ranking             leave the other units' ranking out\n"
  "  --rules DIR              a root holding one rulebook per year (DIR/Y/);\n"
  "                           default: rules/lai-chau (DIR/KIND/Y/: each unit with its kind's)\n"
  "  --max-instructions N     Lua instruction budget per criterion (default 10000000)\n"
  "  --max-memory MB          Lua memory cap of the rulebook (default 64)\n",
  run_report,
};
