/*
** report_extras.c -- the written report's account of bonus and penalty
** points (điểm thưởng, điểm trừ): one sentence with the totals and how the
** index is made of them, then a table of every line with its item, reason
** and points, saying which cap held a line below what it asked. Nothing
** when the unit has no such line.
*/
#include "report_doc_int.h"

#include <stdlib.h>

/* What held a line below what it asked, as the report says it. */
static const char *held(rd_ctx *x, const meth_extra *e, const ledger_deduction *d) {
  if (d->requested == d->points) return "";
  const methodology *m = x->mt;
  const char *why = d->cap == LEDGER_CAP_ITEM
    ? rd_str(&x->ss, L("tối đa của mục %s điểm", "the item's max, %s points"), rd_pts(x, e->max))
    : d->cap == LEDGER_CAP_TOTAL
    ? rd_str(&x->ss, "%s %s", e->penalty ? L("giới hạn tổng điểm trừ", "the total penalty cap,")
                                         : L("giới hạn tổng điểm thưởng", "the total bonus cap,"),
             rd_pts(x, e->penalty ? m->penalty_cap : m->bonus_cap))
    : e->penalty ? L("chỉ số không dưới 0 điểm", "the index stays at least 0")
    : rd_str(&x->ss, L("chỉ số không vượt quá %s điểm", "the index stays at most %s"), rd_pts(x, m->total));
  return rd_str(&x->ss, L(" (đề nghị %s, %s: chỉ tính %s)", " (%s asked; %s: %s counted)"), rd_pts(x, d->requested),
                why, rd_pts(x, d->points));
}

void rd_extras(rd_ctx *x) {
  const unit_result *r = x->r;
  if (!r->nextras) return;
  report_writer *w = x->w;
  w->para(w, NULL, rd_str(&x->ss, L("Điểm thưởng, điểm trừ: %s được cộng %s điểm thưởng và bị trừ %s điểm; "
                                    "Chỉ số = %s (thẩm định) + %s (điều tra) + %s − %s = %s điểm.",
                                    "Bonus and penalty points: %s gains %s bonus points and loses %s penalty points; "
                                    "the index = %s (appraisal) + %s (survey) + %s − %s = %s points."),
                          x->name, rd_pts(x, r->bonus), rd_pts(x, r->penalty), rd_pts(x, r->appraisal),
                          rd_pts(x, r->survey), rd_pts(x, r->bonus), rd_pts(x, r->penalty), rd_pts(x, r->total)));
  int rows = r->nextras + 1;
  const char **cells = calloc((size_t)rows * 4, sizeof *cells);
  if (!cells) abort();
  cells[0] = L("Mục", "Item");
  cells[1] = L("Nội dung", "Name");
  cells[2] = L("Lý do", "Reason");
  cells[3] = L("Điểm", "Points");
  for (int k = 0; k < r->nextras; k++) {
    const ledger_deduction *d = &r->extras[k];
    const meth_extra *e = &x->mt->extras[d->crit];
    const char **row = cells + 4 * (k + 1);
    row[0] = rd_str(&x->ss, "%s (%s)", e->id, e->penalty ? L("điểm trừ", "penalty") : L("điểm thưởng", "bonus"));
    row[1] = e->name;
    row[2] = rd_str(&x->ss, "%s%s", d->reason, held(x, e, d));
    row[3] = d->points ? rd_str(&x->ss, "%s%s", e->penalty ? "−" : "+", rd_pts(x, d->points)) : rd_pts(x, 0);
  }
  static const int align[4] = {ALIGN_LEFT, ALIGN_LEFT, ALIGN_LEFT, ALIGN_RIGHT};
  w->table(w, L("Điểm thưởng, điểm trừ", "Bonus and penalty points"), 4, rows, cells, align);
  free(cells);
}
