/*
** date.c -- civil date arithmetic (days_from_civil, H. Hinnant).
*/
#include "date.h"

#include <ctype.h>
#include <stdio.h>

int date_valid(int y, int m, int d) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= mdays[m - 1] + (m == 2 && leap);
}

int date_looks_iso(const char *s) {
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) { if (s[i] != '-') return 0; }
    else if (!isdigit((unsigned char)s[i])) return 0;
  }
  return s[10] == '\0';
}

int date_parse_iso(const char *s, pdate *out) {
  if (!date_looks_iso(s)) return 0;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (!date_valid(y, m, d)) return 0;
  out->y = y; out->m = m; out->d = d;
  return 1;
}

long date_days(pdate dt) {
  long y = dt.y - (dt.m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + dt.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

pdate date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  pdate r;
  r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
  r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
  r.y = (int)(y + (r.m <= 2));
  return r;
}

char *date_format_vn(char *buf, pdate d) {
  snprintf(buf, 11, "%02u/%02u/%04u", (unsigned)d.d % 32u, (unsigned)d.m % 13u, (unsigned)d.y % 10000u);
  return buf;
}

char *date_format_iso(char *buf, pdate d) {
  snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 13u, (unsigned)d.d % 32u);
  return buf;
}
