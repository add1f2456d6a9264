/*
** double_text.c -- "%.15g" without printf (see double_text.h).
**
** x = d * 10^-k with d the 15-digit integer nearest to |x| * 10^k. The
** product |x| * 10^k is computed exactly as p + err (10^k is exact for
** k <= 22 and fma gives the rounding error of the product), so the nearest
** integer is decided on the exact value; a value too close to a tie, and
** everything %g would print with an exponent, go to snprintf.
*/
#include "double_text.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

static const double pow10_exact[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* The 15 significant digits of a (1e-4 <= a < 1e15) and the
** decimal exponent of the first; 0 if the caller must use printf. */
static int digits15(double a, uint64_t *digits, int *exp10) {
  int e = (int)floor(log10(a));
  for (int tries = 0; tries < 3; tries++) {
    int k = 14 - e;
    if (k < 0 || k > 22) return 0;
    double scale = pow10_exact[k];
    double p = a * scale, err = fma(a, scale, -p);
    double r = floor(p), frac = (p - r) + err;     /* a * 10^k == r + frac exactly */
    if (r < 1e14 || (r == 1e14 && frac < 0)) { e--; continue; }   /* fewer than 15 digits */
    if (r >= 1e15) { e++; continue; }
    if (fabs(frac - 0.5) < 1e-6) return 0;         /* (near) tie: printf decides */
    if (frac > 0.5) r += 1;
    if (r == 1e15) { *digits = 100000000000000ULL; *exp10 = e + 1; return 1; }
    *digits = (uint64_t)r;
    *exp10 = e;
    return 1;
  }
  return 0;
}

char *numtext_g15(char *buf, double x) {
  double a = fabs(x);
  uint64_t d;
  int e;
  if (!(a >= 1e-4 && a < 1e15) || !digits15(a, &d, &e) || e < -4 || e >= 15) {
    snprintf(buf, NUMTEXT_G15_MAX, "%.15g", x);
    return buf;
  }
  char dig[15];
  uint32_t hi = (uint32_t)(d / 100000000), lo = (uint32_t)(d % 100000000);   /* 7 + 8 digits */
  int last = 14;                                  /* the last digit that is not a 0 */
  if (!lo) last = 6;
  for (int i = 14; i >= 7; i--) { dig[i] = (char)('0' + lo % 10); lo /= 10; }
  for (int i = 6; i >= 0; i--) { dig[i] = (char)('0' + hi % 10); hi /= 10; }
  while (last > 0 && dig[last] == '0') last--;
  if (last < e) last = e;                         /* zeros before the point stay */
  char *o = buf;
  if (x < 0) *o++ = '-';
  if (e >= 0) {
    for (int i = 0; i <= e; i++) *o++ = dig[i];
    if (last > e) {
      *o++ = '.';
      for (int i = e + 1; i <= last; i++) *o++ = dig[i];
    }
  } else {
    *o++ = '0';
    *o++ = '.';
    for (int i = e + 1; i < 0; i++) *o++ = '0';
    for (int i = 0; i <= last; i++) *o++ = dig[i];
  }
  *o = '\0';
  return buf;
}
