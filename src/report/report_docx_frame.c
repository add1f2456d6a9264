/*
** report_docx_frame.c -- the frame of Nghị định 30 in a Word document, as
** OpenXML: what pandoc's document model cannot say (two borderless
** columns: the issuing body and number beside the national title; the
** recipients beside the signature). report_docx.c passes it to pandoc as
** raw OpenXML blocks, pandoc's documented way to do so.
*/
#include "report_doc_int.h"

#define x_esc rd_xml_esc

enum { B = 1, I = 2, U = 4 };

/* One centred (or left) paragraph of one run; size in half-points. */
static void x_para(FILE *f, const char *text, int style, int size, int left) {
  fprintf(f, "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
             "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"%s\"/></w:pPr><w:r><w:rPr>%s%s%s<w:sz w:val=\"%d\"/>"
             "<w:szCs w:val=\"%d\"/></w:rPr><w:t xml:space=\"preserve\">",
          left ? "left" : "center", style & B ? "<w:b/>" : "", style & I ? "<w:i/>" : "",
          style & U ? "<w:u w:val=\"single\"/>" : "", size, size);
  x_esc(f, text);
  fputs("</w:t></w:r></w:p>\n", f);
}

/* A table of two borderless columns (widths in twentieths of a point;
** 165 mm of text width is 9355) */
static void x_table_open(FILE *f, int w1, int w2) {
  fprintf(f, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
             "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
             "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
             "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
             "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid>\n<w:tr>",
          w1 + w2, w1, w2);
}

static void x_cell(FILE *f, int w) {
  fprintf(f, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>\n", w);
}

void rd_docx_head_xml(FILE *f, const doc_frame *fr) {
  x_table_open(f, 3700, 5655);
  x_cell(f, 3700);
  if (fr->parent_body) x_para(f, fr->parent_body, 0, 26, 0);
  for (int i = 0; i < fr->nbody; i++) x_para(f, fr->body[i], B | (i == fr->nbody - 1 ? U : 0), 26, 0);
  x_para(f, fr->number, 0, 26, 0);
  if (fr->about) x_para(f, fr->about, 0, 24, 0);
  fputs("</w:tc>", f);
  x_cell(f, 5655);
  x_para(f, fr->nation, B, 26, 0);
  x_para(f, fr->motto, B | U, 28, 0);
  x_para(f, fr->place_date, I, 28, 0);
  fputs("</w:tc></w:tr></w:tbl>\n", f);
  x_para(f, "", 0, 28, 0);
  if (fr->kind) {
    x_para(f, fr->kind, B, 28, 0);
    x_para(f, fr->subject, B, 28, 0);
  }
  if (fr->to) x_para(f, fr->to, 0, 28, 0);
  x_para(f, "", 0, 28, 0);
}

void rd_docx_sign_xml(FILE *f, const doc_frame *fr) {
  x_table_open(f, 4300, 5055);
  x_cell(f, 4300);
  x_para(f, fr->recipients_label, B | I, 24, 1);
  for (int i = 0; i < fr->nrecipients; i++) {
    fputs("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/></w:pPr>"
          "<w:r><w:rPr><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr><w:t xml:space=\"preserve\">- ", f);
    x_esc(f, fr->recipients[i]);
    fputs("</w:t></w:r></w:p>\n", f);
  }
  fputs("</w:tc>", f);
  x_cell(f, 5055);
  if (fr->authority) x_para(f, fr->authority, B, 28, 0);
  if (fr->deputy) x_para(f, fr->deputy, B, 28, 0);
  x_para(f, fr->title, B, 28, 0);
  x_para(f, fr->sign_hint, I, 24, 0);
  for (int i = 0; i < 4; i++) x_para(f, "", 0, 28, 0);
  x_para(f, fr->signer, B, 28, 0);
  fputs("</w:tc></w:tr></w:tbl>", f);
}

