/*
** report_md.c -- the report writer for Markdown (CommonMark with pipe tables).
*/
#include <string.h>

#include "report_doc_int.h"

static void close_list(report_writer *w) {
  if (w->list_depth) fputc('\n', w->f);
  w->list_depth = 0;
}

static void cell(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '|') fputc('\\', f);
    fputc(*s == '\n' ? ' ' : *s, f);
  }
}

/* The display width of the longest space-separated word of s. */
static int longest_word(const char *s) {
  int best = 0;
  char buf[256];
  while (*s) {
    size_t n = strcspn(s, " ");
    if (n && n < sizeof buf) {
      memcpy(buf, s, n);
      buf[n] = '\0';
      int wd = out_width(buf);
      if (wd > best) best = wd;
    }
    s += n;
    while (*s == ' ') s++;
  }
  return best;
}

int rd_table_dashes(int ncols, int nrows, const char *const *cells, int c) {
  int wd = 7;
  for (int k = 1; k < nrows; k++) {
    int cw = out_width(cells[k * ncols + c]);
    if (cw > wd) wd = cw;
  }
  if (wd > 45) wd = 45;
  int word = longest_word(cells[c]);
  if (word > wd) wd = word;
  return wd + 4;                 /* room for the cell's padding in Word */
}

static void md_begin(report_writer *w, const char *title) { (void)w; (void)title; }

/* The frame as two-column tables: Markdown has no other way to set text
** side by side. Lines of one cell are joined with <br>. */
static void md_head(report_writer *w, const doc_frame *fr) {
  FILE *f = w->f;
  fputs("| ", f);
  if (fr->parent_body) { cell(f, fr->parent_body); fputs("<br>", f); }
  for (int i = 0; i < fr->nbody; i++) {
    fputs(i ? "<br>**" : "**", f);
    cell(f, fr->body[i]);
    fputs("**", f);
  }
  fputs(" | **", f);
  cell(f, fr->nation);
  fputs("**<br>**", f);
  cell(f, fr->motto);
  fputs("** |\n| :---: | :---: |\n| ", f);
  cell(f, fr->number);
  if (fr->about) { fputs("<br>", f); cell(f, fr->about); }
  fputs(" | *", f);
  cell(f, fr->place_date);
  fputs("* |\n\n", f);
  if (fr->kind) fprintf(f, "# %s\n\n**%s**\n\n", fr->kind, fr->subject);
  if (fr->to) fprintf(f, "**%s**\n\n", fr->to);
}

static void md_sign(report_writer *w, const doc_frame *fr) {
  FILE *f = w->f;
  close_list(w);
  fputs("| **", f);
  cell(f, fr->recipients_label);
  fputs("** | ", f);
  if (fr->authority) { fputs("**", f); cell(f, fr->authority); fputs("**<br>", f); }
  if (fr->deputy) { fputs("**", f); cell(f, fr->deputy); fputs("**<br>", f); }
  fputs("**", f);
  cell(f, fr->title);
  fputs("** |\n| :--- | :---: |\n", f);
  for (int i = 0; i < fr->nrecipients || i < 2; i++) {
    fputs("| ", f);
    if (i < fr->nrecipients) { fputs("- ", f); cell(f, fr->recipients[i]); }
    fputs(" | ", f);
    if (i == 0) { fputc('*', f); cell(f, fr->sign_hint); fputc('*', f); }
    if (i == 1) { fputs("**", f); cell(f, fr->signer); fputs("**", f); }
    fputs(" |\n", f);
  }
  fputc('\n', f);
}

static void md_end(report_writer *w) { close_list(w); }

static void md_heading(report_writer *w, int level, const char *text) {
  close_list(w);
  for (int i = 0; i < level; i++) fputc('#', w->f);
  fprintf(w->f, " %s\n\n", text);
}

static void md_para(report_writer *w, const char *lead, const char *text) {
  close_list(w);
  if (lead) fprintf(w->f, "**%s** ", lead);
  fprintf(w->f, "%s\n\n", text);
}

static void md_item(report_writer *w, int depth, const char *lead, const char *text) {
  fprintf(w->f, "%s- ", depth > 1 ? "  " : "");
  if (lead) fprintf(w->f, "**%s** ", lead);
  fprintf(w->f, "%s\n", text);
  w->list_depth = depth;
}

static void md_table(report_writer *w, const char *caption, int ncols, int nrows, const char *const *cells,
                     const int *align) {
  close_list(w);
  if (caption) fprintf(w->f, "**%s**\n\n", caption);
  for (int r = 0; r < nrows; r++) {
    fputc('|', w->f);
    for (int c = 0; c < ncols; c++) { fputc(' ', w->f); cell(w->f, cells[r * ncols + c]); fputs(" |", w->f); }
    fputc('\n', w->f);
    if (r == 0) {
      fputc('|', w->f);
      for (int c = 0; c < ncols; c++) {
        int wd = rd_table_dashes(ncols, nrows, cells, c);
        fputc(' ', w->f);
        for (int i = 0; i < wd; i++) fputc('-', w->f);
        fputs(align[c] == ALIGN_RIGHT ? ": |" : " |", w->f);
      }
      fputc('\n', w->f);
    }
  }
  fputc('\n', w->f);
}

/* Markdown has no charts: the ranking is a table; the component chart's
** figures are already in the comparison tables. */
static void md_chart(report_writer *w, int which, const char *caption) {
  const report_doc *d = w->doc;
  int vi = d->lang == LANG_VI;
  if (which != CHART_RANKING) return;
  close_list(w);
  fprintf(w->f, "**%s**\n\n| %s | %s | PAR INDEX | %s |\n| ---: | ------------------------------ | ---: | --- |\n", caption,
          vi ? "Hạng" : "Rank", vi ? "Đơn vị" : "Unit", vi ? "Xếp loại" : "Band");
  for (int i = 0; i < w->nranking; i++) {
    const doc_rank_row *r = &w->ranking[i];
    char buf[PTS_FMT_MAX];
    fprintf(w->f, "| %d | %s", r->rank, r->me ? "**" : "");
    cell(w->f, r->name);
    fprintf(w->f, "%s%s | %s | %s |\n", r->me ? "**" : "", r->illustrative ? " (*)" : "",
            r->total >= 0 ? pts_format(buf, r->total, vi ? ',' : '.', 1) : "—", r->band ? r->band : "");
  }
  fputc('\n', w->f);
}

static void md_footnote(report_writer *w, const char *text) {
  close_list(w);
  fprintf(w->f, "<small>%s</small>\n\n", text);
}

void report_md_writer(report_writer *w, FILE *f) {
  memset(w, 0, sizeof *w);
  w->f = f;
  w->begin = md_begin; w->end = md_end; w->head = md_head; w->sign = md_sign; w->heading = md_heading; w->para = md_para; w->item = md_item;
  w->table = md_table; w->chart = md_chart; w->footnote = md_footnote;
}
