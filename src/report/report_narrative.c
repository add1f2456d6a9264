/*
** report_narrative.c -- the statements a report makes by comparing
** components, computed: the highest and lowest of the year, the one that
** fell most, and otherwise the component's place among them.
*/
#include "report_doc_int.h"

static int is_largest_fall(const comparison *c, const cmp_component *k) {
  if (c->nfalling < 2 || k->change >= 0) return 0;
  for (int i = 0; i < c->nfalling; i++)
    if (c->comps[c->falling[i]].change < k->change) return 0;
  return 1;
}

const char *rd_component_standing(rd_ctx *x, const cmp_component *k) {
  int n = x->mt->ncomps, last = 1;
  for (int i = 0; i < x->c->ncomps; i++)
    if (x->c->comps[i].in_to && x->c->comps[i].to_rank > last) last = x->c->comps[i].to_rank;
  const char *s;
  if (k->to_rank == 1 && last > 1)
    s = rd_str(&x->ss, L("Đây là chỉ số thành phần có kết quả cao nhất trong %d chỉ số thành phần đánh giá.",
                         "It is the highest of the %d components."), n);
  else if (k->to_rank == last && last > 1)
    s = rd_str(&x->ss, L("Đây là chỉ số thành phần có kết quả thấp nhất trong %d chỉ số thành phần đánh giá.",
                         "It is the lowest of the %d components."), n);
  else
    s = rd_str(&x->ss, L("Đây là chỉ số thành phần đứng thứ %d/%d chỉ số thành phần đánh giá của đơn vị.",
                         "It ranks %d of the unit's %d components."), k->to_rank, n);
  if (!x->first_year && is_largest_fall(x->c, k))
    s = rd_str(&x->ss, L("%s Đây cũng là chỉ số thành phần giảm nhiều nhất so với các chỉ số thành phần còn lại.",
                         "%s It is also the component that fell most."), s);
  return s;
}

const char *rd_full_points(rd_ctx *x, int ci, int capital) {
  const meth_component *rc = &x->mt->comps[ci];
  const char *list = "";
  int n = 0, applicable = 0;
  for (int i = rc->first; i < rc->first + rc->count; i++) {
    const ledger_criterion *lc = &x->r->crits[i];
    if (lc->na) continue;
    applicable++;
    if (lc->points < lc->max) continue;
    n++;
    list = rd_str(&x->ss, "%s%s%s %s%s", list, *list ? "; " : "", x->mt->crits[i].id, x->mt->crits[i].name,
                  lc->na_full ? L(" (không phát sinh: đạt điểm tối đa)", " (did not arise: full points)") : "");
  }
  if (!n || n == applicable) return "";        /* none, or every one (said once, below) */
  return capital ? rd_str(&x->ss, L("Điểm tối đa ở %d/%d tiêu chí: %s.", "Full points in %d of %d criteria: %s."), n, applicable, list)
                 : rd_str(&x->ss, L("điểm tối đa ở %d/%d tiêu chí: %s.", "full points in %d of %d criteria: %s."), n, applicable, list);
}

const char *rd_went_well(rd_ctx *x, int ci) {
  const meth_component *rc = &x->mt->comps[ci];
  const char *said = "";
  for (int i = rc->first; i < rc->first + rc->count; i++) {
    const ledger_criterion *lc = &x->r->crits[i];
    for (int k = 0; k < lc->acount; k++)
      said = rd_str(&x->ss, "%s%s%s", said, *said ? "; " : "", x->r->achs[lc->afirst + k].text);
  }
  const char *full = rd_full_points(x, ci, *said != '\0');
  if (!*said) return full;
  return rd_str(&x->ss, "%s.%s%s", said, *full ? " " : "", full);
}
