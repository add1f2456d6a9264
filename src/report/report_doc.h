/*
** report_doc.h -- the written report of one unit and year (the structure of
** a district's "Báo cáo phân tích Chỉ số CCHC"), built only from results:
** the comparison with the previous year, both years' standings and the
** ledger. report_doc.c writes the body once through a report_writer;
** report_md.c and report_html.c are the two writers.
**
** Ownership: a report_doc points into results owned by the caller.
*/
#ifndef PARINDEX_REPORT_DOC_H
#define PARINDEX_REPORT_DOC_H

#include <stdio.h>

#include "province.h"
#include "report.h"

typedef struct {
  report_lang lang;
  const comparison *cmp;               /* previous year -> the report's year */
  const standing *st_from; int n_from; /* standings of both years */
  const standing *st_to; int n_to;
  /* the decisions that published each year's results (publish), or NULL: scored now */
  const char *decision_from, *decision_from_date, *decision_to, *decision_to_date;
} report_doc;

enum { CHART_COMPONENTS, CHART_RANKING };
enum { ALIGN_LEFT = 0, ALIGN_RIGHT = 1 };

typedef struct report_writer report_writer;
struct report_writer {
  FILE *f;
  const report_doc *doc;
  int list_depth;                      /* open list levels (writers keep it) */
  void (*begin)(report_writer *w, const char *title, const char *subtitle);
  void (*end)(report_writer *w);
  void (*heading)(report_writer *w, int level, const char *text);
  /* a paragraph; lead (may be NULL) is shown in bold before text */
  void (*para)(report_writer *w, const char *lead, const char *text);
  /* a list item at depth 1 or 2; consecutive items form one list */
  void (*item)(report_writer *w, int depth, const char *lead, const char *text);
  /* header row then rows, row-major: cells[r * ncols + c]; align per column */
  void (*table)(report_writer *w, const char *caption, int ncols, int nrows, const char *const *cells,
                const int *align);
  void (*chart)(report_writer *w, int which, const char *caption);
  void (*footnote)(report_writer *w, const char *text);
};

/* Write the whole report through w. */
void report_write(report_writer *w, const report_doc *d);

/* The writers: fill w for file f. */
void report_md_writer(report_writer *w, FILE *f);
void report_html_writer(report_writer *w, FILE *f);


#endif
