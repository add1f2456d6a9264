/*
** report_docx.c -- the report writer for Word: the document in pandoc's own
** document model (its JSON AST), which `pandoc -f json -t docx` turns into a
** .docx with the reference document data/documents/nd30-reference.docx
** (fonts, margins, page numbers; see README "Word documents"). The model is
** the one pandoc reads from the Markdown writer's text (report_md.c) -- the
** same headings, paragraphs with a bold lead, tight lists of two levels,
** tables whose column widths come from the pipe table's dashes, the notes
** in italics -- so the Word document is laid out as pandoc lays out that
** Markdown, but pandoc does not have to parse Markdown (most of its time),
** and every text stays exactly as written (no Markdown syntax to escape).
** The frame of Nghị định 30 is two borderless tables of raw OpenXML
** (report_docx_frame.c).
**
** Ownership: the tree lives in w->state from begin to end; end writes it
** to w->f and frees it. api (w->pandoc_api) is the caller's.
*/
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "report_doc_int.h"

#define PANDOC_COLUMNS 72        /* pandoc's --columns: a pipe table with a longer row gets relative widths */

typedef struct {
  cJSON *root, *blocks;
  cJSON *list;                   /* the open list's items, or NULL */
  cJSON *sublist;                /* the open second-level list's items, or NULL */
} docx_state;

static cJSON *need(cJSON *j) {
  if (!j) abort();
  return j;
}

/* {"t": t, "c": c}; c NULL: no content (Space). */
static cJSON *el(const char *t, cJSON *c) {
  cJSON *o = need(cJSON_CreateObject());
  cJSON_AddItemToObject(o, "t", need(cJSON_CreateString(t)));
  if (c) cJSON_AddItemToObject(o, "c", c);
  return o;
}

static cJSON *attr(void) {        /* ["", [], []] */
  cJSON *a = need(cJSON_CreateArray());
  cJSON_AddItemToArray(a, need(cJSON_CreateString("")));
  cJSON_AddItemToArray(a, need(cJSON_CreateArray()));
  cJSON_AddItemToArray(a, need(cJSON_CreateArray()));
  return a;
}

static cJSON *arr2(cJSON *a, cJSON *b) {
  cJSON *r = need(cJSON_CreateArray());
  cJSON_AddItemToArray(r, a);
  cJSON_AddItemToArray(r, b);
  return r;
}

/* s as Markdown text reads: white space runs as one space, none at either
** end. Returns a malloc'd string. */
static char *plain(const char *s) {
  char *t = malloc(strlen(s) + 1), *o = t;
  if (!t) abort();
  for (; *s; s++) {
    if (!strchr(" \t\r\n", *s)) *o++ = *s;
    else if (o > t && o[-1] != ' ') *o++ = ' ';
  }
  if (o > t && o[-1] == ' ') o--;
  *o = '\0';
  return t;
}

/* Append text to the inlines as one Str (pandoc's docx writer joins a
** Str-Space run into one run anyway); nothing when it is empty. */
static void add_text(cJSON *inl, const char *text) {
  char *t = plain(text);
  if (*t) {
    if (cJSON_GetArraySize(inl)) cJSON_AddItemToArray(inl, el("Space", NULL));
    cJSON_AddItemToArray(inl, el("Str", need(cJSON_CreateString(t))));
  }
  free(t);
}

/* Append Strong [text] (or Emph) to the inlines. */
static void add_styled(cJSON *inl, const char *style, const char *text) {
  cJSON *in = need(cJSON_CreateArray());
  add_text(in, text);
  if (!cJSON_GetArraySize(in)) { cJSON_Delete(in); return; }
  if (cJSON_GetArraySize(inl)) cJSON_AddItemToArray(inl, el("Space", NULL));
  cJSON_AddItemToArray(inl, el(style, in));
}

static cJSON *lead_text(const char *lead, const char *text) {
  cJSON *inl = need(cJSON_CreateArray());
  if (lead) add_styled(inl, "Strong", lead);
  add_text(inl, text);
  return inl;
}

static docx_state *st(report_writer *w) { return (docx_state *)w->state; }

/* A block at the top level; it ends any open list. */
static void block(report_writer *w, cJSON *b) {
  docx_state *s = st(w);
  s->list = s->sublist = NULL;
  cJSON_AddItemToArray(s->blocks, b);
}

static void para(report_writer *w, cJSON *inl) {
  if (cJSON_GetArraySize(inl)) block(w, el("Para", inl));
  else { cJSON_Delete(inl); st(w)->list = st(w)->sublist = NULL; }
}

static void d_begin(report_writer *w, const char *title) {
  (void)title;
  docx_state *s = calloc(1, sizeof *s);
  if (!s) abort();
  w->state = s;
  s->root = need(cJSON_CreateObject());
  cJSON *v = need(cJSON_CreateArray());
  for (int i = 0; i < 4; i++) cJSON_AddItemToArray(v, need(cJSON_CreateNumber(w->pandoc_api[i])));
  cJSON_AddItemToObject(s->root, "pandoc-api-version", v);
  cJSON_AddItemToObject(s->root, "meta", need(cJSON_CreateObject()));
  cJSON_AddItemToObject(s->root, "blocks", s->blocks = need(cJSON_CreateArray()));
  s->list = s->sublist = NULL;
}

static void d_end(report_writer *w) {
  docx_state *s = st(w);
  char *j = cJSON_PrintUnformatted(s->root);
  if (!j) abort();
  fputs(j, w->f);
  fputc('\n', w->f);
  free(j);
  cJSON_Delete(s->root);
  free(s);
  w->state = NULL;
}

/* The frame as a raw OpenXML block. */
static void raw_frame(report_writer *w, void (*xml)(FILE *, const doc_frame *), const doc_frame *fr) {
  char *buf = NULL;
  size_t n = 0;
  FILE *m = open_memstream(&buf, &n);
  if (!m) abort();
  xml(m, fr);
  if (fclose(m)) abort();
  while (n && buf[n - 1] == '\n') buf[--n] = '\0';
  block(w, el("RawBlock", arr2(need(cJSON_CreateString("openxml")), need(cJSON_CreateString(buf)))));
  free(buf);
}

static void d_head(report_writer *w, const doc_frame *fr) { raw_frame(w, rd_docx_head_xml, fr); }
static void d_sign(report_writer *w, const doc_frame *fr) { raw_frame(w, rd_docx_sign_xml, fr); }

static void d_heading(report_writer *w, int level, const char *text) {
  cJSON *c = need(cJSON_CreateArray());
  cJSON_AddItemToArray(c, need(cJSON_CreateNumber(level)));
  cJSON_AddItemToArray(c, attr());
  cJSON *inl = need(cJSON_CreateArray());
  add_text(inl, text);
  cJSON_AddItemToArray(c, inl);
  block(w, el("Header", c));
}

static void d_para(report_writer *w, const char *lead, const char *text) { para(w, lead_text(lead, text)); }

/* A tight list item (Plain); depth 2 nests in the last item of depth 1. */
static void d_item(report_writer *w, int depth, const char *lead, const char *text) {
  docx_state *s = st(w);
  cJSON *item = need(cJSON_CreateArray());
  cJSON_AddItemToArray(item, el("Plain", lead_text(lead, text)));
  if (depth > 1 && s->list) {
    if (!s->sublist) {
      s->sublist = need(cJSON_CreateArray());
      cJSON_AddItemToArray(cJSON_GetArrayItem(s->list, cJSON_GetArraySize(s->list) - 1), el("BulletList", s->sublist));
    }
    cJSON_AddItemToArray(s->sublist, item);
    return;
  }
  if (!s->list) {
    cJSON *items = need(cJSON_CreateArray());
    block(w, el("BulletList", items));
    s->list = items;
  }
  s->sublist = NULL;
  cJSON_AddItemToArray(s->list, item);
}

/* One cell: its inlines in a Plain, none when empty. */
static cJSON *cell(cJSON *inl) {
  cJSON *c = need(cJSON_CreateArray());
  cJSON_AddItemToArray(c, attr());
  cJSON_AddItemToArray(c, el("AlignDefault", NULL));
  cJSON_AddItemToArray(c, need(cJSON_CreateNumber(1)));
  cJSON_AddItemToArray(c, need(cJSON_CreateNumber(1)));
  cJSON *blocks = need(cJSON_CreateArray());
  if (cJSON_GetArraySize(inl)) cJSON_AddItemToArray(blocks, el("Plain", inl));
  else cJSON_Delete(inl);
  cJSON_AddItemToArray(c, blocks);
  return c;
}

/* The column widths pandoc gives a pipe table: each column's dashes over
** all of them, then, as its table reader does, divided by their sum when
** that is not below 1 (rounding makes it 1.0000000000000002 at times). */
static void widths(int ncols, const int *dashes, double *w) {
  int total = 0;
  double sum = 0;
  for (int c = 0; c < ncols; c++) total += dashes[c];
  for (int c = 0; c < ncols; c++) sum += w[c] = (double)dashes[c] / total;
  if (sum >= 1)
    for (int c = 0; c < ncols; c++) w[c] /= sum;
}

/* A width as JSON, exactly (cJSON prints 15 digits at times). */
static cJSON *number(double v) {
  char buf[40];
  snprintf(buf, sizeof buf, "%.17g", v);
  return need(cJSON_CreateRaw(buf));
}

/* A table as pandoc reads the Markdown writer's pipe table: when a line of
** it is longer than pandoc's 72 columns (longest, in characters), its
** columns take relative widths from the dashes under them (dashes[c],
** colons included), else pandoc's default widths. cells[r * ncols + c] are
** the cells' inlines (taken). */
static void table(report_writer *w, int ncols, int nrows, cJSON **cells, int longest, const int *dashes,
                  const int *align) {
  double *cw = malloc((size_t)ncols * sizeof *cw);
  if (!cw) abort();
  widths(ncols, dashes, cw);
  cJSON *specs = need(cJSON_CreateArray());
  for (int c = 0; c < ncols; c++)
    cJSON_AddItemToArray(specs, arr2(el(align[c] == ALIGN_RIGHT ? "AlignRight" : "AlignDefault", NULL),
                                     longest > PANDOC_COLUMNS ? el("ColWidth", number(cw[c]))
                                                              : el("ColWidthDefault", NULL)));
  free(cw);
  cJSON *rows = need(cJSON_CreateArray()), *head = NULL;
  for (int r = 0; r < nrows; r++) {
    cJSON *cs = need(cJSON_CreateArray());
    for (int c = 0; c < ncols; c++) cJSON_AddItemToArray(cs, cell(cells[r * ncols + c]));
    cJSON *row = arr2(attr(), cs);
    if (r) cJSON_AddItemToArray(rows, row);
    else head = row;
  }
  cJSON *heads = need(cJSON_CreateArray());
  cJSON_AddItemToArray(heads, head);
  cJSON *body = need(cJSON_CreateArray());
  cJSON_AddItemToArray(body, attr());
  cJSON_AddItemToArray(body, need(cJSON_CreateNumber(0)));
  cJSON_AddItemToArray(body, need(cJSON_CreateArray()));
  cJSON_AddItemToArray(body, rows);
  cJSON *bodies = need(cJSON_CreateArray());
  cJSON_AddItemToArray(bodies, body);
  cJSON *t = need(cJSON_CreateArray());
  cJSON_AddItemToArray(t, attr());
  cJSON_AddItemToArray(t, arr2(need(cJSON_CreateNull()), need(cJSON_CreateArray())));
  cJSON_AddItemToArray(t, specs);
  cJSON_AddItemToArray(t, arr2(attr(), heads));
  cJSON_AddItemToArray(t, bodies);
  cJSON_AddItemToArray(t, arr2(attr(), need(cJSON_CreateArray())));
  block(w, el("Table", t));
}

static void caption(report_writer *w, const char *text) {
  if (!text) return;
  cJSON *inl = need(cJSON_CreateArray());
  add_styled(inl, "Strong", text);
  para(w, inl);
}

/* The characters of s in a pipe table's line: '|' is escaped as "\|". */
static int md_len(const char *s) {
  int n = 0;
  for (; *s; s++) n += (((unsigned char)*s & 0xC0) != 0x80) + (*s == '|');
  return n;
}

static void d_table(report_writer *w, const char *cap, int ncols, int nrows, const char *const *cells,
                    const int *align) {
  caption(w, cap);
  cJSON **cs = malloc((size_t)ncols * nrows * sizeof *cs);
  int *dashes = malloc((size_t)ncols * sizeof *dashes), longest = 1;
  if (!cs || !dashes) abort();
  for (int c = 0; c < ncols; c++) {          /* "| ---- | ---: |" */
    dashes[c] = rd_table_dashes(ncols, nrows, cells, c) + (align[c] == ALIGN_RIGHT);
    longest += dashes[c] + 3;
  }
  for (int r = 0; r < nrows; r++) {
    int line = 1;                              /* "| cell | cell |" */
    for (int c = 0; c < ncols; c++) {
      add_text(cs[r * ncols + c] = need(cJSON_CreateArray()), cells[r * ncols + c]);
      line += md_len(cells[r * ncols + c]) + 3;
    }
    if (line > longest) longest = line;
  }
  table(w, ncols, nrows, cs, longest, dashes, align);
  free(cs); free(dashes);
}

/* The ranking as a table (the Markdown writer's, its own unit in bold); no
** chart of components (its figures are in the comparison tables). */
static void d_chart(report_writer *w, int which, const char *cap) {
  const report_doc *d = w->doc;
  int vi = d->lang == LANG_VI;
  if (which != CHART_RANKING) return;
  const doc_rank_row *rows = w->ranking;
  int n = w->nranking + 1;
  caption(w, cap);
  cJSON **cs = malloc((size_t)n * 4 * sizeof *cs);
  if (!cs) abort();
  const char *head[4] = {vi ? "Hạng" : "Rank", vi ? "Đơn vị" : "Unit", "PAR INDEX", vi ? "Xếp loại" : "Band"};
  static const int dashes[4] = {4, 30, 4, 3}, align[4] = {ALIGN_RIGHT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_LEFT};
  int longest = 54;                          /* "| ---: | ------------------------------ | ---: | --- |" */
  for (int i = -1; i < n - 1; i++) {
    cJSON **row = cs + (i + 1) * 4;
    for (int c = 0; c < 4; c++) row[c] = need(cJSON_CreateArray());
    int line = 1 + 4 * 3;
    if (i < 0) {
      for (int c = 0; c < 4; c++) { add_text(row[c], head[c]); line += md_len(head[c]); }
    } else {
      const doc_rank_row *r = &rows[i];
      const char *band = r->band ? r->band : "";
      char rank[24], total[PTS_FMT_MAX];
      snprintf(rank, sizeof rank, "%d", r->rank);
      if (r->total >= 0) pts_format(total, r->total, vi ? ',' : '.', 1);
      else snprintf(total, sizeof total, "—");
      add_text(row[0], rank);
      if (r->me) add_styled(row[1], "Strong", r->name);
      else add_text(row[1], r->name);
      if (r->illustrative) add_text(row[1], "(*)");
      add_text(row[2], total);
      add_text(row[3], band);
      line += md_len(rank) + md_len(r->name) + (r->me ? 4 : 0) + (r->illustrative ? 4 : 0) + md_len(total) +
              md_len(band);
    }
    if (line > longest) longest = line;
  }
  table(w, 4, n, cs, longest, dashes, align);
  free(cs);
}

static void d_footnote(report_writer *w, const char *text) {
  cJSON *inl = need(cJSON_CreateArray());
  add_styled(inl, "Emph", text);
  para(w, inl);
}

void report_docx_writer(report_writer *w, FILE *f, const int api[4]) {
  memset(w, 0, sizeof *w);
  w->f = f;
  w->pandoc_api = api;
  w->begin = d_begin; w->end = d_end; w->head = d_head; w->sign = d_sign; w->heading = d_heading; w->para = d_para;
  w->item = d_item; w->table = d_table; w->chart = d_chart; w->footnote = d_footnote;
}
