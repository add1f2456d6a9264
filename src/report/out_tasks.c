/*
** out_tasks.c -- a unit's improvement tasks by office (`tasks`, the
** report's part II): which office leads (chủ trì) each deduction's task and
** is credited its points, which support it (phối hợp), in text.
*/
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "plan.h"
#include "score.h"

static const methodology *cmp_rb;
static int office_order(const char *id) {
  for (int i = 0; i < cmp_rb->noffices; i++)
    if (!strcmp(cmp_rb->offices[i].id, id)) return i;
  return cmp_rb->noffices;
}

static int cmp_task(const void *x, const void *y) {
  const task_item *a = x, *b = y;
  int oa = office_order(a->office), ob = office_order(b->office);
  if (oa != ob) return oa < ob ? -1 : 1;
  int c = strcmp(a->office, b->office);
  if (c) return c;
  if (a->lead != b->lead) return a->lead ? -1 : 1;
  if (a->points != b->points) return a->points > b->points ? -1 : 1;
  return a->ded < b->ded ? -1 : a->ded > b->ded;
}

/* The task items of ledger line d (criterion or item id, whose owner leads
** when the line names no task), ded its index in task_item terms. */
static void add_tasks(const methodology *mt, const ledger_deduction *d, const char *id, const char *owner, int ded,
                      const char *office, task_item **v, int *n, int *cap) {
  int nt = d->ntasks ? d->ntasks : 1;
  const char *lead = d->ntasks ? d->tasks[0].office : owner;
  for (int t = 0; t < nt; t++) {
    const char *o = d->ntasks ? d->tasks[t].office : owner;
    if (office && strcmp(office, o)) continue;
    if (*n == *cap) {
      *cap *= 2;
      task_item *g = realloc(*v, (size_t)*cap * sizeof *g);
      if (!g) abort();
      *v = g;
    }
    const char *name = methodology_office_name(mt, o);
    const char *text = d->ntasks ? d->tasks[t].text : d->reason;
    (*v)[(*n)++] = (task_item){o, name ? name : o, text, id, d->reason, d->points, ded, t == 0, lead};
  }
}

int report_collect_tasks(const methodology *mt, const unit_result *r, const char *office, task_item **items) {
  int n = 0, cap = 16;
  task_item *v = malloc((size_t)cap * sizeof *v);
  if (!v) abort();
  for (int i = 0; i < r->nded; i++) {
    const ledger_deduction *d = &r->deds[i];
    const meth_criterion *c = &mt->crits[d->crit];
    if (ledger_has_task(d)) add_tasks(mt, d, c->id, c->owner, i, office, &v, &n, &cap);   /* not: points given back */
  }
  for (int k = 0; k < r->nextras; k++) {         /* a penalty implies its tasks (a bonus none) */
    const meth_extra *x = &mt->extras[r->extras[k].crit];
    if (x->penalty) add_tasks(mt, &r->extras[k], x->id, x->owner, r->nded + k, office, &v, &n, &cap);
  }
  cmp_rb = mt;
  qsort(v, (size_t)n, sizeof *v, cmp_task);
  *items = v;
  return n;
}

void report_task_gains(const methodology *mt, const unit_result *r, const task_item *items, int n, pts_t *totals) {
  unsigned char *done = calloc((size_t)(r->nded ? r->nded : 1), 1);
  unit_result s = {0};
  if (!done) abort();
  for (int i = 0; i < n; i++) {
    int k = items[i].ded - r->nded;            /* >= 0: a penalty line, taken out of the totals */
    if (k < 0) done[items[i].ded] = 1;
    plan_retotal(mt, r, k < 0 ? done : NULL, &s);
    if (k < 0) done[items[i].ded] = 0;
    else {
      s.extras[k].requested = 0;
      score_totals(mt, &s);
    }
    totals[i] = s.total;
  }
  ledger_free(&s);
  free(done);
}

const ledger_deduction *report_task_line(const unit_result *r, const task_item *t) {
  return t->ded < r->nded ? &r->deds[t->ded] : &r->extras[t->ded - r->nded];
}

char *report_rule_at(const methodology *mt, int file_index, int line) {
  const char *file = methodology_file(mt, file_index);
  if (!file) return NULL;
  size_t n = strlen(file) + 24;
  char *at = malloc(n);
  if (!at) abort();
  snprintf(at, n, "%s:%d", file, line);
  return at;
}

char *report_rule_line(const methodology *mt, const ledger_deduction *d) {
  return report_rule_at(mt, d->file, d->line);
}

pts_t report_office_points(const task_item *items, int first, int end) {
  pts_t sum = 0;
  for (int i = first; i < end; i++) {
    if (!items[i].lead) continue;
    int seen = 0;
    for (int j = first; j < i && !seen; j++) seen = items[j].lead && items[j].ded == items[i].ded;
    if (!seen) sum += items[i].points;
  }
  return sum;
}

void out_tasks_text(FILE *f, const methodology *mt, const unit_result *r, const char *office, report_lang lang) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX];
  int vi = lang == LANG_VI;
  char dec = vi ? ',' : '.';
  task_item *items;
  int n = report_collect_tasks(mt, r, office, &items);
  fprintf(f, "%s · %s (%s) · %d\n", vi ? "Nhiệm vụ khắc phục" : "Improvement tasks", r->unit.name, r->unit.id, r->year);
  if (!n) fprintf(f, "\n%s\n", vi ? "Không có nhiệm vụ: không bị trừ điểm." : "No tasks: no points were lost.");
  pts_t all = 0;
  for (int i = 0, k = 0; i < n; i++) {
    if (i == 0 || strcmp(items[i].office, items[i - 1].office)) {
      int end = i + 1;
      while (end < n && !strcmp(items[end].office, items[i].office)) end++;
      k = 0;
      pts_t mine = report_office_points(items, i, end);
      all += mine;
      fprintf(f, "\n%s (%s) · %s %s\n", items[i].office_name, items[i].office,
              vi ? "chủ trì, có thể lấy lại" : "leads, can win back", pts_format(a, mine, dec, 1));
    }
    const task_item *t = &items[i];
    fprintf(f, "  %d. [%s] %s: %s ", ++k, t->criterion, t->lead ? (vi ? "chủ trì" : "lead") : (vi ? "phối hợp" : "support"),
            t->text);
    if (!t->lead) {
      const char *ln = methodology_office_name(mt, t->lead_office);
      fprintf(f, "(%s %s)", vi ? "chủ trì:" : "led by", ln ? ln : t->lead_office);
    } else if (t->points == 0)
      fprintf(f, "(%s)", vi ? "thông tin: tiêu chí đã ở mức 0 điểm trước khoản trừ này, không tính điểm"
                            : "information: the criterion was already at 0 points before this deduction, which takes none");
    else fprintf(f, "(+%s)", pts_format(a, t->points, dec, 1));
    const ledger_deduction *d = report_task_line(r, t);   /* the u.lose call that made it */
    const char *file = methodology_file(mt, d->file);
    if (file) fprintf(f, " · %s:%d", file, d->line);
    fputc('\n', f);
  }
  if (n && !office) {
    pts_t lost = 0, back = 0;                  /* back: given back by adjustments (no task) */
    for (int i = 0; i < r->nded; i++) *(ledger_has_task(&r->deds[i]) ? &lost : &back) += r->deds[i].points;
    lost += r->penalty;                        /* the penalty lines' points, led like deductions */
    fprintf(f, "\n%s %s (%s %s", vi ? "Cộng điểm các cơ quan chủ trì:" : "The lead offices' points add up to",
            pts_format(a, all, dec, 1), vi ? "điểm bị trừ:" : "points lost:", pts_format(b, lost, dec, 1));
    if (back) fprintf(f, vi ? "; Hội đồng thẩm định cộng lại %s" : "; %s given back by the appraisal council",
                      pts_format(b, -back, dec, 1));
    fputs(")\n", f);
  }
  free(items);
}
