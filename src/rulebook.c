/*
** rulebook.c -- loading a methodology: index, components, criteria.
*/
#include "rulebook.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lrules.h"
#include "rulebook_int.h"

static rulebook *rb_of(lua_State *L) { return sandbox_limits_of(L)->host; }

static char *xstrdup(const char *s) {
  if (!s) return NULL;
  char *p = strdup(s);
  if (!p) abort();
  return p;
}

/* Append one "file:line: message" line to err. */
static void problem(char *err, size_t errlen, const char *file, int line, const char *fmt, ...) {
  size_t n = strlen(err);
  if (n + 1 >= errlen) return;
  if (n && err[n - 1] != '\n') err[n++] = '\n', err[n] = '\0';
  int k = !file ? 0 : line > 0 ? snprintf(err + n, errlen - n, "%s:%d: ", file, line)
                                : snprintf(err + n, errlen - n, "%s: ", file);
  if (k < 0 || (size_t)k >= errlen - n) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err + n + k, errlen - n - k, fmt, ap);
  va_end(ap);
}

/* Natural order of ids: "1.2" < "1.10" < "2". */
static int idcmp(const char *a, const char *b) {
  while (*a && *b) {
    if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
      char *ea, *eb;
      unsigned long x = strtoul(a, &ea, 10), y = strtoul(b, &eb, 10);
      if (x != y) return x < y ? -1 : 1;
      a = ea; b = eb;
    } else {
      if (*a != *b) return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
      a++; b++;
    }
  }
  return (unsigned char)*a - (unsigned char)*b;
}

/* ---- declarations ---- */

static void where(lua_State *L, char **file, int *line) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0) { *file = xstrdup(ar.short_src); *line = ar.currentline; return; }
  }
  *file = xstrdup("?"); *line = 0;
}

static void check_fields(lua_State *L, int t, const char *what, const char *id,
                         const char *const *allowed) {
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    int ok = 0;
    if (lua_type(L, -1) == LUA_TSTRING)
      for (const char *const *a = allowed; *a && !ok; a++) ok = !strcmp(*a, lua_tostring(L, -1));
    if (!ok) {
      const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1);
      sandbox_error(L, "%s %s: unknown field '%s'", what, id, k);
    }
  }
}

/* The string field of the declaration table t (which keeps it alive), or
** NULL. Declarations copy their strings only after their last check: an
** error (a longjmp) must not leave malloc'd strings behind. */
static const char *str_field(lua_State *L, int t, const char *name, int required,
                             const char *what, const char *id) {
  int ty = lua_getfield(L, t, name);
  const char *s = NULL;
  if (ty == LUA_TSTRING && lua_rawlen(L, -1) > 0) s = lua_tostring(L, -1);
  else if (ty != LUA_TNIL || required) {
    lua_pop(L, 1);
    sandbox_error(L, "%s %s: '%s' must be %s", what, id, name,
                  required ? "a non-empty string" : "a string");
  }
  lua_pop(L, 1);
  return s;
}

static pts_t pts_field(lua_State *L, int t, const char *name, const char *what, const char *id) {
  if (lua_getfield(L, t, name) != LUA_TNUMBER)
    sandbox_error(L, "%s %s: '%s' must be a number", what, id, name);
  double x = lua_tonumber(L, -1);
  int ok;
  pts_t p = pts_from_double(x, &ok);
  lua_pop(L, 1);
  if (!ok || x < 0) sandbox_error(L, "%s %s: '%s' must be a finite number >= 0", what, id, name);
  if (fabs(x * 100.0 - (double)p) > 1e-6)
    sandbox_error(L, "%s %s: '%s' has more than two decimals", what, id, name);
  return p;
}

/* Declarations belong to loading: once the rulebook is loaded (while a
** criterion scores) they would change the arrays being evaluated. */
static void check_not_sealed(lua_State *L, const char *what) {
  if (rb_of(L)->sealed)
    sandbox_error(L, "%s: declarations are only allowed while the rule files load, not while scoring", what);
}

void rb_check_not_sealed(lua_State *L, const char *what) { check_not_sealed(L, what); }

static const char *decl_id(lua_State *L, const char *what) {
  check_not_sealed(L, what);
  const char *id = lua_tostring(L, lua_upvalueindex(1));
  luaL_checktype(L, 1, LUA_TTABLE);
  return id;
}

static int decl_index(lua_State *L) {
  static const char *const fields[] = {"name", "total", "appraisal", "survey", NULL};
  rulebook *rb = rb_of(L);
  check_not_sealed(L, "index");
  luaL_checktype(L, 1, LUA_TTABLE);
  if (rb->index_file) return sandbox_error(L, "index: declared twice (first at %s:%d)", rb->index_file, rb->index_line);
  check_fields(L, 1, "index", "", fields);
  rb->name = xstrdup(str_field(L, 1, "name", 1, "index", ""));   /* freed with rb */
  rb->total = pts_field(L, 1, "total", "index", "");
  where(L, &rb->index_file, &rb->index_line);
  /* appraisal/survey lists are kept in the registry and resolved after loading */
  for (int kind = 0; kind < 2; kind++) {
    const char *f = kind ? "survey" : "appraisal";
    if (lua_getfield(L, 1, f) != LUA_TTABLE)
      return sandbox_error(L, "index: '%s' must be a list of component ids", f);
    lua_setfield(L, LUA_REGISTRYINDEX, kind ? "parindex.survey" : "parindex.appraisal");
  }
  return 0;
}

static int decl_component_body(lua_State *L) {
  static const char *const fields[] = {"name", "max", "owner", NULL};
  rulebook *rb = rb_of(L);
  const char *id = decl_id(L, "component");
  check_fields(L, 1, "component", id, fields);
  rb_component c = {0};
  const char *name = str_field(L, 1, "name", 1, "component", id);
  const char *owner = str_field(L, 1, "owner", 1, "component", id);
  c.max = pts_field(L, 1, "max", "component", id);
  c.name = xstrdup(name);
  c.owner = xstrdup(owner);
  c.id = xstrdup(id);
  c.kind = -1;
  where(L, &c.file, &c.line);
  rb_component *g = realloc(rb->comps, (size_t)(rb->ncomps + 1) * sizeof *g);
  if (!g) abort();
  rb->comps = g;
  rb->comps[rb->ncomps++] = c;
  return 0;
}

/* Deep read-only copy of the table at idx, pushed. */
static void push_frozen(lua_State *L, int idx, const char *label, int depth) {
  idx = lua_absindex(L, idx);
  if (depth > 16) { sandbox_error(L, "params: nested too deeply"); return; }
  lua_newtable(L);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -1) == LUA_TTABLE) {
      push_frozen(L, -1, label, depth + 1);
      lua_remove(L, -2);
    } else if (lua_type(L, -1) == LUA_TFUNCTION || lua_type(L, -1) == LUA_TUSERDATA) {
      if (!lua_isuserdata(L, -1) || !ldate_get(L, -1, &(long){0}))
        sandbox_error(L, "params: values must be numbers, strings, booleans, dates or tables");
    }
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  sandbox_push_readonly(L, -1, label);
  sandbox_view_freeze(L, -1);                 /* nothing changes it from now on */
  lua_remove(L, -2);
}

static int decl_criterion_body(lua_State *L) {
  static const char *const fields[] = {"component", "name", "max", "owner", "basis", "params", "score", NULL};
  rulebook *rb = rb_of(L);
  const char *id = decl_id(L, "criterion");
  check_fields(L, 1, "criterion", id, fields);
  rb_criterion c = {0};
  const char *name = str_field(L, 1, "name", 1, "criterion", id);
  const char *owner = str_field(L, 1, "owner", 1, "criterion", id);
  const char *basis = str_field(L, 1, "basis", 0, "criterion", id);
  const char *compid = str_field(L, 1, "component", 0, "criterion", id);
  c.max = pts_field(L, 1, "max", "criterion", id);
  const char *dot = strchr(id, '.');
  if (!compid && !dot)
    sandbox_error(L, "criterion %s: no 'component' and no '.' in the id to take it from", id);
  if (lua_getfield(L, 1, "score") != LUA_TFUNCTION)
    sandbox_error(L, "criterion %s: 'score' must be a function(u, p)", id);
  c.score_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  int pt = lua_getfield(L, 1, "params");
  if (pt == LUA_TTABLE) {
    push_frozen(L, -1, "params", 0);
    c.params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  } else if (pt == LUA_TNIL) c.params_ref = LUA_REFNIL;
  else sandbox_error(L, "criterion %s: 'params' must be a table", id);
  lua_pop(L, 1);
  c.name = xstrdup(name);
  c.owner = xstrdup(owner);
  c.basis = xstrdup(basis);
  if (compid) c.compid = xstrdup(compid);
  else if (!(c.compid = strndup(id, (size_t)(dot - id)))) abort();
  c.id = xstrdup(id);
  where(L, &c.file, &c.line);
  rb_criterion *g = realloc(rb->crits, (size_t)(rb->ncrits + 1) * sizeof *g);
  if (!g) abort();
  rb->crits = g;
  rb->crits[rb->ncrits++] = c;
  return 0;
}

static int decl_curry(lua_State *L, lua_CFunction body, const char *what) {
  check_not_sealed(L, what);
  if (lua_type(L, 1) != LUA_TSTRING || lua_rawlen(L, 1) == 0)
    return sandbox_error(L, "%s: expected an id string, as in %s \"1\" { ... }", what, what);
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, body, 1);
  return 1;
}

static int decl_component(lua_State *L) { return decl_curry(L, decl_component_body, "component"); }
static int decl_criterion(lua_State *L) { return decl_curry(L, decl_criterion_body, "criterion"); }

/* bands { {min = 80, name = "Tốt"}, ... }: rating bands of the total. */
static int decl_bands(lua_State *L) {
  static const char *const fields[] = {"min", "name", NULL};
  rulebook *rb = rb_of(L);
  check_not_sealed(L, "bands");
  luaL_checktype(L, 1, LUA_TTABLE);
  if (rb->bands_file) return sandbox_error(L, "bands: declared twice (first at %s:%d)", rb->bands_file, rb->bands_line);
  lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
  if (n == 0) return sandbox_error(L, "bands: expected a list of {min = N, name = \"...\"}");
  rb->bands = calloc((size_t)n, sizeof *rb->bands);
  if (!rb->bands) abort();
  for (lua_Integer i = 1; i <= n; i++) {
    char what[32];
    snprintf(what, sizeof what, "%lld", (long long)i);
    if (lua_rawgeti(L, 1, i) != LUA_TTABLE) return sandbox_error(L, "bands: entry %s must be a table {min = N, name = \"...\"}", what);
    int t = lua_gettop(L);
    check_fields(L, t, "bands: entry", what, fields);
    rb_band b;
    b.min = pts_field(L, t, "min", "bands: entry", what);
    const char *name = str_field(L, t, "name", 1, "bands: entry", what);
    for (int k = 0; k < rb->nbands; k++)
      if (rb->bands[k].min == b.min)
        return sandbox_error(L, "bands: entry %s has the same min as entry %d", what, k + 1);
    b.name = xstrdup(name);                      /* copied after the last check */
    lua_pop(L, 1);
    int at = rb->nbands++;                      /* keep them highest min first */
    while (at > 0 && rb->bands[at - 1].min < b.min) { rb->bands[at] = rb->bands[at - 1]; at--; }
    rb->bands[at] = b;
  }
  where(L, &rb->bands_file, &rb->bands_line);
  return 0;
}

static const luaL_Reg decl_api[] = {
  {"index", decl_index}, {"component", decl_component}, {"criterion", decl_criterion},
  {"bands", decl_bands},
  {NULL, NULL}
};

/* ---- checks after loading ---- */

static int find_comp(const rulebook *rb, const char *id) {
  for (int i = 0; i < rb->ncomps; i++)
    if (!strcmp(rb->comps[i].id, id)) return i;
  return -1;
}

static int has_office(const rulebook *rb, const char *id) {
  return rulebook_office_name(rb, id) != NULL;
}

const char *rulebook_office_name(const rulebook *rb, const char *id) {
  for (int i = 0; i < rb->noffices; i++)
    if (!strcmp(rb->offices[i].id, id)) return rb->offices[i].name;
  return NULL;
}

const char *rulebook_band(const rulebook *rb, pts_t total) {
  for (int i = 0; i < rb->nbands; i++)
    if (total >= rb->bands[i].min) return rb->bands[i].name;
  return NULL;
}

static int cmp_comp(const void *a, const void *b) {
  return idcmp(((const rb_component *)a)->id, ((const rb_component *)b)->id);
}

static int cmp_crit(const void *a, const void *b) {
  const rb_criterion *x = a, *y = b;
  if (x->comp != y->comp) return x->comp < y->comp ? -1 : 1;
  return idcmp(x->id, y->id);
}

static void check_kinds(rulebook *rb, char *err, size_t errlen) {
  lua_State *L = rb->L;
  for (int kind = 0; kind < 2; kind++) {
    lua_getfield(L, LUA_REGISTRYINDEX, kind ? "parindex.survey" : "parindex.appraisal");
    lua_Integer n = lua_istable(L, -1) ? (lua_Integer)lua_rawlen(L, -1) : 0;
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      const char *id = lua_tostring(L, -1);
      int c = id ? find_comp(rb, id) : -1;
      if (c < 0)
        problem(err, errlen, rb->index_file, rb->index_line, "index: %s lists unknown component '%s'",
                kind ? "survey" : "appraisal", id ? id : "?");
      else if (rb->comps[c].kind >= 0)
        problem(err, errlen, rb->index_file, rb->index_line, "index: component %s is listed twice", id);
      else rb->comps[c].kind = kind;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
}

static void check_rulebook(rulebook *rb, char *err, size_t errlen) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX];
  if (!rb->index_file) {
    problem(err, errlen, rb->dir, 0, "no index { ... } declaration in this rulebook");
    return;
  }
  for (int i = 0; i < rb->ncomps; i++)
    for (int j = 0; j < i; j++)
      if (!strcmp(rb->comps[i].id, rb->comps[j].id))
        problem(err, errlen, rb->comps[i].file, rb->comps[i].line,
                "component %s: declared twice (first at %s:%d)", rb->comps[i].id,
                rb->comps[j].file, rb->comps[j].line);
  for (int i = 0; i < rb->ncrits; i++)
    for (int j = 0; j < i; j++)
      if (!strcmp(rb->crits[i].id, rb->crits[j].id))
        problem(err, errlen, rb->crits[i].file, rb->crits[i].line,
                "criterion %s: declared twice (first at %s:%d)", rb->crits[i].id,
                rb->crits[j].file, rb->crits[j].line);
  check_kinds(rb, err, errlen);
  pts_t sum = 0;
  for (int i = 0; i < rb->ncomps; i++) {
    rb_component *c = &rb->comps[i];
    sum += c->max;
    if (c->kind < 0)
      problem(err, errlen, c->file, c->line, "component %s: not listed in the index's appraisal or survey", c->id);
    if (rb->noffices && !has_office(rb, c->owner))
      problem(err, errlen, c->file, c->line, "component %s: unknown owner office '%s'", c->id, c->owner);
  }
  for (int i = 0; i < rb->nbands; i++)
    if (rb->bands[i].min > rb->total)
      problem(err, errlen, rb->bands_file, rb->bands_line, "bands: '%s' starts at %s, above the index total %s",
              rb->bands[i].name, pts_format(a, rb->bands[i].min, ',', 0), pts_format(b, rb->total, ',', 0));
  if (sum != rb->total)
    problem(err, errlen, rb->index_file, rb->index_line,
            "index: components' maxima sum to %s, not the declared total %s",
            pts_format(a, sum, ',', 0), pts_format(b, rb->total, ',', 0));
  for (int i = 0; i < rb->ncrits; i++) {
    rb_criterion *k = &rb->crits[i];
    k->comp = find_comp(rb, k->compid);
    if (k->comp < 0)
      problem(err, errlen, k->file, k->line, "criterion %s: unknown component '%s'", k->id, k->compid);
    if (rb->noffices && !has_office(rb, k->owner))
      problem(err, errlen, k->file, k->line, "criterion %s: unknown owner office '%s'", k->id, k->owner);
  }
  for (int i = 0; i < rb->ncomps; i++) {
    pts_t s = 0;
    int n = 0;
    for (int j = 0; j < rb->ncrits; j++)
      if (rb->crits[j].comp == i) { s += rb->crits[j].max; n++; }
    if (s != rb->comps[i].max)
      problem(err, errlen, rb->comps[i].file, rb->comps[i].line,
              "component %s: its %d criteria sum to %s, not its max %s", rb->comps[i].id, n,
              pts_format(a, s, ',', 0), pts_format(b, rb->comps[i].max, ',', 0));
  }
}

/* Sort components and criteria into id order and link them. */
static void order_rulebook(rulebook *rb) {
  if (rb->ncomps) qsort(rb->comps, (size_t)rb->ncomps, sizeof *rb->comps, cmp_comp);
  for (int i = 0; i < rb->ncrits; i++) rb->crits[i].comp = find_comp(rb, rb->crits[i].compid);
  if (rb->ncrits) qsort(rb->crits, (size_t)rb->ncrits, sizeof *rb->crits, cmp_crit);
  for (int i = 0; i < rb->ncomps; i++) { rb->comps[i].first = 0; rb->comps[i].count = 0; }
  for (int i = rb->ncrits - 1; i >= 0; i--) {
    rb_component *c = &rb->comps[rb->crits[i].comp];
    c->first = i;
    c->count++;
  }
}

/* ---- files ---- */

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int is_rule_file(const char *name) {
  return name[0] != '.' && ends_with(name, ".lua") && !ends_with(name, "_test.lua");
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int list_rule_files(const char *dir, char ***out, int *n) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  struct dirent *e;
  int cap = 0;
  *out = NULL; *n = 0;
  while ((e = readdir(d))) {
    if (!is_rule_file(e->d_name)) continue;
    if (*n == cap) {
      cap = cap ? 2 * cap : 16;
      char **g = realloc(*out, (size_t)cap * sizeof *g);
      if (!g) abort();
      *out = g;
    }
    size_t len = strlen(dir) + strlen(e->d_name) + 2;
    char *p = malloc(len);
    if (!p) abort();
    snprintf(p, len, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/", e->d_name);
    (*out)[(*n)++] = p;
  }
  closedir(d);
  if (*n) qsort(*out, (size_t)*n, sizeof **out, cmp_str);
  return 0;
}

int rulebook_resolve(const char *root, int year, char *out, size_t outlen, char *err, size_t errlen) {
  char **files;
  int n;
  struct stat st;
  if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
    snprintf(err, errlen, "%s: %s", root, stat(root, &st) ? strerror(errno) : "not a folder");
    return -1;
  }
  if (list_rule_files(root, &files, &n) == 0) {
    for (int i = 0; i < n; i++) free(files[i]);
    free(files);
    if (n > 0) { snprintf(out, outlen, "%s", root); return 0; }
  }
  snprintf(out, outlen, "%s%s%d", root, ends_with(root, "/") ? "" : "/", year);
  if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
  snprintf(err, errlen, "%s: no rulebook for %d here (expected *.lua files or a %d/ folder)",
           root, year, year);
  return -1;
}

static int init_state(lua_State *L) {
  ldate_init(L);
  host_init(rb_of(L));
  return 0;
}

static rulebook *load(const char *dir, const rb_office *offices, int noffices,
                      const sandbox_limits *limits, char *err, size_t errlen, int *complete);

rulebook *rulebook_load(const char *dir, const rb_office *offices, int noffices,
                        const sandbox_limits *limits, char *err, size_t errlen) {
  return load(dir, offices, noffices, limits, err, errlen, NULL);
}

rulebook *rulebook_load_lenient(const char *dir, const rb_office *offices, int noffices,
                                char *err, size_t errlen, int *complete) {
  *complete = 0;
  return load(dir, offices, noffices, NULL, err, errlen, complete);
}

/* complete NULL: strict. Else lenient: the rulebook comes back despite
** problems, *complete saying whether every file loaded. */
static rulebook *load(const char *dir, const rb_office *offices, int noffices,
                      const sandbox_limits *limits, char *err, size_t errlen, int *complete) {
  static const luaL_Reg *const apis[] = {decl_api, rb_extends_api, lrules_helpers, NULL};
  rulebook *rb = calloc(1, sizeof *rb);
  if (!rb) abort();
  err[0] = '\0';
  rb->dir = xstrdup(dir);
  if (limits) rb->lim = *limits;
  rb->lim.host = rb;
  rb->offices = calloc((size_t)(noffices ? noffices : 1), sizeof *rb->offices);
  if (!rb->offices) abort();
  for (int i = 0; i < noffices; i++) {
    rb->offices[i].id = xstrdup(offices[i].id);
    rb->offices[i].name = xstrdup(offices[i].name);
  }
  rb->noffices = noffices;
  rb->L = sandbox_new(&rb->lim, apis);
  if (!rb->L) { snprintf(err, errlen, "cannot create a Lua state (out of memory)"); goto fail; }
  lua_pushcfunction(rb->L, init_state);
  if (lua_pcall(rb->L, 0, 0, 0) != LUA_OK) {
    snprintf(err, errlen, "initialising the rule API: %s", lua_tostring(rb->L, -1));
    goto fail;
  }
  if (list_rule_files(dir, &rb->files, &rb->nfiles) != 0) {
    snprintf(err, errlen, "%s: %s", dir, strerror(errno));
    goto fail;
  }
  if (rb->nfiles == 0) { snprintf(err, errlen, "%s: no .lua rule files in this folder", dir); goto fail; }
  for (int i = 0; i < rb->nfiles; i++) {
    lua_State *L = rb->L;
    int rc = sandbox_loadfile(L, rb->files[i]);
    if (rc == LUA_OK) rc = sandbox_pcall(L, 0, 0);
    if (rc != LUA_OK) {
      const char *msg = lua_tostring(L, -1);
      if (strncmp(msg, rb->files[i], strlen(rb->files[i])) == 0) problem(err, errlen, NULL, 0, "%s", msg);
      else problem(err, errlen, rb->files[i], 0, "%s", msg);   /* e.g. the hard memory cap */
      lua_pop(L, 1);
    }
  }
  rb_extends_finish(rb);
  if (err[0]) goto fail;
  if (complete) *complete = 1;
  check_rulebook(rb, err, errlen);
  if (err[0]) goto fail;
  order_rulebook(rb);
  rb->sealed = 1;
  return rb;
fail:
  if (complete && rb->L) return rb;      /* lenient: not ordered, not for scoring */
  rulebook_free(rb);
  return NULL;
}

void rulebook_free(rulebook *rb) {
  if (!rb) return;
  host_free(rb);
  rb_extends_free(rb);
  sandbox_close(rb->L);
  for (int i = 0; i < rb->ncomps; i++) {
    rb_component *c = &rb->comps[i];
    free(c->id); free(c->name); free(c->owner); free(c->file);
  }
  for (int i = 0; i < rb->ncrits; i++) {
    rb_criterion *c = &rb->crits[i];
    free(c->id); free(c->name); free(c->owner); free(c->basis); free(c->compid); free(c->file);
  }
  for (int i = 0; i < rb->nfiles; i++) free(rb->files[i]);
  for (int i = 0; i < rb->noffices; i++) { free(rb->offices[i].id); free(rb->offices[i].name); }
  for (int i = 0; i < rb->nbands; i++) free(rb->bands[i].name);
  free(rb->bands); free(rb->bands_file);
  free(rb->comps); free(rb->crits); free(rb->files); free(rb->offices);
  free(rb->dir); free(rb->name); free(rb->index_file);
  free(rb);
}

/* ---- for rb_extends.c (rulebook_int.h) ---- */

rulebook *rb_host(lua_State *L) { return rb_of(L); }
void rb_where(lua_State *L, char **file, int *line) { where(L, file, line); }
void rb_check_fields(lua_State *L, int t, const char *what, const char *id, const char *const *allowed) {
  check_fields(L, t, what, id, allowed);
}
char *rb_str_field(lua_State *L, int t, const char *name, int required, const char *what, const char *id) {
  return xstrdup(str_field(L, t, name, required, what, id));   /* checked first, then copied */
}
pts_t rb_pts_field(lua_State *L, int t, const char *name, const char *what, const char *id) {
  return pts_field(L, t, name, what, id);
}
void rb_push_frozen(lua_State *L, int idx, const char *label) { push_frozen(L, idx, label, 0); }
int rb_list_rule_files(const char *dir, char ***out, int *n) { return list_rule_files(dir, out, n); }
int rb_curry(lua_State *L, lua_CFunction body, const char *what) { return decl_curry(L, body, what); }
