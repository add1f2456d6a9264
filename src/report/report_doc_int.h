/*
** report_doc_int.h -- what the files of the written report share (not a
** public header): the context of one report, its strings and how figures
** are written in it. report_text.c implements the helpers.
**
** Ownership: every string made with rd_str lives in the context's strs
** until report_write returns.
*/
#ifndef PARINDEX_REPORT_DOC_INT_H
#define PARINDEX_REPORT_DOC_INT_H

#include "report_doc.h"

typedef struct { char **v; int n, cap; } strs;   /* the strings of one report */

typedef struct {
  report_writer *w;
  const report_doc *d;
  const comparison *c;
  const methodology *mt;                 /* the report year's methodology */
  const unit_result *r;
  const char *name;                      /* the unit in running text: "huyện Mường Tè" */
  int vi, first_year;
  report_lang lang;
  int rank_to, units_to, rank_from, units_from;   /* 0 when unknown */
  const published_result *pub_prev;      /* first year: the year before as published, or NULL */
  const char *letter_to;                 /* an assignment letter: the office's name; NULL for the report */
  strs ss;
} rd_ctx;

#define L(vi_text, en_text) (x->vi ? (vi_text) : (en_text))

/* x for one document of d through w: names, ranks (as published, else
** computed among the units with facts), the ranking (w->ranking). */
void rd_ctx_init(rd_ctx *x, report_writer *w, const report_doc *d);
/* What rd_ctx_init and the document made: its strings and the ranking. */
void rd_ctx_free(rd_ctx *x);


/* A formatted string owned by ss. */
const char *rd_str(strs *ss, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
void rd_strs_free(strs *ss);
/* Points with two decimals and the report's decimal mark: "7,07". */
const char *rd_pts(rd_ctx *x, pts_t v);
/* A change with its sign, the one minus sign of the report (U+2212): "+2,37", "−4,32". */
const char *rd_signed(rd_ctx *x, pts_t v);
/* The unit's name as running text writes it: "Huyện Mường Tè" -> "huyện Mường Tè". */
const char *rd_running_name(strs *ss, const char *name);
/* "ngày 24/5/2023" style date from YYYY-MM-DD (day and month without leading zeros); "24 May 2023" in English. */
const char *rd_date(rd_ctx *x, const char *iso);
/* The date of a document as Nghị định 30/2020/NĐ-CP writes it: "ngày 01 tháng 6 năm 2023", "ngày 05 tháng 02
** năm 2023" (a day below 10 and the months 1 and 2 with a leading 0); "1 June 2023" in English; blanks when
** iso is NULL. */
const char *rd_date_long(rd_ctx *x, const char *iso);

/* Part `number` ("III"): the self-assessment beside the appraisal
** (report_reconcile.c), when x->d->recon is set; nothing otherwise. */
void rd_reconcile(rd_ctx *x, const char *number);

/* The drafting officer's paragraphs for place (DRAFT_*), if any. */
void rd_drafted(rd_ctx *x, int place);

/* Text as XML/HTML character data: < > & " escaped. */
void rd_xml_esc(FILE *f, const char *s);

/* The document frame (report_frame.c): the heading of the document, the
** opening paragraph citing the published decision, the closing sentence,
** the note on reconstructed and illustrative values, the signature. */
void rd_frame_head(rd_ctx *x, const char *subject);
void rd_opening(rd_ctx *x);
void rd_frame_end(rd_ctx *x, const char *subject);
/* A letter's end: recipients (the office first) and signature. */
void rd_letter_end(rd_ctx *x, const char *subject);

/* The narrative (report_narrative.c): what went well in a component, the
** statements that compare components (highest, lowest, largest fall). */
const char *rd_component_standing(rd_ctx *x, const cmp_component *k);
/* The criteria of component ci at full points, as a sentence (starting with
** a capital when capital); "" when none or all are. */
const char *rd_full_points(rd_ctx *x, int ci, int capital);
/* What went well in component ci: the statements its rules made from the
** facts (u.achieved, in the ledger), then its criteria at full points; ""
** when there is neither. */
const char *rd_went_well(rd_ctx *x, int ci);

/* The unit's bonus and penalty points (report_extras.c): a sentence and a
** table of every line; nothing when it has none. */
void rd_extras(rd_ctx *x);

/* The dashes under column c of a pipe table (report_md.c): as wide as the
** column's longest body cell (up to 45) or its header's longest word, plus
** 4 for the cell's padding in Word. pandoc sizes a Word table's columns
** from them; the Word writer (report_docx.c) gives pandoc the same widths. */
int rd_table_dashes(int ncols, int nrows, const char *const *cells, int c);

/* The frame of Nghị định 30 as OpenXML (report_docx_frame.c): the heading
** (issuing body and number beside the national title, kind and subject) and
** the end (recipients beside the signature). */
void rd_docx_head_xml(FILE *f, const doc_frame *fr);
void rd_docx_sign_xml(FILE *f, const doc_frame *fr);

#endif
