/*
** rule_facts.c -- the catalogue of facts a rulebook reads:
**
**   fact "ho_so_tra_qua_han" {
**     type        = "integer",                 -- integer number boolean text date list
**     description = "Số hồ sơ TTHC trả kết quả quá hạn trong năm",
**     measure     = "hồ sơ",                   -- optional: the unit of measure
**     min = 0, max = 100,                      -- optional: the allowed range (numbers)
**     office      = "van-phong",               -- the office that supplies it
**     evidence    = "Báo cáo thống kê ... trên Hệ thống thông tin giải quyết TTHC",
**     optional    = true,                      -- optional: a unit may not have it
**     fields = {                               -- a list: its records' fields, in order
**       { name = "ten", type = "text", description = "Tên báo cáo" },
**       { name = "gui", type = "date", description = "Ngày gửi", optional = true },
**     },
**   }
**   change_fact "key" { ...any of those... }   -- a later year: what changed
**   remove_fact "key"
**
** Each declaration is checked where it is made (errors at the rule's line);
** the catalogue is plain data in m.facts, sorted by key once loaded.
*/
#include "rule_facts.h"

#include <stdlib.h>
#include <string.h>

#include "rule_decl.h"

static const char *const type_names[] = {"number", "integer", "boolean", "date", "text", "list", NULL};

/* The fact_type named by the string field `name` of table t; raises. */
static fact_type type_field(lua_State *L, int t, const char *name, const char *what, const char *id, int list_ok) {
  const char *s = decl_str_field(L, t, name, 1, what, id);
  for (int i = 0; type_names[i]; i++)
    if (!strcmp(s, type_names[i]) && (list_ok || i != FT_LIST)) return (fact_type)i;
  sandbox_error(L, "%s %s: type '%s' is not one of integer, number, boolean, text, date%s", what, id, s,
                list_ok ? ", list" : " (a record field cannot be a list)");
  return FT_TEXT;
}

static int bool_field(lua_State *L, int t, const char *name, const char *what, const char *id) {
  int ty = lua_getfield(L, t, name), v = lua_toboolean(L, -1);
  lua_pop(L, 1);
  if (ty != LUA_TNIL && ty != LUA_TBOOLEAN) sandbox_error(L, "%s %s: '%s' must be true or false", what, id, name);
  return v;
}

/* An optional number field: 1 and *v when present. */
static int num_field(lua_State *L, int t, const char *name, double *v, const char *what, const char *id) {
  int ty = lua_getfield(L, t, name);
  *v = lua_tonumber(L, -1);
  lua_pop(L, 1);
  if (ty == LUA_TNIL) return 0;
  if (ty != LUA_TNUMBER || *v != *v) sandbox_error(L, "%s %s: '%s' must be a number", what, id, name);
  return 1;
}

static void free_fields(meth_field *f, int n) {
  for (int i = 0; i < n; i++) { free(f[i].name); free(f[i].description); }
  free(f);
}

/* fields = { {name=, type=, description=, optional=}, ... } of table t:
** checked whole, then copied (an error leaves nothing allocated). */
static meth_field *read_fields(lua_State *L, int t, const char *what, const char *id, int *n) {
  static const char *const allowed[] = {"name", "type", "description", "optional", NULL};
  if (lua_getfield(L, t, "fields") != LUA_TTABLE)
    sandbox_error(L, "%s %s: a list needs 'fields', a list of { name = ..., type = ..., description = ... }", what, id);
  int ft = lua_gettop(L);
  lua_Integer cnt = (lua_Integer)lua_rawlen(L, ft);
  if (cnt == 0 || cnt > 256) sandbox_error(L, "%s %s: 'fields' must list 1 to 256 record fields", what, id);
  for (int pass = 0; pass < 2; pass++) {
    meth_field *out = pass ? calloc((size_t)cnt, sizeof *out) : NULL;
    if (pass && !out) abort();
    for (lua_Integer i = 1; i <= cnt; i++) {
      char fid[300];
      if (lua_rawgeti(L, ft, i) != LUA_TTABLE) sandbox_error(L, "%s %s: field %d must be a table", what, id, (int)i);
      int e = lua_gettop(L);
      snprintf(fid, sizeof fid, "%s field %d", id, (int)i);
      decl_check_fields(L, e, what, fid, allowed);
      const char *name = decl_str_field(L, e, "name", 1, what, fid);
      fact_type ty = type_field(L, e, "type", what, fid, 0);
      const char *desc = decl_str_field(L, e, "description", 1, what, fid);
      int opt = bool_field(L, e, "optional", what, fid);
      for (lua_Integer j = 1; j < i && !pass; j++) {
        lua_rawgeti(L, ft, j);
        lua_getfield(L, -1, "name");
        if (lua_isstring(L, -1) && !strcmp(lua_tostring(L, -1), name))
          sandbox_error(L, "%s %s: record field '%s' is listed twice", what, id, name);
        lua_pop(L, 2);
      }
      if (pass) out[i - 1] = (meth_field){decl_strdup(name), decl_strdup(desc), ty, opt};
      lua_pop(L, 1);
    }
    if (pass) { lua_pop(L, 1); *n = (int)cnt; return out; }
  }
  return NULL;
}

static int find_fact(const rulebook *rb, const char *key) {
  for (int i = 0; i < rb->m.nfacts; i++)
    if (!strcmp(rb->m.facts[i].key, key)) return i;
  return -1;
}

static int key_ok(const char *k) {
  if (!*k || strlen(k) > 128) return 0;
  for (const char *p = k; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) return 0;
  return 1;
}

/* Apply the fields of the declaration table at 1 to f (new: every required
** field must be there). Checks first; copies only once nothing can fail. */
static void apply(lua_State *L, meth_fact *f, const char *what, const char *key, int is_new) {
  static const char *const allowed[] = {"type", "description", "measure", "min", "max", "office",
                                        "evidence", "optional", "fields", NULL};
  rulebook *rb = decl_rulebook(L);
  decl_check_fields(L, 1, what, key, allowed);
  int has_type = is_new || lua_getfield(L, 1, "type") != LUA_TNIL;
  if (!is_new) lua_pop(L, 1);
  fact_type ty = has_type ? type_field(L, 1, "type", what, key, 1) : f->type;
  const char *desc = decl_str_field(L, 1, "description", is_new, what, key);
  const char *measure = decl_str_field(L, 1, "measure", 0, what, key);
  const char *office = decl_str_field(L, 1, "office", is_new, what, key);
  const char *evidence = decl_str_field(L, 1, "evidence", is_new, what, key);
  int has_opt = lua_getfield(L, 1, "optional") != LUA_TNIL;
  lua_pop(L, 1);
  int opt = bool_field(L, 1, "optional", what, key);
  double lo, hi;
  int has_lo = num_field(L, 1, "min", &lo, what, key), has_hi = num_field(L, 1, "max", &hi, what, key);
  if ((has_lo || has_hi) && ty != FT_INTEGER && ty != FT_NUMBER)
    sandbox_error(L, "%s %s: 'min' and 'max' are for integer and number facts", what, key);
  if (has_lo && has_hi && lo > hi) sandbox_error(L, "%s %s: 'min' is above 'max'", what, key);
  if (office && rb->m.noffices && !methodology_office_name(&rb->m, office))
    sandbox_error(L, "%s %s: unknown office '%s'", what, key, office);
  int has_fields = lua_getfield(L, 1, "fields") != LUA_TNIL;
  lua_pop(L, 1);
  if (has_fields && ty != FT_LIST) sandbox_error(L, "%s %s: 'fields' is only for a list", what, key);
  int nfields = 0;
  meth_field *fields = (ty == FT_LIST && (has_fields || f->type != FT_LIST || is_new))
                       ? read_fields(L, 1, what, key, &nfields) : NULL;
  /* nothing below raises */
  if (fields || ty != FT_LIST) { free_fields(f->fields, f->nfields); f->fields = fields; f->nfields = nfields; }
  if (ty != FT_INTEGER && ty != FT_NUMBER) f->has_min = f->has_max = 0;
  f->type = ty;
  if (desc) { free(f->description); f->description = decl_strdup(desc); }
  if (measure) { free(f->measure); f->measure = decl_strdup(measure); }
  if (office) { free(f->office); f->office = decl_strdup(office); }
  if (evidence) { free(f->evidence); f->evidence = decl_strdup(evidence); }
  if (has_opt) f->optional = opt;
  if (has_lo) { f->has_min = 1; f->min = lo; }
  if (has_hi) { f->has_max = 1; f->max = hi; }
  free(f->file);
  decl_where(L, &f->file, &f->line);
}

static int fact_body(lua_State *L) {
  decl_check_not_sealed(L, "fact");
  rulebook *rb = decl_rulebook(L);
  const char *key = lua_tostring(L, lua_upvalueindex(1));
  luaL_checktype(L, 1, LUA_TTABLE);
  if (!key_ok(key)) return sandbox_error(L, "fact %s: a key is 1 to 128 characters a-z, 0-9 and _", key);
  int k = find_fact(rb, key);
  if (k >= 0)
    return sandbox_error(L, "fact %s: declared twice (first at %s:%d; a later year uses change_fact)", key,
                         rb->m.facts[k].file, rb->m.facts[k].line);
  meth_fact f = {0};
  apply(L, &f, "fact", key, 1);
  f.key = decl_strdup(key);
  meth_fact *g = realloc(rb->m.facts, (size_t)(rb->m.nfacts + 1) * sizeof *g);
  if (!g) abort();
  rb->m.facts = g;
  rb->m.facts[rb->m.nfacts++] = f;
  return 0;
}

static int change_fact_body(lua_State *L) {
  decl_check_not_sealed(L, "change_fact");
  rulebook *rb = decl_rulebook(L);
  const char *key = lua_tostring(L, lua_upvalueindex(1));
  luaL_checktype(L, 1, LUA_TTABLE);
  int k = find_fact(rb, key);
  if (k < 0) return sandbox_error(L, "change_fact %s: no such fact in the extended rulebook", key);
  apply(L, &rb->m.facts[k], "change_fact", key, 0);
  return 0;
}

static void free_fact(meth_fact *f) {
  free(f->key); free(f->description); free(f->measure); free(f->office); free(f->evidence); free(f->file);
  free_fields(f->fields, f->nfields);
}

static int remove_fact(lua_State *L) {
  decl_check_not_sealed(L, "remove_fact");
  rulebook *rb = decl_rulebook(L);
  const char *key = luaL_checkstring(L, 1);
  int k = find_fact(rb, key);
  if (k < 0) return sandbox_error(L, "remove_fact %s: no such fact in the extended rulebook", key);
  free_fact(&rb->m.facts[k]);
  memmove(&rb->m.facts[k], &rb->m.facts[k + 1], (size_t)(rb->m.nfacts - k - 1) * sizeof *rb->m.facts);
  rb->m.nfacts--;
  return 0;
}

static int fact_decl(lua_State *L) { return decl_curry(L, fact_body, "fact"); }
static int change_fact(lua_State *L) { return decl_curry(L, change_fact_body, "change_fact"); }

const luaL_Reg rb_facts_api[] = {
  {"fact", fact_decl}, {"change_fact", change_fact}, {"remove_fact", remove_fact}, {NULL, NULL}
};

static int cmp_fact(const void *a, const void *b) {
  return strcmp(((const meth_fact *)a)->key, ((const meth_fact *)b)->key);
}

void rb_facts_finish(rulebook *rb) {
  if (rb->m.nfacts) qsort(rb->m.facts, (size_t)rb->m.nfacts, sizeof *rb->m.facts, cmp_fact);
}

void rb_facts_map_paths(rulebook *rb, void (*map)(char **path, void *ud), void *ud) {
  for (int i = 0; i < rb->m.nfacts; i++) map(&rb->m.facts[i].file, ud);
}

void rb_facts_free(rulebook *rb) {
  for (int i = 0; i < rb->m.nfacts; i++) free_fact(&rb->m.facts[i]);
  free(rb->m.facts);
  rb->m.facts = NULL;
  rb->m.nfacts = 0;
}

void rb_facts_check_read(lua_State *L, const char *key) {
  const methodology *m = &decl_rulebook(L)->m;
  if (m->nfacts && !methodology_fact(m, key))
    sandbox_error(L, "fact '%s' is not declared in the rulebook (fact \"%s\" { ... }; a typo?)", key, key);
}
