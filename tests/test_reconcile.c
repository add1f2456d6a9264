/*
** test_reconcile.c -- the self-assessment beside the appraisal as the
** appraisal office receives it: reconcile --format xlsx read back cell by
** cell (the import's own reader), its numbers and totals equal to the JSON;
** and the section of the report that lists it.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "xlsx_read.h"

#define SELF_FILE "data/lai-chau/tu-danh-gia/muong-te-2022.json"

static void self_assess(void) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "self-assess", SELF_FILE, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
}

typedef struct {
  char head[12][96];          /* the header row */
  char crit[64][8];           /* column B of each data row */
  int kind[64][12];           /* XC_* per cell, -1 when empty */
  char val[64][12][160];      /* its text (cut) */
  int nrows;                  /* rows after the header, up to the totals */
  int total_row;              /* the row (1-based) of the totals, 0 if none */
  char total[3][48];          /* E, F, G of the totals row */
} sheet;

static int on_row(int row, const xlsx_cell *cells, int n, void *ud) {
  sheet *s = ud;
  if (row == 1) {
    for (int i = 0; i < n; i++)
      if (cells[i].col < 12) snprintf(s->head[cells[i].col], sizeof s->head[0], "%s", cells[i].text);
    return 0;
  }
  if (s->total_row) return 0;
  for (int i = 0; i < n; i++)
    if (cells[i].col == 2 && !strncmp(cells[i].text, "Tổng", strlen("Tổng"))) {
      s->total_row = row;
      for (int k = 0; k < n; k++)
        if (cells[k].col >= 4 && cells[k].col <= 6) snprintf(s->total[cells[k].col - 4], 48, "%s", cells[k].text);
      return 0;
    }
  if (s->nrows == 64) return 0;
  int r = s->nrows++;
  for (int c = 0; c < 12; c++) s->kind[r][c] = -1;
  for (int i = 0; i < n; i++) {
    int c = cells[i].col;
    if (c >= 12) continue;
    s->kind[r][c] = cells[i].kind;
    snprintf(s->val[r][c], sizeof s->val[0][0], "%s", cells[i].text);
    if (c == 1) snprintf(s->crit[r], sizeof s->crit[0], "%s", cells[i].text);
  }
  return 0;
}

static long long h(const char *text) { return llround(strtod(text, NULL) * 100); }

static const cJSON *crit_json(const cJSON *o, const char *id) {
  const cJSON *c;
  cJSON_ArrayForEach(c, cJSON_GetObjectItem(o, "criteria"))
    if (!strcmp(cJSON_GetObjectItem(c, "criterion")->valuestring, id)) return c;
  return NULL;
}

Test(reconcile, the_workbook_has_the_json_figures_as_numbers, .init = golden_setup, .fini = golden_teardown) {
  self_assess();
  char *dir = tmp_folder(), *out = path_join(dir, "doi-chieu.xlsx");
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "reconcile", "--year", "2022", "--unit", "muong-te",
                                               "--format", "xlsx", "--out", out, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cJSON *o = cli_json((const char *const[]){"--db", golden_db, "reconcile", "--year", "2022", "--unit", "muong-te",
                                            "--format", "json", NULL});
  cr_assert_not_null(o);
  char err[512];
  xlsx *x = xlsx_open(out, err, sizeof err);
  cr_assert_not_null(x, "%s", err);
  cr_expect_str_eq(xlsx_sheet_name(x, 0), "Đối chiếu 2022");
  static sheet s;
  memset(&s, 0, sizeof s);
  cr_assert_eq(xlsx_each_row(x, 0, on_row, &s, err, sizeof err), 0, "%s", err);
  xlsx_close(x);
  cr_expect_str_eq(s.head[1], "Tiêu chí");
  cr_expect_str_eq(s.head[4], "Điểm tự chấm");
  cr_expect_str_eq(s.head[5], "Điểm thẩm định");
  cr_expect_eq(s.nrows, cJSON_GetArraySize(cJSON_GetObjectItem(o, "criteria")), "a row per criterion");
  int checked = 0;
  for (int i = 0; i < s.nrows; i++) {
    const cJSON *c = crit_json(o, s.crit[i]);
    cr_assert_not_null(c, "row %d: criterion '%s'", i + 2, s.crit[i]);
    cr_expect(s.kind[i][5] == XC_NUMBER || s.kind[i][5] == XC_WHOLE, "appraised %s is a number", s.crit[i]);
    cr_expect_eq(h(s.val[i][5]), llround(cJSON_GetObjectItem(c, "appraised")->valuedouble * 100), "%s", s.crit[i]);
    if (cJSON_IsNull(cJSON_GetObjectItem(c, "self"))) {
      cr_expect_eq(s.kind[i][4], -1, "%s: not self-assessed, an empty cell", s.crit[i]);
      continue;
    }
    cr_expect_eq(h(s.val[i][4]), llround(cJSON_GetObjectItem(c, "self")->valuedouble * 100), "%s", s.crit[i]);
    cr_expect_eq(h(s.val[i][6]), llround(cJSON_GetObjectItem(c, "difference")->valuedouble * 100), "%s", s.crit[i]);
    checked++;
  }
  cr_expect_eq(checked, 32, "the 32 self-assessed criteria of the bundled file");
  /* 1.3: 4/17 inspected, below 30%: the reason, the facts and the unit's evidence in their cells */
  for (int i = 0; i < s.nrows; i++) {
    if (strcmp(s.crit[i], "1.3")) continue;
    cr_expect_eq(h(s.val[i][6]), -43);
    cr_expect(strstr(s.val[i][7], "−0,43 Kiểm tra CCHC 4/17") == s.val[i][7], "%s", s.val[i][7]);
    cr_expect(strstr(s.val[i][8], "so_co_quan_xa_duoc_kiem_tra_cchc = 4") != NULL, "%s", s.val[i][8]);
    cr_expect(strstr(s.val[i][9], "42/KH-UBND") != NULL, "%s", s.val[i][9]);
  }
  cr_assert(s.total_row, "a totals row");
  cr_expect_eq(h(s.total[0]), llround(cJSON_GetObjectItem(o, "self_total")->valuedouble * 100));
  cr_expect_eq(h(s.total[1]), llround(cJSON_GetObjectItem(o, "appraised_total")->valuedouble * 100));
  cr_expect_eq(h(s.total[2]), llround(cJSON_GetObjectItem(o, "difference")->valuedouble * 100));
  cJSON_Delete(o);
  /* English headers; --out without xlsx and xlsx without --out are usage errors */
  r = cli_run((const char *const[]){"--db", golden_db, "reconcile", "--year", "2022", "--unit", "muong-te",
                                    "--format", "xlsx", "--out", out, "--lang", "en", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  x = xlsx_open(out, err, sizeof err);
  cr_assert_not_null(x, "%s", err);
  memset(&s, 0, sizeof s);
  cr_assert_eq(xlsx_each_row(x, 0, on_row, &s, err, sizeof err), 0, "%s", err);
  xlsx_close(x);
  cr_expect_str_eq(s.head[4], "Self-assessed");
  r = cli_run((const char *const[]){"--db", golden_db, "reconcile", "--year", "2022", "--unit", "muong-te",
                                    "--format", "xlsx", NULL});
  cr_expect_eq(r.status, 2, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "reconcile", "--year", "2022", "--unit", "muong-te",
                                    "--out", out, NULL});
  cr_expect_eq(r.status, 2, "%s", r.err);
  cli_free(&r);
  remove_tree(dir);
  free(out);
  free(dir);
}

Test(reconcile, the_report_lists_it_with_reconcile, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022",
                                               "--reconcile", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "III. ĐỐI CHIẾU KẾT QUẢ TỰ ĐÁNH GIÁ") != NULL, "a part of its own");
  cr_expect(strstr(r.out, "chưa gửi kết quả tự đánh giá") != NULL, "no self-assessment yet: it says so");
  cli_free(&r);
  self_assess();
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "ĐỐI CHIẾU") == NULL, "without --reconcile the report is the published one's structure");
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", "--reconcile", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  const char *iii = strstr(r.out, "III. ĐỐI CHIẾU");
  cr_assert_not_null(iii);
  cr_expect(strstr(iii, "32 tiêu chí với tổng số 56,50 điểm") && strstr(iii, "42,56 điểm (−13,94 điểm)"), "%s", iii);
  cr_expect(strstr(iii, "| 1.3 | Công tác kiểm tra cải cách hành chính | 2,00 | 1,57 | −0,43 |") != NULL, "%s", iii);
  cr_expect(strstr(iii, "**Trừ 0,43 điểm:** Kiểm tra CCHC 4/17") != NULL, "the reason: %s", iii);
  cr_expect(strstr(iii, "**Đơn vị giải trình:** Một số báo cáo gửi chậm") != NULL, "its explanation");
  cr_expect(strstr(iii, "ho_so_") == NULL && strstr(iii, "fact") == NULL, "no fact keys, no software words");
  cr_expect(strstr(iii, "Nơi nhận") != NULL, "before the document's end");
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", "--reconcile",
                                    "--lang", "en", "--format", "html", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "III. THE SELF-ASSESSMENT AGAINST THE APPRAISAL, 2022") != NULL);
  cr_expect(strstr(r.out, "56.50") != NULL, "English: decimal point");
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022", "--reconcile",
                                    "--office", "noi-vu", NULL});
  cr_expect_eq(r.status, 2, "%s", r.err);
  cli_free(&r);
}
