/*
** store_digest.c -- a unit digest of a run bound as its 32 bytes
** (store_int.h).
*/
#include "store_int.h"

void store_bind_digest(sqlite3_stmt *st, int i, const char *hex, unsigned char buf[32]) {
  static const signed char val[256] = {
    ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
    ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16};   /* the digit's value + 1 */
  int k = 0;
  for (; hex && k < 64 && val[(unsigned char)hex[k]]; k++)
    if (k & 1) buf[k / 2] = (unsigned char)((val[(unsigned char)hex[k - 1]] - 1) << 4 | (val[(unsigned char)hex[k]] - 1));
  if (k == 64 && !hex[64]) sqlite3_bind_blob(st, i, buf, 32, SQLITE_STATIC);
  else if (hex) sqlite3_bind_text(st, i, hex, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}
