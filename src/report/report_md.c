/*
** report_md.c -- the report writer for Markdown (CommonMark with pipe tables).
*/
#include <string.h>

#include "report_doc.h"

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

static void md_begin(report_writer *w, const char *title, const char *subtitle) {
  fprintf(w->f, "# %s\n\n_%s_\n\n", title, subtitle);
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
      for (int c = 0; c < ncols; c++) fputs(align[c] == ALIGN_RIGHT ? " ---: |" : " --- |", w->f);
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
  fprintf(w->f, "**%s**\n\n| %s | %s | PAR INDEX | %s |\n| ---: | --- | ---: | --- |\n", caption,
          vi ? "Hạng" : "Rank", vi ? "Đơn vị" : "Unit", vi ? "Xếp loại" : "Band");
  for (int i = 0; i < d->n_to; i++) {
    const standing *s = &d->st_to[i];
    char buf[PTS_FMT_MAX];
    int me = !strcmp(s->r->unit.id, d->cmp->to->unit.id);
    fprintf(w->f, "| %d | %s", s->rank, me ? "**" : "");
    cell(w->f, s->r->unit.name);
    fprintf(w->f, "%s%s | %s | %s |\n", me ? "**" : "", s->r->illustrative ? " (*)" : "",
            pts_format(buf, s->r->total, vi ? ',' : '.', 1), s->band ? s->band : "");
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
  w->begin = md_begin; w->end = md_end; w->heading = md_heading; w->para = md_para; w->item = md_item;
  w->table = md_table; w->chart = md_chart; w->footnote = md_footnote;
}
