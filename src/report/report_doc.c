/*
** report_doc.c -- the body of the written report, once, for every writer.
** Every figure comes from the comparison, the standings or the ledger.
*/
#include "report_doc_int.h"

#include <stdlib.h>
#include <string.h>

#define S(ss, ...) rd_str(ss, __VA_ARGS__)
#define P rd_pts
#define SIGNED rd_signed
typedef rd_ctx ctx;

static const char *PCT(ctx *x, pts_t v) { return S(&x->ss, "%s%%", P(x, v)); }
static const char *RATIO(ctx *x, pts_t p, pts_t m) { return S(&x->ss, "%s/%s", P(x, p), P(x, m)); }

/* the report year's component index of a comparison entry, or -1 */
static int comp_of(ctx *x, const cmp_component *k) {
  return methodology_component(x->mt, k->id);
}

/* ---- I.1 ---- */

static const char *rank_text(ctx *x, int rank, int units) {
  if (!rank) return "—";
  return !units || units == x->units_to ? S(&x->ss, "%d", rank) : S(&x->ss, "%d/%d", rank, units);
}

static void summary(ctx *x) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  w->heading(w, 3, x->first_year
    ? S(&x->ss, L("1. Tổng hợp kết quả Chỉ số PAR INDEX của %s năm %d", "1. PAR INDEX of %s in %d"), x->name, c->to_year)
    : S(&x->ss, L("1. Tổng hợp kết quả Chỉ số PAR INDEX của %s năm %d và năm %d", "1. PAR INDEX of %s in %d and %d"),
        x->name, c->from_year, c->to_year));
  if (x->first_year && x->pub_prev)
    w->para(w, NULL, S(&x->ss, L("Số liệu năm %d để so sánh chỉ có tổng điểm và thứ hạng đã công bố; các lĩnh vực được "
                                 "phân tích cho năm %d.", "For %d only the published total and rank are known; the "
                                 "components are analysed for %d."), c->to_year - 1, c->to_year));
  else if (x->first_year)
    w->para(w, NULL, S(&x->ss, L("Năm %d là năm đầu tiên có kết quả đánh giá; báo cáo không có số liệu năm %d để so sánh.",
                                 "%d is the first year assessed; there is no %d to compare with."), c->to_year, c->to_year - 1));
  const char *cells[6 * 3];
  int n = 0, bands = x->mt->nbands > 0, nc = bands ? 6 : 5;
  cells[n++] = L("Năm đánh giá", "Year");
  cells[n++] = x->d->district_appraised ? L("Điểm thẩm định cấp huyện", "Appraisal points")
                                        : L("Điểm HĐTĐ cấp tỉnh", "Appraisal points");
  cells[n++] = L("Điểm điều tra xã hội học", "Survey points");
  cells[n++] = "PAR INDEX";
  cells[n++] = x->units_to ? S(&x->ss, L("Xếp hạng (/%d đơn vị)", "Rank (of %d units)"), x->units_to) : L("Xếp hạng", "Rank");
  if (bands) cells[n++] = L("Xếp loại", "Band");
  const unit_result *yr[2] = {c->from, c->to};
  const int rank[2] = {x->rank_from, x->rank_to}, units[2] = {x->units_from, x->units_to};
  const char *band[2] = {c->from_band, c->to_band};
  int rows = 1;
  if (x->first_year && x->pub_prev) {        /* the year before, as published */
    cells[n++] = S(&x->ss, "%d", c->to_year - 1);
    cells[n++] = "—";
    cells[n++] = "—";
    cells[n++] = P(x, x->pub_prev->total);
    cells[n++] = rank_text(x, x->pub_prev->rank, x->d->pub_from->units);
    if (bands) cells[n++] = "";
    rows++;
  }
  for (int i = x->first_year; i < 2; i++) {
    cells[n++] = S(&x->ss, "%d", yr[i]->year);
    cells[n++] = P(x, yr[i]->appraisal);
    cells[n++] = P(x, yr[i]->survey);
    cells[n++] = P(x, yr[i]->total);
    cells[n++] = rank_text(x, rank[i], units[i]);
    if (bands) cells[n++] = band[i] ? band[i] : "";
  }
  static const int align[6] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_LEFT};
  w->table(w, NULL, nc, rows + (x->first_year ? 1 : 2), cells, align);
  rd_drafted(x, DRAFT_SUMMARY);
  const char *dec = w->ranking_decision;
  int nr = w->nranking, of = dec && x->d->pub_to->units ? x->d->pub_to->units : nr;
  if (!x->d->no_ranking && nr > 1)
    w->chart(w, CHART_RANKING,
             dec ? S(&x->ss, L("Xếp hạng Chỉ số CCHC năm %d của %d đơn vị (công bố tại Quyết định số %s)",
                               "PAR index %d of the %d units (as published by Decision No. %s)"),
                     c->to_year, of, *dec ? dec : "…")
                 : S(&x->ss, L("Xếp hạng Chỉ số CCHC năm %d của %d đơn vị", "PAR index %d of the %d units"), c->to_year, nr));
}

/* ---- I.2 ---- */

static const char *rank_change(ctx *x) {
  int up = x->rank_from - x->rank_to;
  if (!x->rank_from || !x->rank_to || x->units_from != x->units_to) return NULL;
  if (!up) return L("giữ nguyên hạng", "the same rank");
  return up > 0 ? S(&x->ss, L("tăng %d bậc", "up %d places"), up) : S(&x->ss, L("giảm %d bậc", "down %d places"), -up);
}

static void index_sentence(ctx *x) {
  const comparison *c = x->c;
  pts_t dt = c->to->total - c->from->total;
  const char *rank = !x->rank_to ? ""
                   : x->units_to ? S(&x->ss, L(", xếp hạng %d/%d", ", rank %d of %d"), x->rank_to, x->units_to)
                                 : S(&x->ss, L(", xếp hạng %d", ", rank %d"), x->rank_to);
  const char *change = "";
  if (x->first_year && x->pub_prev) {
    pts_t dp = c->to->total - x->pub_prev->total;
    change = S(&x->ss, L(" (%s so với %s điểm năm %d đã công bố)", " (%s from the %s points published for %d)"),
               dp ? S(&x->ss, L("%s %s điểm", "%s %s points"), dp > 0 ? L("tăng", "up") : L("giảm", "down"), P(x, dp > 0 ? dp : -dp))
                  : L("bằng số điểm", "the same points"),
               P(x, x->pub_prev->total), c->to_year - 1);
  } else if (!x->first_year) {
    const char *rc = rank_change(x);
    const char *pts = dt ? S(&x->ss, L("%s %s điểm", "%s %s points"), dt > 0 ? L("tăng", "up") : L("giảm", "down"),
                             P(x, dt > 0 ? dt : -dt))
                         : L("bằng số điểm", "the same points");
    change = S(&x->ss, L(" (%s%s%s so với năm %d)", " (%s%s%s compared with %d)"), pts, rc ? L(" và ", " and ") : "",
               rc ? rc : "", c->from_year);
  }
  x->w->para(x->w, NULL, S(&x->ss, L("Chỉ số PAR INDEX của %s năm %d đạt %s điểm%s%s.", "The PAR INDEX of %s for %d is %s points%s%s."),
                           x->name, c->to_year, P(x, c->to->total), rank, change));
}

static void tables(ctx *x) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  w->heading(w, 3, S(&x->ss, L("2. Kết quả Chỉ số PAR INDEX năm %d theo từng lĩnh vực đánh giá",
                                "2. PAR INDEX %d by component"), c->to_year));
  const char *names = "";
  for (int i = 0; i < x->mt->ncomps; i++) names = S(&x->ss, "%s%s%s", names, i ? "; " : "", x->mt->comps[i].name);
  w->para(w, NULL, S(&x->ss, L("Chỉ số PAR INDEX được đánh giá với %d chỉ số thành phần (%s).",
                               "The PAR INDEX is assessed on %d components (%s)."), x->mt->ncomps, names));
  index_sentence(x);
  rd_extras(x);
  if (!x->first_year)
    w->chart(w, CHART_COMPONENTS, S(&x->ss, L("Tỷ lệ điểm (%%) theo lĩnh vực, năm %d và năm %d",
                                               "Percentage of the maximum by component, %d and %d"), c->from_year, c->to_year));
  int nc = c->ncomps;
  const char **cells = calloc((size_t)(nc + 1) * 6, sizeof *cells);
  if (!cells) abort();
  int n = 0, changed = 0;
  cells[n++] = L("STT", "#");
  cells[n++] = L("Lĩnh vực", "Component");
  if (x->first_year) {
    cells[n++] = S(&x->ss, L("Năm %d (điểm đạt/điểm tối đa)", "%d (points/max)"), c->to_year);
    cells[n++] = L("Tỷ lệ (%)", "Percentage (%)");
    cells[n++] = L("Thứ tự trong đơn vị", "Rank within unit");
    for (int i = 0; i < nc; i++) {
      const cmp_component *k = &c->comps[i];
      if (!k->in_to) continue;
      cells[n++] = k->id;
      cells[n++] = k->name;
      cells[n++] = RATIO(x, k->to_points, k->to_max);
      cells[n++] = PCT(x, k->to_pct);
      cells[n++] = S(&x->ss, "%d/%d", k->to_rank, x->mt->ncomps);
    }
    static const int a5[5] = {ALIGN_LEFT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT};
    w->table(w, S(&x->ss, L("Biểu kết quả theo từng lĩnh vực năm %d", "Points by component, %d"), c->to_year), 5,
             n / 5, cells, a5);
    free(cells);
    return;
  }
  cells[n++] = S(&x->ss, L("Năm %d (điểm đạt/điểm tối đa)", "%d (points/max)"), c->from_year);
  cells[n++] = S(&x->ss, L("Năm %d (điểm đạt/điểm tối đa)", "%d (points/max)"), c->to_year);
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
  const char *well = rd_went_well(x, ci);
  if (*well) w->para(w, L("Kết quả đạt được:", "What went well:"), well);
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
      w->item(w, 2, ld->points ? S(&x->ss, "%s%s:", ld->points < 0 ? "+" : "−", P(x, ld->points < 0 ? -ld->points : ld->points))
                               : S(&x->ss, "%s:", P(x, 0)), why);
    }
  }
  if (!lost) w->para(w, NULL, L("Tất cả các tiêu chí của lĩnh vực đạt điểm tối đa.", "Every criterion of the component has full points."));
}

static void component_section(ctx *x, const cmp_component *k, const char *number) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  int ci = comp_of(x, k);
  w->heading(w, 5, S(&x->ss, L("%s. Lĩnh vực %s: %s", "%s. Component %s: %s"), number, k->id, k->name));
  const char *change = "";
  if (!x->first_year) {
    const char *maxnote = k->max_changed
      ? S(&x->ss, L("; điểm tối đa đổi từ %s thành %s", "; the maximum changed from %s to %s"), P(x, k->from_max), P(x, k->to_max))
      : "";
    const char *how = k->change
      ? S(&x->ss, L("%s %s điểm phần trăm", "%s %s percentage points"), k->change > 0 ? L("tăng", "up") : L("giảm", "down"),
          P(x, k->change < 0 ? -k->change : k->change))
      : L("không đổi", "unchanged");
    change = S(&x->ss, L(", %s so với năm %d (%s điểm, %s%s)", ", %s from %d (%s points, %s%s)"), how, c->from_year,
               RATIO(x, k->from_points, k->from_max), PCT(x, k->from_pct), maxnote);
  }
  w->para(w, NULL, S(&x->ss, L("Đạt %s điểm (bằng %s)%s. %s", "%s points (%s)%s. %s"), RATIO(x, k->to_points, k->to_max),
                     PCT(x, k->to_pct), change, rd_component_standing(x, k)));
  int nd = 0;
  const char **drafted = x->d->drafting ? doc_drafting_component(x->d->drafting, k->id, &nd) : NULL;
  for (int i = 0; i < nd; i++) w->para(w, NULL, drafted[i]);
  if (ci >= 0) criteria_of(x, ci);
}

static void groups(ctx *x) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  if (x->first_year) {
    w->heading(w, 4, S(&x->ss, L("2.1. Các chỉ số thành phần (%d chỉ số thành phần)", "2.1. The components (%d)"), c->ncomps));
    for (int i = 0; i < c->ncomps; i++)
      if (c->comps[i].in_to) component_section(x, &c->comps[i], S(&x->ss, "2.1.%d", i + 1));
    return;
  }
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

/* The criteria of component ci that lost more points in the report's year
** than the earlier year's facts lose under the same rules: the work's part. */
static const char *worse_criteria(ctx *x, int ci, int with_reasons, int only_worse) {
  const meth_component *rc = &x->mt->comps[ci];
  const unit_result *same = x->c->same;
  const char *why = "";
  for (int j = rc->first; j < rc->first + rc->count; j++) {
    const ledger_criterion *lc = &x->r->crits[j];
    if (lc->na || lc->points >= lc->max) continue;
    if (only_worse && same && !same->crits[j].na && same->crits[j].points <= lc->points) continue;
    const char *reasons = "";
    for (int d = 0; with_reasons && d < lc->count; d++)
      reasons = S(&x->ss, "%s%s%s", reasons, d ? "; " : "", x->r->deds[lc->first + d].reason);
    why = S(&x->ss, "%s%s%s %s (%s%s)%s%s", why, *why ? "; " : "", x->mt->crits[j].id, x->mt->crits[j].name,
            L("bị trừ ", "lost "), P(x, lc->max - lc->points), *reasons ? ": " : "", reasons);
  }
  return why;
}

static void cause_item(ctx *x, const cmp_component *k, int falling) {
  const comparison *c = x->c;
  int ci = comp_of(x, k);
  pts_t mag = k->change < 0 ? -k->change : k->change;
  const char *text = S(&x->ss, L("%s %s điểm phần trăm", "%s %s percentage points"), falling ? L("Giảm", "Down") : L("Tăng", "Up"),
                       P(x, mag));
  if (k->has_same && k->method_change) {
    text = S(&x->ss, L("%s: %s điểm phần trăm do thay đổi phương pháp đánh giá năm %d (số liệu năm %d chấm theo bộ "
                       "tiêu chí năm %d), %s điểm phần trăm do kết quả thực hiện. ",
                       "%s: %s percentage points from the %d methodology (the %d figures assessed under the %d criteria), "
                       "%s from the work. "),
             text, SIGNED(x, k->method_change), c->to_year, c->from_year, c->to_year, SIGNED(x, k->perf_change));
  } else if (k->has_same) {
    text = S(&x->ss, L("%s, đều do kết quả thực hiện (phương pháp đánh giá không làm thay đổi điểm của lĩnh vực). ",
                       "%s, all from the work (the methodology did not change the component's points). "), text);
  } else text = S(&x->ss, "%s. ", text);
  if (ci < 0) { x->w->item(x->w, 1, S(&x->ss, L("Lĩnh vực %s (%s):", "Component %s (%s):"), k->id, k->name), text); return; }
  int work_down = k->has_same ? k->perf_change < 0 : falling;
  const char *why = worse_criteria(x, ci, work_down, 1);
  if (work_down && *why)
    text = S(&x->ss, L("%sPhần giảm do kết quả thực hiện đến từ: %s.", "%sThe work's fall comes from: %s."), text, why);
  else if (!work_down) {
    const char *still = worse_criteria(x, ci, 0, 0);
    text = *still ? S(&x->ss, L("%sCòn bị trừ điểm ở: %s.", "%sStill lost: %s."), text, still)
                  : S(&x->ss, "%s%s", text, L("Không còn tiêu chí nào bị trừ điểm.", "No criterion lost points."));
  }
  x->w->item(x->w, 1, S(&x->ss, L("Lĩnh vực %s (%s):", "Component %s (%s):"), k->id, k->name), text);
}

static void causes(ctx *x) {
  const comparison *c = x->c;
  report_writer *w = x->w;
  w->heading(w, 3, L("3. Nguyên nhân các chỉ số tăng, giảm", "3. Causes of the rises and falls"));
  if (x->first_year) {
    w->para(w, NULL, S(&x->ss, L("Không có kết quả năm %d theo từng lĩnh vực để so sánh; các nội dung bị trừ điểm của "
                                 "từng lĩnh vực được nêu tại mục 2 phần I.", "There are no components of %d to compare "
                                 "with; each component's lost points are set out in section I.2."), c->to_year - 1));
    return;
  }
  if (!c->nrising && !c->nfalling) {
    w->para(w, NULL, S(&x->ss, L("Tỷ lệ điểm của các chỉ số thành phần không thay đổi so với năm %d.",
                                 "No component's percentage changed from %d."), c->from_year));
    return;
  }
  if (c->same)
    w->para(w, NULL, S(&x->ss, L("Mức thay đổi của mỗi lĩnh vực được tách thành phần do thay đổi phương pháp đánh giá "
                                 "(số liệu năm %d chấm theo bộ tiêu chí năm %d so với năm %d) và phần do kết quả thực hiện "
                                 "(số liệu năm %d so với năm %d, cùng bộ tiêu chí năm %d).",
                                 "Each component's change is split into the part the new methodology made (the %d figures "
                                 "under the %d criteria against %d) and the part the work made (the %d figures against "
                                 "%d, both under the %d criteria)."),
                       c->from_year, c->to_year, c->from_year, c->to_year, c->from_year, c->to_year));
  int sec = 0;
  for (int g = 0; g < 2; g++) {
    const int *ix = g ? c->falling : c->rising;
    int n = g ? c->nfalling : c->nrising;
    if (!n) continue;
    sec++;
    w->heading(w, 4, S(&x->ss, "3.%d. %s", sec, g ? L("Nguyên nhân của các chỉ số giảm điểm", "Why components fell")
                                                   : L("Nguyên nhân các chỉ số tăng điểm", "Why components rose")));
    rd_drafted(x, g ? DRAFT_FALLING : DRAFT_RISING);
    for (int i = 0; i < n; i++) cause_item(x, &c->comps[ix[i]], g);
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
  rd_drafted(x, DRAFT_TASKS);
  w->para(w, NULL, S(&x->ss, L("Nhiệm vụ khắc phục các nội dung bị trừ điểm năm %d, giao theo cơ quan; mỗi nội dung có "
                               "một cơ quan chủ trì, được tính số điểm có thể lấy lại, và các cơ quan phối hợp. Nhiệm "
                               "vụ xếp theo số điểm lấy lại được khi tiêu chí được chấm lại (khi tiêu chí đã ở mức trừ "
                               "tối đa, một nhiệm vụ riêng lẻ có thể không lấy lại điểm nào).",
                               "The tasks that remedy the deductions of %d, by office; each deduction has "
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
  ctx x0, *x = &x0;
  rd_ctx_init(x, w, d);
  const char *subject = S(&x->ss, L("Phân tích Chỉ số cải cách hành chính (PAR INDEX) năm %d của %s; nhiệm vụ và giải "
                                    "pháp nâng cao Chỉ số PAR INDEX năm %d",
                                    "Analysis of the PAR INDEX %d of %s; tasks and measures to raise the PAR INDEX in %d"),
                          x->c->to_year, x->name, x->c->to_year + 1);
  w->begin(w, S(&x->ss, "%s %s", L("Báo cáo", "Report:"), subject));
  rd_frame_head(x, subject);
  rd_opening(x);
  rd_drafted(x, DRAFT_OPENING);
  w->heading(w, 2, S(&x->ss, L("I. PHÂN TÍCH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM %d",
                                "I. ANALYSIS OF THE PAR INDEX %d"), x->c->to_year));
  summary(x);
  tables(x);
  groups(x);
  causes(x);
  tasks(x);
  rd_reconcile(x, "III");
  rd_frame_end(x, subject);
  w->end(w);
  rd_ctx_free(x);
}
