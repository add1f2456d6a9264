/*
** out_rank_compare.c -- output of rank and compare: text (vi/en), JSON, CSV.
** Reads standings and comparisons (province.h); owns nothing.
*/
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char *P(char *buf, pts_t v, report_lang lang) {
  return pts_format(buf, v, lang == LANG_VI ? ',' : '.', 1);
}

const char *out_signed(char *buf, pts_t v, report_lang lang) {
  char tmp[PTS_FMT_MAX];
  snprintf(buf, PTS_FMT_MAX + 1, "%s%s", v > 0 ? "+" : "", P(tmp, v, lang));
  return buf;
}

static void add_pts(cJSON *o, const char *name, pts_t v) {
  char buf[PTS_FMT_MAX];
  cJSON_AddRawToObject(o, name, pts_format(buf, v, '.', 0));
}

static void print_json(FILE *f, cJSON *o) {
  char *s = cJSON_Print(o);
  if (s) { fputs(s, f); fputc('\n', f); }
  cJSON_free(s);
  cJSON_Delete(o);
}

static int any_illustrative(const standing *st, int n) {
  for (int i = 0; i < n; i++) if (st[i].r->illustrative) return 1;
  return 0;
}

const char *out_illustrative_note(report_lang lang) {
  return lang == LANG_VI
    ? "(*) Dữ liệu minh họa, không phải số liệu công bố (xem data/README.md)."
    : "(*) Illustrative facts, not published figures (see data/README.md).";
}

/* ---- rank ---- */

void out_rank_text(FILE *f, const methodology *mt, const standing *st, int n, int year, report_lang lang) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX], c[PTS_FMT_MAX], name[300];
  const int vi = lang == LANG_VI;
  const char *h_unit = vi ? "Đơn vị" : "Unit", *h_band = vi ? "Xếp loại" : "Band";
  int nw = out_width(h_unit);
  for (int i = 0; i < n; i++) if (out_width(st[i].r->unit.name) + 4 > nw) nw = out_width(st[i].r->unit.name) + 4;
  fprintf(f, "%s %d · %d %s\n%s: %s (%s)\n\n", vi ? "Xếp hạng Chỉ số CCHC năm" : "PAR index ranking", year, n,
          vi ? "đơn vị" : "units", vi ? "Bộ tiêu chí" : "Rules", mt->name, mt->dir);
  out_rpad(f, vi ? "Hạng" : "Rank", 5); fputs("  ", f); out_pad(f, h_unit, nw);
  fputs("  ", f); out_rpad(f, vi ? "HĐTĐ" : "Apprais.", 8); fputs("  ", f); out_rpad(f, vi ? "ĐTXHH" : "Survey", 7);
  fputs("  ", f); out_rpad(f, "PAR INDEX", 9); fputs("  ", f); fputs(h_band, f); fputc('\n', f);
  for (int i = 0; i < n; i++) {
    const unit_result *r = st[i].r;
    char rank[16];
    snprintf(rank, sizeof rank, "%d", st[i].rank);
    snprintf(name, sizeof name, "%s%s", r->unit.name, r->illustrative ? " (*)" : "");
    out_rpad(f, rank, 5); fputs("  ", f); out_pad(f, name, nw);
    fputs("  ", f); out_rpad(f, P(a, r->appraisal, lang), 8);
    fputs("  ", f); out_rpad(f, P(b, r->survey, lang), 7);
    fputs("  ", f); out_rpad(f, P(c, r->total, lang), 9);
    fprintf(f, "  %s\n", st[i].band ? st[i].band : "");
  }
  if (any_illustrative(st, n)) fprintf(f, "\n%s\n", out_illustrative_note(lang));
}

void out_rank_json(FILE *f, const methodology *mt, const standing *st, int n, int year) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "year", year);
  cJSON_AddStringToObject(o, "rules", mt->dir);
  cJSON *units = cJSON_AddArrayToObject(o, "units");
  for (int i = 0; i < n; i++) {
    const unit_result *r = st[i].r;
    cJSON *u = cJSON_CreateObject();
    cJSON_AddStringToObject(u, "unit", r->unit.id);
    cJSON_AddStringToObject(u, "name", r->unit.name);
    if (r->unit.kind) cJSON_AddStringToObject(u, "kind", r->unit.kind);
    if (r->unit.parent) cJSON_AddStringToObject(u, "parent", r->unit.parent);
    add_pts(u, "par_index", r->total);
    add_pts(u, "appraisal_points", r->appraisal);
    add_pts(u, "survey_points", r->survey);
    cJSON_AddNumberToObject(u, "rank", st[i].rank);
    if (st[i].band) cJSON_AddStringToObject(u, "band", st[i].band);
    else cJSON_AddNullToObject(u, "band");
    cJSON_AddBoolToObject(u, "illustrative", r->illustrative);
    cJSON_AddItemToArray(units, u);
  }
  print_json(f, o);
}

void out_rank_csv(FILE *f, const standing *st, int n, int year, int header) {
  static const char *const machine[] = {"year", "rank", "unit", "name", "appraisal_points", "survey_points", "par_index",
                                        "band", "illustrative", "kind", "parent", NULL};
  static const char *const vi[] = {"Năm", "Hạng", "Mã đơn vị", "Đơn vị", "Điểm thẩm định", "Điểm điều tra XHH",
                                   "PAR INDEX", "Xếp loại", "Dữ liệu minh họa", "Loại đơn vị", "Đơn vị cấp trên", NULL};
  static const char *const en[] = {"Year", "Rank", "Unit", "Name", "Appraisal points", "Survey points", "PAR index",
                                   "Band", "Illustrative", "Kind", "Parent", NULL};
  if (header) {
    csv_bom(f);
    csv_header(f, machine, vi, en);
  }
  for (int i = 0; i < n; i++) {
    const unit_result *r = st[i].r;
    csv_int(f, year, 0);
    csv_int(f, st[i].rank, 0);
    csv_field(f, r->unit.id, 0);
    csv_field(f, r->unit.name, 0);
    csv_pts(f, r->appraisal, 0);
    csv_pts(f, r->survey, 0);
    csv_pts(f, r->total, 0);
    csv_field(f, st[i].band, 0);
    csv_bool(f, r->illustrative, 0);
    csv_field(f, r->unit.kind ? r->unit.kind : "", 0);
    csv_field(f, r->unit.parent ? r->unit.parent : "", 1);
  }
}

/* ---- compare ---- */

static void ratio(char *buf, size_t n, pts_t p, pts_t m, report_lang lang) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX];
  snprintf(buf, n, "%s/%s", P(a, p, lang), P(b, m, lang));
}

static void pct(char *buf, size_t n, pts_t v, report_lang lang) {
  char a[PTS_FMT_MAX];
  snprintf(buf, n, "%s%%", P(a, v, lang));
}

void out_compare_text(FILE *f, const comparison *c, report_lang lang) {
  char a[PTS_FMT_MAX + 1], b[64], d[64], e[64], g[64];
  const int vi = lang == LANG_VI;
  fprintf(f, "%s (%s) · %s %d → %d\n", c->to->unit.name, c->to->unit.id, vi ? "so sánh" : "comparison",
          c->from_year, c->to_year);
  fprintf(f, "%s: %s (%s) → %s (%s)\n\n", vi ? "Bộ tiêu chí" : "Rules", c->mt_from->dir, c->mt_from->name,
          c->mt_to->dir, c->mt_to->name);
  const struct { const char *label; pts_t x, y; } rows[] = {
    {vi ? "Điểm thẩm định" : "Appraisal points", c->from->appraisal, c->to->appraisal},
    {vi ? "Điểm điều tra xã hội học" : "Survey points", c->from->survey, c->to->survey},
    {"PAR INDEX", c->from->total, c->to->total}};
  char y1[16], y2[16];
  snprintf(y1, sizeof y1, "%d", c->from_year); snprintf(y2, sizeof y2, "%d", c->to_year);
  out_pad(f, "", 26); out_rpad(f, y1, 11); out_rpad(f, y2, 11); out_rpad(f, vi ? "Tăng/giảm" : "Change", 12); fputc('\n', f);
  for (int i = 0; i < 3; i++) {
    out_pad(f, rows[i].label, 26); out_rpad(f, P(b, rows[i].x, lang), 11); out_rpad(f, P(d, rows[i].y, lang), 11);
    out_rpad(f, out_signed(a, rows[i].y - rows[i].x, lang), 12); fputc('\n', f);
  }
  if (c->from_rank && c->to_rank) {
    snprintf(b, sizeof b, "%d/%d", c->from_rank, c->from_units);
    snprintf(d, sizeof d, "%d/%d", c->to_rank, c->to_units);
    int up = c->from_rank - c->to_rank;
    if (up) snprintf(e, sizeof e, "%s%d", up > 0 ? "+" : "", up);
    else snprintf(e, sizeof e, "%s", vi ? "giữ nguyên" : "unchanged");
    out_pad(f, vi ? "Xếp hạng" : "Rank", 26); out_rpad(f, b, 11); out_rpad(f, d, 11); out_rpad(f, e, 12); fputc('\n', f);
    out_pad(f, vi ? "Xếp loại" : "Band", 26); out_rpad(f, c->from_band ? c->from_band : "", 11);
    out_rpad(f, c->to_band ? c->to_band : "", 11); fputc('\n', f);
  }
  fprintf(f, "\n%-3s %16s %16s %9s %9s %10s %6s\n", vi ? "LV" : "#", y1, y2, y1, y2, vi ? "Tăng/giảm" : "Change",
          vi ? "Thứ" : "Rank");
  for (int i = 0; i < c->ncomps; i++) {
    const cmp_component *k = &c->comps[i];
    char f1[64] = "—", f2[64] = "—", p1[32] = "—", p2[32] = "—", ch[PTS_FMT_MAX + 1] = "—", rk[16] = "";
    if (k->in_from) { ratio(f1, sizeof f1, k->from_points, k->from_max, lang); pct(p1, sizeof p1, k->from_pct, lang); }
    if (k->in_to) {
      ratio(f2, sizeof f2, k->to_points, k->to_max, lang); pct(p2, sizeof p2, k->to_pct, lang);
      snprintf(rk, sizeof rk, "%d/%d", k->to_rank, c->mt_to->ncomps);
    }
    if (k->in_from && k->in_to) out_signed(ch, k->change, lang);
    fprintf(f, "%-3s ", k->id); out_rpad(f, f1, 16); fputc(' ', f); out_rpad(f, f2, 16); fputc(' ', f);
    out_rpad(f, p1, 9); fputc(' ', f); out_rpad(f, p2, 9); fputc(' ', f); out_rpad(f, ch, 10); fputc(' ', f);
    out_rpad(f, rk, 6);
    fprintf(f, "  %s", k->name);
    if (k->max_changed) fprintf(f, vi ? " [điểm tối đa đổi %s → %s]" : " [maximum changed %s → %s]",
                                P(b, k->from_max, lang), P(d, k->to_max, lang));
    if (!k->in_from) fputs(vi ? " [mới]" : " [new]", f);
    if (!k->in_to) fputs(vi ? " [không còn]" : " [dropped]", f);
    fputc('\n', f);
  }
  for (int g2 = 0; g2 < 2; g2++) {
    const int *ix = g2 ? c->falling : c->rising;
    int n = g2 ? c->nfalling : c->nrising;
    fprintf(f, "\n%s (%d):", g2 ? (vi ? "Giảm" : "Falling") : (vi ? "Tăng" : "Rising"), n);
    for (int i = 0; i < n; i++) fprintf(f, "%s %s", i ? "," : "", c->comps[ix[i]].id);
  }
  fputc('\n', f);
  if (c->same) {
    fprintf(f, "\n%s %d %s %d (--same-rules):\n", vi ? "Dữ kiện năm" : "Facts of", c->from_year,
            vi ? "chấm theo bộ tiêu chí năm" : "scored with the rules of", c->to_year);
    fprintf(f, "%-3s %16s %9s %14s %14s\n", vi ? "LV" : "#", vi ? "điểm" : "points", "%",
            vi ? "do tiêu chí" : "from rules", vi ? "do kết quả" : "from work");
    for (int i = 0; i < c->ncomps; i++) {
      const cmp_component *k = &c->comps[i];
      if (!k->has_same) continue;
      char m[PTS_FMT_MAX + 1] = "—";
      ratio(b, sizeof b, k->same_points, k->same_max, lang); pct(d, sizeof d, k->same_pct, lang);
      if (k->in_from) out_signed(m, k->method_change, lang);
      fprintf(f, "%-3s ", k->id); out_rpad(f, b, 16); fputc(' ', f); out_rpad(f, d, 9); fputc(' ', f);
      out_rpad(f, m, 14); fputc(' ', f); out_rpad(f, out_signed(g, k->perf_change, lang), 14); fputc('\n', f);
    }
    out_pad(f, "PAR INDEX", 4); fprintf(f, " %s\n", P(e, c->same->total, lang));
  }
  if (c->from->illustrative || c->to->illustrative) fprintf(f, "\n%s\n", out_illustrative_note(lang));
}

static cJSON *year_obj(pts_t p, pts_t m) {
  cJSON *o = cJSON_CreateObject();
  add_pts(o, "points", p);
  add_pts(o, "max", m);
  add_pts(o, "percent", pts_percent(p, m));
  return o;
}

static cJSON *triple(pts_t from, pts_t to) {
  cJSON *o = cJSON_CreateObject();
  add_pts(o, "from", from);
  add_pts(o, "to", to);
  add_pts(o, "change", to - from);
  return o;
}

void out_compare_json(FILE *f, const comparison *c) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "unit", c->to->unit.id);
  cJSON_AddStringToObject(o, "name", c->to->unit.name);
  cJSON_AddNumberToObject(o, "from", c->from_year);
  cJSON_AddNumberToObject(o, "to", c->to_year);
  cJSON *rules = cJSON_AddObjectToObject(o, "rules");
  cJSON_AddStringToObject(rules, "from", c->mt_from->dir);
  cJSON_AddStringToObject(rules, "to", c->mt_to->dir);
  cJSON_AddItemToObject(o, "par_index", triple(c->from->total, c->to->total));
  cJSON_AddItemToObject(o, "appraisal_points", triple(c->from->appraisal, c->to->appraisal));
  cJSON_AddItemToObject(o, "survey_points", triple(c->from->survey, c->to->survey));
  cJSON *rank = cJSON_AddObjectToObject(o, "rank");
  cJSON_AddNumberToObject(rank, "from", c->from_rank);
  cJSON_AddNumberToObject(rank, "to", c->to_rank);
  cJSON_AddNumberToObject(rank, "places_gained", c->from_rank - c->to_rank);
  cJSON_AddNumberToObject(rank, "units_from", c->from_units);
  cJSON_AddNumberToObject(rank, "units_to", c->to_units);
  cJSON *band = cJSON_AddObjectToObject(o, "band");
  if (c->from_band) cJSON_AddStringToObject(band, "from", c->from_band); else cJSON_AddNullToObject(band, "from");
  if (c->to_band) cJSON_AddStringToObject(band, "to", c->to_band); else cJSON_AddNullToObject(band, "to");
  cJSON *comps = cJSON_AddObjectToObject(o, "components");
  for (int i = 0; i < c->ncomps; i++) {
    const cmp_component *k = &c->comps[i];
    cJSON *co = cJSON_CreateObject();
    cJSON_AddStringToObject(co, "name", k->name);
    if (k->in_from) cJSON_AddItemToObject(co, "from", year_obj(k->from_points, k->from_max));
    else cJSON_AddNullToObject(co, "from");
    if (k->in_to) cJSON_AddItemToObject(co, "to", year_obj(k->to_points, k->to_max));
    else cJSON_AddNullToObject(co, "to");
    if (k->in_from && k->in_to) add_pts(co, "change_percent_points", k->change);
    else cJSON_AddNullToObject(co, "change_percent_points");
    cJSON_AddBoolToObject(co, "max_changed", k->max_changed);
    if (k->in_to) cJSON_AddNumberToObject(co, "rank_within_unit", k->to_rank);
    if (k->in_from) cJSON_AddNumberToObject(co, "rank_within_unit_from", k->from_rank);
    if (k->has_same) {
      cJSON *s = year_obj(k->same_points, k->same_max);
      if (k->in_from) add_pts(s, "change_from_rules", k->method_change);
      add_pts(s, "change_from_performance", k->perf_change);
      cJSON_AddItemToObject(co, "same_rules", s);
    }
    cJSON_AddItemToObject(comps, k->id, co);
  }
  cJSON *r = cJSON_AddArrayToObject(o, "rising_components");
  for (int i = 0; i < c->nrising; i++) cJSON_AddItemToArray(r, cJSON_CreateString(c->comps[c->rising[i]].id));
  cJSON *fa = cJSON_AddArrayToObject(o, "falling_components");
  for (int i = 0; i < c->nfalling; i++) cJSON_AddItemToArray(fa, cJSON_CreateString(c->comps[c->falling[i]].id));
  if (c->same) add_pts(o, "same_rules_par_index", c->same->total);
  cJSON_AddBoolToObject(o, "illustrative", c->from->illustrative || c->to->illustrative);
  print_json(f, o);
}

void out_compare_csv(FILE *f, const comparison *c) {
  csv_bom(f);
  static const char *const machine[] = {"unit", "component", "name", "from_year", "from_points", "from_max", "from_percent",
    "to_year", "to_points", "to_max", "to_percent", "change_percent_points", "max_changed", "rank_within_unit",
    "same_rules_points", "same_rules_max", "same_rules_percent", NULL};
  static const char *const vi[] = {"Mã đơn vị", "Lĩnh vực", "Tên", "Năm trước", "Điểm năm trước", "Tối đa năm trước",
    "Tỷ lệ năm trước (%)", "Năm sau", "Điểm năm sau", "Tối đa năm sau", "Tỷ lệ năm sau (%)", "Tăng, giảm (điểm %)",
    "Đổi điểm tối đa", "Thứ hạng trong đơn vị", "Điểm theo bộ tiêu chí năm sau", "Tối đa theo bộ tiêu chí năm sau",
    "Tỷ lệ theo bộ tiêu chí năm sau (%)", NULL};
  static const char *const en[] = {"Unit", "Component", "Name", "From year", "From points", "From max", "From percent",
    "To year", "To points", "To max", "To percent", "Change (points of %)", "Max changed", "Rank within unit",
    "Same rules points", "Same rules max", "Same rules percent", NULL};
  csv_header(f, machine, vi, en);
  for (int i = 0; i < c->ncomps; i++) {
    const cmp_component *k = &c->comps[i];
    csv_field(f, c->to->unit.id, 0);
    csv_field(f, k->id, 0);
    csv_field(f, k->name, 0);
    csv_int(f, c->from_year, 0);
    if (k->in_from) { csv_pts(f, k->from_points, 0); csv_pts(f, k->from_max, 0); csv_pts(f, k->from_pct, 0); }
    else csv_empty(f, 3, 0);
    csv_int(f, c->to_year, 0);
    if (k->in_to) { csv_pts(f, k->to_points, 0); csv_pts(f, k->to_max, 0); csv_pts(f, k->to_pct, 0); }
    else csv_empty(f, 3, 0);
    if (k->in_from && k->in_to) csv_pts(f, k->change, 0); else csv_empty(f, 1, 0);
    csv_bool(f, k->max_changed, 0);
    if (k->in_to) csv_int(f, k->to_rank, 0); else csv_empty(f, 1, 0);
    if (k->has_same) { csv_pts(f, k->same_points, 0); csv_pts(f, k->same_max, 0); csv_pts(f, k->same_pct, 1); }
    else csv_empty(f, 3, 1);
  }
}
