/*
** report_letter.c -- the assignment letter (công văn) that gives one office
** its tasks for the next year: the frame of Nghị định 30 (number, "V/v",
** "Kính gửi"), the basis (the published decision), the tasks it leads and
** those it supports, each with its criterion, the points the deduction took
** and what doing it gives back, then recipients and signature.
*/
#include <stdlib.h>
#include <string.h>

#include "report_doc_int.h"

#define S(ss, ...) rd_str(ss, __VA_ARGS__)

/* The office's lead tasks (lead 1: with what doing each gives back) or
** the tasks it supports (lead 0: with the lead office), as one table. */
static void task_table(rd_ctx *x, const task_item *items, const pts_t *after, int n, int lead) {
  const char **cells = calloc((size_t)(n + 1) * 5, sizeof *cells);
  if (!cells) abort();
  int k = 0, row = 0;
  cells[k++] = L("STT", "#");
  cells[k++] = L("Nhiệm vụ", "Task");
  cells[k++] = L("Tiêu chí", "Criterion");
  if (!lead) cells[k++] = L("Cơ quan chủ trì", "Lead office");
  cells[k++] = S(&x->ss, L("Điểm bị trừ năm %d", "Points lost in %d"), x->c->to_year);
  if (lead) cells[k++] = L("Điểm lấy lại khi hoàn thành", "Points won back when done");
  for (int i = 0; i < n; i++) {
    if (items[i].lead != lead) continue;
    cells[k++] = S(&x->ss, "%d", ++row);
    cells[k++] = items[i].text;
    cells[k++] = items[i].criterion;
    if (!lead) {
      const char *ln = methodology_office_name(x->mt, items[i].lead_office);
      cells[k++] = ln ? ln : items[i].lead_office;
    }
    cells[k++] = rd_pts(x, items[i].points);
    if (lead)
      cells[k++] = after[i] > x->r->total ? S(&x->ss, "+%s", rd_pts(x, after[i] - x->r->total))
                                          : L("0,00 (tiêu chí vẫn ở mức trừ tối đa)", "0.00 (the criterion stays at its floor)");
  }
  static const int al[2][5] = {{ALIGN_LEFT, ALIGN_LEFT, ALIGN_LEFT, ALIGN_LEFT, ALIGN_RIGHT},
                               {ALIGN_LEFT, ALIGN_LEFT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT}};
  if (row) x->w->table(x->w, NULL, 5, row + 1, cells, al[lead]);
  else x->w->para(x->w, NULL, lead ? L("Không có nhiệm vụ chủ trì.", "No lead task.") : L("Không có nhiệm vụ phối hợp.", "No supporting task."));
  free(cells);
}

int report_letter_write(report_writer *w, const report_doc *d, const char *office) {
  const char *oname = methodology_office_name(d->cmp->mt_to, office);
  if (!oname) return -1;
  rd_ctx x0, *x = &x0;
  rd_ctx_init(x, w, d);
  x->letter_to = oname;
  int y = x->c->to_year;
  const char *subject = S(&x->ss, L("giao nhiệm vụ nâng cao Chỉ số PAR INDEX năm %d", "tasks to raise the PAR INDEX in %d"), y + 1);
  w->begin(w, S(&x->ss, "%s: %s", oname, subject));
  rd_frame_head(x, subject);
  const doc_published *p = d->pub_to;
  x->w->para(x->w, NULL, S(&x->ss, L("Căn cứ kết quả Chỉ số cải cách hành chính (PAR INDEX) năm %d của %s do %s công bố tại "
                                     "Quyết định số %s, ngày %s; căn cứ Báo cáo phân tích Chỉ số PAR INDEX năm %d của UBND "
                                     "%s, UBND %s giao %s thực hiện các nhiệm vụ năm %d như sau:",
                                     "On the basis of the PAR INDEX %d of %s published by %s in Decision No.\xc2\xa0%s of %s and of "
                                     "the analysis of the PAR INDEX %d of %s, the People's Committee of %s assigns %s the "
                                     "following tasks for %d:"),
                               y, x->name, p->decision_body ? p->decision_body : "…",
                               p->decision_number ? p->decision_number : "…", rd_date(x, p->decision_date), y, x->name,
                               x->name, oname, y + 1));
  task_item *items;
  int n = report_collect_tasks(x->mt, x->r, office, &items);
  pts_t *after = malloc((size_t)(n ? n : 1) * sizeof *after);
  if (!after) abort();
  report_task_gains(x->mt, x->r, items, n, after);
  pts_t total = report_office_points(items, 0, n);
  w->heading(w, 3, L("1. Nhiệm vụ chủ trì", "1. Tasks the office leads"));
  task_table(x, items, after, n, 1);
  if (total)
    w->para(w, NULL, S(&x->ss, L("Các nội dung do %s chủ trì bị trừ %s điểm trong năm %d; hoàn thành tất cả các nhiệm vụ "
                                 "chủ trì có thể lấy lại tối đa số điểm này.",
                                 "The deductions %s leads took %s points in %d; doing every lead task can win back up "
                                 "to these points."), oname, rd_pts(x, total), y));
  w->heading(w, 3, L("2. Nhiệm vụ phối hợp", "2. Tasks the office supports"));
  task_table(x, items, after, n, 0);
  w->para(w, NULL, S(&x->ss, L("Đề nghị %s khẩn trương triển khai thực hiện các nhiệm vụ trên, định kỳ báo cáo kết quả về "
                               "UBND %s./.", "%s is asked to carry out these tasks and report on them to the People's "
                               "Committee of %s./."), oname, x->name));
  rd_letter_end(x, subject);
  w->end(w);
  free(after);
  free(items);
  rd_ctx_free(x);
  return 0;
}
