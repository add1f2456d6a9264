/*
** out_text.c -- readable text: Vietnamese (decimal comma) or English.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

typedef enum {
  L_INDEX_YEAR, L_COMPONENT, L_POINTS, L_MAX, L_PERCENT, L_RANK, L_APPRAISAL, L_SURVEY,
  L_PAR, L_UNIT, L_RULES, L_EXPLAIN, L_LOST, L_FACTS, L_SOURCE, L_TASK, L_BASIS, L_NA,
  L_TASKS_TITLE, L_WIN_BACK, L_NO_TASKS, L_CAPPED, L_NOTE, L_AT, L_BONUS, L_PENALTY, L_EXTRAS,
  L_NOT_ARISEN, L_REQUESTED, L_CAP_ITEM, L_CAP_BONUS, L_CAP_PENALTY, L_CAP_TOP, L_CAP_ZERO, L_ONLY,
  L_NO_CAP, L_EXCEED, L_HELD, L_ACHIEVED, L_COUNT
} label;

static const char *const labels[2][L_COUNT] = {
  [LANG_VI] = {
    "Chỉ số CCHC năm", "Lĩnh vực", "Điểm", "Tối đa", "Tỷ lệ", "Hạng",
    "Điểm thẩm định", "Điểm điều tra xã hội học", "PAR INDEX", "Đơn vị", "Bộ tiêu chí",
    "Giải trình điểm", "trừ", "dữ kiện", "nguồn", "nhiệm vụ", "căn cứ", "không áp dụng",
    "Nhiệm vụ khắc phục", "có thể lấy lại", "Không có nhiệm vụ: không bị trừ điểm.",
    "vượt mức tối đa của tiêu chí, chỉ trừ", "ghi chú", "quy tắc", "Điểm thưởng", "Điểm trừ",
    "Điểm thưởng, điểm trừ", "không phát sinh: đạt điểm tối đa", "đề nghị", "tối đa của mục",
    "giới hạn tổng điểm thưởng", "giới hạn tổng điểm trừ", "chỉ số không vượt quá", "chỉ số không dưới",
    "chỉ tính", "không giới hạn", "chỉ số có thể vượt điểm tối đa", "chỉ số giữ trong 0 đến",
    "đạt được",
  },
  [LANG_EN] = {
    "PAR index", "Component", "Points", "Max", "Percent", "Rank",
    "Appraisal points", "Survey points", "PAR INDEX", "Unit", "Rules",
    "Explanation of points", "lost", "facts", "source", "task", "basis", "not applicable",
    "Improvement tasks", "can win back", "No tasks: no points were lost.",
    "beyond the criterion's maximum, only", "note", "rule", "Bonus points", "Penalty points",
    "Bonus and penalty points", "did not arise: full points", "requested", "the item's max",
    "capped at the total bonus cap", "capped at the total penalty cap", "the index stays at most",
    "the index stays at least", "only", "no cap", "the index may exceed its maximum", "the index stays within 0 to",
    "achieved",
  },
};

#define T(l) labels[lang][l]

static char dec(report_lang lang) { return lang == LANG_VI ? ',' : '.'; }

static const char *P(char *buf, pts_t v, report_lang lang) { return pts_format(buf, v, dec(lang), 1); }

/* Display width of UTF-8 text: code points, combining marks take none. */
int out_width(const char *s) {
  int w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p & 0xC0) == 0x80) continue;
    if (*p == 0xCC && (p[1] >= 0x80 && p[1] <= 0xBF)) continue;          /* U+0300..033F */
    if (*p == 0xCD && (p[1] >= 0x80 && p[1] <= 0xAF)) continue;          /* U+0340..036F */
    w++;
  }
  return w;
}

void out_pad(FILE *f, const char *s, int w) {
  fputs(s, f);
  for (int n = out_width(s); n < w; n++) fputc(' ', f);
}

void out_rpad(FILE *f, const char *s, int w) {
  for (int n = out_width(s); n < w; n++) fputc(' ', f);
  fputs(s, f);
}

#define NAME_COLUMN 56                    /* longer component names are cut with … */

/* s cut to at most w display columns, into buf. */
static const char *fit(char *buf, size_t n, const char *s, int w) {
  if (out_width(s) <= w) return s;
  size_t i = 0;
  int cols = 0;
  while (s[i] && i + 4 < n) {
    size_t k = i + 1;
    while (s[k] && ((unsigned char)s[k] & 0xC0) == 0x80) k++;
    char one[8] = {0};
    memcpy(one, s + i, k - i < 7 ? k - i : 7);
    if (cols + out_width(one) > w - 1) break;
    cols += out_width(one);
    i = k;
  }
  memcpy(buf, s, i);
  strcpy(buf + i, "…");
  return buf;
}

static void score_unit(FILE *f, const methodology *mt, const unit_result *r, report_lang lang) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX], p[PTS_FMT_MAX + 2], name[256];
  int nw = out_width(T(L_COMPONENT));
  for (int c = 0; c < mt->ncomps; c++) if (out_width(mt->comps[c].name) > nw) nw = out_width(mt->comps[c].name);
  if (nw > NAME_COLUMN) nw = NAME_COLUMN;
  if (out_width(T(L_APPRAISAL)) > nw) nw = out_width(T(L_APPRAISAL));
  if (out_width(T(L_SURVEY)) > nw) nw = out_width(T(L_SURVEY));
  fprintf(f, "%s (%s) · %s %d\n%s: %s (%s)\n\n", r->unit.name, r->unit.id, T(L_INDEX_YEAR), r->year,
          T(L_RULES), mt->name, mt->dir);
  fputs("    ", f); out_pad(f, T(L_COMPONENT), nw);
  fputs("  ", f); out_rpad(f, T(L_POINTS), 7); fputs("  ", f); out_rpad(f, T(L_MAX), 7);
  fputs("  ", f); out_rpad(f, T(L_PERCENT), 8); fputs("  ", f); out_rpad(f, T(L_RANK), 5); fputc('\n', f);
  for (int c = 0; c < mt->ncomps; c++) {
    char rank[16];
    fprintf(f, "%-3s ", mt->comps[c].id);
    out_pad(f, fit(name, sizeof name, mt->comps[c].name, nw), nw);
    snprintf(p, sizeof p, "%s%%", P(a, pts_percent(r->comps[c].points, r->comps[c].max), lang));
    snprintf(rank, sizeof rank, "%d/%d", r->comps[c].rank, mt->ncomps);
    fputs("  ", f); out_rpad(f, P(a, r->comps[c].points, lang), 7);
    fputs("  ", f); out_rpad(f, P(b, r->comps[c].max, lang), 7);
    fputs("  ", f); out_rpad(f, p, 8); fputs("  ", f); out_rpad(f, rank, 5); fputc('\n', f);
  }
  pts_t amax = 0, smax = 0;
  for (int c = 0; c < mt->ncomps; c++) *(mt->comps[c].kind == METH_SURVEY ? &smax : &amax) += mt->comps[c].max;
  const struct { int l; pts_t v, m; } rows[] = {
    {L_APPRAISAL, r->appraisal, amax}, {L_SURVEY, r->survey, smax}, {L_BONUS, r->bonus, mt->bonus_cap},
    {L_PENALTY, r->penalty, mt->penalty_cap}, {L_PAR, r->total, mt->total}};
  fputc('\n', f);
  for (int i = 0; i < 5; i++) {
    if ((rows[i].l == L_BONUS || rows[i].l == L_PENALTY) && !mt->nextras) continue;   /* declared only */
    fputs("    ", f); out_pad(f, T(rows[i].l), nw);
    fputs("  ", f); out_rpad(f, P(a, rows[i].v, lang), 7);
    fputs("  ", f); out_rpad(f, rows[i].m >= 0 ? P(b, rows[i].m, lang) : "", 7); fputc('\n', f);
  }
}

void out_score_text(FILE *f, const methodology *mt, const engine_results *res, report_lang lang) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX], c[PTS_FMT_MAX];
  if (res->n == 1) { score_unit(f, mt, &res->units[0], lang); return; }
  int nw = out_width(T(L_UNIT));
  for (int i = 0; i < res->n; i++) if (out_width(res->units[i].unit.name) > nw) nw = out_width(res->units[i].unit.name);
  fprintf(f, "%s %d · %s: %s (%s)\n\n", T(L_INDEX_YEAR), res->n ? res->units[0].year : 0, T(L_RULES),
          mt->name, mt->dir);
  out_pad(f, T(L_UNIT), nw); fputs("  ", f); out_rpad(f, "HĐTĐ", 7); fputs("  ", f);
  out_rpad(f, lang == LANG_VI ? "ĐTXHH" : "Survey", 7); fputs("  ", f);
  if (mt->nextras) {
    out_rpad(f, lang == LANG_VI ? "Thưởng" : "Bonus", 7); fputs("  ", f);
    out_rpad(f, lang == LANG_VI ? "Trừ" : "Penalty", 7); fputs("  ", f);
  }
  out_rpad(f, T(L_PAR), 9); fputc('\n', f);
  for (int i = 0; i < res->n; i++) {
    const unit_result *r = &res->units[i];
    out_pad(f, r->unit.name, nw);
    fputs("  ", f); out_rpad(f, P(a, r->appraisal, lang), 7);
    fputs("  ", f); out_rpad(f, P(b, r->survey, lang), 7);
    if (mt->nextras) {
      fputs("  ", f); out_rpad(f, P(a, r->bonus, lang), 7);
      fputs("  ", f); out_rpad(f, P(b, r->penalty, lang), 7);
    }
    fputs("  ", f); out_rpad(f, P(c, r->total, lang), 9); fputc('\n', f);
  }
}

static void shorten(char *out, size_t n, const char *s) {
  size_t len = strlen(s);
  if (len < n) { memcpy(out, s, len + 1); return; }
  size_t cut = n - 4;
  while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;   /* whole characters */
  memcpy(out, s, cut);
  strcpy(out + cut, "…");
}

/* The facts and the rule line of a ledger entry, indented under it. */
static void entry_sources(FILE *f, const methodology *mt, int file_index, int line, const ledger_fact *facts,
                          int nfacts, report_lang lang) {
  char v[200];
  const char *file = methodology_file(mt, file_index);
  if (file) fprintf(f, "             %s: %s:%d\n", T(L_AT), file, line);
  for (int x = 0; x < nfacts; x++) {
    const ledger_fact *lf = &facts[x];
    shorten(v, 120, lf->value ? lf->value : "");
    fprintf(f, "             %s: %s = %s", T(L_FACTS), lf->key, v);
    if (lf->source) fprintf(f, " (%s: %s)", T(L_SOURCE), lf->source);
    if (lf->note) fprintf(f, " [%s: %s]", T(L_NOTE), lf->note);
    fputc('\n', f);
  }
}

/* Under a ledger line: its rule line, its facts with their sources, its tasks. */
static void line_details(FILE *f, const methodology *mt, const ledger_deduction *ld, report_lang lang) {
  entry_sources(f, mt, ld->file, ld->line, ld->facts, ld->nfacts, lang);
  for (int t = 0; t < ld->ntasks; t++)
    fprintf(f, "             %s [%s]: %s\n", T(L_TASK), ld->tasks[t].office, ld->tasks[t].text);
}

/* The bonus and penalty items (only item crit, when it names one): each
** with its points, its lines, and what held a line below what it asked. */
static void explain_extras(FILE *f, const methodology *mt, const unit_result *r, const char *crit,
                           report_lang lang) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX], c[PTS_FMT_MAX];
  if (!mt->nextras || (crit && methodology_extra(mt, crit) < 0)) return;
  fprintf(f, "\n%s: +%s / −%s\n", T(L_EXTRAS), P(a, r->bonus, lang), P(b, r->penalty, lang));
  fprintf(f, "  (%s: %s; %s: %s; ", T(L_CAP_BONUS), mt->bonus_cap >= 0 ? P(a, mt->bonus_cap, lang) : T(L_NO_CAP),
          T(L_CAP_PENALTY), mt->penalty_cap >= 0 ? P(b, mt->penalty_cap, lang) : T(L_NO_CAP));
  if (mt->exceed_total) fprintf(f, "%s)\n", T(L_EXCEED));
  else fprintf(f, "%s %s)\n", T(L_HELD), P(c, mt->total, lang));
  for (int i = 0; i < mt->nextras; i++) {
    const meth_extra *x = &mt->extras[i];
    if (crit && strcmp(crit, x->id)) continue;
    pts_t sum = 0;
    for (int k = 0; k < r->nextras; k++) if (r->extras[k].crit == i) sum += r->extras[k].points;
    const char *sign = x->penalty ? "−" : "+";
    fprintf(f, "  %s %s (%s, %s %s): %s%s\n", x->id, x->name, T(x->penalty ? L_PENALTY : L_BONUS), T(L_MAX),
            P(a, x->max, lang), sign, P(b, sum, lang));
    for (int k = 0; k < r->nextras; k++) {
      const ledger_deduction *ld = &r->extras[k];
      if (ld->crit != i) continue;
      fprintf(f, "      %s%s  %s\n", sign, P(a, ld->points, lang), ld->reason);
      if (ld->requested != ld->points) {
        int why = ld->cap == LEDGER_CAP_ITEM ? L_CAP_ITEM : ld->cap == LEDGER_CAP_TOTAL
                  ? (x->penalty ? L_CAP_PENALTY : L_CAP_BONUS) : x->penalty ? L_CAP_ZERO : L_CAP_TOP;
        pts_t at = ld->cap == LEDGER_CAP_ITEM ? x->max : ld->cap == LEDGER_CAP_TOTAL
                   ? (x->penalty ? mt->penalty_cap : mt->bonus_cap) : x->penalty ? 0 : mt->total;
        fprintf(f, "             (%s %s; %s %s: %s %s)\n", T(L_REQUESTED), P(a, ld->requested, lang), T(why),
                P(b, at, lang), T(L_ONLY), P(c, ld->points, lang));
      }
      line_details(f, mt, ld, lang);
    }
    if (crit && x->basis) fprintf(f, "      %s: %s\n", T(L_BASIS), x->basis);
  }
}

void out_explain_text(FILE *f, const methodology *mt, const unit_result *r, const char *crit, report_lang lang) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX], v[200];
  fprintf(f, "%s · %s (%s) · %d\n%s: %s (%s)\n", T(L_EXPLAIN), r->unit.name, r->unit.id, r->year,
          T(L_RULES), mt->name, mt->dir);
  for (int c = 0; c < mt->ncomps; c++) {
    const meth_component *rc = &mt->comps[c];
    int shown = 0;
    for (int i = rc->first; i < rc->first + rc->count; i++) {
      const meth_criterion *k = &mt->crits[i];
      const ledger_criterion *lc = &r->crits[i];
      if (crit && strcmp(crit, k->id)) continue;
      if (!shown++)
        fprintf(f, "\n%s %s: %s/%s (%s%%)\n", rc->id, rc->name, P(a, r->comps[c].points, lang),
                P(b, r->comps[c].max, lang), P(v, pts_percent(r->comps[c].points, r->comps[c].max), lang));
      if (lc->na) {
        fprintf(f, "  %s %s: %s (%s)\n", k->id, k->name, T(L_NA), lc->na_reason);
        continue;
      }
      fprintf(f, "  %s %s: %s/%s", k->id, k->name, P(a, lc->points, lang), P(b, lc->max, lang));
      if (lc->points < lc->max) fprintf(f, " (%s %s)", T(L_LOST), P(a, lc->max - lc->points, lang));
      if (lc->na_full) fprintf(f, " (%s: %s)", T(L_NOT_ARISEN), lc->na_reason ? lc->na_reason : "");
      fputc('\n', f);
      for (int k = 0; k < lc->acount; k++) {       /* what went well, before what was lost */
        const ledger_achievement *la = &r->achs[lc->afirst + k];
        fprintf(f, "      %s: %s\n", T(L_ACHIEVED), la->text);
        entry_sources(f, mt, la->file, la->line, la->facts, la->nfacts, lang);
      }
      for (int d = 0; d < lc->count; d++) {
        const ledger_deduction *ld = &r->deds[lc->first + d];
        fprintf(f, "      %s%s  %s\n", ld->points < 0 ? "+" : "−", P(a, ld->points < 0 ? -ld->points : ld->points, lang),
                ld->reason);                            /* < 0: an adjustment gave points back (adjust.h) */
        if (ld->requested != ld->points)
          fprintf(f, "             (%s: %s %s)\n", P(b, ld->requested, lang), T(L_CAPPED), P(a, ld->points, lang));
        line_details(f, mt, ld, lang);
      }
      if (crit && k->basis) fprintf(f, "      %s: %s\n", T(L_BASIS), k->basis);
    }
  }
  explain_extras(f, mt, r, crit, lang);
}

