/*
** points.c -- exact points in integer hundredths.
*/
#include "points.h"

#include <math.h>
#include <stdio.h>

pts_t pts_from_double(double x, int *ok) {
  if (ok) *ok = isfinite(x) && fabs(x) < 1e15;
  if (!isfinite(x) || fabs(x) >= 1e15) return 0;
  if (x < 0) return -pts_from_double(-x, NULL);
  return (pts_t)floor(x * 100.0 + 0.5 + 1e-6);
}

pts_t pts_percent(pts_t points, pts_t max) {
  if (max <= 0) return 0;
  if (points < 0) return -pts_percent(-points, max);
  return (2 * points * 10000 + max) / (2 * max);
}

pts_t pts_rescale(pts_t sum, pts_t max, pts_t summax) {
  if (summax <= 0) return 0;
  return (2 * sum * max + summax) / (2 * summax);
}

char *pts_format(char *buf, pts_t v, char decimal, int fixed) {
  const char *sign = v < 0 ? "-" : "";
  uint64_t a = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
  unsigned long long whole = a / 100, frac = a % 100;
  if (fixed || frac % 10)
    snprintf(buf, PTS_FMT_MAX, "%s%llu%c%02llu", sign, whole, decimal, frac);
  else if (frac)
    snprintf(buf, PTS_FMT_MAX, "%s%llu%c%llu", sign, whole, decimal, frac / 10);
  else
    snprintf(buf, PTS_FMT_MAX, "%s%llu", sign, whole);
  return buf;
}
