/*
** rules_check.c -- the rulebook linter.
*/
#include "rules_check.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lua_globals.h"
#include "path.h"
#include "rulebook_inspect.h"
#include "rules_check_reads.h"

typedef struct { FILE *out; int n; } sink;

static void finding(sink *k, const char *file, int line, const char *fmt, const char *a, const char *b) {
  fprintf(k->out, "%s:%d: ", file, line);
  fprintf(k->out, fmt, a, b);
  fputc('\n', k->out);
  k->n++;
}

/* The loader's problems: one per line, tracebacks dropped. */
static void loader_problems(sink *k, const char *err) {
  for (const char *p = err; *p;) {
    size_t n = strcspn(p, "\n");
    if (n && p[0] != '\t' && strncmp(p, "stack traceback:", 16) != 0) {
      fprintf(k->out, "%.*s\n", (int)n, p);
      k->n++;
    }
    p += n + (p[n] == '\n');
  }
}

/* ---- globals ---- */

typedef struct { sink *k; const char *file; const rulebook *rb; } globals_ctx;

static void on_global(const char *name, int line, int write, void *ud) {
  globals_ctx *g = ud;
  if (write) { finding(g->k, g->file, line, "assignment to global '%s' (declare it local)%s", name, ""); return; }
  if (!rulebook_has_global(g->rb, name)) finding(g->k, g->file, line, "undefined global '%s'%s", name, "");
}

/* ---- scoring functions' parameters ---- */

static char **read_lines(const char *path, int *n) {
  char *text = file_read_all(path, NULL);
  *n = 0;
  if (!text) return NULL;
  int cap = 256;
  char **lines = malloc((size_t)cap * sizeof *lines);
  lines[(*n)++] = text;
  for (char *p = text; (p = strchr(p, '\n'));) {
    *p++ = '\0';
    if (*n == cap) lines = realloc(lines, (size_t)(cap *= 2) * sizeof *lines);
    lines[(*n)++] = p;
  }
  return lines;
}

static void free_lines(char **lines) {
  if (lines) free(lines[0]);
  free(lines);
}

static int ident_char(int c) { return isalnum(c) || c == '_'; }

/* Does the source use param.key (or param["key"])? Sets *escapes when the
** parameter is used in any other way (passed on, iterated). */
static int uses_key(char **lines, int from, int to, const char *param, const char *key, int *escapes) {
  size_t pn = strlen(param), kn = strlen(key);
  int found = 0;
  for (int l = from; l <= to; l++) {
    const char *s = lines[l - 1];
    const char *cm = strstr(s, "--");
    for (const char *p = s; (p = strstr(p, param)); p += pn) {
      if (cm && p > cm) break;
      if ((p > s && (ident_char((unsigned char)p[-1]) || p[-1] == '.' || p[-1] == ':')) || ident_char((unsigned char)p[pn]))
        continue;
      if (l == from && strstr(s, "function") && strstr(s, "function") < p) continue;   /* the parameter list */
      const char *q = p + pn;
      while (*q == ' ') q++;
      if (*q == '.' && q[1] != '.') {
        q++;
        while (*q == ' ') q++;
        if (!strncmp(q, key, kn) && !ident_char((unsigned char)q[kn])) found = 1;
      } else if (*q == '[') {
        q++;
        while (*q == ' ') q++;
        if ((*q == '"' || *q == '\'') && !strncmp(q + 1, key, kn) && q[1 + kn] == *q) found = 1;
        else *escapes = 1;
      } else *escapes = 1;
    }
  }
  return found;
}

typedef struct { char **keys; int n, cap; } key_list;
static void add_key(const char *key, void *ud) {
  key_list *l = ud;
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 16;
    char **g = realloc(l->keys, (size_t)l->cap * sizeof *g);
    if (!g) abort();
    l->keys = g;
  }
  if (!(l->keys[l->n++] = strdup(key))) abort();
}

static void check_params(sink *k, const rulebook *rb) {
  const methodology *mt = rulebook_methodology(rb);
  for (int i = 0; i < mt->ncrits; i++) {
    const meth_criterion *c = &mt->crits[i];
    rule_score_info info;
    key_list keys = {0};
    int has_params = rulebook_score_params(rb, i, &info, add_key, &keys);
    int nlines;
    char **lines = info.source[0] ? read_lines(info.source, &nlines) : NULL;
    int escapes = 0;
    if (lines && info.last_line <= nlines)        /* p.key read but not declared */
      k->n += rules_check_param_reads(info.source, lines, info.first_line, info.last_line, info.param, c->id,
                                      keys.keys, keys.n, k->out);
    if (lines && info.last_line <= nlines && has_params) {
      for (int j = 0; j < keys.n; j++) {
        const char *key = keys.keys[j];
        if (!*info.param) {
          finding(k, c->file, c->line, "criterion %s: declares params but its score function takes no second "
                  "parameter to read them%s", c->id, "");
          break;
        }
        if (!uses_key(lines, info.first_line, info.last_line, info.param, key, &escapes) && !escapes) {
          char what[512];
          snprintf(what, sizeof what, "criterion %s: param '%s' is declared but never used", c->id, key);
          finding(k, c->file, c->line, "%s%s", what, "");
        }
      }
    }
    for (int j = 0; j < keys.n; j++) free(keys.keys[j]);
    free(keys.keys);
    free_lines(lines);
  }
}

/* ---- offices named in :task("id", ...) ---- */

static void check_task_offices(sink *k, const char *file, const rules_check_opts *o) {
  int n;
  char **lines = read_lines(file, &n);
  for (int l = 0; lines && l < n; l++) {
    const char *cm = strstr(lines[l], "--");
    for (const char *p = lines[l]; (p = strstr(p, ":task(")); p += 6) {
      if (cm && p > cm) break;
      const char *q = p + 6;
      while (*q == ' ') q++;
      if (*q != '"' && *q != '\'') continue;
      const char *e = strchr(q + 1, *q);
      if (!e) continue;
      char id[128];
      snprintf(id, sizeof id, "%.*s", (int)(e - q - 1), q + 1);
      int known = 0;
      for (int i = 0; i < o->noffices && !known; i++) known = !strcmp(o->offices[i].id, id);
      if (!known) finding(k, file, l + 1, "task for unknown office '%s'%s", id, "");
    }
  }
  free_lines(lines);
}

/* ---- tasks that never reach the criterion's owner ---- */

static void no_key(const char *key, void *ud) { (void)key; (void)ud; }

/* The first argument of each :task( / :support( in lines from..to: 1 when
** one may go to owner (OWNER, owner's id, or an expression), else 0 and
** the first office named in *other; -1 when there is none (the default
** task goes to the owner). */
static int reaches_owner(char **lines, int from, int to, const char *owner, char *other, size_t n) {
  static const char *const calls[] = {":task(", ":support("};
  int any = 0;
  for (int l = from; l <= to; l++) {
    const char *cm = strstr(lines[l - 1], "--");
    for (int c = 0; c < 2; c++)
      for (const char *p = lines[l - 1]; (p = strstr(p, calls[c])); p += strlen(calls[c])) {
        if (cm && p > cm) break;
        const char *q = p + strlen(calls[c]);
        while (*q == ' ') q++;
        if (*q != '"' && *q != '\'') return 1;   /* OWNER, or an office the rule computes */
        const char *e = strchr(q + 1, *q);
        if (!e) return 1;
        if ((size_t)(e - q - 1) == strlen(owner) && !strncmp(q + 1, owner, strlen(owner))) return 1;
        if (!any) snprintf(other, n, "%.*s", (int)(e - q - 1), q + 1);
        any = 1;
      }
  }
  return any ? 0 : -1;
}

static void check_owner_tasks(sink *k, const rulebook *rb) {
  const methodology *mt = rulebook_methodology(rb);
  for (int i = 0; i < mt->ncrits; i++) {
    const meth_criterion *c = &mt->crits[i];
    rule_score_info info;
    rulebook_score_params(rb, i, &info, no_key, NULL);
    int nlines;
    char **lines = info.source[0] ? read_lines(info.source, &nlines) : NULL;
    char other[128];
    if (lines && info.first_line > 0 && info.last_line <= nlines &&
        !reaches_owner(lines, info.first_line, info.last_line, c->owner, other, sizeof other)) {
      char what[512];
      snprintf(what, sizeof what, "criterion %s: its tasks never go to its owner '%s' (they name '%s')", c->id,
               c->owner, other);
      finding(k, c->file, c->line, "%s%s", what, ": address the owner's task as :task(OWNER, ...)");
    }
    free_lines(lines);
  }
}

/* ---- luacheck ---- */

static int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static const char *find_luacheckrc(const char *dir, char *buf, size_t n) {
  char here[2048];
  snprintf(here, sizeof here, "%s", dir);
  for (int up = 0; up < 8; up++) {
    if ((size_t)snprintf(buf, n, "%s/.luacheckrc", here) < n && exists(buf)) return buf;
    size_t len = strlen(here);
    if (len + 4 >= sizeof here) break;
    strcat(here, "/..");
  }
  snprintf(buf, n, "%s/rules/.luacheckrc", PARINDEX_SOURCE_DIR);
  return exists(buf) ? buf : NULL;
}

static int have_luacheck(void) {
  const char *path = getenv("PATH");
  char buf[4096];
  for (const char *p = path ? path : ""; *p;) {
    size_t n = strcspn(p, ":");
    snprintf(buf, sizeof buf, "%.*s/luacheck", (int)n, p);
    if (n && access(buf, X_OK) == 0) return 1;
    p += n + (p[n] == ':');
  }
  return 0;
}

static void shell_quote(char *out, size_t n, const char *s) {
  size_t k = 0;
  if (k < n) out[k++] = '\'';
  for (; *s && k + 5 < n; s++) {
    if (*s == '\'') { memcpy(out + k, "'\\''", 4); k += 4; }
    else out[k++] = *s;
  }
  if (k + 1 < n) out[k++] = '\'';
  out[k < n ? k : n - 1] = '\0';
}

static void run_luacheck(sink *k, const methodology *mt, const rules_check_opts *o, FILE *note) {
  char rc[4096], q[4096];
  const char *cfg = o->luacheckrc ? o->luacheckrc : find_luacheckrc(mt->dir, rc, sizeof rc);
  size_t cap = 8192, len = 0;
  char *cmd = malloc(cap);
  shell_quote(q, sizeof q, cfg ? cfg : "");
  len = (size_t)snprintf(cmd, cap, "luacheck --formatter plain --codes --no-color %s%s", cfg ? "--config " : "--no-config", cfg ? q : "");
  for (int i = 0; i < mt->nfiles; i++) {
    shell_quote(q, sizeof q, mt->files[i]);
    if (len + strlen(q) + 2 >= cap) cmd = realloc(cmd, cap = 2 * cap + strlen(q));
    len += (size_t)snprintf(cmd + len, cap - len, " %s", q);
  }
  strcat(cmd, " 2>&1");
  FILE *p = popen(cmd, "r");
  free(cmd);
  if (!p) { fprintf(note, "parindex: luacheck could not be started\n"); return; }
  char line[4096];
  while (fgets(line, sizeof line, p)) {          /* file:line:col: (Wnnn) message */
    line[strcspn(line, "\n")] = '\0';
    char *a = strchr(line, ':'), *b = a ? strchr(a + 1, ':') : NULL, *c = b ? strchr(b + 1, ':') : NULL;
    if (!a || !b || !c || !isdigit((unsigned char)a[1])) continue;
    *b = '\0';
    fprintf(k->out, "%s: luacheck:%s\n", line, c + 1);
    k->n++;
  }
  pclose(p);
}

int rules_check(const char *dir, const rules_check_opts *o, FILE *out) {
  sink k = {out, 0};
  static char err[1 << 16];
  int complete;
  err[0] = '\0';
  rulebook *rb = rulebook_load_lenient(dir, o->offices, o->noffices, err, sizeof err, &complete);
  loader_problems(&k, err);
  if (!rb) return k.n ? k.n : 1;
  const methodology *mt = rulebook_methodology(rb);
  for (int i = 0; i < mt->nfiles; i++) {
    globals_ctx g = {&k, mt->files[i], rb};
    char msg[2048];
    if (luascan_globals(mt->files[i], on_global, &g, msg, sizeof msg) != 0 && !strstr(err, mt->files[i])) {
      fprintf(out, "%s\n", msg);                   /* a syntax error the loader did not already report */
      k.n++;
    }
    if (o->offices) check_task_offices(&k, mt->files[i], o);
    int nlines;
    char **lines = read_lines(mt->files[i], &nlines);
    if (lines) k.n += rules_check_fact_reads(mt, mt->files[i], lines, nlines, out);
    free_lines(lines);
  }
  if (complete) check_params(&k, rb);
  if (complete) check_owner_tasks(&k, rb);
  if (!o->no_luacheck && have_luacheck()) run_luacheck(&k, mt, o, stderr);
  else if (!o->no_luacheck) fprintf(stderr, "parindex: luacheck is not installed (Debian: lua-check): skipped\n");
  rulebook_free(rb);
  return k.n;
}
