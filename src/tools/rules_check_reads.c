/*
** rules_check_reads.c -- undeclared fact keys and params in rule code.
*/
#include "rules_check_reads.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "similar.h"

static int ident_char(int c) { return isalnum(c) || c == '_'; }

static void did_you_mean(FILE *out, const char *word, const char *const *cands, size_t n) {
  const char *near = similar_closest(word, cands, n);
  if (near) fprintf(out, " (did you mean '%s'?)", near);
  fputc('\n', out);
}

int rules_check_fact_reads(const methodology *m, const char *file, char **lines, int n, FILE *out) {
  static const char *const calls[] = {"fact", "has", "records"};
  const char **keys = malloc((size_t)(m->nfacts ? m->nfacts : 1) * sizeof *keys);
  if (!keys) abort();
  for (int i = 0; i < m->nfacts; i++) keys[i] = m->facts[i].key;
  int found = 0;
  for (int l = 0; l < n; l++) {
    const char *s = lines[l], *cm = strstr(s, "--");
    for (const char *p = s; (p = strchr(p, '.')); p++) {
      if (cm && p > cm) break;
      if (p == s || !ident_char((unsigned char)p[-1])) continue;
      for (int c = 0; c < 3; c++) {
        size_t cn = strlen(calls[c]);
        if (strncmp(p + 1, calls[c], cn) || ident_char((unsigned char)p[1 + cn])) continue;
        const char *q = p + 1 + cn;
        while (*q == ' ') q++;
        if (*q++ != '(') continue;
        while (*q == ' ') q++;
        if (*q != '"' && *q != '\'') continue;        /* a key computed at run time */
        const char *e = strchr(q + 1, *q);
        if (!e || e - q - 1 > 200) continue;
        char key[256];
        snprintf(key, sizeof key, "%.*s", (int)(e - q - 1), q + 1);
        const meth_fact *f = methodology_fact(m, key);
        if (f && c == 2 && f->type != FT_LIST) {
          fprintf(out, "%s:%d: fact '%s' is read with u.records but declared as %s, not a list\n", file, l + 1,
                  key, fact_type_name(f->type));
          found++;
        } else if (f && c == 0 && f->type == FT_LIST) {
          fprintf(out, "%s:%d: fact '%s' is a list: read it with u.records, not u.fact\n", file, l + 1, key);
          found++;
        } else if (!f) {
          fprintf(out, "%s:%d: fact '%s' (u.%s) is not declared in the rulebook (fact \"%s\" { ... })", file,
                  l + 1, key, calls[c], key);
          did_you_mean(out, key, keys, (size_t)m->nfacts);
          found++;
        }
      }
    }
  }
  free(keys);
  return found;
}

int rules_check_param_reads(const char *file, char **lines, int from, int to, const char *param,
                            const char *crit, char *const *keys, int nkeys, FILE *out) {
  size_t pn = strlen(param);
  int found = 0;
  if (!pn) return 0;
  for (int l = from; l <= to; l++) {
    const char *s = lines[l - 1], *cm = strstr(s, "--");
    for (const char *p = s; (p = strstr(p, param)); p += pn) {
      if (cm && p > cm) break;
      if ((p > s && (ident_char((unsigned char)p[-1]) || p[-1] == '.' || p[-1] == ':')) || p[pn] != '.' ||
          !(isalpha((unsigned char)p[pn + 1]) || p[pn + 1] == '_'))
        continue;
      const char *q = p + pn + 1, *e = q;
      while (ident_char((unsigned char)*e)) e++;
      char key[128];
      snprintf(key, sizeof key, "%.*s", (int)(e - q), q);
      int known = 0;
      for (int i = 0; i < nkeys && !known; i++) known = !strcmp(keys[i], key);
      if (known) continue;
      fprintf(out, "%s:%d: criterion %s: param '%s' is read but not declared in its params", file, l, crit, key);
      did_you_mean(out, key, (const char *const *)keys, (size_t)nkeys);
      found++;
    }
  }
  return found;
}
