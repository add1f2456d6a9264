/*
** levels.c -- which rulebook scores which kind of unit (see levels.h).
*/
#include "levels.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "path.h"
#include "rulebook.h"
#include "store_levels.h"

static int is_year(const char *s, size_t n) {
  if (n != 4) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

int levels_rulebook_kind(store *s, const char *dir, char *kind, size_t n) {
  char p[4096];
  snprintf(p, sizeof p, "%s", dir);
  path_normalize(p);
  size_t len = strlen(p);
  while (len > 1 && p[len - 1] == '/') p[--len] = '\0';
  char *base = strrchr(p, '/');
  base = base ? base + 1 : p;
  if (is_year(base, strlen(base)) && base > p) {
    base[-1] = '\0';
    char *up = strrchr(p, '/');
    base = up ? up + 1 : p;
  }
  kind[0] = '\0';
  if (!*base || !strcmp(base, ".") || !strcmp(base, "..")) return 0;
  int known = store_kind_known(s, base);
  if (known < 0) return -1;
  if (known) snprintf(kind, n, "%s", base);
  return 0;
}

int levels_has_kind(const char *root, const char *kind) {
  char p[4096];
  struct stat st;
  if (!kind || !*kind || strchr(kind, '/') || !strcmp(kind, ".") || !strcmp(kind, "..")) return 0;
  if ((size_t)snprintf(p, sizeof p, "%s/%s", root, kind) >= sizeof p) return 0;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int levels_resolve(const char *root, const char *kind, int year, char *out, size_t outlen,
                   char *err, size_t errlen) {
  if (!levels_has_kind(root, kind)) {
    if (!rulebook_resolve(root, year, out, outlen, err, errlen)) return 0;
    if (kind && *kind)
      snprintf(err, errlen, "%s: no rulebook for units of kind '%s' in %d (expected a %s/ folder, "
               "*.lua files or a %d/ folder)", root, kind, year, kind, year);
    return -1;
  }
  char p[4096];
  snprintf(p, sizeof p, "%s/%s", root, kind);
  return rulebook_resolve(p, year, out, outlen, err, errlen);
}

int levels_resolve_unit(store *s, const char *root, const char *unit, int year, char *out, size_t outlen,
                        char *err, size_t errlen) {
  char kind[256], parent[256];
  int has = store_unit_level(s, unit, kind, sizeof kind, parent, sizeof parent);
  if (has < 0) { snprintf(err, errlen, "%s", store_errmsg(s)); return -1; }
  if (!has) { snprintf(err, errlen, "unknown unit '%s'", unit); return -1; }
  return levels_resolve(root, kind, year, out, outlen, err, errlen);
}
