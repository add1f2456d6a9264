/*
** path.c -- lexical path helpers and reading a file whole.
*/
#include "path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* "a/b/../c/./d" -> "a/c/d" (lexically; a leading "../" stays). */
void path_normalize(char *path) {
  char *parts[256];
  int n = 0, abs = path[0] == '/';
  char *save = NULL;
  char *copy = strdup(path);
  if (!copy) abort();
  for (char *t = strtok_r(copy, "/", &save); t && n < 256; t = strtok_r(NULL, "/", &save)) {
    if (!strcmp(t, ".")) continue;
    if (!strcmp(t, "..") && n > 0 && strcmp(parts[n - 1], "..")) { n--; continue; }
    parts[n++] = t;
  }
  char *o = path;
  if (abs) *o++ = '/';
  for (int i = 0; i < n; i++) {
    size_t k = strlen(parts[i]);
    memmove(o, parts[i], k);
    o += k;
    if (i + 1 < n) *o++ = '/';
  }
  if (o == path) *o++ = '.';
  *o = '\0';
  free(copy);
}

int path_absolute(const char *path, char *out, size_t n) {
  char cwd[4096];
  int k;
  if (path[0] == '/') k = snprintf(out, n, "%s", path);
  else if (!getcwd(cwd, sizeof cwd)) return -1;
  else k = snprintf(out, n, "%s/%s", cwd, path);
  if (k < 0 || (size_t)k >= n) return -1;
  path_normalize(out);
  return 0;
}

/* Split a normalized path into its folders/name; returns how many. */
static int split(char *p, char **parts, int max) {
  int n = 0;
  char *save = NULL;
  for (char *t = strtok_r(p, "/", &save); t && n < max; t = strtok_r(NULL, "/", &save)) parts[n++] = t;
  return n;
}

void path_relative(const char *dir, const char *path, char *out, size_t n) {
  char d[4096], f[4096], *dp[256], *fp[256];
  snprintf(d, sizeof d, "%s", dir);
  snprintf(f, sizeof f, "%s", path);
  path_normalize(d);
  path_normalize(f);
  int nd = strcmp(d, ".") ? split(d, dp, 256) : 0, nf = split(f, fp, 256), c = 0;
  while (c < nd && c < nf - 1 && !strcmp(dp[c], fp[c])) c++;
  size_t k = 0;
  out[0] = '\0';
  for (int u = c; u < nd && k + 4 < n; u++) k += (size_t)snprintf(out + k, n - k, "../");
  for (int i = c; i < nf && k < n; i++) k += (size_t)snprintf(out + k, n - k, "%s%s", fp[i], i + 1 < nf ? "/" : "");
}

char *file_read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 8192, n = 0, k;
  char *buf = malloc(cap);
  while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += k;
    if (n + 1 == cap) {
      char *g = realloc(buf, cap *= 2);
      if (!g) { free(buf); buf = NULL; }
      buf = g;
    }
  }
  if (buf && ferror(f)) { free(buf); buf = NULL; }
  fclose(f);
  if (!buf) return NULL;
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

