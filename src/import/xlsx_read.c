/*
** xlsx_read.c -- the parts of a workbook: libzip for the container, expat
** for the XML (workbook, relationships, shared strings, styles, sheets).
*/
#include "xlsx_read.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "arena.h"
#include "date.h"
#include "xlsx_numfmt.h"

#define PART_MAX (512L * 1024 * 1024)

typedef struct { int r1, c1, r2, c2, kind, has; char *value; } merge;   /* a merged range */
typedef struct {
  char *name, *target;
  merge *merges; int nmerges, capmerges, scanned;   /* found once per sheet (read_merges) */
} sheet_ref;

struct xlsx {
  zip_t *zip;
  char *path;
  arena a;
  sheet_ref *sheets; int nsheets, capsheets;
  char **sst; int nsst, capsst;
  unsigned char *xf_date; int nxf;          /* per cell format (s="N"): NF_DATE, NF_WHOLE or NF_OTHER */
  int date1904;
};

/* ---- the container ---- */

static int read_part(xlsx *x, const char *name, char **out, size_t *len, char *err, size_t errlen) {
  zip_stat_t st;
  zip_file_t *f;
  *out = NULL;
  if (zip_stat(x->zip, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
    snprintf(err, errlen, "%s: not a workbook (no %s in it)", x->path, name);
    return -1;
  }
  if (st.size > (zip_uint64_t)PART_MAX) { snprintf(err, errlen, "%s: %s larger than 512 MiB", x->path, name); return -1; }
  char *buf = malloc((size_t)st.size + 1);
  if (!buf) abort();
  if (!(f = zip_fopen(x->zip, name, 0)) || zip_fread(f, buf, st.size) != (zip_int64_t)st.size) {
    snprintf(err, errlen, "%s: %s cannot be read (%s)", x->path, name, zip_strerror(x->zip));
    if (f) zip_fclose(f);
    free(buf);
    return -1;
  }
  zip_fclose(f);
  buf[st.size] = '\0';
  *out = buf;
  *len = (size_t)st.size;
  return 0;
}

/* ---- XML ---- */

typedef struct {
  void (*start)(void *ud, const char *name, const char **attrs);
  void (*end)(void *ud, const char *name);
  void (*text)(void *ud, const char *s, int n);
  void *ud;
  XML_Parser parser;        /* set by parse_xml, for XML_StopParser */
} xml_handlers;

static const char *local(const char *name) {       /* "x:row" and "row" alike */
  const char *l = name;
  for (const char *p = name; *p; p++) if (*p == ':') l = p + 1;
  return l;
}

static const char *attr(const char **attrs, const char *name) {
  for (int i = 0; attrs[i]; i += 2)
    if (!strcmp(local(attrs[i]), name)) return attrs[i + 1];
  return NULL;
}

static void on_start(void *ud, const XML_Char *name, const XML_Char **attrs) {
  xml_handlers *h = ud;
  if (h->start) h->start(h->ud, local(name), attrs);
}
static void on_end(void *ud, const XML_Char *name) {
  xml_handlers *h = ud;
  if (h->end) h->end(h->ud, local(name));
}
static void on_text(void *ud, const XML_Char *s, int n) {
  xml_handlers *h = ud;
  if (h->text) h->text(h->ud, s, n);
}

/* The parser's error, at its line, in err; -1. */
static int xml_fail(xlsx *x, const char *part, XML_Parser p, char *err, size_t errlen) {
  snprintf(err, errlen, "%s: %s: XML error at line %lu: %s", x->path, part,
           (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(XML_GetErrorCode(p)));
  return -1;
}

static int parse_xml(xlsx *x, const char *part, const char *buf, size_t len, xml_handlers *h, char *err, size_t errlen) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (!p) abort();
  XML_SetUserData(p, h);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  h->parser = p;
  int rc = 0;
  if (len > (size_t)0x7fffffff ||
      (XML_Parse(p, buf, (int)len, 1) == XML_STATUS_ERROR && XML_GetErrorCode(p) != XML_ERROR_ABORTED)) {
    rc = xml_fail(x, part, p, err, errlen);
  }
  XML_ParserFree(p);
  return rc;
}

/* Text collected between tags. */
typedef struct { char *s; size_t n, cap; } sbuf;
static void sb_add(sbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + n + 1) cap *= 2;
    char *g = realloc(b->s, cap);
    if (!g) abort();
    b->s = g; b->cap = cap;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

/* ---- workbook.xml and its relationships ---- */

typedef struct { xlsx *x; char **ids; int n; } wb_ctx;

static void wb_start(void *ud, const char *name, const char **attrs) {
  wb_ctx *c = ud;
  xlsx *x = c->x;
  if (!strcmp(name, "workbookPr")) {
    const char *d = attr(attrs, "date1904");
    x->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
  } else if (!strcmp(name, "sheet")) {
    const char *n = attr(attrs, "name"), *id = attr(attrs, "id");
    if (!n || !id) return;
    if (x->nsheets == x->capsheets) {
      x->capsheets = x->capsheets ? 2 * x->capsheets : 8;
      x->sheets = realloc(x->sheets, (size_t)x->capsheets * sizeof *x->sheets);
      c->ids = realloc(c->ids, (size_t)x->capsheets * sizeof *c->ids);
      if (!x->sheets || !c->ids) abort();
    }
    x->sheets[x->nsheets] = (sheet_ref){arena_strdup(&x->a, n), NULL, NULL, 0, 0, 0};
    c->ids[x->nsheets++] = arena_strdup(&x->a, id);
  }
}

static void rels_start(void *ud, const char *name, const char **attrs) {
  wb_ctx *c = ud;
  if (strcmp(name, "Relationship")) return;
  const char *id = attr(attrs, "Id"), *t = attr(attrs, "Target");
  if (!id || !t) return;
  for (int i = 0; i < c->x->nsheets; i++) {
    if (strcmp(c->ids[i], id)) continue;
    char path[1024];
    if (t[0] == '/') snprintf(path, sizeof path, "%s", t + 1);
    else snprintf(path, sizeof path, "xl/%s", t);
    c->x->sheets[i].target = arena_strdup(&c->x->a, path);
  }
}

/* ---- sharedStrings.xml ---- */

typedef struct { xlsx *x; sbuf t; int in_si, in_t, in_rph; } sst_ctx;

static void sst_start(void *ud, const char *name, const char **attrs) {
  (void)attrs;
  sst_ctx *c = ud;
  if (!strcmp(name, "si")) { c->in_si = 1; c->t.n = 0; sb_add(&c->t, "", 0); }
  else if (!strcmp(name, "rPh")) c->in_rph = 1;          /* phonetic runs are not the text */
  else if (!strcmp(name, "t") && c->in_si && !c->in_rph) c->in_t = 1;
}
static void sst_end(void *ud, const char *name) {
  sst_ctx *c = ud;
  xlsx *x = c->x;
  if (!strcmp(name, "t")) c->in_t = 0;
  else if (!strcmp(name, "rPh")) c->in_rph = 0;
  else if (!strcmp(name, "si")) {
    if (x->nsst == x->capsst) {
      x->capsst = x->capsst ? 2 * x->capsst : 256;
      x->sst = realloc(x->sst, (size_t)x->capsst * sizeof *x->sst);
      if (!x->sst) abort();
    }
    x->sst[x->nsst++] = arena_strdup(&x->a, c->t.s ? c->t.s : "");
    c->in_si = 0;
  }
}
static void sst_text(void *ud, const char *s, int n) {
  sst_ctx *c = ud;
  if (c->in_t) sb_add(&c->t, s, (size_t)n);
}

/* ---- styles.xml: which cell formats show dates, which whole numbers (xlsx_numfmt.h) ---- */

typedef struct { xlsx *x; int in_xfs; struct { int id; int date; } fmts[256]; int nfmts; } sty_ctx;

static void sty_start(void *ud, const char *name, const char **attrs) {
  sty_ctx *c = ud;
  xlsx *x = c->x;
  if (!strcmp(name, "numFmt") && c->nfmts < 256) {
    const char *id = attr(attrs, "numFmtId"), *code = attr(attrs, "formatCode");
    if (id && code) { c->fmts[c->nfmts].id = atoi(id); c->fmts[c->nfmts++].date = xlsx_numfmt(-1, code); }
  } else if (!strcmp(name, "cellXfs")) c->in_xfs = 1;
  else if (!strcmp(name, "xf") && c->in_xfs) {
    const char *id = attr(attrs, "numFmtId");
    int f = id ? atoi(id) : 0, date = xlsx_numfmt(f, NULL);
    for (int i = 0; i < c->nfmts; i++) if (c->fmts[i].id == f) date = c->fmts[i].date;
    unsigned char *g = realloc(x->xf_date, (size_t)x->nxf + 1);
    if (!g) abort();
    x->xf_date = g;
    x->xf_date[x->nxf++] = (unsigned char)date;
  }
}
static void sty_end(void *ud, const char *name) {
  sty_ctx *c = ud;
  if (!strcmp(name, "cellXfs")) c->in_xfs = 0;
}

/* ---- opening ---- */

static int read_xml_part(xlsx *x, const char *part, int optional, xml_handlers *h, char *err, size_t errlen) {
  if (optional && zip_name_locate(x->zip, part, 0) < 0) return 0;
  char *buf;
  size_t len;
  if (read_part(x, part, &buf, &len, err, errlen)) return -1;
  int rc = parse_xml(x, part, buf, len, h, err, errlen);
  free(buf);
  return rc;
}

xlsx *xlsx_open(const char *path, char *err, size_t errlen) {
  int zerr = 0;
  zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
  if (!z) {
    zip_error_t e;
    zip_error_init_with_code(&e, zerr);
    snprintf(err, errlen, "%s: not an .xlsx workbook (%s)", path, zip_error_strerror(&e));
    zip_error_fini(&e);
    return NULL;
  }
  xlsx *x = calloc(1, sizeof *x);
  if (!x) abort();
  x->zip = z;
  x->path = arena_strdup(&x->a, path);
  wb_ctx wc = {x, NULL, 0};
  xml_handlers h = {wb_start, NULL, NULL, &wc, NULL};
  sst_ctx sc = {x, {0}, 0, 0, 0};
  sty_ctx *yc = calloc(1, sizeof *yc);
  if (!yc) abort();
  yc->x = x;
  int rc = read_xml_part(x, "xl/workbook.xml", 0, &h, err, errlen);
  h = (xml_handlers){rels_start, NULL, NULL, &wc, NULL};
  if (!rc) rc = read_xml_part(x, "xl/_rels/workbook.xml.rels", 0, &h, err, errlen);
  h = (xml_handlers){sst_start, sst_end, sst_text, &sc, NULL};
  if (!rc) rc = read_xml_part(x, "xl/sharedStrings.xml", 1, &h, err, errlen);
  h = (xml_handlers){sty_start, sty_end, NULL, yc, NULL};
  if (!rc) rc = read_xml_part(x, "xl/styles.xml", 1, &h, err, errlen);
  for (int i = 0; !rc && i < x->nsheets; i++)
    if (!x->sheets[i].target) { snprintf(err, errlen, "%s: sheet %s has no part", path, x->sheets[i].name); rc = -1; }
  free(wc.ids);
  free(sc.t.s);
  free(yc);
  if (rc) { xlsx_close(x); return NULL; }
  return x;
}

void xlsx_close(xlsx *x) {
  if (!x) return;
  zip_discard(x->zip);
  for (int i = 0; i < x->nsheets; i++) {
    for (int m = 0; m < x->sheets[i].nmerges; m++) free(x->sheets[i].merges[m].value);
    free(x->sheets[i].merges);
  }
  free(x->sheets); free(x->sst); free(x->xf_date);
  arena_free(&x->a);
  free(x);
}

int xlsx_nsheets(const xlsx *x) { return x->nsheets; }
const char *xlsx_sheet_name(const xlsx *x, int i) { return x->sheets[i].name; }

char *xlsx_cell_name(char *buf, int col, int row) {
  char letters[8];
  int n = 0;
  for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26) letters[n++] = (char)('A' + (c - 1) % 26);
  int k = 0;
  while (n) buf[k++] = letters[--n];
  snprintf(buf + k, 16 - (size_t)k, "%d", row);
  return buf;
}

/* ---- a sheet ---- */

/* "D12" -> column 3, row 12; 0 or -1. */
static int parse_ref(const char *s, int *col, int *row) {
  int c = 0, k = 0;
  for (; *s >= 'A' && *s <= 'Z' && k < 4; s++, k++) c = c * 26 + (*s - 'A' + 1);
  if (!k || *s < '0' || *s > '9') return -1;
  *col = c - 1;
  *row = atoi(s);
  return *row > 0 ? 0 : -1;
}

typedef struct { int col, kind; size_t off; } pcell;

/* A cell's t="..." attribute. */
enum { T_NUMBER, T_SHARED, T_INLINE, T_BOOL, T_ERROR, T_DATE };
static int cell_type(const char *t) {
  if (!t || !strcmp(t, "n")) return T_NUMBER;
  if (!strcmp(t, "s")) return T_SHARED;
  if (!strcmp(t, "inlineStr") || !strcmp(t, "str")) return T_INLINE;
  if (!strcmp(t, "b")) return T_BOOL;
  if (!strcmp(t, "e")) return T_ERROR;
  if (!strcmp(t, "d")) return T_DATE;     /* ISO 8601 date cells */
  return T_NUMBER;                        /* unknown: read as a number, as before */
}

typedef struct {
  xlsx *x;
  sheet_ref *sheet;         /* its merged ranges */
  pcell *cells; int ncells, capcells;
  xlsx_cell *out;           /* the row handed to fn (capcells of them) */
  sbuf vals;                /* the row's values, NUL-separated */
  sbuf v;                   /* the cell's text being read */
  int row, col, style, type, in_v, in_t, stop;
  xlsx_row_fn fn; void *ud;
  xml_handlers *h;          /* to stop the parser once the callback stops */
} sheet_ctx;

static void merge_start(void *ud, const char *name, const char **attrs) {
  sheet_ctx *c = ud;
  const char *ref = !strcmp(name, "mergeCell") ? attr(attrs, "ref") : NULL;
  const char *colon = ref ? strchr(ref, ':') : NULL;
  merge m = {0};
  if (!colon || parse_ref(ref, &m.c1, &m.r1) || parse_ref(colon + 1, &m.c2, &m.r2) || m.c2 < m.c1 || m.r2 < m.r1) return;
  if (m.c2 - m.c1 > 1023) m.c2 = m.c1 + 1023;
  sheet_ref *sh = c->sheet;
  if (sh->nmerges == sh->capmerges) {
    sh->capmerges = sh->capmerges ? 2 * sh->capmerges : 16;
    sh->merges = realloc(sh->merges, (size_t)sh->capmerges * sizeof *sh->merges);
    if (!sh->merges) abort();
  }
  sh->merges[sh->nmerges++] = m;
}

/* A part read in chunks of 1 MiB: fn(ud, data, n, final) for each; 0, or
** -1 with the message in err (fn's own -1 is returned as is). */
#define CHUNK (1 << 20)
typedef int (*chunk_fn)(void *ud, const char *data, size_t n, int final);
static int stream_part(xlsx *x, const char *name, chunk_fn fn, void *ud, char *err, size_t errlen) {
  zip_file_t *f = zip_fopen(x->zip, name, 0);
  if (!f) { snprintf(err, errlen, "%s: not a workbook (no %s in it)", x->path, name); return -1; }
  char *buf = malloc(CHUNK);
  if (!buf) abort();
  int rc = 0;
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, CHUNK);
    if (n < 0) { snprintf(err, errlen, "%s: %s cannot be read (%s)", x->path, name, zip_file_strerror(f)); rc = -1; break; }
    if ((rc = fn(ud, buf, (size_t)n, n == 0)) || n == 0) break;
  }
  free(buf);
  zip_fclose(f);
  return rc;
}

/* The <mergeCells> element follows the rows: a first pass finds it (a
** plain search over the text, kept from the '<' of its tag to the end). */
typedef struct { sbuf win; sbuf cap; int capturing; } merge_scan;

static int scan_chunk(void *ud, const char *data, size_t n, int final) {
  merge_scan *m = ud;
  (void)final;
  if (m->capturing) {
    if (m->cap.n + n > 64u << 20) return 0;     /* past 64 MiB of merged ranges: the rest is ignored */
    sb_add(&m->cap, data, n);
    return 0;
  }
  size_t keep = m->win.n;                        /* the last bytes of the previous chunk, then this one */
  sb_add(&m->win, data, n);
  for (const char *p = m->win.s; (p = strstr(p, "mergeCells"));) {
    if (p > m->win.s && (p[-1] == '<' || p[-1] == ':')) {
      const char *open = p;
      while (open > m->win.s && *open != '<') open--;
      sb_add(&m->cap, open, (size_t)(m->win.s + m->win.n - open));
      m->capturing = 1;
      return 0;
    }
    p++;
  }
  (void)keep;
  size_t tail = m->win.n < 64 ? m->win.n : 64;   /* a tag cut by the chunk's end */
  memmove(m->win.s, m->win.s + m->win.n - tail, tail);
  m->win.n = tail;
  m->win.s[tail] = '\0';
  return 0;
}

static int read_merges(sheet_ctx *c, const char *part, char *err, size_t errlen) {
  if (c->sheet->scanned) return 0;
  c->sheet->scanned = 1;
  merge_scan m = {{0}, {0}, 0};
  int rc = stream_part(c->x, part, scan_chunk, &m, err, errlen);
  if (!rc && m.capturing) {
    const char *open = m.cap.s, *p = strstr(open, "mergeCells");
    char close[80];
    snprintf(close, sizeof close, "</%.*s>", (int)(p + 10 - open - 1), open + 1);
    const char *end = strstr(p, close);
    if (end) {                                   /* else <mergeCells/>: none */
      xml_handlers h = {merge_start, NULL, NULL, c, NULL};
      rc = parse_xml(c->x, part, open, (size_t)(end + strlen(close) - open), &h, err, errlen);
    }
  }
  free(m.win.s);
  free(m.cap.s);
  return rc;
}

static void add_cell(sheet_ctx *c, int col, int kind, const char *text) {
  if (c->ncells == c->capcells) {
    c->capcells = c->capcells ? 2 * c->capcells : 32;
    c->cells = realloc(c->cells, (size_t)c->capcells * sizeof *c->cells);
    c->out = realloc(c->out, (size_t)c->capcells * sizeof *c->out);
    if (!c->cells || !c->out) abort();
  }
  c->cells[c->ncells++] = (pcell){col, kind, c->vals.n};
  sb_add(&c->vals, text, strlen(text) + 1);
}

static int has_cell(const sheet_ctx *c, int col) {
  for (int i = 0; i < c->ncells; i++) if (c->cells[i].col == col) return 1;
  return 0;
}

static int cmp_pcell(const void *a, const void *b) { return ((const pcell *)a)->col - ((const pcell *)b)->col; }

static void end_row(sheet_ctx *c) {
  for (int m = 0; m < c->sheet->nmerges; m++) {   /* merged ranges show their top-left value everywhere */
    merge *g = &c->sheet->merges[m];
    if (c->row < g->r1 || c->row > g->r2) continue;
    if (c->row == g->r1)
      for (int i = 0; i < c->ncells; i++)
        if (c->cells[i].col == g->c1) { free(g->value); g->value = strdup(c->vals.s + c->cells[i].off); g->kind = c->cells[i].kind; g->has = 1; }
    if (!g->has) continue;
    for (int col = g->c1; col <= g->c2; col++) if (!has_cell(c, col)) add_cell(c, col, g->kind, g->value);
  }
  if (!c->ncells || c->stop) return;
  int sorted = 1;                                /* as written, usually */
  for (int i = 1; i < c->ncells && sorted; i++) sorted = c->cells[i - 1].col < c->cells[i].col;
  if (!sorted) qsort(c->cells, (size_t)c->ncells, sizeof *c->cells, cmp_pcell);
  xlsx_cell *out = c->out;
  for (int i = 0; i < c->ncells; i++) out[i] = (xlsx_cell){c->cells[i].col, c->cells[i].kind, c->vals.s + c->cells[i].off};
  c->stop = c->fn(c->row, out, c->ncells, c->ud);
  if (c->stop) XML_StopParser(c->h->parser, XML_FALSE);
}

static void sheet_start(void *ud, const char *name, const char **attrs) {
  sheet_ctx *c = ud;
  if (c->stop) return;
  if (name[0] == 'c' && !name[1]) {             /* the most frequent first */
    const char *r = NULL, *t = NULL, *s = NULL;
    for (int i = 0; attrs[i]; i += 2) {          /* r, t and s in one look */
      const char *a = local(attrs[i]);
      if (a[0] && !a[1]) {
        if (a[0] == 'r') r = attrs[i + 1];
        else if (a[0] == 't') t = attrs[i + 1];
        else if (a[0] == 's') s = attrs[i + 1];
      }
    }
    int row;
    if (!r || parse_ref(r, &c->col, &row)) c->col++;
    c->type = cell_type(t);
    c->style = s ? atoi(s) : 0;
    c->v.n = 0;
    sb_add(&c->v, "", 0);
  } else if (name[0] == 'v' && !name[1]) c->in_v = 1;
  else if (name[0] == 't' && !name[1]) c->in_t = 1;
  else if (!strcmp(name, "row")) {
    const char *r = attr(attrs, "r");
    c->row = r ? atoi(r) : c->row + 1;
    c->ncells = 0; c->vals.n = 0; c->col = -1;
  }
}

/* An Excel serial day number as "YYYY-MM-DD", or NULL. */
static const char *serial_date(const sheet_ctx *c, const char *v, char *buf) {
  char *end;
  double d = strtod(v, &end);
  if (end == v || *end || d < 1 || d > 2958465) return NULL;
  long days = (long)d;                          /* the time of day is dropped */
  long base = c->x->date1904 ? date_days((pdate){1904, 1, 1}) : date_days((pdate){1899, 12, 30});
  if (!c->x->date1904 && days < 61) base += 1;  /* Excel's 29/02/1900, which never was */
  return date_format_iso(buf, date_from_days(base + days));
}

static void sheet_end(void *ud, const char *name) {
  sheet_ctx *c = ud;
  if (c->stop) return;
  if (name[0] == 'v' && !name[1]) c->in_v = 0;
  else if (name[0] == 't' && !name[1]) c->in_t = 0;
  else if (name[0] == 'c' && !name[1]) {
    if (c->col < 0 || !c->v.s || !c->v.n) return;
    const char *v = c->v.s;
    char date[16];
    if (c->type == T_SHARED) {
      long i = strtol(v, NULL, 10);
      add_cell(c, c->col, XC_TEXT, i >= 0 && i < c->x->nsst ? c->x->sst[i] : "");
    } else if (c->type == T_INLINE) add_cell(c, c->col, XC_TEXT, v);
    else if (c->type == T_BOOL) add_cell(c, c->col, XC_BOOL, strcmp(v, "0") ? "1" : "0");
    else if (c->type == T_ERROR) add_cell(c, c->col, XC_ERROR, v);
    else if (c->type == T_DATE) add_cell(c, c->col, XC_DATE, v);
    else {                                  /* a number: a date or a whole number by its cell format */
      int nf = c->style >= 0 && c->style < c->x->nxf ? c->x->xf_date[c->style] : NF_OTHER;
      if (nf == NF_DATE && serial_date(c, v, date)) add_cell(c, c->col, XC_DATE, date);
      else add_cell(c, c->col, nf == NF_WHOLE && v[strspn(v + (*v == '-'), "0123456789") + (*v == '-')] == '\0' ? XC_WHOLE : XC_NUMBER, v);
    }
  } else if (!strcmp(name, "row")) end_row(c);
}

static void sheet_text(void *ud, const char *s, int n) {
  sheet_ctx *c = ud;
  if (c->in_v || c->in_t) sb_add(&c->v, s, (size_t)n);
}

/* The rows of a part, inflated straight into expat's own buffer (no copy);
** 0, 1 when the callback stopped, or -1 with the message in err. */
static int parse_part(xlsx *x, const char *part, XML_Parser p, char *err, size_t errlen) {
  zip_file_t *f = zip_fopen(x->zip, part, 0);
  if (!f) { snprintf(err, errlen, "%s: not a workbook (no %s in it)", x->path, part); return -1; }
  int rc = 0;
  for (;;) {
    void *buf = XML_GetBuffer(p, CHUNK);
    if (!buf) { rc = xml_fail(x, part, p, err, errlen); break; }   /* a token too large to hold */
    zip_int64_t n = zip_fread(f, buf, CHUNK);
    if (n < 0) { snprintf(err, errlen, "%s: %s cannot be read (%s)", x->path, part, zip_file_strerror(f)); rc = -1; break; }
    if (XML_ParseBuffer(p, (int)n, n == 0) == XML_STATUS_ERROR) {
      rc = XML_GetErrorCode(p) == XML_ERROR_ABORTED ? 1 : xml_fail(x, part, p, err, errlen);   /* 1: the callback stopped */
      break;
    }
    if (n == 0) break;
  }
  zip_fclose(f);
  return rc;
}

int xlsx_each_row(xlsx *x, int i, xlsx_row_fn fn, void *ud, char *err, size_t errlen) {
  const char *part = x->sheets[i].target;
  sheet_ctx c = {.x = x, .sheet = &x->sheets[i], .fn = fn, .ud = ud};
  int rc = read_merges(&c, part, err, errlen);
  for (int m = 0; m < c.sheet->nmerges; m++) {     /* a new reading: no top-left value seen yet */
    free(c.sheet->merges[m].value);
    c.sheet->merges[m].value = NULL;
    c.sheet->merges[m].has = 0;
  }
  xml_handlers h = {sheet_start, sheet_end, sheet_text, &c, NULL};
  c.h = &h;
  if (!rc) {                                     /* the rows, streamed: memory does not grow with the sheet */
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p) abort();
    XML_SetUserData(p, &h);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    h.parser = p;
    rc = parse_part(x, part, p, err, errlen);
    if (rc == 1) rc = 0;
    XML_ParserFree(p);
  }
  if (!rc) rc = c.stop;
  free(c.cells); free(c.out); free(c.vals.s); free(c.v.s);
  return rc;
}
