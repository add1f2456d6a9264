/*
** report_text.c -- the strings and figures of the written report.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "report_doc_int.h"

const char *rd_str(strs *ss, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = malloc((size_t)n + 1);
  if (!s) abort();
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  if (ss->n == ss->cap) {
    ss->cap = ss->cap ? 2 * ss->cap : 64;
    char **g = realloc(ss->v, (size_t)ss->cap * sizeof *g);
    if (!g) abort();
    ss->v = g;
  }
  return ss->v[ss->n++] = s;
}

void rd_strs_free(strs *ss) {
  for (int i = 0; i < ss->n; i++) free(ss->v[i]);
  free(ss->v);
  memset(ss, 0, sizeof *ss);
}

const char *rd_pts(rd_ctx *x, pts_t v) {
  char buf[PTS_FMT_MAX];
  if (v < 0) return rd_signed(x, v);
  return rd_str(&x->ss, "%s", pts_format(buf, v, x->vi ? ',' : '.', 1));
}

const char *rd_signed(rd_ctx *x, pts_t v) {
  char buf[PTS_FMT_MAX];
  return rd_str(&x->ss, "%s%s", v > 0 ? "+" : v < 0 ? "\xe2\x88\x92" : "",
                pts_format(buf, v < 0 ? -v : v, x->vi ? ',' : '.', 1));
}

const char *rd_running_name(strs *ss, const char *name) {
  static const char *const kinds[] = {"Huyện ", "Thành phố ", "Thị xã ", "Quận ", "Xã ", "Phường ", "Thị trấn ", "Tỉnh "};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (!strncmp(name, kinds[i], strlen(kinds[i]))) return rd_str(ss, "%c%s", name[0] - 'A' + 'a', name + 1);
  return name;
}

const char *rd_date(rd_ctx *x, const char *iso) {
  pdate d;
  if (!iso || !date_parse_iso(iso, &d)) return "…";
  return x->vi ? rd_str(&x->ss, "%d/%d/%d", d.d, d.m, d.y) : rd_date_long(x, iso);
}

const char *rd_date_long(rd_ctx *x, const char *iso) {
  static const char *const months[12] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                         "September", "October", "November", "December"};
  pdate d;
  if (!iso || !date_parse_iso(iso, &d)) return L("ngày … tháng … năm …", "…");
  /* Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 are written with a leading 0 */
  return x->vi ? rd_str(&x->ss, d.m <= 2 ? "ngày %02d tháng %02d năm %d" : "ngày %02d tháng %d năm %d", d.d, d.m, d.y)
               : rd_str(&x->ss, "%d %s %d", d.d, months[d.m - 1], d.y);
}

void rd_xml_esc(FILE *f, const char *s) {
  for (; *s; s++) {
    switch (*s) {
      case '<': fputs("&lt;", f); break;
      case '>': fputs("&gt;", f); break;
      case '&': fputs("&amp;", f); break;
      case '"': fputs("&quot;", f); break;
      default: fputc(*s, f);
    }
  }
}

static void ranking(report_writer *w, const report_doc *d);

void rd_ctx_init(rd_ctx *x, report_writer *w, const report_doc *d) {
  memset(x, 0, sizeof *x);
  x->w = w; x->d = d; x->c = d->cmp; x->mt = d->cmp->mt_to; x->r = d->cmp->to;
  x->lang = d->lang; x->vi = d->lang == LANG_VI; x->first_year = d->first_year;
  x->name = !x->vi ? x->r->unit.name
          : d->settings->name_in_text ? d->settings->name_in_text : rd_running_name(&x->ss, x->r->unit.name);
  /* ranks: as the decision published them, else computed among the units with facts */
  const published_result *pt = doc_published_find(d->pub_to, x->r->unit.id), *pf = doc_published_find(d->pub_from, x->r->unit.id);
  if (pt) { x->rank_to = pt->rank; x->units_to = d->pub_to->units; }
  else { x->rank_to = d->n_to > 1 ? x->c->to_rank : 0; x->units_to = d->n_to > 1 ? d->n_to : 0; }
  if (d->first_year) x->pub_prev = pf;
  else if (pf) { x->rank_from = pf->rank; x->units_from = d->pub_from->units; }
  else { x->rank_from = d->n_from > 1 ? x->c->from_rank : 0; x->units_from = d->n_from > 1 ? d->n_from : 0; }
  w->doc = d;
  ranking(w, d);
}

/* w->ranking: the decision's rows when it published other units' results,
** else the standings computed among the units with facts (none for one unit). */
static void ranking(report_writer *w, const report_doc *d) {
  const doc_published *p = d->pub_to;
  const methodology *mt = d->cmp->mt_to;
  const char *me = d->cmp->to->unit.id;
  int n = p->nresults > 1 ? p->nresults : d->n_to > 1 ? d->n_to : 0;
  doc_rank_row *v = calloc((size_t)(n ? n : 1), sizeof *v);
  if (!v) abort();
  w->ranking_decision = NULL;
  if (p->nresults > 1) {                     /* as the decision published it */
    w->ranking_decision = p->decision_number ? p->decision_number : "";
    for (int i = 0; i < n; i++) {
      const published_result *r = &p->results[i];
      v[i] = (doc_rank_row){r->rank, r->name ? r->name : r->unit, r->total,
                            r->total >= 0 ? methodology_band(mt, r->total) : NULL, !strcmp(r->unit, me), 0};
    }
  } else {
    for (int i = 0; i < n; i++) {
      const standing *s = &d->st_to[i];
      v[i] = (doc_rank_row){s->rank, s->r->unit.name, s->r->total, s->band, !strcmp(s->r->unit.id, me), s->r->illustrative};
    }
  }
  w->ranking = v;
  w->nranking = n;
}

void rd_ctx_free(rd_ctx *x) {
  free((void *)x->w->ranking);
  x->w->ranking = NULL;
  x->w->nranking = 0;
  rd_strs_free(&x->ss);
}

void rd_drafted(rd_ctx *x, int place) {
  const doc_drafting *d = x->d->drafting;
  if (!d) return;
  for (int i = 0; i < d->npara[place]; i++) x->w->para(x->w, NULL, d->paras[place][i]);
}
