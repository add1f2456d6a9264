/*
** report.h -- output of results: text (Vietnamese or English) and JSON.
** Reads a rulebook and unit_results; writes to a FILE. Owns nothing.
*/
#ifndef PARINDEX_REPORT_H
#define PARINDEX_REPORT_H

#include <stdio.h>

#include "engine.h"
#include "plan.h"
#include "plan_run.h"
#include "province.h"
#include "fact_form.h"
#include "reconcile.h"
#include "methodology.h"

typedef enum { LANG_VI, LANG_EN } report_lang;

typedef struct {             /* one improvement task, for `tasks` */
  const char *office, *office_name, *text, *criterion, *reason;
  pts_t points;              /* what the deduction behind it took */
  int ded;                   /* index of that deduction in the unit_result; from nded on, a penalty
                                line: extras[ded - nded] (report_task_line) */
  int lead;                  /* 1: the office leads (chủ trì) and is credited the points;
                                0: it supports (phối hợp) the lead office */
  const char *lead_office;   /* the deduction's lead office */
} task_item;

/* The ledger line behind t: a criterion's deduction or a penalty line. */
const ledger_deduction *report_task_line(const unit_result *r, const task_item *t);

/* "file:line" of the u.lose call that made d, whole (malloc'd: free it), or
** NULL for a ledger stored before deductions kept their line. */
char *report_rule_line(const methodology *mt, const ledger_deduction *d);
/* The same for any rule call: file is an index into mt->files (-1: NULL). */
char *report_rule_at(const methodology *mt, int file, int line);

/* Points an office can win back: the points of the deductions it leads
** among items[first..end), each counted once. Every deduction has exactly
** one lead, so the offices' points add up to the unit's lost points. */
pts_t report_office_points(const task_item *items, int first, int end);

/* Every task of a unit (office_filter NULL for all), grouped by office in
** office order, lead tasks first, then by points, largest first. A
** deduction's first task is its lead's; one without tasks is led by the
** criterion's owner. Free *items with free(). */
int report_collect_tasks(const methodology *mt, const unit_result *r, const char *office_filter,
                         task_item **items);

/* totals[i] := r's PAR index with the deduction behind items[i] removed and
** re-totalled (plan.h): what doing that task alone gives. */
void report_task_gains(const methodology *mt, const unit_result *r, const task_item *items, int n, pts_t *totals);

/* Text columns (out_text.c): display width of UTF-8 text (combining marks
** take none), left- and right-aligned padding to w columns. */
int out_width(const char *s);
void out_pad(FILE *f, const char *s, int w);
void out_rpad(FILE *f, const char *s, int w);

/* CSV (out_csv.c): UTF-8 with a byte order mark so that Excel reads
** Vietnamese correctly; fields quoted when needed; rows end in CRLF. */
void csv_bom(FILE *f);
/* From now on write CSV for Excel with Vietnamese regional settings: ';'
** between fields, decimal commas, headers in lang (csv_header). */
void csv_excel(report_lang lang);
/* A header row: the machine names, or with csv_excel the titles in its
** language (NULL-ended lists of the same length). */
void csv_header(FILE *f, const char *const *machine, const char *const *vi, const char *const *en);
/* The decimal separator of the CSV being written ('.', or ',' with csv_excel). */
char csv_decimal(void);
/* true/false (with csv_excel: có/không, yes/no). */
void csv_bool(FILE *f, int v, int last);
/* n empty fields. */
void csv_empty(FILE *f, int n, int last);
void csv_field(FILE *f, const char *s, int last);
void csv_pts(FILE *f, pts_t v, int last);
void csv_int(FILE *f, long long v, int last);
void out_tasks_csv(FILE *f, const methodology *mt, const unit_result *r, const char *office);
/* The form of facts (out_fact_form.c): the importer's columns unit, year,
** key, value, type, source, note, then description, measure, min, max,
** required, office, evidence and a list's fields. */
void out_fact_form_csv(FILE *f, const fact_form *form);
/* The same as an XLSX workbook at path (out_fact_form_xlsx.c): sheet "Dữ
** kiện", one row per fact with typed cells (a form of many units: one row
** per unit and one column per fact, the catalogue on "Danh mục"), and one
** sheet per list with a column per record field. 0, or -1 with a message
** in err. */
int out_fact_form_xlsx(const char *path, const fact_form *form, char *err, size_t errlen);

/* rank, compare, tasks and explain as XLSX workbooks at path
** (out_results_xlsx.c): numbers as numbers, headers in lang, the header row
** frozen; tasks one sheet per office. 0, or -1 with a message in err. */
int out_rank_xlsx(const char *path, const standing *st, int n, int year, report_lang lang, char *err, size_t errlen);
/* rank of several kinds: one sheet per kind ("2022 district"), in order. */
typedef struct { const char *kind; const standing *st; int n; } rank_table;
int out_rank_xlsx_tables(const char *path, const rank_table *t, int nt, int year, report_lang lang, char *err,
                         size_t errlen);
int out_compare_xlsx(const char *path, const comparison *c, report_lang lang, char *err, size_t errlen);
int out_tasks_xlsx(const char *path, const methodology *mt, const unit_result *u, const char *office, report_lang lang,
                   char *err, size_t errlen);
int out_explain_xlsx(const char *path, const methodology *mt, const unit_result *u, const char *crit, report_lang lang,
                     char *err, size_t errlen);

/* rank and compare (out_rank_compare.c) */
const char *out_signed(char *buf, pts_t v, report_lang lang);   /* buf: PTS_FMT_MAX+1; "+2,37" */
const char *out_illustrative_note(report_lang lang);
void out_rank_text(FILE *f, const methodology *mt, const standing *st, int n, int year, report_lang lang);
void out_rank_json(FILE *f, const methodology *mt, const standing *st, int n, int year);
/* header: write the byte order mark and the header first (the first of several kinds' tables). */
void out_rank_csv(FILE *f, const standing *st, int n, int year, int header);
void out_compare_text(FILE *f, const comparison *c, report_lang lang);
void out_compare_json(FILE *f, const comparison *c);
void out_compare_csv(FILE *f, const comparison *c);

/* plan (out_plan.c): one unit before and after (the what-if of --set or
** --facts; the target's choice of tasks), or one office's lead tasks. */
typedef struct {
  const methodology *mt;
  const unit_result *before;            /* the unit as scored now */
  const unit_result *after;             /* with the facts changed, or NULL */
  const unit_result *base;              /* what the choice's deductions index: after or before */
  int units, rank, rank_what_if, rank_after;
  const char *band, *band_what_if, *band_after;
  const char *target_kind, *target_text; /* "rank", "index", "band"; as given; NULL without a target */
  pts_t target;                         /* the total the target needs */
  const plan_choice *choice;            /* NULL without a target */
  int effort;                           /* the rulebook gives effort weights */
  int64_t from_run;                     /* the others' totals came from this stored run (0: scored now) */
  /* without a target: each of base's deductions done alone, by what it gives back */
  const int *alone; int nalone;         /* deduction indexes, best first */
  const pts_t *alone_total;             /* [deduction]: the total with it done */
  const int *alone_rank;                /* [deduction]: the rank with it done */
} plan_view;
void out_plan_text(FILE *f, const plan_view *v, report_lang lang);
void out_plan_json(FILE *f, const plan_view *v);
void out_plan_csv(FILE *f, const plan_view *v);
/* format: "text", "json" or "csv". */
void out_plan_office(FILE *f, const methodology *mt, const plan_office *o, const char *office, int year,
                     const char *format, report_lang lang);

void out_score_text(FILE *f, const methodology *mt, const engine_results *res, report_lang lang);
void out_explain_text(FILE *f, const methodology *mt, const unit_result *r, const char *crit, report_lang lang);
void out_tasks_text(FILE *f, const methodology *mt, const unit_result *r, const char *office, report_lang lang);

void out_score_json(FILE *f, const methodology *mt, const engine_results *res, int single);
/* The same text as out_score_json for several units, streamed: each unit
** is written to a scratch file with out_score_json_unit (first: 1 for the
** first unit), then out_score_json_units wraps the scratch file into f. */
void out_score_json_unit(FILE *f, const methodology *mt, const unit_result *r, int first);
int out_score_json_units(FILE *f, int year, const char *kind, int64_t run_id, FILE *units);
/* A deduction as explain --format json shows it (points, why, at, facts, tasks); the caller owns it. */
struct cJSON *out_json_deduction(const methodology *mt, const ledger_deduction *d);
/* reconcile (out_reconcile.c): each criterion's self-assessed and appraised
** points, their difference and the deductions and facts behind it. */
void out_reconcile_text(FILE *f, const reconciliation *rc, report_lang lang);
void out_reconcile_json(FILE *f, const reconciliation *rc);
/* The evidence documents a self-assessment cites (its JSON array text) as
** one line: "document (number, date, issuer); document". Nothing for NULL. */
void out_reconcile_evidence(FILE *f, const char *json);
/* The same as an XLSX workbook at path (out_reconcile_xlsx.c): a row per
** criterion with max, self, appraised and difference as numbers, the
** deductions, facts, the unit's evidence and explanation as text, and a
** totals row of formulas (with their values) equal to the JSON's totals.
** 0, or -1 with a message in err. */
int out_reconcile_xlsx(const char *path, const reconciliation *rc, report_lang lang, char *err, size_t errlen);
/* A text as a JSON string (quoted, escaped). */
void out_json_string(FILE *f, const char *s);
void out_explain_json(FILE *f, const methodology *mt, const unit_result *r, const char *crit);
void out_tasks_json(FILE *f, const methodology *mt, const unit_result *r, const char *office);

#endif
