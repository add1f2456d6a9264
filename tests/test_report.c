/*
** test_report.c -- the written report: the Markdown structure of the seed
** report, every figure of sections I.1 and I.2 (from
** tests/golden/muong-te-published.json, exact percentages), one part per
** office in section II, English labels, and the HTML: self-contained and
** rendered by headless Chromium without any console message.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "helpers.h"

#define db golden_db         /* the fixture of helpers.h */
#define published golden

static char *report(const char *format, const char *lang) {
  cli_result r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022",
                                               "--format", format, "--lang", lang, NULL});
  cr_assert_eq(r.status, 0, "report failed: %s", r.err);
  char *out = r.out;
  r.out = NULL;
  cli_free(&r);
  return out;
}

/* golden number (two decimals) written with a decimal comma, fixed: "7,07" */
static void vi(char *buf, size_t n, const cJSON *o, const char *name) {
  const cJSON *v = cJSON_GetObjectItem(o, name);
  cr_assert(cJSON_IsNumber(v), "golden %s", name);
  long long h = llround(v->valuedouble * 100), a = h < 0 ? -h : h;
  snprintf(buf, n, "%s%lld,%02lld", h < 0 ? "-" : "", a / 100, a % 100);
}

/* The position of `needle` in md after `from`, or fail. */
static const char *after(const char *md, const char *from, const char *needle) {
  const char *p = strstr(from, needle);
  cr_assert_not_null(p, "missing, in order: \"%s\"", needle);
  (void)md;
  return p + strlen(needle);
}

Test(report, markdown_follows_the_seed_structure, .init = golden_setup, .fini = golden_teardown) {
  char *md = report("md", "vi");
  const char *p = md;
  p = after(md, p, "# BÁO CÁO\n\n**Phân tích Chỉ số cải cách hành chính (PAR INDEX) năm 2022 của huyện Mường Tè; nhiệm vụ");
  p = after(md, p, "\n## I. PHÂN TÍCH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM 2022\n");
  p = after(md, p, "\n### 1. Tổng hợp kết quả Chỉ số PAR INDEX của huyện Mường Tè năm 2021 và năm 2022\n");
  p = after(md, p, "\n### 2. Kết quả Chỉ số PAR INDEX năm 2022 theo từng lĩnh vực đánh giá\n");
  p = after(md, p, "tăng 0,42 điểm và giữ nguyên hạng so với năm 2021");
  p = after(md, p, "\n#### 2.1. Nhóm các chỉ số thành phần tăng điểm (5 chỉ số thành phần)\n");
  /* rising components first, then falling, each its own subsection, in the published groups' order */
  const char *rising[] = {"1", "2", "3", "4", "8"}, *falling[] = {"5", "6", "7"};
  char h[128];
  for (int i = 0; i < 5; i++) {
    snprintf(h, sizeof h, "\n##### 2.1.%d. Lĩnh vực %s: ", i + 1, rising[i]);
    p = after(md, p, h);
  }
  p = after(md, p, "\n#### 2.2. Nhóm các chỉ số thành phần giảm điểm (3 chỉ số thành phần)\n");
  for (int i = 0; i < 3; i++) {
    snprintf(h, sizeof h, "\n##### 2.2.%d. Lĩnh vực %s: ", i + 1, falling[i]);
    p = after(md, p, h);
  }
  p = after(md, p, "\n### 3. Nguyên nhân các chỉ số tăng, giảm\n");
  p = after(md, p, "\n## II. NHIỆM VỤ VÀ GIẢI PHÁP NÂNG CAO CHỈ SỐ PAR INDEX NĂM 2023\n");
  /* every criterion that lost points is named with its points and its ledger reasons */
  cr_expect(strstr(md, "- **5.5 Đánh giá, phân loại công chức, viên chức hằng năm; chấp hành kỷ luật, kỷ cương:** "
                       "đạt 0,50/3,00 điểm, bị trừ 2,50 điểm.") != NULL, "5.5 not detailed");
  cr_expect(strstr(md, "Kết luận số 1424/KL-STC ngày 25/8/2022") != NULL, "document number from the ledger missing");
  cr_expect(strstr(md, "gửi ngày 24/06/2022, chậm so với quy định gửi trước ngày 19/06/2022") != NULL, "dates missing");
  free(md);
}

Test(report, markdown_has_every_figure_of_i1_and_i2, .init = golden_setup, .fini = golden_teardown) {
  char *md = report("md", "vi");
  char a[32], b[32], want[512];
  const char *years[] = {"2021", "2022"};
  for (int y = 0; y < 2; y++) {
    const cJSON *py = cJSON_GetObjectItem(cJSON_GetObjectItem(published, "years"), years[y]);
    char ap[32], sp[32], ix[32];
    vi(ap, sizeof ap, py, "appraisal_points");
    vi(sp, sizeof sp, py, "survey_points");
    vi(ix, sizeof ix, py, "par_index");
    snprintf(want, sizeof want, "| %s | %s | %s | %s | %d |", years[y], ap, sp, ix,
             cJSON_GetObjectItem(py, "rank")->valueint);
    cr_expect(strstr(md, want) != NULL, "I.1 row missing: %s", want);
  }
  const cJSON *c21 = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(published, "years"), "2021"), "components");
  const cJSON *c22 = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(published, "years"), "2022"), "components");
  const cJSON *pc;
  cJSON_ArrayForEach(pc, c22) {
    const cJSON *p21 = cJSON_GetObjectItem(c21, pc->string);
    char p1[32], m1[32], p2[32], m2[32], q1[32], q2[32];
    vi(p1, sizeof p1, p21, "points"); vi(m1, sizeof m1, p21, "max");
    vi(p2, sizeof p2, pc, "points"); vi(m2, sizeof m2, pc, "max");
    vi(q1, sizeof q1, p21, "percent"); vi(q2, sizeof q2, pc, "percent");
    snprintf(want, sizeof want, "| %s/%s | %s/%s", p1, m1, p2, m2);
    cr_expect(strstr(md, want) != NULL, "component %s points missing: %s", pc->string, want);
    long long ch = llround(cJSON_GetObjectItem(pc, "percent")->valuedouble * 100) -
                   llround(cJSON_GetObjectItem(p21, "percent")->valuedouble * 100);
    snprintf(a, sizeof a, "%s%lld,%02lld", ch > 0 ? "+" : "\xe2\x88\x92", llabs(ch) / 100, llabs(ch) % 100);   /* U+2212 */
    snprintf(b, sizeof b, "%d/8", cJSON_GetObjectItem(pc, "rank_within_unit")
                                      ? cJSON_GetObjectItem(pc, "rank_within_unit")->valueint : 0);
    snprintf(want, sizeof want, "| %s%% | %s%% | %s |", q2, q1, a);
    cr_expect(strstr(md, want) != NULL, "component %s percentages/change missing: %s", pc->string, want);
    if (cJSON_GetObjectItem(pc, "rank_within_unit")) {
      snprintf(want, sizeof want, "| %s%% | %s%% | %s | %s |", q2, q1, a, b);
      cr_expect(strstr(md, want) != NULL, "component %s rank inside the unit missing: %s", pc->string, want);
    }
  }
  free(md);
}

Test(report, section_ii_has_one_part_per_office, .init = golden_setup, .fini = golden_teardown) {
  char *md = report("md", "vi");
  cli_result r = cli_run((const char *const[]){"--db", db, "tasks", "--year", "2022", "--unit", "muong-te", "--format",
                                               "json", NULL});
  cr_assert_eq(r.status, 0);
  cJSON *t = cJSON_Parse(r.out);
  const cJSON *o;
  const char *ii = strstr(md, "\n## II. ");
  cr_assert_not_null(ii);
  int n = 0;
  cJSON_ArrayForEach(o, cJSON_GetObjectItem(t, "offices")) {
    char want[512];
    snprintf(want, sizeof want, ") %s (có thể lấy lại ", cJSON_GetObjectItem(o, "name")->valuestring);
    cr_expect(strstr(ii, want) != NULL, "no part for %s", want);
    n++;
  }
  int parts = 0;
  for (const char *p = ii; (p = strstr(p, "\n### ")); p++) parts++;
  cr_expect_eq(parts, n, "%d parts in section II, %d offices with tasks", parts, n);
  cJSON_Delete(t);
  cli_free(&r);
  free(md);
}

Test(report, english_labels_and_decimal_point, .init = golden_setup, .fini = golden_teardown) {
  char *md = report("md", "en");
  cr_expect(strstr(md, "\n## I. ANALYSIS OF THE PAR INDEX 2022\n") != NULL);
  cr_expect(strstr(md, "#### 2.1. Rising components (5)") != NULL);
  cr_expect(strstr(md, "| 2022 | 42.56 | 23.28 | 65.84 | 7 |") != NULL);
  cr_expect(strstr(md, "Kết luận số 1424/KL-STC") != NULL, "reasons stay as the rules wrote them");
  free(md);
}

Test(report, illustrative_footnote, .init = golden_setup, .fini = golden_teardown) {
  char *md = report("md", "vi");
  cr_expect(strstr(md, "| 8 | Huyện Nậm Nhùn (*) | 58,70 | Yếu |") != NULL, "ranking table");
  cr_expect(strstr(md, "| 7 | **Huyện Mường Tè** | 65,84 | Trung bình |") != NULL, "the unit is not marked (*)");
  cr_expect(strstr(md, "trong bảng xếp hạng là số liệu minh họa, không phải số liệu công bố") != NULL, "no note");
  free(md);
}

Test(report, html_is_self_contained, .init = golden_setup, .fini = golden_teardown) {
  char *html = report("html", "vi");
  cr_expect(!strncmp(html, "<!DOCTYPE html>", 15));
  const char *banned[] = {"http:", "https:", "<link", "<script", "src=", "url(", "@import"};
  for (size_t i = 0; i < sizeof banned / sizeof *banned; i++)
    cr_expect(strstr(html, banned[i]) == NULL, "external reference '%s' in the HTML", banned[i]);
  int svgs = 0;
  for (const char *p = html; (p = strstr(p, "<svg ")); p++) svgs++;
  cr_expect_eq(svgs, 2, "two inline SVG charts");
  cr_expect(strstr(html, "@page{size:A4") != NULL, "no A4 page rule");
  free(html);
}

static int render(const char *html_path, const char *png, char **err) {
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "%s/scripts/render-html.sh '%s' '%s' 1240,2300 >/dev/null 2>'%s.err'", PARINDEX_SOURCE_DIR,
           html_path, png, png);
  int rc = system(cmd);
  snprintf(cmd, sizeof cmd, "%s.err", png);
  *err = read_text(cmd, NULL);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

Test(report, html_renders_in_chromium_without_console_messages, .init = golden_setup, .fini = golden_teardown, .timeout = 240) {
  char *dir = tmp_folder(), *html = path_join(dir, "r.html"), *png = path_join(dir, "r.png"), *err = NULL;
  cli_result r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", "--format",
                                               "html", "--out", html, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  int rc = render(html, png, &err);
  cr_expect_eq(rc, 0, "render-html failed: %s", err ? err : "");
  struct stat st;
  cr_expect(stat(png, &st) == 0 && st.st_size > 20000, "no screenshot (or an empty one)");
  size_t n = 0;
  char *bytes = read_text(png, &n);
  cr_expect(bytes && n > 8 && !memcmp(bytes, "\x89PNG\r\n\x1a\n", 8), "not a PNG");
  free(bytes);
  free(err);
  /* the check itself: a page with a script error must be refused */
  char *bad = path_join(dir, "bad.html"), *badpng = path_join(dir, "bad.png");
  write_text(bad, "<!DOCTYPE html><html><body><p>x</p><script>no_such_function()</script></body></html>");
  rc = render(bad, badpng, &err);
  cr_expect_eq(rc, 1, "a console error was not detected: %s", err ? err : "");
  free(err); free(bad); free(badpng); free(html); free(png); free(dir);
}

/* ---- every figure of the report is accounted for by the ledger ---- */

typedef struct { long long *v; int n, cap; char *text; size_t len; } pool;

static void pool_add_text(pool *p, const char *s) {
  size_t k = strlen(s);
  p->text = realloc(p->text, p->len + k + 2);
  cr_assert_not_null(p->text);
  memcpy(p->text + p->len, s, k);
  p->len += k;
  p->text[p->len++] = '\n';
  p->text[p->len] = '\0';
}

static void pool_add(pool *p, long long hundredths) {
  if (p->n == p->cap) {
    p->cap = p->cap ? 2 * p->cap : 256;
    p->v = realloc(p->v, (size_t)p->cap * sizeof *p->v);
    cr_assert_not_null(p->v);
  }
  p->v[p->n++] = hundredths < 0 ? -hundredths : hundredths;
}

static void pool_walk(pool *p, const cJSON *o) {
  if (cJSON_IsNumber(o)) pool_add(p, llround(o->valuedouble * 100));
  else if (cJSON_IsString(o)) pool_add_text(p, o->valuestring);
  for (const cJSON *c = o->child; c; c = c->next) pool_walk(p, c);
}

static void pool_command(pool *p, const char *const *args) {
  cli_result r = cli_run(args);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cJSON *o = cJSON_Parse(r.out);
  cr_assert_not_null(o);
  pool_walk(p, o);
  cJSON_Delete(o);
  cli_free(&r);
}

/* Every decimal figure of the Markdown ("7,07", "52,37") is a number of the
** results (explain, compare, rank, tasks JSON), a component's lost points
** (max - points), or written inside a reason or task from the ledger. */
Test(report, every_figure_is_accounted_for, .init = golden_setup, .fini = golden_teardown) {
  char *md = report("md", "vi");
  pool p = {0};
  pool_add_text(&p, "");
  const char *years[] = {"2021", "2022"};
  for (int y = 0; y < 2; y++) {
    pool_command(&p, (const char *const[]){"--db", db, "explain", "--year", years[y], "--unit", "muong-te", "--format",
                                           "json", NULL});
    pool_command(&p, (const char *const[]){"--db", db, "rank", "--year", years[y], "--format", "json", NULL});
  }
  pool_command(&p, (const char *const[]){"--db", db, "tasks", "--year", "2022", "--unit", "muong-te", "--format",
                                         "json", NULL});
  pool_command(&p, (const char *const[]){"--db", db, "plan", "--year", "2022", "--unit", "muong-te", "--target-rank",
                                         "6", "--format", "json", NULL});   /* part II: the next rank */
  pool_command(&p, (const char *const[]){"--db", db, "plan", "--year", "2022", "--office", "noi-vu", "--format",
                                         "json", NULL});                        /* part II: each task alone */
  cli_result r = cli_run((const char *const[]){"--db", db, "compare", "--unit", "muong-te", "--from", "2021", "--to",
                                               "2022", "--same-rules", "--format", "json", NULL});   /* I.3: the split */
  cr_assert_eq(r.status, 0);
  cJSON *c = cJSON_Parse(r.out), *k;
  pool_walk(&p, c);
  cJSON_ArrayForEach(k, cJSON_GetObjectItem(c, "components")) {
    for (int side = 0; side < 2; side++) {
      const cJSON *s = cJSON_GetObjectItem(k, side ? "to" : "from");
      pool_add(&p, llround((cJSON_GetObjectItem(s, "max")->valuedouble - cJSON_GetObjectItem(s, "points")->valuedouble) * 100));
    }
  }
  cJSON_Delete(c);
  cli_free(&r);
  int checked = 0;
  for (const char *s = md; *s; s++) {
    if (!(s[0] >= '0' && s[0] <= '9') || (s > md && s[-1] >= '0' && s[-1] <= '9')) continue;
    const char *e = s;
    while (*e >= '0' && *e <= '9') e++;
    if (!(e[0] == ',' && e[1] >= '0' && e[1] <= '9' && e[2] >= '0' && e[2] <= '9')) { s = e - 1; continue; }
    char tok[32];
    int n = (int)(e + 3 - s) < 31 ? (int)(e + 3 - s) : 31;
    memcpy(tok, s, (size_t)n);
    tok[n] = '\0';
    long long h = atoll(s) * 100 + (e[1] - '0') * 10 + (e[2] - '0');
    int found = strstr(p.text, tok) != NULL;
    for (int i = 0; i < p.n && !found; i++) found = p.v[i] == h;
    cr_expect(found, "figure %s in the report is not in the results or the ledger", tok);
    checked++;
    s = e + 2;
  }
  cr_expect(checked > 100, "only %d figures checked", checked);
  free(p.v);
  free(p.text);
  free(md);
}
