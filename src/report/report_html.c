/*
** report_html.c -- the report writer for HTML: one self-contained file
** (inline CSS, inline SVG charts, no external URL) that prints on A4.
*/
#include <string.h>

#include "report_doc_int.h"

#define esc rd_xml_esc

static void close_lists(report_writer *w, int to) {
  while (w->list_depth > to) {
    fputs("</li></ul>\n", w->f);
    w->list_depth--;
  }
}

static const char *const CSS =
  /* Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top and bottom 20-25 mm, left 30-35 mm,
  ** right 15-20 mm; body 13-14 pt Times New Roman; page numbers centred at the top from page 2 */
  "@page{size:A4;margin:20mm 15mm 20mm 30mm;@top-center{content:counter(page);font:13pt 'Times New Roman',serif}}"
  "@page:first{@top-center{content:none}}"
  "*{box-sizing:border-box}"
  "body{font-family:'Times New Roman','Liberation Serif','DejaVu Serif',serif;font-size:14pt;line-height:1.35;"
  "color:#111;max-width:165mm;margin:0 auto;padding:8mm 0;background:#fff}"
  "h1{font-size:16pt;text-align:center;text-transform:uppercase;margin:0 0 4mm}"
  "h2{font-size:14pt;margin:7mm 0 3mm;text-transform:uppercase}"
  "h3{font-size:14pt;margin:5mm 0 2mm}h4{font-size:14pt;margin:4mm 0 2mm;font-style:italic}"
  "h5{font-size:14pt;margin:4mm 0 1.5mm}"
  "h1,h2,h3,h4,h5{break-after:avoid;page-break-after:avoid}"
  "p{margin:1.5mm 0;text-align:justify}ul{margin:1mm 0 2mm;padding-left:6mm}li{margin:.6mm 0}"
  ".sub{text-align:center;font-style:italic;color:#444;font-size:11pt;margin-bottom:6mm}"
  "table{border-collapse:collapse;width:100%;margin:2mm 0 3mm;font-size:12pt;break-inside:avoid;page-break-inside:avoid}"
  "caption{font-weight:bold;text-align:left;padding:1mm 0}"
  "th,td{border:1px solid #555;padding:1mm 1.6mm;vertical-align:top}th{background:#e8eef5}"
  "td.r{text-align:right;white-space:nowrap}th{font-size:12pt}td:nth-child(2):not(.r){width:45%}"
  "figure{margin:3mm 0;break-inside:avoid;page-break-inside:avoid}"
  "figcaption{font-weight:bold;font-size:11pt;margin-bottom:1mm}svg{width:100%;height:auto;display:block}"
  ".note{font-size:12pt;color:#333;font-style:italic}"
  "table.nd30{border:0;margin:0 0 4mm;font-size:13pt;break-inside:avoid}table.nd30 td{border:0;text-align:center;"
  "padding:0 1mm;width:50%}table.nd30 td.l{width:40%}table.nd30 td.rt{width:60%}"
  ".nd30 .u{text-decoration:underline}.kind{font-size:14pt;font-weight:bold;text-align:center;margin:6mm 0 0}"
  ".about{font-size:12pt}.subject{font-weight:bold;text-align:center;margin:0 12mm 6mm}"
  "table.sign td{vertical-align:top;font-size:14pt}table.sign td.rec{text-align:left;font-size:11pt}"
  "table.sign td.rec b{font-size:12pt;font-style:italic}.hint{font-style:italic;font-size:12pt}.signer{margin-top:22mm}"
  "@media print{body{padding:0;max-width:none}}";

static void h_begin(report_writer *w, const char *title) {
  fprintf(w->f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
          w->doc->lang == LANG_VI ? "vi" : "en");
  esc(w->f, title);
  fprintf(w->f, "</title>\n<style>%s</style>\n</head>\n<body>\n", CSS);
}

/* Nghị định 30: the issuing body (bold, the last line underlined) and the
** number on the left; the national title and motto (underlined), then
** place and date (italic) on the right; then the kind and the subject. */
static void h_head(report_writer *w, const doc_frame *fr) {
  FILE *f = w->f;
  fputs("<table class=\"nd30\"><tr><td class=\"l\">", f);
  if (fr->parent_body) { esc(f, fr->parent_body); fputs("<br>", f); }
  for (int i = 0; i < fr->nbody; i++) {
    fputs(i == fr->nbody - 1 ? "<b class=\"u\">" : "<b>", f);
    esc(f, fr->body[i]);
    fputs("</b><br>", f);
  }
  fputs("</td><td class=\"rt\"><b>", f);
  esc(f, fr->nation);
  fputs("</b><br><b class=\"u\">", f);
  esc(f, fr->motto);
  fputs("</b></td></tr>\n<tr><td class=\"l\">", f);
  esc(f, fr->number);
  if (fr->about) { fputs("<br><span class=\"about\">", f); esc(f, fr->about); fputs("</span>", f); }
  fputs("</td><td class=\"rt\"><i>", f);
  esc(f, fr->place_date);
  fputs("</i></td></tr></table>\n", f);
  if (fr->kind) {
    fputs("<p class=\"kind\">", f);
    esc(f, fr->kind);
    fputs("</p>\n<p class=\"subject\">", f);
    esc(f, fr->subject);
    fputs("</p>\n", f);
  }
  if (fr->to) { fputs("<p class=\"kind\">", f); esc(f, fr->to); fputs("</p>\n", f); }
}

static void h_sign(report_writer *w, const doc_frame *fr) {
  FILE *f = w->f;
  close_lists(w, 0);
  fputs("<table class=\"nd30 sign\"><tr><td class=\"rec\"><b>", f);
  esc(f, fr->recipients_label);
  fputs("</b>", f);
  for (int i = 0; i < fr->nrecipients; i++) { fputs("<br>- ", f); esc(f, fr->recipients[i]); }
  fputs("</td><td>", f);
  if (fr->authority) { fputs("<b>", f); esc(f, fr->authority); fputs("</b><br>", f); }
  if (fr->deputy) { fputs("<b>", f); esc(f, fr->deputy); fputs("</b><br>", f); }
  fputs("<b>", f);
  esc(f, fr->title);
  fputs("</b><br><span class=\"hint\">", f);
  esc(f, fr->sign_hint);
  fputs("</span><p class=\"signer\"><b>", f);
  esc(f, fr->signer);
  fputs("</b></p></td></tr></table>\n", f);
}

static void h_end(report_writer *w) {
  close_lists(w, 0);
  fputs("</body>\n</html>\n", w->f);
}

static void h_heading(report_writer *w, int level, const char *text) {
  close_lists(w, 0);
  fprintf(w->f, "<h%d>", level);
  esc(w->f, text);
  fprintf(w->f, "</h%d>\n", level);
}

static void h_para(report_writer *w, const char *lead, const char *text) {
  close_lists(w, 0);
  fputs("<p>", w->f);
  if (lead) { fputs("<b>", w->f); esc(w->f, lead); fputs("</b> ", w->f); }
  esc(w->f, text);
  fputs("</p>\n", w->f);
}

static void h_item(report_writer *w, int depth, const char *lead, const char *text) {
  if (depth > w->list_depth) {
    while (w->list_depth < depth) { fputs("<ul>", w->f); w->list_depth++; }
  } else {
    close_lists(w, depth);
    fputs("</li>", w->f);
  }
  fputs("<li>", w->f);
  if (lead) { fputs("<b>", w->f); esc(w->f, lead); fputs("</b> ", w->f); }
  esc(w->f, text);
  fputc('\n', w->f);
}

static void h_table(report_writer *w, const char *caption, int ncols, int nrows, const char *const *cells,
                    const int *align) {
  close_lists(w, 0);
  fputs("<table>", w->f);
  if (caption) { fputs("<caption>", w->f); esc(w->f, caption); fputs("</caption>", w->f); }
  fputc('\n', w->f);
  for (int r = 0; r < nrows; r++) {
    fputs("<tr>", w->f);
    for (int c = 0; c < ncols; c++) {
      const char *tag = r ? "td" : "th";
      fprintf(w->f, "<%s%s>", tag, align[c] == ALIGN_RIGHT ? " class=\"r\"" : "");
      esc(w->f, cells[r * ncols + c]);
      fprintf(w->f, "</%s>", tag);
    }
    fputs("</tr>\n", w->f);
  }
  fputs("</table>\n", w->f);
}

static const char *num(char *buf, pts_t v, const report_doc *d) {
  return pts_format(buf, v, d->lang == LANG_VI ? ',' : '.', 1);
}

#define C_FROM "#9db9d8"
#define C_TO "#1f5f99"
#define C_ME "#c0392b"
#define C_OTHER "#8a9aa9"

/* Grouped bars: each component's percentage in both years. */
static void chart_components(report_writer *w, const comparison *c) {
  FILE *f = w->f;
  char b[PTS_FMT_MAX];
  const int W = 680, H = 300, left = 40, right = 10, top = 28, bottom = 36;
  const double ph = H - top - bottom, gw = (double)(W - left - right) / (c->ncomps ? c->ncomps : 1);
  fprintf(f, "<svg viewBox=\"0 0 %d %d\" role=\"img\" "
             "font-family=\"'Liberation Sans','DejaVu Sans',Arial,sans-serif\" font-size=\"11\">\n", W, H);
  for (int g = 0; g <= 100; g += 25) {
    double y = top + ph - ph * g / 100.0;
    fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\"/>"
               "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444\">%d%%</text>\n",
            left, y, W - right, y, left - 4, y + 4, g);
  }
  for (int i = 0; i < c->ncomps; i++) {
    const cmp_component *k = &c->comps[i];
    double x0 = left + gw * i, bw = gw * 0.34;
    const struct { int has; pts_t pct; const char *color; double x; } bars[2] = {
      {k->in_from, k->from_pct, C_FROM, x0 + gw * 0.14}, {k->in_to, k->to_pct, C_TO, x0 + gw * 0.52}};
    for (int j = 0; j < 2; j++) {
      if (!bars[j].has) continue;
      double h = ph * (double)bars[j].pct / 10000.0, y = top + ph - h;
      fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>"
                 "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"9\" fill=\"#222\">%s</text>\n",
              bars[j].x, y, bw, h, bars[j].color, bars[j].x + bw / 2, y - 3, num(b, bars[j].pct, w->doc));
    }
    fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n",
            x0 + gw / 2, H - bottom + 16, k->id);
  }
  fprintf(f, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"17\">%d</text>"
             "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"17\">%d</text>\n",
          left, C_FROM, left + 16, c->from_year, left + 70, C_TO, left + 86, c->to_year);
  fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#444\">%s</text>\n", W - right, H - 4,
          w->doc->lang == LANG_VI ? "Lĩnh vực (chỉ số thành phần)" : "Component");
  fputs("</svg>\n", f);
}

/* Horizontal bars: every unit's PAR index, the report's unit highlighted,
** the rulebook's band thresholds as dashed lines. */
static void chart_ranking(report_writer *w, const report_doc *d) {
  FILE *f = w->f;
  char b[PTS_FMT_MAX];
  const methodology *mt = d->cmp->mt_to;
  const int W = 680, row = 26, top = 34, left = 200, right = 60;
  const int n = w->nranking, H = top + row * n + 10;
  const double scale = (double)(W - left - right) / (double)(mt->total > 0 ? mt->total : 1);
  fprintf(f, "<svg viewBox=\"0 0 %d %d\" role=\"img\" "
             "font-family=\"'Liberation Sans','DejaVu Sans',Arial,sans-serif\" font-size=\"11\">\n", W, H);
  for (int i = 0; i < mt->nbands; i++) {
    double x = left + scale * (double)mt->bands[i].min;
    fprintf(f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"3,3\"/>"
               "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" fill=\"#555\">",
            x, top - 6, x, H - 6, x + 2, i % 2 ? top - 9 : top - 20);
    esc(f, mt->bands[i].name);
    fprintf(f, " ≥ %s</text>\n", pts_format(b, mt->bands[i].min, d->lang == LANG_VI ? ',' : '.', 0));
  }
  for (int i = 0; i < n; i++) {
    const doc_rank_row *r = &w->ranking[i];
    double y = top + row * i, len = r->total >= 0 ? scale * (double)r->total : 0;
    if (len > W - left - right) len = W - left - right;   /* a published total past the rulebook's maximum */
    fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\"%s>%d. ", left - 6, y + 16,
            r->me ? " font-weight=\"bold\"" : "", r->rank);
    esc(f, r->name);
    fprintf(f, "%s</text>", r->illustrative ? " (*)" : "");
    fprintf(f, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
               "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>\n",
            left, y + 4, len, row - 8, r->me ? C_ME : C_OTHER, left + len + 4, y + 16,
            r->me ? " font-weight=\"bold\"" : "", r->total >= 0 ? num(b, r->total, d) : "—");
  }
  fputs("</svg>\n", f);
}

static void h_chart(report_writer *w, int which, const char *caption) {
  close_lists(w, 0);
  fputs("<figure><figcaption>", w->f);
  esc(w->f, caption);
  fputs("</figcaption>\n", w->f);
  if (which == CHART_COMPONENTS) chart_components(w, w->doc->cmp);
  else chart_ranking(w, w->doc);
  fputs("</figure>\n", w->f);
}

static void h_footnote(report_writer *w, const char *text) {
  close_lists(w, 0);
  fputs("<p class=\"note\">", w->f);
  esc(w->f, text);
  fputs("</p>\n", w->f);
}

void report_html_writer(report_writer *w, FILE *f) {
  memset(w, 0, sizeof *w);
  w->f = f;
  w->begin = h_begin; w->end = h_end; w->head = h_head; w->sign = h_sign; w->heading = h_heading; w->para = h_para; w->item = h_item;
  w->table = h_table; w->chart = h_chart; w->footnote = h_footnote;
}
