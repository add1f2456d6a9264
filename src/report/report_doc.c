/*
** report_doc.c -- the body of the written report, once, for every writer.
** Every figure comes from the comparison, the standings or the ledger.
*/
#include "report_doc.h"

#include "date.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char **v; int n, cap; } strs;   /* the strings of one report */

static const char *S(strs *ss, const char *fmt, ...) {
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

typedef struct {
  report_writer *w;
  const report_doc *d;
  const comparison *c;
  const methodology *mt;                 /* the report year's methodology */
  const unit_result *r;
  int vi;
  report_lang lang;
  strs ss;
} ctx;

#define L(vi_text, en_text) (x->vi ? (vi_text) : (en_text))

static const char *P(ctx *x, pts_t v) {
  char buf[PTS_FMT_MAX];
  return S(&x->ss, "%s", pts_format(buf, v, x->vi ? ',' : '.', 1));
}
static const char *SIGNED(ctx *x, pts_t v) {
  char buf[PTS_FMT_MAX + 1];
  return S(&x->ss, "%s", out_signed(buf, v, x->lang));
}
static const char *PCT(ctx *x, pts_t v) { return S(&x->ss, "%s%%", P(x, v)); }
static const char *RATIO(ctx *x, pts_t p, pts_t m) { return S(&x->ss, "%s/%s", P(x, p), P(x, m)); }

/* the report year's component index of a comparison entry, or -1 */
static int comp_of(ctx *x, const cmp_component *k) {
  return methodology_component(x->mt, k->id);
}

static int any_illustrative(const report_doc *d) {
  for (int i = 0; i < d->n_to; i++) if (d->st_to[i].r->illustrative) return 1;
  for (int i = 0; i < d->n_from; i++) if (d->st_from[i].r->illustrative) return 1;
  return 0;
}

/* ---- I.1 ---- */

static void summary(ctx *x) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  w->heading(w, 3, S(&x->ss, L("1. Tổng hợp kết quả Chỉ số PAR INDEX của %s năm %d và năm %d",
                                "1. PAR INDEX of %s in %d and %d"), x->r->unit.name, c->from_year, c->to_year));
  const char *cells[6 * 3];
  int n = 0;
  cells[n++] = L("Năm đánh giá", "Year");
  cells[n++] = L("Điểm HĐTĐ cấp tỉnh", "Appraisal points");
  cells[n++] = L("Điểm điều tra xã hội học", "Survey points");
  cells[n++] = "PAR INDEX";
  cells[n++] = S(&x->ss, L("Xếp hạng (/%d đơn vị)", "Rank (of %d units)"), c->to_units);
  cells[n++] = L("Xếp loại", "Band");
  const unit_result *yr[2] = {c->from, c->to};
  const int rank[2] = {c->from_rank, c->to_rank}, units[2] = {c->from_units, c->to_units};
  const char *band[2] = {c->from_band, c->to_band};
  for (int i = 0; i < 2; i++) {
    cells[n++] = S(&x->ss, "%d", yr[i]->year);
    cells[n++] = P(x, yr[i]->appraisal);
    cells[n++] = P(x, yr[i]->survey);
    cells[n++] = P(x, yr[i]->total);
    cells[n++] = units[i] == c->to_units ? S(&x->ss, "%d", rank[i]) : S(&x->ss, "%d/%d", rank[i], units[i]);
    cells[n++] = band[i] ? band[i] : "";
  }
  static const int align[6] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_LEFT};
  w->table(w, NULL, 6, 3, cells, align);
  w->chart(w, CHART_RANKING, S(&x->ss, L("Xếp hạng Chỉ số CCHC năm %d của %d đơn vị", "PAR index %d of the %d units"),
                               c->to_year, x->d->n_to));
  if (any_illustrative(x->d))
    w->footnote(w, L("(*) Điểm của các đơn vị đánh dấu (*) tính từ dữ liệu minh họa, không phải số liệu công bố "
                     "(xem data/README.md); thứ hạng của đơn vị được tính trong tập dữ liệu này.",
                     "(*) Units marked (*) are scored from illustrative facts, not published figures "
                     "(see data/README.md); the unit's rank is computed within this data set."));
  const char *dec[2] = {x->d->decision_from, x->d->decision_to}, *when[2] = {x->d->decision_from_date, x->d->decision_to_date};
  for (int i = 0; i < 2; i++) {
    pdate pd;
    char day[16];
    if (!dec[i]) continue;
    const char *on = when[i] && date_parse_iso(when[i], &pd) ? date_format_vn(day, pd) : when[i] ? when[i] : "";
    w->footnote(w, S(&x->ss, L("Kết quả năm %d là kết quả đã công bố tại Quyết định số %s ngày %s; các lần chấm sau đó "
                               "không thay đổi kết quả này.",
                               "The %d results are those published by decision %s of %s; later runs do not change them."),
                     yr[i]->year, dec[i], on));
  }
}

/* ---- I.2 ---- */

static const char *rank_change(ctx *x) {
  int up = x->c->from_rank - x->c->to_rank;
  if (!x->c->from_rank || !x->c->to_rank) return "";
  if (!up) return L("giữ nguyên hạng", "the same rank");
  return up > 0 ? S(&x->ss, L("tăng %d bậc", "up %d places"), up) : S(&x->ss, L("giảm %d bậc", "down %d places"), -up);
}

static void tables(ctx *x) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  pts_t dt = c->to->total - c->from->total;
  w->heading(w, 3, S(&x->ss, L("2. Kết quả Chỉ số PAR INDEX năm %d theo từng lĩnh vực đánh giá",
                                "2. PAR INDEX %d by component"), c->to_year));
  w->para(w, NULL, S(&x->ss, L("Chỉ số PAR INDEX của %s năm %d đạt %s điểm, xếp hạng %d/%d (%s %s điểm và %s so với năm %d).",
                               "The PAR INDEX of %s for %d is %s points, rank %d of %d (%s %s points and %s compared with %d)."),
                     x->r->unit.name, c->to_year, P(x, c->to->total), c->to_rank, c->to_units,
                     dt >= 0 ? L("tăng", "up") : L("giảm", "down"), P(x, dt >= 0 ? dt : -dt), rank_change(x), c->from_year));
  w->chart(w, CHART_COMPONENTS, S(&x->ss, L("Tỷ lệ điểm (%%) theo lĩnh vực, năm %d và năm %d",
                                             "Percentage of the maximum by component, %d and %d"), c->from_year, c->to_year));
  int nc = c->ncomps;
  const char **cells = calloc((size_t)(nc + 1) * 6, sizeof *cells);
  if (!cells) abort();
  int n = 0;
  cells[n++] = L("STT", "#");
  cells[n++] = L("Lĩnh vực", "Component");
  cells[n++] = S(&x->ss, L("Năm %d (điểm đạt/điểm tối đa)", "%d (points/max)"), c->from_year);
  cells[n++] = S(&x->ss, L("Năm %d (điểm đạt/điểm tối đa)", "%d (points/max)"), c->to_year);
  int changed = 0;
  for (int i = 0; i < nc; i++) {
    const cmp_component *k = &c->comps[i];
    changed += k->max_changed;
    cells[n++] = k->id;
    cells[n++] = k->name;
    cells[n++] = k->in_from ? RATIO(x, k->from_points, k->from_max) : "—";
    cells[n++] = k->in_to ? S(&x->ss, "%s%s", RATIO(x, k->to_points, k->to_max), k->max_changed ? " †" : "") : "—";
  }
  static const int a4[4] = {ALIGN_LEFT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT};
  w->table(w, S(&x->ss, L("Biểu so sánh theo từng lĩnh vực năm %d và năm %d", "Points by component, %d and %d"),
                c->from_year, c->to_year), 4, nc + 1, cells, a4);
  if (changed) {
    const char *ids = "";
    for (int i = 0; i < nc; i++)
      if (c->comps[i].max_changed) ids = S(&x->ss, "%s%s%s", ids, *ids ? ", " : "", c->comps[i].id);
    w->footnote(w, S(&x->ss, L("† Điểm tối đa của lĩnh vực %s thay đổi giữa năm %d và năm %d; vì vậy các lĩnh vực "
                               "được so sánh bằng tỷ lệ điểm đạt trên điểm tối đa (%%), không bằng điểm.",
                               "† The maximum of component(s) %s changed between %d and %d, so components are "
                               "compared by their percentage of the maximum, not by points."),
                         ids, c->from_year, c->to_year));
  }
  n = 0;
  cells[n++] = L("STT", "#");
  cells[n++] = L("Lĩnh vực", "Component");
  cells[n++] = S(&x->ss, L("Năm %d (%%)", "%d (%%)"), c->to_year);
  cells[n++] = S(&x->ss, L("Năm %d (%%)", "%d (%%)"), c->from_year);
  cells[n++] = L("Mức độ tăng/giảm (điểm %)", "Change (percentage points)");
  cells[n++] = S(&x->ss, L("Thứ tự trong đơn vị (%d)", "Rank within unit (%d)"), c->to_year);
  for (int i = 0; i < nc; i++) {
    const cmp_component *k = &c->comps[i];
    cells[n++] = k->id;
    cells[n++] = k->name;
    cells[n++] = k->in_to ? PCT(x, k->to_pct) : "—";
    cells[n++] = k->in_from ? PCT(x, k->from_pct) : "—";
    cells[n++] = k->in_from && k->in_to ? SIGNED(x, k->change) : "—";
    cells[n++] = k->in_to ? S(&x->ss, "%d/%d", k->to_rank, x->mt->ncomps) : "—";
  }
  static const int a6[6] = {ALIGN_LEFT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT};
  w->table(w, S(&x->ss, L("Biểu so sánh Chỉ số (%%) năm %d và năm %d", "Percentages, %d and %d"), c->to_year,
                c->from_year), 6, nc + 1, cells, a6);
  free(cells);
  w->footnote(w, L("Tỷ lệ % là điểm đạt chia điểm tối đa, làm tròn 2 chữ số thập phân; mức tăng/giảm là hiệu của hai "
                   "tỷ lệ đã làm tròn, tính bằng điểm phần trăm.",
                   "A percentage is points divided by the maximum, rounded to 2 decimals; a change is the difference "
                   "of the two rounded percentages, in percentage points."));
}

static void criteria_of(ctx *x, int ci) {
  const meth_component *rc = &x->mt->comps[ci];
  report_writer *w = x->w;
  const char *list = "";
  for (int i = rc->first; i < rc->first + rc->count; i++)
    list = S(&x->ss, "%s%s(%s) %s", list, *list ? "; " : "", x->mt->crits[i].id, x->mt->crits[i].name);
  w->para(w, NULL, S(&x->ss, L("Lĩnh vực được đánh giá qua %d tiêu chí: %s.", "The component is assessed by %d criteria: %s."),
                     rc->count, list));
  int lost = 0;
  for (int i = rc->first; i < rc->first + rc->count; i++) {
    const ledger_criterion *lc = &x->r->crits[i];
    const meth_criterion *k = &x->mt->crits[i];
    if (lc->na) {
      w->item(w, 1, S(&x->ss, "%s %s:", k->id, k->name), S(&x->ss, "%s (%s)", L("không áp dụng", "not applicable"), lc->na_reason));
      lost++;
      continue;
    }
    if (lc->points >= lc->max) continue;
    if (!lost++) w->para(w, NULL, L("Các tiêu chí bị trừ điểm:", "Criteria that lost points:"));
    w->item(w, 1, S(&x->ss, "%s %s:", k->id, k->name),
            S(&x->ss, L("đạt %s điểm, bị trừ %s điểm.", "%s points, %s lost."), RATIO(x, lc->points, lc->max),
              P(x, lc->max - lc->points)));
    for (int d = 0; d < lc->count; d++) {
      const ledger_deduction *ld = &x->r->deds[lc->first + d];
      const char *why = ld->requested == ld->points ? ld->reason
        : S(&x->ss, L("%s (vượt mức tối đa của tiêu chí: yêu cầu trừ %s, chỉ trừ %s)",
                      "%s (beyond the criterion's maximum: %s asked, %s taken)"),
            ld->reason, P(x, ld->requested), P(x, ld->points));
      w->item(w, 2, S(&x->ss, "%s%s:", ld->points < 0 ? "+" : "−", P(x, ld->points < 0 ? -ld->points : ld->points)), why);
    }
  }
  if (!lost) w->para(w, NULL, L("Tất cả các tiêu chí của lĩnh vực đạt điểm tối đa.", "Every criterion of the component has full points."));
}

static void component_section(ctx *x, const cmp_component *k, const char *number) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  int ci = comp_of(x, k);
  w->heading(w, 5, S(&x->ss, L("%s. Lĩnh vực %s: %s", "%s. Component %s: %s"), number, k->id, k->name));
  const char *dir = k->change > 0 ? L("tăng", "up") : k->change < 0 ? L("giảm", "down") : L("không đổi", "unchanged");
  const char *maxnote = k->max_changed
    ? S(&x->ss, L("; điểm tối đa đổi từ %s thành %s", "; the maximum changed from %s to %s"), P(x, k->from_max), P(x, k->to_max))
    : "";
  w->para(w, NULL, S(&x->ss, L("Đạt %s điểm (bằng %s), %s %s điểm phần trăm so với năm %d (%s điểm, %s%s). "
                               "Đây là chỉ số thành phần đứng thứ %d/%d chỉ số thành phần đánh giá của đơn vị.",
                               "%s points (%s), %s %s percentage points from %d (%s points, %s%s). "
                               "It ranks %d of the unit's %d components."),
                     RATIO(x, k->to_points, k->to_max), PCT(x, k->to_pct), dir, P(x, k->change < 0 ? -k->change : k->change),
                     c->from_year, RATIO(x, k->from_points, k->from_max), PCT(x, k->from_pct), maxnote, k->to_rank,
                     x->mt->ncomps));
  if (ci >= 0) criteria_of(x, ci);
}

static void groups(ctx *x) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  const struct { const int *ix; int n; const char *vi, *en; } g[2] = {
    {c->rising, c->nrising, "Nhóm các chỉ số thành phần tăng điểm", "Rising components"},
    {c->falling, c->nfalling, "Nhóm các chỉ số thành phần giảm điểm", "Falling components"}};
  int sec = 0;
  for (int i = 0; i < 2; i++) {
    if (!g[i].n) continue;
    sec++;
    w->heading(w, 4, S(&x->ss, L("2.%d. %s (%d chỉ số thành phần)", "2.%d. %s (%d)"), sec, L(g[i].vi, g[i].en), g[i].n));
    for (int k = 0; k < g[i].n; k++)
      component_section(x, &c->comps[g[i].ix[k]], S(&x->ss, "2.%d.%d", sec, k + 1));
  }
  int same = 0;
  for (int i = 0; i < c->ncomps; i++) same += c->comps[i].in_from && c->comps[i].in_to && !c->comps[i].change;
  if (same) {
    sec++;
    w->heading(w, 4, S(&x->ss, L("2.%d. Nhóm các chỉ số thành phần không đổi (%d chỉ số thành phần)", "2.%d. Unchanged components (%d)"),
                       sec, same));
    int k = 0;
    for (int i = 0; i < c->ncomps; i++)
      if (c->comps[i].in_from && c->comps[i].in_to && !c->comps[i].change)
        component_section(x, &c->comps[i], S(&x->ss, "2.%d.%d", sec, ++k));
  }
}

/* ---- I.3 ---- */

static void causes(ctx *x) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  w->heading(w, 3, L("3. Nguyên nhân các chỉ số tăng, giảm", "3. Causes of the rises and falls"));
  w->para(w, NULL, L("Tổng hợp từ các nội dung bị trừ điểm trong sổ điểm, theo từng lĩnh vực.",
                     "Built from the deductions in the ledger, component by component."));
  for (int g = 0; g < 2; g++) {
    const int *ix = g ? c->falling : c->rising;
    int n = g ? c->nfalling : c->nrising;
    if (!n) continue;
    w->heading(w, 4, g ? L("3.2. Nguyên nhân của các chỉ số giảm điểm", "3.2. Why components fell")
                       : L("3.1. Nguyên nhân các chỉ số tăng điểm", "3.1. Why components rose"));
    for (int i = 0; i < n; i++) {
      const cmp_component *k = &c->comps[ix[i]];
      int ci = comp_of(x, k);
      pts_t lost_from = k->from_max - k->from_points, lost_to = k->to_max - k->to_points;
      const char *why = "";
      if (ci >= 0) {
        const meth_component *rc = &x->mt->comps[ci];
        for (int j = rc->first; j < rc->first + rc->count; j++) {
          const ledger_criterion *lc = &x->r->crits[j];
          if (lc->na || lc->points >= lc->max) continue;
          const char *reasons = "";
          for (int d = 0; d < lc->count; d++)
            reasons = S(&x->ss, "%s%s%s", reasons, d ? "; " : "", x->r->deds[lc->first + d].reason);
          if (g) why = S(&x->ss, "%s%s%s %s (−%s): %s", why, *why ? " " : "", x->mt->crits[j].id,
                          x->mt->crits[j].name, P(x, lc->max - lc->points), reasons);
          else why = S(&x->ss, "%s%s%s %s (−%s)", why, *why ? "; " : "", x->mt->crits[j].id, x->mt->crits[j].name,
                       P(x, lc->max - lc->points));
          if (g && why[strlen(why) - 1] != '.') why = S(&x->ss, "%s.", why);
        }
      }
      const char *text = S(&x->ss, L("%s %s điểm phần trăm; ", "%s %s percentage points; "),
                           k->change > 0 ? L("Tăng", "Up") : L("Giảm", "Down"), P(x, k->change < 0 ? -k->change : k->change));
      if (lost_to == lost_from)
        text = S(&x->ss, L("%sđiểm bị trừ không đổi (%s). ", "%spoints lost unchanged (%s). "), text, P(x, lost_to));
      else
        text = S(&x->ss, L("%sđiểm bị trừ %s từ %s (năm %d) %s %s (năm %d). ", "%spoints lost went %s from %s (%d) to%s %s (%d). "),
                 text, lost_to < lost_from ? L("giảm", "down") : L("tăng", "up"), P(x, lost_from), c->from_year,
                 x->vi ? (lost_to < lost_from ? "còn" : "lên") : "", P(x, lost_to), c->to_year);
      if (*why && !g) why = S(&x->ss, "%s.", why);
      text = *why ? S(&x->ss, "%s%s %s", text, g ? L("Do:", "Because of:") : L("Còn bị trừ điểm ở:", "Still lost:"), why)
                  : S(&x->ss, "%s%s", text, L("Không còn tiêu chí nào bị trừ điểm.", "No criterion lost points."));
      w->item(w, 1, S(&x->ss, L("Lĩnh vực %s (%s):", "Component %s (%s):"), k->id, k->name), text);
    }
  }
}

/* ---- II ---- */

typedef struct { int first, end; pts_t points; int order; } office_group;

static int cmp_group(const void *a, const void *b) {
  const office_group *x = a, *y = b;
  if (x->points != y->points) return x->points > y->points ? -1 : 1;
  return x->order - y->order;
}

typedef struct { const task_item *t; pts_t after; } won_item;

static int cmp_won(const void *a, const void *b) {       /* leads first, by what re-scoring gives back */
  const won_item *x = a, *y = b;
  if (x->t->lead != y->t->lead) return x->t->lead ? -1 : 1;
  if (x->after != y->after) return x->after > y->after ? -1 : 1;
  if (x->t->points != y->t->points) return x->t->points > y->t->points ? -1 : 1;
  return x->t->ded - y->t->ded;
}

/* The other units' totals, highest first, from the year's standings. */
static plan_field others(ctx *x) {
  plan_field f = {0};
  f.totals = malloc((size_t)(x->d->n_to + 1) * sizeof *f.totals);
  if (!f.totals) abort();
  for (int i = 0; i < x->d->n_to; i++)
    if (strcmp(x->d->st_to[i].r->unit.id, x->r->unit.id)) f.totals[f.n++] = x->d->st_to[i].r->total;
  return f;                                        /* standings are highest first */
}

/* The fewest tasks that lift the unit to the next rank, as one paragraph. */
static void next_rank(ctx *x, const plan_field *f, int rank) {
  report_writer *w = x->w;
  if (rank <= 1 || !f->n) return;
  plan_choice ch;
  if (plan_search(x->mt, x->r, f->totals[rank - 2], &ch)) return;
  const char *text;
  if (!ch.reachable)
    text = S(&x->ss, L("Các nhiệm vụ của đơn vị không đủ để lên hạng %d (cần %s điểm); làm hết được %s điểm.",
                       "The unit's tasks cannot lift it to rank %d (it needs %s points); all of them give %s."),
             rank - 1, P(x, f->totals[rank - 2]), P(x, ch.total_after));
  else {
    text = S(&x->ss, L("Để lên hạng %d (đạt %s điểm), cần ít nhất %d nhiệm vụ%s, được %s điểm: ",
                       "To reach rank %d (%s points), at least %d task%s needed, giving %s points: "),
             rank - 1, P(x, f->totals[rank - 2]), ch.n, x->vi ? "" : ch.n == 1 ? " is" : "s are", P(x, ch.total_after));
    for (int k = 0; k < ch.n; k++) {
      const ledger_deduction *d = &x->r->deds[ch.deds[k]];
      const char *o = d->ntasks ? d->tasks[0].office : x->mt->crits[d->crit].owner;
      const char *name = methodology_office_name(x->mt, o);
      text = S(&x->ss, "%s%s[%s] %s (%s)", text, k ? "; " : "", x->mt->crits[d->crit].id,
               d->ntasks ? d->tasks[0].text : d->reason, name ? name : o);
    }
    text = S(&x->ss, "%s.", text);
  }
  w->para(w, L("Lên hạng:", "Next rank:"), text);
  plan_choice_free(&ch);
}

static void tasks(ctx *x) {
  report_writer *w = x->w;
  task_item *items;
  int n = report_collect_tasks(x->mt, x->r, NULL, &items);
  w->heading(w, 2, S(&x->ss, L("II. NHIỆM VỤ VÀ GIẢI PHÁP NÂNG CAO CHỈ SỐ PAR INDEX NĂM %d",
                                "II. TASKS AND MEASURES TO RAISE THE PAR INDEX IN %d"), x->c->to_year + 1));
  w->para(w, NULL, S(&x->ss, L("Các nhiệm vụ do bộ tiêu chí sinh ra từ các nội dung bị trừ điểm năm %d, theo cơ quan; mỗi "
                               "nội dung có một cơ quan chủ trì, được tính số điểm lấy lại, và các cơ quan phối hợp. "
                               "Nhiệm vụ xếp theo số điểm lấy lại khi chấm lại tiêu chí (dưới mức trừ tối đa, một "
                               "nhiệm vụ riêng lẻ có thể không lấy lại điểm nào).",
                               "The tasks the rules produced from the deductions of %d, by office; each deduction has "
                               "one lead office, credited with its points, and supporting offices. Tasks are ordered by "
                               "the points re-scoring the criterion gives back (under a cap one task alone may give "
                               "nothing)."), x->c->to_year));
  plan_field f = others(x);
  int rank = plan_rank(&f, x->r->total);
  next_rank(x, &f, rank);
  pts_t *after = malloc((size_t)(n ? n : 1) * sizeof *after);
  won_item *won = malloc((size_t)(n ? n : 1) * sizeof *won);
  office_group *g = calloc((size_t)(n ? n : 1), sizeof *g);
  if (!after || !won || !g) abort();
  report_task_gains(x->mt, x->r, items, n, after);
  int ng = 0;
  for (int i = 0; i < n; i++) {
    if (i == 0 || strcmp(items[i].office, items[i - 1].office)) {
      g[ng] = (office_group){i, i, 0, ng};
      ng++;
    }
    g[ng - 1].end = i + 1;
    won[i] = (won_item){&items[i], after[i]};
  }
  for (int i = 0; i < ng; i++) {
    g[i].points = report_office_points(items, g[i].first, g[i].end);
    qsort(won + g[i].first, (size_t)(g[i].end - g[i].first), sizeof *won, cmp_won);
  }
  qsort(g, (size_t)ng, sizeof *g, cmp_group);
  if (!n) w->para(w, NULL, L("Không có nhiệm vụ: đơn vị không bị trừ điểm.", "No tasks: no points were lost."));
  for (int i = 0; i < ng; i++) {
    w->heading(w, 3, S(&x->ss, L("%c) %s (có thể lấy lại %s điểm)", "%c) %s (can win back %s points)"), 'a' + (i % 26),
                       items[g[i].first].office_name, P(x, g[i].points)));
    for (int k = g[i].first; k < g[i].end; k++) {
      const task_item *t = won[k].t;
      const char *lead;
      if (!t->lead) {
        const char *ln = methodology_office_name(x->mt, t->lead_office);
        lead = S(&x->ss, L("[%s] phối hợp (chủ trì: %s):", "[%s] support (led by %s):"), t->criterion, ln ? ln : t->lead_office);
      } else if (won[k].after == x->r->total)
        lead = S(&x->ss, L("[%s] chủ trì, thông tin (làm riêng không lấy lại điểm: tiêu chí vẫn ở mức trừ tối đa):",
                           "[%s] lead, information (alone it wins nothing back: the criterion stays at its floor):"),
                 t->criterion);
      else {
        int r2 = plan_rank(&f, won[k].after);
        lead = S(&x->ss, L("[%s] chủ trì, +%s điểm%s:", "[%s] lead, +%s points%s:"), t->criterion,
                 P(x, won[k].after - x->r->total),
                 r2 < rank ? S(&x->ss, L(" (riêng nhiệm vụ này đưa đơn vị lên hạng %d)", " (this task alone lifts the unit to rank %d)"), r2)
                           : "");
      }
      w->item(w, 1, lead, t->text);
    }
  }
  free(g);
  free(won);
  free(after);
  free(f.totals);
  free(items);
}

void report_write(report_writer *w, const report_doc *d) {
  ctx x0 = {0}, *x = &x0;
  x->w = w; x->d = d; x->c = d->cmp; x->mt = d->cmp->mt_to; x->r = d->cmp->to;
  x->lang = d->lang; x->vi = d->lang == LANG_VI;
  w->doc = d;
  w->begin(w, S(&x->ss, L("Báo cáo phân tích Chỉ số cải cách hành chính (PAR INDEX) năm %d của %s; nhiệm vụ và giải pháp "
                          "nâng cao Chỉ số PAR INDEX năm %d",
                          "Analysis of the PAR INDEX %d of %s; tasks and measures to raise the PAR INDEX in %d"),
                x->c->to_year, x->r->unit.name, x->c->to_year + 1),
           S(&x->ss, L("Lập bằng parindex từ dữ kiện trong kho và bộ tiêu chí %s (%s). Mọi điểm số và mọi nội dung bị "
                       "trừ điểm dưới đây lấy từ sổ điểm của lần chấm.",
                       "Written by parindex from the facts in the store and the rulebook %s (%s). Every figure and "
                       "every deduction below comes from the ledger of the scoring."), x->mt->name, x->mt->dir));
  if (x->c->from->illustrative || x->r->illustrative)
    w->footnote(w, S(&x->ss, L("(*) Dữ kiện của %s trong báo cáo này là dữ liệu minh họa, không phải số liệu công bố "
                               "(xem data/README.md): báo cáo chỉ để minh họa.",
                               "(*) The facts of %s in this report are illustrative, not published figures (see "
                               "data/README.md): the report is an illustration only."), x->r->unit.name));
  w->heading(w, 2, S(&x->ss, L("I. PHÂN TÍCH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM %d",
                                "I. ANALYSIS OF THE PAR INDEX %d"), x->c->to_year));
  summary(x);
  tables(x);
  groups(x);
  causes(x);
  tasks(x);
  w->end(w);
  for (int i = 0; i < x->ss.n; i++) free(x->ss.v[i]);
  free(x->ss.v);
}
