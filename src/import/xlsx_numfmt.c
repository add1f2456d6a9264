/*
** xlsx_numfmt.c -- what a cell's number format shows (xlsx_numfmt.h).
*/
#include "xlsx_numfmt.h"

#include <string.h>

static int builtin(int id) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return NF_DATE;
  return id == 1 || id == 3 || id == 37 || id == 38 ? NF_WHOLE : NF_OTHER;   /* 0, #,##0, #,##0 ;(#,##0) */
}

/* A code shows a date when it has d, m or y outside quotes and brackets (and
** is not elapsed time only); a whole number when it has digit places (0 or #)
** and no decimal point, exponent or percent sign there. */
int xlsx_numfmt(int id, const char *s) {
  if (!s) return builtin(id);
  int q = 0, br = 0, digits = 0, other = 0;
  for (; *s; s++) {
    if (*s == '"') q = !q;
    else if (q) continue;
    else if (*s == '\\' && s[1]) s++;
    else if (*s == '[') br = 1;
    else if (*s == ']') br = 0;
    else if (br) continue;
    else if (strchr("dmyDMY", *s)) return NF_DATE;
    else if (*s == '0' || *s == '#') digits = 1;
    else if (strchr(".eE%?/@", *s)) other = 1;
  }
  return digits && !other ? NF_WHOLE : NF_OTHER;
}
