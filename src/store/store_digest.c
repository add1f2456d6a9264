/*
** store_digest.c -- a unit digest of a run bound as its 32 bytes
** (store_int.h).
*/
#include "store_int.h"

#include <string.h>

void store_bind_digest(sqlite3_stmt *st, int i, const char *hex, unsigned char buf[32]) {
  static const unsigned char val[256] = {
    ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
    ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16};   /* the digit's value + 1 */
  if (!hex) { sqlite3_bind_null(st, i); return; }
  const unsigned char *h = (const unsigned char *)hex;
  unsigned bad = 0x100;                          /* > 15: not a digest in hex digits */
  if (strlen(hex) == 64)
    for (int k = bad = 0; k < 32; k++) {         /* one check at the end, none a digit */
      unsigned char x = (unsigned char)(val[h[2 * k]] - 1), y = (unsigned char)(val[h[2 * k + 1]] - 1);
      bad |= x | y;                              /* 0xff for a byte that is no digit */
      buf[k] = (unsigned char)(x << 4 | y);
    }
  if (bad <= 15) sqlite3_bind_blob(st, i, buf, 32, SQLITE_STATIC);
  else sqlite3_bind_text(st, i, hex, -1, SQLITE_STATIC);
}
