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

#include "path.h"
#include "rule_date.h"
#include "rule_decl.h"
#include "rule_extra.h"
#include "rule_facts.h"
#include "rule_format.h"
#include "rule_state.h"
#include "rule_unit.h"
#include "rulebook_extends.h"

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

static const char *decl_id(lua_State *L, const char *what) {
  decl_check_not_sealed(L, what);
  const char *id = lua_tostring(L, lua_upvalueindex(1));
  luaL_checktype(L, 1, LUA_TTABLE);
  return id;
}

static int decl_index(lua_State *L) {
  static const char *const fields[] = {"name", "total", "appraisal", "survey", "illustrative",
                                       "bonus_cap", "penalty_cap", "exceed_total", NULL};
  rulebook *rb = decl_rulebook(L);
  decl_check_not_sealed(L, "index");
  luaL_checktype(L, 1, LUA_TTABLE);
  if (rb->m.index_file) return sandbox_error(L, "index: declared twice (first at %s:%d)", rb->m.index_file, rb->m.index_line);
  decl_check_fields(L, 1, "index", "", fields);
  rb->m.name = decl_strdup(decl_str_field(L, 1, "name", 1, "index", ""));   /* freed with rb */
  rb->m.total = decl_pts_field(L, 1, "total", "index", "");
  rb->m.illustrative = decl_strdup(decl_str_field(L, 1, "illustrative", 0, "index", ""));
  rb_extra_index_fields(L, rb, "index");
  decl_where(L, &rb->m.index_file, &rb->m.index_line);
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
  rulebook *rb = decl_rulebook(L);
  const char *id = decl_id(L, "component");
  decl_check_fields(L, 1, "component", id, fields);
  rb_component c = {0};
  const char *name = decl_str_field(L, 1, "name", 1, "component", id);
  const char *owner = decl_str_field(L, 1, "owner", 1, "component", id);
  c.max = decl_pts_field(L, 1, "max", "component", id);
  c.name = decl_strdup(name);
  c.owner = decl_strdup(owner);
  c.id = decl_strdup(id);
  c.kind = -1;
  decl_where(L, &c.file, &c.line);
  rb_component *g = realloc(rb->m.comps, (size_t)(rb->m.ncomps + 1) * sizeof *g);
  if (!g) abort();
  rb->m.comps = g;
  rb->m.comps[rb->m.ncomps++] = c;
  return 0;
}

static int decl_criterion_body(lua_State *L) {
  static const char *const fields[] = {"component", "name", "max", "owner", "basis", "params", "score",
                                       "when_not_applicable", NULL};
  rulebook *rb = decl_rulebook(L);
  const char *id = decl_id(L, "criterion");
  decl_check_fields(L, 1, "criterion", id, fields);
  rb_criterion c = {0};
  c.na_full = rb_extra_na_field(L, id) == 1;
  const char *name = decl_str_field(L, 1, "name", 1, "criterion", id);
  const char *owner = decl_str_field(L, 1, "owner", 1, "criterion", id);
  const char *basis = decl_str_field(L, 1, "basis", 0, "criterion", id);
  const char *compid = decl_str_field(L, 1, "component", 0, "criterion", id);
  c.max = decl_pts_field(L, 1, "max", "criterion", id);
  const char *dot = strchr(id, '.');
  if (!compid && !dot)
    sandbox_error(L, "criterion %s: no 'component' and no '.' in the id to take it from", id);
  if (lua_getfield(L, 1, "score") != LUA_TFUNCTION)
    sandbox_error(L, "criterion %s: 'score' must be a function(u, p)", id);
  c.score_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  int pt = lua_getfield(L, 1, "params");
  if (pt == LUA_TTABLE) {
    decl_push_frozen(L, -1, "params");
    c.params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  } else if (pt == LUA_TNIL) c.params_ref = LUA_REFNIL;
  else sandbox_error(L, "criterion %s: 'params' must be a table", id);
  lua_pop(L, 1);
  c.name = decl_strdup(name);
  c.owner = decl_strdup(owner);
  c.basis = decl_strdup(basis);
  if (compid) c.compid = decl_strdup(compid);
  else if (!(c.compid = strndup(id, (size_t)(dot - id)))) abort();
  c.id = decl_strdup(id);
  decl_where(L, &c.file, &c.line);
  rb_criterion *g = realloc(rb->crits, (size_t)(rb->ncrits + 1) * sizeof *g);
  if (!g) abort();
  rb->crits = g;
  rb->crits[rb->ncrits++] = c;
  return 0;
}

static int decl_component(lua_State *L) { return decl_curry(L, decl_component_body, "component"); }
static int decl_criterion(lua_State *L) { return decl_curry(L, decl_criterion_body, "criterion"); }

/* bands { {min = 80, name = "Tốt"}, ... }: rating bands of the total. */
static int decl_bands(lua_State *L) {
  static const char *const fields[] = {"min", "name", NULL};
  rulebook *rb = decl_rulebook(L);
  decl_check_not_sealed(L, "bands");
  luaL_checktype(L, 1, LUA_TTABLE);
  if (rb->m.bands_file) return sandbox_error(L, "bands: declared twice (first at %s:%d)", rb->m.bands_file, rb->m.bands_line);
  lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
  if (n == 0) return sandbox_error(L, "bands: expected a list of {min = N, name = \"...\"}");
  rb->m.bands = calloc((size_t)n, sizeof *rb->m.bands);
  if (!rb->m.bands) abort();
  for (lua_Integer i = 1; i <= n; i++) {
    char what[32];
    snprintf(what, sizeof what, "%lld", (long long)i);
    if (lua_rawgeti(L, 1, i) != LUA_TTABLE) return sandbox_error(L, "bands: entry %s must be a table {min = N, name = \"...\"}", what);
    int t = lua_gettop(L);
    decl_check_fields(L, t, "bands: entry", what, fields);
    rb_band b;
    b.min = decl_pts_field(L, t, "min", "bands: entry", what);
    const char *name = decl_str_field(L, t, "name", 1, "bands: entry", what);
    for (int k = 0; k < rb->m.nbands; k++)
      if (rb->m.bands[k].min == b.min)
        return sandbox_error(L, "bands: entry %s has the same min as entry %d", what, k + 1);
    b.name = decl_strdup(name);                      /* copied after the last check */
    lua_pop(L, 1);
    int at = rb->m.nbands++;                      /* keep them highest min first */
    while (at > 0 && rb->m.bands[at - 1].min < b.min) { rb->m.bands[at] = rb->m.bands[at - 1]; at--; }
    rb->m.bands[at] = b;
  }
  decl_where(L, &rb->m.bands_file, &rb->m.bands_line);
  return 0;
}

static const luaL_Reg decl_api[] = {
  {"index", decl_index}, {"component", decl_component}, {"criterion", decl_criterion},
  {"bands", decl_bands},
  {NULL, NULL}
};

/* ---- checks after loading ---- */

static int has_office(const rulebook *rb, const char *id) {
  return methodology_office_name(&rb->m, id) != NULL;
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
      int c = id ? methodology_component(&rb->m, id) : -1;
      if (c < 0)
        problem(err, errlen, rb->m.index_file, rb->m.index_line, "index: %s lists unknown component '%s'",
                kind ? "survey" : "appraisal", id ? id : "?");
      else if (rb->m.comps[c].kind >= 0)
        problem(err, errlen, rb->m.index_file, rb->m.index_line, "index: component %s is listed twice", id);
      else rb->m.comps[c].kind = kind;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
}

static void check_rulebook(rulebook *rb, char *err, size_t errlen) {
  char a[PTS_FMT_MAX], b[PTS_FMT_MAX];
  if (!rb->m.index_file) {
    problem(err, errlen, rb->m.dir, 0, "no index { ... } declaration in this rulebook");
    return;
  }
  for (int i = 0; i < rb->m.ncomps; i++)
    for (int j = 0; j < i; j++)
      if (!strcmp(rb->m.comps[i].id, rb->m.comps[j].id))
        problem(err, errlen, rb->m.comps[i].file, rb->m.comps[i].line,
                "component %s: declared twice (first at %s:%d)", rb->m.comps[i].id,
                rb->m.comps[j].file, rb->m.comps[j].line);
  for (int i = 0; i < rb->ncrits; i++)
    for (int j = 0; j < i; j++)
      if (!strcmp(rb->crits[i].id, rb->crits[j].id))
        problem(err, errlen, rb->crits[i].file, rb->crits[i].line,
                "criterion %s: declared twice (first at %s:%d)", rb->crits[i].id,
                rb->crits[j].file, rb->crits[j].line);
  check_kinds(rb, err, errlen);
  pts_t sum = 0;
  for (int i = 0; i < rb->m.ncomps; i++) {
    rb_component *c = &rb->m.comps[i];
    sum += c->max;
    if (c->kind < 0)
      problem(err, errlen, c->file, c->line, "component %s: not listed in the index's appraisal or survey", c->id);
    if (rb->m.noffices && !has_office(rb, c->owner))
      problem(err, errlen, c->file, c->line, "component %s: unknown owner office '%s'", c->id, c->owner);
  }
  for (int i = 0; i < rb->m.nbands; i++)
    if (rb->m.bands[i].min > rb->m.total)
      problem(err, errlen, rb->m.bands_file, rb->m.bands_line, "bands: '%s' starts at %s, above the index total %s",
              rb->m.bands[i].name, pts_format(a, rb->m.bands[i].min, ',', 0), pts_format(b, rb->m.total, ',', 0));
  if (sum != rb->m.total)
    problem(err, errlen, rb->m.index_file, rb->m.index_line,
            "index: components' maxima sum to %s, not the declared total %s",
            pts_format(a, sum, ',', 0), pts_format(b, rb->m.total, ',', 0));
  for (int i = 0; i < rb->ncrits; i++) {
    rb_criterion *k = &rb->crits[i];
    k->comp = methodology_component(&rb->m, k->compid);
    if (k->comp < 0)
      problem(err, errlen, k->file, k->line, "criterion %s: unknown component '%s'", k->id, k->compid);
    if (rb->m.noffices && !has_office(rb, k->owner))
      problem(err, errlen, k->file, k->line, "criterion %s: unknown owner office '%s'", k->id, k->owner);
  }
  for (int i = 0; i < rb->m.ncomps; i++) {
    pts_t s = 0;
    int n = 0;
    for (int j = 0; j < rb->ncrits; j++)
      if (rb->crits[j].comp == i) { s += rb->crits[j].max; n++; }
    if (s != rb->m.comps[i].max)
      problem(err, errlen, rb->m.comps[i].file, rb->m.comps[i].line,
              "component %s: its %d criteria sum to %s, not its max %s", rb->m.comps[i].id, n,
              pts_format(a, s, ',', 0), pts_format(b, rb->m.comps[i].max, ',', 0));
  }
}

/* Sort components and criteria into id order and link them. */
static void order_rulebook(rulebook *rb) {
  if (rb->m.ncomps) qsort(rb->m.comps, (size_t)rb->m.ncomps, sizeof *rb->m.comps, cmp_comp);
  for (int i = 0; i < rb->ncrits; i++) rb->crits[i].comp = methodology_component(&rb->m, rb->crits[i].compid);
  if (rb->ncrits) qsort(rb->crits, (size_t)rb->ncrits, sizeof *rb->crits, cmp_crit);
  for (int i = 0; i < rb->m.ncomps; i++) { rb->m.comps[i].first = 0; rb->m.comps[i].count = 0; }
  for (int i = rb->ncrits - 1; i >= 0; i--) {
    rb_component *c = &rb->m.comps[rb->crits[i].comp];
    c->first = i;
    c->count++;
  }
}

/* ---- files ---- */

int rulebook_resolve(const char *root, int year, char *out, size_t outlen, char *err, size_t errlen) {
  char **files;
  int n;
  struct stat st;
  if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
    snprintf(err, errlen, "%s: %s", root, stat(root, &st) ? strerror(errno) : "not a folder");
    return -1;
  }
  if (decl_list_rule_files(root, &files, &n) == 0) {
    for (int i = 0; i < n; i++) free(files[i]);
    free(files);
    if (n > 0) { snprintf(out, outlen, "%s", root); path_normalize(out); return 0; }
  }
  snprintf(out, outlen, "%s%s%d", root, (root[0] && root[strlen(root) - 1] == '/') ? "" : "/", year);
  path_normalize(out);
  if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
  snprintf(err, errlen, "%s: no rulebook for %d here (expected *.lua files or a %d/ folder)",
           root, year, year);
  return -1;
}

static int init_state(lua_State *L) {
  ldate_init(L);
  host_init(decl_rulebook(L));
  return 0;
}

static void publish(rulebook *rb);
static rulebook *load(const char *dir, const rb_office *offices, int noffices,
                      const rule_limits *limits, char *err, size_t errlen, int *complete);

rulebook *rulebook_load(const char *dir, const rb_office *offices, int noffices,
                        const rule_limits *limits, char *err, size_t errlen) {
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
                      const rule_limits *limits, char *err, size_t errlen, int *complete) {
  static const luaL_Reg *const apis[] = {decl_api, rb_extends_api, rb_facts_api, rb_extra_api, lrules_helpers, NULL};
  rulebook *rb = calloc(1, sizeof *rb);
  if (!rb) abort();
  err[0] = '\0';
  rb->m.dir = decl_strdup(dir);
  path_normalize(rb->m.dir);             /* every path made from it is whole and normalised */
  if (limits) {
    rb->lim.insn_limit = limits->max_instructions;
    rb->lim.mem_limit = limits->max_memory;
  }
  rb->lim.host = rb;
  rb->m.offices = calloc((size_t)(noffices ? noffices : 1), sizeof *rb->m.offices);
  if (!rb->m.offices) abort();
  for (int i = 0; i < noffices; i++) {
    rb->m.offices[i].id = decl_strdup(offices[i].id);
    rb->m.offices[i].name = decl_strdup(offices[i].name);
  }
  rb->m.noffices = noffices;
  rb->L = sandbox_new(&rb->lim, apis);
  if (!rb->L) { snprintf(err, errlen, "cannot create a Lua state (out of memory)"); goto fail; }
  lua_pushcfunction(rb->L, init_state);
  if (lua_pcall(rb->L, 0, 0, 0) != LUA_OK) {
    snprintf(err, errlen, "initialising the rule API: %s", lua_tostring(rb->L, -1));
    goto fail;
  }
  if (decl_list_rule_files(rb->m.dir, &rb->m.files, &rb->m.nfiles) != 0) {
    snprintf(err, errlen, "%s: %s", rb->m.dir, strerror(errno));
    goto fail;
  }
  if (rb->m.nfiles == 0) { snprintf(err, errlen, "%s: no .lua rule files in this folder", rb->m.dir); goto fail; }
  for (int i = 0; i < rb->m.nfiles; i++) {
    lua_State *L = rb->L;
    rb->lim.ctx_file = rb->m.files[i];                 /* for the CPU timer's last resort */
    rb->lim.ctx_line = 0;
    rb->lim.ctx_what = rb->lim.ctx_unit = NULL;
    int rc = sandbox_loadfile(L, rb->m.files[i]);
    if (rc == LUA_OK) rc = sandbox_pcall(L, 0, 0);
    if (rc != LUA_OK) {
      const char *msg = lua_tostring(L, -1);
      if (strncmp(msg, rb->m.files[i], strlen(rb->m.files[i])) == 0) problem(err, errlen, NULL, 0, "%s", msg);
      else problem(err, errlen, rb->m.files[i], 0, "%s", msg);   /* e.g. the hard memory cap */
      lua_pop(L, 1);
    }
  }
  rb_extends_finish(rb);
  decl_keep_sources(rb);
  rb_facts_finish(rb);
  if (err[0]) goto fail;
  if (complete) *complete = 1;
  check_rulebook(rb, err, errlen);
  rb_extra_check(rb, err, errlen);
  rule_state_check(rb, err, errlen);          /* nothing carried from one unit to the next */
  if (err[0]) goto fail;
  order_rulebook(rb);
  rb->sealed = 1;
  publish(rb);
  return rb;
fail:
  if (complete && rb->L) { publish(rb); return rb; }   /* lenient: not ordered, not for scoring */
  rulebook_free(rb);
  return NULL;
}

/* m.crits := the criteria as loaded, without their Lua references. */
static void publish(rulebook *rb) {
  free(rb->m.crits);
  rb->m.crits = calloc((size_t)(rb->ncrits ? rb->ncrits : 1), sizeof *rb->m.crits);
  if (!rb->m.crits) abort();
  for (int i = 0; i < rb->ncrits; i++) {
    const rb_criterion *c = &rb->crits[i];
    rb->m.crits[i] = (meth_criterion){.id = c->id, .name = c->name, .owner = c->owner, .basis = c->basis,
                                      .compid = c->compid, .file = c->file, .line = c->line,
                                      .max = c->max, .comp = c->comp, .na_full = c->na_full};
  }
  rb->m.ncrits = rb->ncrits;
  rb_extra_publish(rb);
}

const methodology *rulebook_methodology(const rulebook *rb) { return &rb->m; }

void rulebook_set_only(rulebook *rb, const char *only) { rb->only = only; }

void rulebook_on_lose(rulebook *rb, void (*on_lose)(void *ud, const char *file, int line), void *ud) {
  rb->on_lose = on_lose;
  rb->on_lose_ud = ud;
}

void rulebook_map_paths(rulebook *rb, void (*map)(char **path, void *ud), void *ud) {
  map(&rb->m.dir, ud);
  if (rb->m.index_file) map(&rb->m.index_file, ud);
  if (rb->m.bands_file) map(&rb->m.bands_file, ud);
  for (int i = 0; i < rb->m.nfiles; i++) map(&rb->m.files[i], ud);
  for (int i = 0; i < rb->m.nbases; i++) map(&rb->m.bases[i], ud);
  for (int i = 0; i < rb->m.ncomps; i++) map(&rb->m.comps[i].file, ud);
  for (int i = 0; i < rb->ncrits; i++) map(&rb->crits[i].file, ud);
  rb_facts_map_paths(rb, map, ud);
  rb_extra_map_paths(rb, map, ud);
  publish(rb);
}

void rulebook_free(rulebook *rb) {
  if (!rb) return;
  host_free(rb);
  rb_extends_free(rb);
  rb_facts_free(rb);
  rb_extra_free(rb);
  sandbox_close(rb->L);
  for (int i = 0; i < rb->m.ncomps; i++) {
    rb_component *c = &rb->m.comps[i];
    free(c->id); free(c->name); free(c->owner); free(c->file);
  }
  for (int i = 0; i < rb->ncrits; i++) {
    rb_criterion *c = &rb->crits[i];
    free(c->id); free(c->name); free(c->owner); free(c->basis); free(c->compid); free(c->file);
  }
  for (int i = 0; i < rb->m.nfiles; i++) free(rb->m.files[i]);
  for (int i = 0; i < rb->nsources; i++) free(rb->sources[i]);
  free(rb->sources);
  free(rb->source_ptrs);
  for (int i = 0; i < rb->m.noffices; i++) { free(rb->m.offices[i].id); free(rb->m.offices[i].name); }
  for (int i = 0; i < rb->m.nbands; i++) free(rb->m.bands[i].name);
  free(rb->m.bands); free(rb->m.bands_file);
  free(rb->m.comps); free(rb->crits); free(rb->m.crits); free(rb->m.files); free(rb->m.offices);
  free(rb->m.dir); free(rb->m.name); free(rb->m.index_file); free(rb->m.illustrative);
  free(rb);
}
