/*
** test_double_text.c -- numtext_g15 prints what printf("%.15g") prints.
*/
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "double_text.h"

static void expect_g15(double x) {
  char got[NUMTEXT_G15_MAX], want[64];
  numtext_g15(got, x);
  snprintf(want, sizeof want, "%.15g", x);
  cr_expect_str_eq(got, want, "%a", x);
}

Test(numtext, edge_values) {
  const double v[] = {0.0, -0.0, 1, -1, 0.1, 0.2, 0.3, 1.005, 2.5, 86.75, 10.71, 15.2, 0.0001,
                      0.00009999999999999999, 1e-5, 1e14, 1e15, -1e15, 999999999999999.4,
                      99999999999999.95, 9999999.99999999, 123456789012345678.0, 1e300,
                      -1e-300, 5e-324, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0};
  for (size_t i = 0; i < sizeof v / sizeof *v; i++) expect_g15(v[i]);
}

Test(numtext, random_values) {
  uint64_t s = 88172645463325252ULL;
  for (int i = 0; i < 300000; i++) {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    double x;
    switch (i % 5) {
    case 0: memcpy(&x, &s, sizeof x); break;                                /* any bits */
    case 1: x = (double)(int64_t)(s % 2000000001) / 100.0 - 1e7; break;       /* hundredths */
    case 2: x = (double)(s % 100000) / pow(10, (double)(s >> 60)); break;     /* short decimals */
    case 3: x = ldexp((double)(s >> 11), (int)(s % 120) - 100); break;       /* 53-bit mantissas */
    default: x = pow(10, (double)(int)(s % 40) - 20) * (1 + ((double)(s >> 54) - 512) * 1e-15); /* near 10^n */
    }
    expect_g15(x);
  }
}
