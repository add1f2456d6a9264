/*
** similar.c -- edit distance (optimal string alignment) for "did you mean".
*/
#include "similar.h"

#include <string.h>

int similar_distance(const char *a, const char *b, int limit) {
  size_t n = strlen(a), m = strlen(b);
  if (n > 255 || m > 255) return limit + 1;
  if ((n > m ? n - m : m - n) > (size_t)limit) return limit + 1;
  int rows[3][257];                               /* rows i-2, i-1 and i, in turn */
  for (size_t j = 0; j <= m; j++) rows[0][j] = (int)j;
  for (size_t i = 1; i <= n; i++) {
    int *cur = rows[i % 3], *prev = rows[(i + 2) % 3], *prev2 = rows[(i + 1) % 3];
    int best = cur[0] = (int)i;
    for (size_t j = 1; j <= m; j++) {
      int cost = a[i - 1] != b[j - 1];
      int v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (prev[j - 1] + cost < v) v = prev[j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
        v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
  }
  return rows[n % 3][m];
}

const char *similar_closest(const char *word, const char *const *cands, size_t n) {
  int limit = (int)(strlen(word) / 4);
  if (limit < 1) limit = 1;
  if (limit > 3) limit = 3;
  const char *best = NULL;
  int bestd = limit + 1;
  for (size_t i = 0; i < n; i++) {
    int dist = similar_distance(word, cands[i], bestd - 1 < limit ? bestd - 1 : limit);
    if (dist < bestd && strcmp(word, cands[i]) != 0) { bestd = dist; best = cands[i]; }
  }
  return best;
}
