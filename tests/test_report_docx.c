/*
** test_report_docx.c -- the Word report as LibreOffice shows it: converted
** to PDF by LibreOffice headless and rendered by pdftoppm, its text read
** back with pdftotext. Checked: A4 pages; the margins of Nghị định 30
** (ink starts 30 mm from the left edge, ends 15 mm from the right, 20 mm
** from the top); the frame (issuing body and national title side by side on
** page 1, BÁO CÁO, the signature block on the last page); no page number
** on page 1 and "2" centred at the top of page 2; Times New Roman (or its
** metric twin Liberation Serif); every published figure of I.1 and I.2.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "helpers.h"

#define DPI 30                          /* 1 mm = DPI / 25.4 px */
#define MM(v) ((int)((v) * DPI / 25.4))

static int sh(const char *cmd) {
  int rc = system(cmd);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

typedef struct { int w, h; unsigned char *px; } gray;

/* Read a binary PGM (P5, maxval 255) as pdftoppm -gray writes it. */
static char *file_in(const char *dir, const char *name) {
  char *p = path_join(dir, name), *t = read_text(p, NULL);
  free(p);
  return t;
}

static gray read_pgm(const char *dir, const char *name) {
  gray g = {0};
  size_t n;
  char *path = path_join(dir, name), *b = read_text(path, &n);
  cr_assert_not_null(b, "no page image %s", path);
  int maxv, off = 0;
  cr_assert_eq(sscanf(b, "P5 %d %d %d%n", &g.w, &g.h, &maxv, &off), 3, "%s is not a PGM", path);
  off++;                                /* the one whitespace after maxval */
  cr_assert(maxv == 255 && (size_t)off + (size_t)g.w * g.h <= n, "%s: unexpected PGM", path);
  g.px = malloc((size_t)g.w * g.h);
  memcpy(g.px, b + off, (size_t)g.w * g.h);
  free(b);
  free(path);
  return g;
}

static int ink(const gray *g, int x, int y) { return g->px[y * g->w + x] < 128; }

/* The bounding box of the ink in rows [y0, y1): x0 x1 (x1 exclusive); -1 when none. */
static void box(const gray *g, int y0, int y1, int *xa, int *xb, int *ya) {
  *xa = g->w; *xb = -1; *ya = -1;
  for (int y = y0; y < y1 && y < g->h; y++)
    for (int x = 0; x < g->w; x++)
      if (ink(g, x, y)) {
        if (x < *xa) *xa = x;
        if (x + 1 > *xb) *xb = x + 1;
        if (*ya < 0) *ya = y;
      }
}

Test(report_docx, libreoffice_shows_the_document_of_nd30, .init = golden_setup, .fini = golden_teardown, .timeout = 300) {
  char *dir = tmp_folder(), *docx = path_join(dir, "r.docx"), cmd[8192];
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "muong-te", "--year", "2022",
                                               "--format", "docx", "--out", docx, NULL});
  cr_assert_eq(r.status, 0, "report --format docx: %s", r.err);
  cli_free(&r);
  size_t n;
  char *bytes = read_text(docx, &n);
  cr_assert(bytes && n > 4 && !memcmp(bytes, "PK\x03\x04", 4), "not a zip (docx) file");
  free(bytes);
  /* a private LibreOffice profile: other conversions may run at the same time */
  snprintf(cmd, sizeof cmd, "cd '%s' && soffice -env:UserInstallation=file://%s/lo --headless --convert-to pdf "
                            "--outdir '%s' r.docx >lo.log 2>&1 && pdfinfo r.pdf >info.txt && pdffonts r.pdf >fonts.txt "
                            "&& pdftotext -layout r.pdf r.txt && pdftoppm -r %d -gray r.pdf page",
           dir, dir, dir, DPI);
  cr_assert_eq(sh(cmd), 0, "LibreOffice or poppler failed (see %s/lo.log)", dir);
  char *info = file_in(dir, "info.txt"), *fonts = file_in(dir, "fonts.txt"), *text = file_in(dir, "r.txt");
  cr_assert(info && fonts && text);
  cr_expect(strstr(info, "595.") && strstr(info, "841.") , "not A4: %s", info);
  int pages = 0;
  const char *pp = strstr(info, "Pages:");
  cr_assert(pp && sscanf(pp, "Pages: %d", &pages) == 1 && pages >= 3, "pages: %s", info);
  cr_expect(strstr(fonts, "TimesNewRoman") || strstr(fonts, "LiberationSerif"), "not Times New Roman: %s", fonts);
  /* the text: frame on page 1, signature at the end, the published figures */
  char *ff = strchr(text, '\f');
  cr_assert_not_null(ff);
  *ff = '\0';
  const char *p1[] = {"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/BC-UBND",
                      "BÁO CÁO", "701/QĐ-UBND"};
  for (size_t i = 0; i < sizeof p1 / sizeof *p1; i++) cr_expect(strstr(text, p1[i]) != NULL, "page 1 lacks %s", p1[i]);
  /* side by side: the issuing body and the national title on one line */
  const char *line = strstr(text, "ỦY BAN NHÂN DÂN");
  cr_expect(line && strstr(line, "CỘNG HÒA") && strstr(line, "CỘNG HÒA") < strchr(line, '\n'),
            "issuing body and national title are not side by side");
  *ff = '\f';
  const char *last = text;             /* the last page that has text */
  for (const char *f = strchr(text, '\f'); f && f[1]; f = strchr(f + 1, '\f')) last = f;
  const char *sig[] = {"Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lưu: VT."};
  for (size_t i = 0; i < sizeof sig / sizeof *sig; i++) cr_expect(strstr(last, sig[i]) != NULL, "last page lacks %s", sig[i]);
  cr_expect(strstr(text, "Trên đây là Báo cáo phân tích") != NULL);
  const char *figures[] = {"43,34", "22,08", "65,42", "42,56", "23,28", "65,84", "7,07/13,50", "5,00/5,00", "9,25/13,50",
                           "6,50/7,50", "5,50/8,00", "2,38/7,00", "6,86/12,50", "23,28/33,00", "52,37%", "68,52%",
                           "86,67%", "68,75%", "34,00%", "54,88%", "70,55%"};
  for (size_t i = 0; i < sizeof figures / sizeof *figures; i++)
    cr_expect(strstr(text, figures[i]) != NULL, "figure %s missing from the Word document", figures[i]);
  /* the layout, from the rendered pages */
  int digits = pages >= 10 ? 2 : 1;
  char name[64];
  snprintf(name, sizeof name, "page-%0*d.pgm", digits, 1);
  gray g1 = read_pgm(dir, name);
  snprintf(name, sizeof name, "page-%0*d.pgm", digits, 2);
  gray g2 = read_pgm(dir, name);
  cr_assert(g1.w > MM(200) && g1.w < MM(215) && g1.h > MM(290) && g1.h < MM(300), "page 1 is %dx%d px", g1.w, g1.h);
  int xa, xb, ya;
  box(&g1, 0, g1.h, &xa, &xb, &ya);
  cr_expect(xa >= MM(28), "ink %d mm from the left edge (30 mm margin)", xa * 254 / (DPI * 10));
  cr_expect(xb <= g1.w - MM(13), "ink %d mm from the right edge (15 mm margin)", (g1.w - xb) * 254 / (DPI * 10));
  cr_expect(ya >= MM(18), "page 1: ink %d mm from the top: a page number? (20 mm margin)", ya * 254 / (DPI * 10));
  /* page 1 starts with two columns: ink on both sides of the middle in the first lines */
  int left = 0, right = 0;
  for (int y = ya; y < ya + MM(8); y++)
    for (int x = 0; x < g1.w; x++)
      if (ink(&g1, x, y)) { if (x < MM(30) + MM(62)) left++; else right++; }
  cr_expect(left > 0 && right > 0, "no two-column heading on page 1 (left %d, right %d)", left, right);
  /* page 2: the page number alone, centred, between the header edge (10 mm) and the text (20 mm) */
  box(&g2, MM(5), MM(19), &xa, &xb, &ya);
  cr_expect(ya >= 0, "no page number at the top of page 2");
  int centre = MM(30) + (g2.w - MM(30) - MM(15)) / 2;
  cr_expect(xa > centre - MM(8) && xb < centre + MM(8), "page 2's number is not centred (%d..%d px, centre %d)", xa, xb, centre);
  free(g1.px); free(g2.px); free(info); free(fonts); free(text); free(docx);
  remove_tree(dir);
  free(dir);
}
