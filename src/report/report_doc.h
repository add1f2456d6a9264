/*
** report_doc.h -- the written report of one unit and year (the structure of
** a district's "Báo cáo phân tích Chỉ số CCHC"), built only from results:
** the comparison with the previous year, both years' standings and the
** ledger. report_doc.c writes the body once through a report_writer;
** report_md.c, report_html.c and report_docx.c (Word, through pandoc) are the writers.
**
** Ownership: a report_doc points into results owned by the caller.
*/
#ifndef PARINDEX_REPORT_DOC_H
#define PARINDEX_REPORT_DOC_H

#include <stdio.h>

#include "province.h"
#include "report.h"
#include "report_drafting.h"
#include "report_settings.h"

typedef struct {
  report_lang lang;
  const comparison *cmp;               /* previous year -> the report's year; in the first
                                          year, the year compared with itself (first_year) */
  const standing *st_from; int n_from; /* standings of both years */
  const standing *st_to; int n_to;
  int first_year;                      /* no earlier year: sections speak of one year */
  int no_ranking;                      /* leave the other units' ranking out */
  const doc_settings *settings;        /* the unit's document settings (may be empty) */
  const doc_published *pub_from, *pub_to; /* published results of both years (may be empty) */
  const doc_drafting *drafting;        /* the drafting officer's paragraphs, or NULL */
  const reconciliation *recon;         /* report --reconcile: part III, self against appraised; or NULL */
  int district_appraised;              /* appraised by the level between (its parent has a parent: a district
                                          scoring its communes): "Điểm thẩm định cấp huyện", else "Điểm HĐTĐ cấp tỉnh" */
} report_doc;

/* The document frame of Nghị định 30/2020/NĐ-CP, every field resolved:
** a field the settings leave out is a blank ("…") to fill in. */
typedef struct {
  const char *parent_body;             /* NULL when there is none */
  const char *const *body; int nbody;  /* the issuing body, line by line */
  const char *number;                  /* "Số: …/BC-UBND" */
  const char *nation, *motto;          /* national title and motto */
  const char *place_date;              /* "Mường Tè, ngày … tháng … năm …" */
  const char *kind;                    /* "BÁO CÁO"; NULL for a letter (công văn) */
  const char *subject;                 /* the subject below it (a report) */
  const char *about;                   /* a letter's "V/v …" below the number, or NULL */
  const char *to;                      /* a letter's "Kính gửi: …", or NULL */
  const char *recipients_label;        /* "Nơi nhận:" */
  const char *const *recipients; int nrecipients;
  const char *authority, *deputy, *title;   /* deputy may be NULL */
  const char *sign_hint;               /* "(Ký, ghi rõ họ tên, đóng dấu)" */
  const char *signer;                  /* the name, or a blank */
} doc_frame;

/* One row of the ranking (I.1's table or chart): the decision's rows when
** it published other units' results, else the standings computed among the
** units with facts. total -1: not published. */
typedef struct { int rank; const char *name; pts_t total; const char *band; int me, illustrative; } doc_rank_row;

enum { CHART_COMPONENTS, CHART_RANKING };
enum { ALIGN_LEFT = 0, ALIGN_RIGHT = 1 };

typedef struct report_writer report_writer;
struct report_writer {
  FILE *f;
  const report_doc *doc;
  int list_depth;                      /* open list levels (writers keep it) */
  const int *pandoc_api;               /* the Word writer: pandoc-api-version, 4 numbers */
  void *state;                         /* a writer's own, from begin to end (the Word writer's tree) */
  /* the ranking of the document's year, made once for the document (the
  ** strings stay doc's); ranking_decision: the decision's number ("" without
  ** one) when the rows are as published, else NULL */
  const doc_rank_row *ranking; int nranking;
  const char *ranking_decision;
  void (*begin)(report_writer *w, const char *title);
  void (*end)(report_writer *w);
  /* the document's heading (body and number, national title, place and
  ** date, kind and subject) and its end (recipients and signature) */
  void (*head)(report_writer *w, const doc_frame *fr);
  void (*sign)(report_writer *w, const doc_frame *fr);
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
/* Write the assignment letter (công văn) of office through w: its lead and
** supporting tasks for the next year, with the criterion and the points
** at stake. 0, or -1 when the report year's rulebook does not know office. */
int report_letter_write(report_writer *w, const report_doc *d, const char *office);

/* The writers: fill w for file f. The DOCX writer writes the Markdown
** that pandoc turns into the Word document (report_docx.c): the frame as
** raw OpenXML tables without borders, everything else as Markdown. */
void report_md_writer(report_writer *w, FILE *f);
void report_html_writer(report_writer *w, FILE *f);
/* The Word writer: pandoc's document model as JSON (pandoc-api-version api,
** as the pandoc that converts it writes it), for `pandoc -f json -t docx`
** with the reference document; written to f when the document ends. api
** stays the caller's and must live until then. */
void report_docx_writer(report_writer *w, FILE *f, const int api[4]);


#endif
