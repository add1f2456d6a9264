/*
** test_points.c -- exact arithmetic in hundredths.
*/
#include <criterion/criterion.h>
#include <string.h>

#include "date.h"
#include "points.h"

Test(points, the_report_sum_is_exact) {
  /* 7,07 + 5 + 9,25 + 6,5 + 5,5 + 2,38 + 6,86 = 42,56, never 42,559999 */
  const double parts[] = {7.07, 5, 9.25, 6.5, 5.5, 2.38, 6.86};
  pts_t sum = 0;
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) sum += pts_from_double(parts[i], NULL);
  char buf[PTS_FMT_MAX];
  cr_assert_eq(sum, 4256);
  cr_expect_str_eq(pts_format(buf, sum, ',', 1), "42,56");
  cr_expect_str_eq(pts_format(buf, sum, '.', 0), "42.56");
}

Test(points, rounds_half_up_at_the_boundary) {
  cr_expect_eq(pts_from_double(1.735, NULL), 174);   /* stored as 1.73499999... */
  cr_expect_eq(pts_from_double(0.265, NULL), 27);
  cr_expect_eq(pts_from_double(1.5686, NULL), 157);
  cr_expect_eq(pts_from_double(0.4314, NULL), 43);
  cr_expect_eq(pts_from_double(2 - 1.74, NULL), 26);
  cr_expect_eq(pts_from_double(0.004999, NULL), 0);
  cr_expect_eq(pts_from_double(-0.005, NULL), -1);
}

Test(points, refuses_non_finite) {
  int ok = 1;
  pts_from_double(1.0 / 0.0, &ok);
  cr_expect_eq(ok, 0);
  ok = 1;
  pts_from_double(0.0 / 0.0, &ok);
  cr_expect_eq(ok, 0);
  pts_from_double(2.5, &ok);
  cr_expect_eq(ok, 1);
}

Test(points, percent_rounds_half_up_to_two_decimals) {
  cr_expect_eq(pts_percent(707, 1350), 5237);    /* 52,370 */
  cr_expect_eq(pts_percent(550, 600), 9167);     /* 91,666 */
  cr_expect_eq(pts_percent(475, 650), 7308);     /* 73,077 */
  cr_expect_eq(pts_percent(2328, 3300), 7055);   /* 70,545 */
  cr_expect_eq(pts_percent(1, 8), 1250);         /* exactly 12,5 */
  cr_expect_eq(pts_percent(1, 3), 3333);
  cr_expect_eq(pts_percent(2, 3), 6667);
  cr_expect_eq(pts_percent(5, 0), 0);
}

Test(points, rescale_for_not_applicable) {
  /* 3 of 4 points on the applicable 4, component max 6 → 4,50 */
  cr_expect_eq(pts_rescale(300, 600, 400), 450);
  cr_expect_eq(pts_rescale(100, 300, 200), 150);
  cr_expect_eq(pts_rescale(1, 2, 3), 1);          /* 0,666 → 0,67 hundredths: 1 */
}

Test(points, formats) {
  char b[PTS_FMT_MAX];
  cr_expect_str_eq(pts_format(b, 6584, ',', 1), "65,84");
  cr_expect_str_eq(pts_format(b, 500, ',', 1), "5,00");
  cr_expect_str_eq(pts_format(b, 500, '.', 0), "5");
  cr_expect_str_eq(pts_format(b, 1350, '.', 0), "13.5");
  cr_expect_str_eq(pts_format(b, 7, '.', 0), "0.07");
  cr_expect_str_eq(pts_format(b, -26, '.', 0), "-0.26");
  cr_expect_str_eq(pts_format(b, 0, ',', 1), "0,00");
}

Test(dates, parse_validate_and_print) {
  pdate d;
  char b[16];
  cr_assert(date_parse_iso("2022-06-24", &d));
  cr_expect_str_eq(date_format_vn(b, d), "24/06/2022");
  cr_expect_str_eq(date_format_iso(b, d), "2022-06-24");
  cr_expect_not(date_parse_iso("2022-02-30", &d));
  cr_expect_not(date_parse_iso("2021-02-29", &d));
  cr_expect(date_parse_iso("2024-02-29", &d));
  cr_expect_not(date_parse_iso("24/06/2022", &d));
  cr_expect_not(date_parse_iso("2022-6-24", &d));
  cr_expect_not(date_parse_iso("2022-06-24x", &d));
}

Test(dates, day_arithmetic) {
  pdate a, b;
  cr_assert(date_parse_iso("2022-06-19", &a));
  cr_assert(date_parse_iso("2022-06-24", &b));
  cr_expect_eq(date_days(b) - date_days(a), 5);
  cr_assert(date_parse_iso("1970-01-01", &a));
  cr_expect_eq(date_days(a), 0);
  pdate c = date_from_days(date_days(b) + 10);
  cr_expect(c.y == 2022 && c.m == 7 && c.d == 4);
}
