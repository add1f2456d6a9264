/*
** report_reconcile.c -- the part of the written report that sets the unit's
** self-assessment (tự đánh giá, tự chấm điểm) beside the appraisal: the
** totals of the self-assessed criteria, a table of every one of them (self,
** appraised, difference) and, for each criterion where the two differ, the
** reasons the appraisal found, the documents the unit cited and its
** explanation. Written only when report_doc.recon is set (report --reconcile).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_doc_int.h"

#define S rd_str

/* The unit's evidence as one line of text (owned by x's strings). */
static const char *evidence(rd_ctx *x, const char *json) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) abort();
  out_reconcile_evidence(f, json);
  fclose(f);
  const char *s = S(&x->ss, "%s", buf);
  free(buf);
  return s;
}

/* The differing criteria: one item each, the reasons below it. */
static void differences(rd_ctx *x, const reconciliation *rc) {
  report_writer *w = x->w;
  for (int i = 0; i < rc->n; i++) {
    const recon_row *row = &rc->rows[i];
    if (row->crit < 0 || !row->has_self || !row->difference) continue;
    const ledger_criterion *lc = &rc->r->crits[row->crit];
    const meth_criterion *k = &rc->mt->crits[row->crit];
    w->item(w, 1, S(&x->ss, L("Tiêu chí %s:", "Criterion %s:"), k->id),
            S(&x->ss, L("%s; đơn vị tự chấm %s điểm, kết quả thẩm định %s điểm (%s điểm).",
                        "%s; self-assessed %s points, appraised %s points (%s points)."),
              k->name, rd_pts(x, row->self), rd_pts(x, row->appraised), rd_signed(x, row->difference)));
    for (int d = 0; d < lc->count; d++) {
      const ledger_deduction *ld = &rc->r->deds[lc->first + d];
      if (!ld->points) continue;
      w->item(w, 2, ld->points > 0 ? S(&x->ss, L("Trừ %s điểm:", "Minus %s points:"), rd_pts(x, ld->points))
                                   : S(&x->ss, L("Cộng %s điểm:", "Plus %s points:"), rd_pts(x, -ld->points)),
              ld->reason);
    }
    if (lc->na) w->item(w, 2, L("Không áp dụng:", "Not applicable:"), lc->na_reason ? lc->na_reason : "");
    if (row->difference > 0 && !lc->count)
      w->item(w, 2, NULL, L("Kết quả thẩm định cao hơn điểm đơn vị tự chấm.", "The appraisal gives more than the unit claimed."));
    const char *ev = row->evidence && strcmp(row->evidence, "[]") ? evidence(x, row->evidence) : NULL;
    w->item(w, 2, L("Tài liệu kiểm chứng đơn vị viện dẫn:", "Evidence the unit cited:"),
            ev && *ev ? ev : L("không có.", "none."));
    if (row->explanation) w->item(w, 2, L("Đơn vị giải trình:", "The unit's explanation:"), row->explanation);
  }
}

void rd_reconcile(rd_ctx *x, const char *number) {
  const reconciliation *rc = x->d->recon;
  report_writer *w = x->w;
  if (!rc) return;
  w->heading(w, 2, S(&x->ss, L("%s. ĐỐI CHIẾU KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM VỚI KẾT QUẢ THẨM ĐỊNH NĂM %d",
                                "%s. THE SELF-ASSESSMENT AGAINST THE APPRAISAL, %d"), number, rc->r->year));
  if (!rc->nself) {
    w->para(w, NULL, S(&x->ss, L("%s chưa gửi kết quả tự đánh giá, chấm điểm năm %d.",
                                 "%s sent no self-assessment for %d."), rc->r->unit.name, rc->r->year));
    return;
  }
  int ndiff = 0;
  for (int i = 0; i < rc->n; i++) ndiff += rc->rows[i].crit >= 0 && rc->rows[i].has_self && rc->rows[i].difference;
  pts_t diff = rc->appraised_total - rc->self_total;
  w->para(w, NULL, S(&x->ss, L("%s tự đánh giá, chấm điểm %d tiêu chí với tổng số %s điểm; kết quả thẩm định các tiêu chí "
                               "này là %s điểm (%s điểm). Có %d tiêu chí có kết quả thẩm định khác điểm tự chấm.",
                               "%s assessed itself on %d criteria, %s points in all; the appraisal of these criteria "
                               "gives %s points (%s points). %d criteria differ."),
                     rc->r->unit.name, rc->nself, rd_pts(x, rc->self_total),
                     rd_pts(x, rc->appraised_total), rd_signed(x, diff), ndiff));
  const char **cells = calloc((size_t)(rc->n + 2) * 5, sizeof *cells);
  if (!cells) abort();
  int n = 0;
  cells[n++] = L("Tiêu chí", "Criterion");
  cells[n++] = L("Nội dung", "Name");
  cells[n++] = L("Tự chấm", "Self-assessed");
  cells[n++] = L("Thẩm định", "Appraised");
  cells[n++] = L("Chênh lệch", "Difference");
  for (int i = 0; i < rc->n; i++) {
    const recon_row *row = &rc->rows[i];
    if (row->crit < 0 || !row->has_self) continue;
    cells[n++] = row->criterion;
    cells[n++] = rc->mt->crits[row->crit].name;
    cells[n++] = rd_pts(x, row->self);
    cells[n++] = rd_pts(x, row->appraised);
    cells[n++] = row->difference ? rd_signed(x, row->difference) : rd_pts(x, 0);
  }
  cells[n++] = "";
  cells[n++] = L("Tổng", "Total");
  cells[n++] = rd_pts(x, rc->self_total);
  cells[n++] = rd_pts(x, rc->appraised_total);
  cells[n++] = diff ? rd_signed(x, diff) : rd_pts(x, 0);
  static const int align[5] = {ALIGN_LEFT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT};
  w->table(w, S(&x->ss, L("Biểu đối chiếu điểm tự chấm và điểm thẩm định năm %d", "Self-assessed and appraised points, %d"),
                rc->r->year), 5, n / 5, cells, align);
  free(cells);
  if (ndiff) w->para(w, NULL, L("Các tiêu chí có chênh lệch và lý do:", "The criteria that differ, and why:"));
  differences(x, rc);
  for (int i = 0; i < rc->n; i++)
    if (rc->rows[i].crit < 0)
      w->para(w, NULL, S(&x->ss, L("Tiêu chí %s đơn vị tự chấm không có trong bộ tiêu chí năm %d.",
                                   "Criterion %s of the self-assessment is not in the %d rulebook."),
                         rc->rows[i].criterion, rc->r->year));
}
