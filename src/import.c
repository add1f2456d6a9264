/*
** import.c -- read, check and write facts, units and offices in one
** transaction, a record at a time.
**
** The files are read in turn: a CSV file as a stream, a JSON file whole
** (cJSON needs the text), each after a first pass over its bytes (size,
** UTF-8). Every record is checked and written into the import's one open
** transaction at once; only the facts of the unit-year being read are held,
** to be written together. What spans records is the store's to remember
** (store_import.h): what this import wrote (for duplicates), each unit-year
** and whether the store had facts of it before, the updates to list.
** Units may be given in any file of the import, before or after the facts
** and units that name them: those references are checked at the end.
**
** The first problem rolls everything back. The one reported is the first
** problem of a file itself (encoding, syntax, a field) in input order;
** failing that the first duplicate met; failing that the first reference
** to a unit that is still unknown at the end. Where a duplicate was first
** given is found by reading the files again (only then).
*/
#include "import.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "csv.h"
#include "date.h"
#include "store_import.h"

#define MAX_FILE_BYTES (512L * 1024 * 1024)
#define RUN_MAX 4096                 /* facts of one unit-year held before they are written */

typedef struct { int file, line; } loc;         /* file: index into importer.files */
typedef struct { loc at; long long seq; const char *unit; int year; fact f; } pfact;   /* seq: the how-manieth fact */

static const loc nowhere = {-1, 0};

enum { K_OFFICE, K_UNIT, K_FACT };              /* what a record is */
enum { WRITE, CHECK, FIND, BACKFILL };          /* what is done with each record */

typedef struct {
  store *s;
  FILE *out;
  import_stats *st;
  char **files; size_t nfiles;
  int mode;                  /* CHECK: reading on after a duplicate, for a problem of a file */
  int cur;                   /* the file being read */
  arena tmp;                 /* strings made for the record being read */
  /* the facts of the unit-year being read, not written yet */
  char *unit; size_t capunit; int year, have_unit;
  int written, fresh;        /* some of its facts are written; the store had none before */
  long long seq;             /* facts read so far */
  int claiming;              /* keys of unit-years the store had are claimed (see write_run) */
  arena runa;
  pfact *run; size_t nrun, caprun;
  const pfact **sorted; const fact **ptrs; size_t capsorted;   /* the run by key */
  struct { int set, kind, year; loc at, also; char *id, *key; } dup;   /* the first duplicate */
  struct { int kind, year; const char *id, *key; loc at; } find;      /* FIND: sought, found */
  struct { long long stop; char *unit; int year, fresh, have, failed; } fill;   /* BACKFILL */
  struct { arena a; struct update *v; size_t n, cap, bytes, held; int spilled; } upd;   /* updates to list */
  char *err; size_t errlen;
} importer;

static int fail(importer *b, loc at, const char *fmt, ...) {
  va_list ap;
  int n = snprintf(b->err, b->errlen, "%s:%d: ", b->files[at.file], at.line);
  va_start(ap, fmt);
  if (n >= 0 && (size_t)n < b->errlen) vsnprintf(b->err + n, b->errlen - (size_t)n, fmt, ap);
  va_end(ap);
  return -1;
}

/* "file:line:col: message" for a problem at a column of the file being read. */
static int fail_col(importer *b, int line, int col, const char *msg) {
  snprintf(b->err, b->errlen, "%s:%d:%d: %s", b->files[b->cur], line, col, msg);
  return -1;
}

static int store_fail(importer *b) {
  snprintf(b->err, b->errlen, "writing the store: %s (nothing was imported)", store_errmsg(b->s));
  return -1;
}

#define GROW(b, arr, n, cap)                                         \
  do {                                                               \
    if ((n) == (cap)) {                                              \
      size_t nc = (cap) ? 2 * (cap) : 64;                            \
      void *p = realloc((arr), nc * sizeof *(arr));                  \
      if (!p) abort();                                               \
      (arr) = p; (cap) = nc;                                         \
    }                                                                \
  } while (0)

/* ---- writing: each record as it is read ---- */

/* Note the first duplicate (at, of what was given at `also`, if known) and
** read on without writing: a problem of a file comes first. */
static void duplicate(importer *b, int kind, loc at, loc also, const char *id, int year,
                      const char *key) {
  if (!b->dup.set) {
    b->dup.set = 1; b->dup.kind = kind; b->dup.year = year;
    b->dup.at = at; b->dup.also = also;
    b->dup.id = strdup(id);
    b->dup.key = key ? strdup(key) : NULL;
    if (!b->dup.id || (key && !b->dup.key)) abort();
  }
  b->mode = CHECK;
}

static int cmp_key(const void *x, const void *y) {
  const pfact *a = *(const pfact *const *)x, *b = *(const pfact *const *)y;
  int c = strcmp(a->f.key, b->f.key);
  return c ? c : (a->seq > b->seq) - (a->seq < b->seq);
}

/* Sort the run by key (then as read): the primary key's order, which SQLite
** inserts at about 20% less cost than any order, and a key given twice side
** by side. 1 if one was (the earliest second occurrence is noted). */
static int sort_run(importer *b) {
  size_t n = b->nrun;
  if (b->capsorted < n) {
    free(b->sorted); free(b->ptrs);
    b->sorted = malloc(n * sizeof *b->sorted);
    b->ptrs = malloc(n * sizeof *b->ptrs);
    if (!b->sorted || !b->ptrs) abort();
    b->capsorted = n;
  }
  for (size_t i = 0; i < n; i++) b->sorted[i] = &b->run[i];
  qsort(b->sorted, n, sizeof *b->sorted, cmp_key);
  const pfact *dup = NULL, *first = NULL;
  for (size_t i = 1; i < n; i++)
    if (!strcmp(b->sorted[i]->f.key, b->sorted[i - 1]->f.key) &&
        (i < 2 || strcmp(b->sorted[i]->f.key, b->sorted[i - 2]->f.key)) &&   /* a second one */
        (!dup || b->sorted[i]->seq < dup->seq)) {
      dup = b->sorted[i];
      first = b->sorted[i - 1];
    }
  if (dup) duplicate(b, K_FACT, dup->at, first->at, b->unit, b->year, dup->f.key);
  for (size_t i = 0; i < n; i++) b->ptrs[i] = &b->sorted[i]->f;
  return dup != NULL;
}

static void show_value(char *buf, size_t n, const fact *f) {
  switch (f->type) {
  case FT_NUMBER: snprintf(buf, n, "%.15g", f->num); break;
  case FT_INTEGER: snprintf(buf, n, "%lld", f->integer); break;
  case FT_BOOLEAN: snprintf(buf, n, "%s", f->integer ? "true" : "false"); break;
  default: snprintf(buf, n, "%s", f->text); break;
  }
}

/* The lines listing updates, sorted by unit, year, key after the commit:
** held in memory up to UPDATES_HELD bytes (PARINDEX_UPDATES_HELD, a test
** hook, see import.h), past that by the store (store_import_updated), which
** sorts them without holding them all. */
#define UPDATES_HELD (16u << 20)

struct update { const char *unit, *key, *line; int year; };
typedef struct update update;

static int spill_update(importer *b, const update *u) {
  return store_import_updated(b->s, u->unit, u->year, u->key, u->line) ? store_fail(b) : 0;
}

static int note_update(importer *b, const pfact *pf, const char *old) {
  char now[80], line[512];
  show_value(now, sizeof now, &pf->f);
  int n = snprintf(line, sizeof line, "updated %s %d %s: %.60s -> %s\n", b->unit, b->year, pf->f.key,
                   old ? old : "", now);
  update u = {b->unit, pf->f.key, line, b->year};
  if (b->upd.spilled) return spill_update(b, &u);
  if (b->upd.bytes + (size_t)n > b->upd.held) {             /* to the store, all of them */
    for (size_t i = 0; i < b->upd.n; i++)
      if (spill_update(b, &b->upd.v[i])) return -1;
    b->upd.spilled = 1;
    b->upd.n = 0;
    arena_free(&b->upd.a);
    return spill_update(b, &u);
  }
  GROW(b, b->upd.v, b->upd.n, b->upd.cap);
  update *k = &b->upd.v[b->upd.n++];
  k->unit = arena_strdup(&b->upd.a, u.unit);
  k->key = arena_strdup(&b->upd.a, u.key);
  k->line = arena_strdup(&b->upd.a, line);
  k->year = u.year;
  b->upd.bytes += (size_t)n + strlen(u.unit) + strlen(u.key) + sizeof *k;
  return 0;
}

static int cmp_update(const void *x, const void *y) {
  const update *a = x, *b = y;
  int c = strcmp(a->unit, b->unit);
  if (!c) c = (a->year > b->year) - (a->year < b->year);
  return c ? c : strcmp(a->key, b->key);
}

static int print_update(const char *text, void *ud) {
  return fputs(text, (FILE *)ud) < 0;
}

/* After the commit: the list. */
static void list_updates(importer *b) {
  if (b->upd.spilled) {
    if (store_import_each_update(b->s, print_update, b->out) < 0)
      fprintf(b->out, "(the list of updates could not be read: %s)\n", store_errmsg(b->s));
    return;
  }
  if (b->upd.n) qsort(b->upd.v, b->upd.n, sizeof *b->upd.v, cmp_update);
  for (size_t i = 0; i < b->upd.n; i++) fputs(b->upd.v[i].line, b->out);
}

/* One fact of a unit-year the store had facts of before: insert or update. */
static int put_fact(importer *b, const pfact *pf) {
  put_result r;
  char *old = NULL;
  if (store_put_fact(b->s, b->unit, b->year, &pf->f, &r, &old)) return store_fail(b);
  b->st->facts[r]++;
  int rc = r == PUT_UPDATED && b->out ? note_update(b, pf, old) : 0;
  free(old);
  return rc;
}

static int import_file(importer *b, int i);

/* Claim the keys of the facts read so far (up to the stop-th) of unit-years
** the store had facts of: read the files again (only for BACKFILL, below). */
static int fill_claim(importer *b, const pfact *pf) {
  if (!b->fill.have || pf->year != b->fill.year || strcmp(pf->unit, b->fill.unit)) {
    free(b->fill.unit);
    if (!(b->fill.unit = strdup(pf->unit))) abort();
    b->fill.year = pf->year;
    b->fill.have = 1;
    int rc = store_import_group_fresh(b->s, pf->unit, pf->year, &b->fill.fresh);
    if (rc < 0) { b->fill.failed = 1; return -1; }
    if (rc == 0) b->fill.fresh = 1;     /* not written: nothing to claim */
  }
  if (b->fill.fresh) return 0;
  if (store_import_key(b->s, pf->unit, pf->year, pf->f.key) < 0) { b->fill.failed = 1; return -1; }
  return 0;
}

/* Start claiming the keys of unit-years the store had facts of: needed once
** such a unit-year comes back after other facts (a duplicate could then be
** one of its keys already written). Till then the claims are saved, which is
** what makes importing changed facts sorted by unit and year cheap. */
static int backfill(importer *b, long long stop) {
  char err[1024], *keep = b->err;
  size_t keeplen = b->errlen;
  arena keeptmp = b->tmp;               /* holds the record being read */
  int keepcur = b->cur, r = 0;
  long long keepseq = b->seq;
  b->tmp = (arena){0};
  b->err = err; b->errlen = sizeof err;
  b->mode = BACKFILL;
  b->fill.stop = stop; b->fill.have = 0; b->fill.failed = 0;
  b->seq = 0;
  for (size_t i = 0; i < b->nfiles && (r = import_file(b, (int)i)) == 0; i++) {}
  arena_free(&b->tmp);
  b->tmp = keeptmp; b->cur = keepcur; b->seq = keepseq;
  b->err = keep; b->errlen = keeplen;
  b->mode = WRITE;
  if (b->fill.failed) return store_fail(b);
  if (r != 1) {
    snprintf(b->err, b->errlen, "the files changed while they were imported%s%s",
             r < 0 ? ": " : "", r < 0 ? err : "");
    return -1;
  }
  b->claiming = 1;
  return 0;
}

static int write_run(importer *b) {
  int first = 0;
  if (sort_run(b)) return 0;
  if (!b->written &&
      store_import_group(b->s, b->unit, b->year, b->run[0].at.file, b->run[0].at.line, &first, &b->fresh))
    return store_fail(b);
  if (!b->fresh) {
    if (!first && !b->claiming && backfill(b, b->run[0].seq)) return -1;
    for (size_t i = 0; i < b->nrun && b->claiming; i++) {      /* duplicates, as read */
      int c = store_import_key(b->s, b->unit, b->year, b->run[i].f.key);
      if (c < 0) return store_fail(b);
      if (!c) { duplicate(b, K_FACT, b->run[i].at, nowhere, b->unit, b->year, b->run[i].f.key); return 0; }
    }
    for (size_t i = 0; i < b->nrun; i++)
      if (put_fact(b, b->sorted[i])) return -1;
  } else {
    if (!first)                 /* met before: any fact of it in the store is this import's */
      for (size_t i = 0; i < b->nrun; i++) {
        int has = store_has_fact(b->s, b->unit, b->year, b->run[i].f.key);
        if (has < 0) return store_fail(b);
        if (has) { duplicate(b, K_FACT, b->run[i].at, nowhere, b->unit, b->year, b->run[i].f.key); return 0; }
      }
    if (store_put_new_facts(b->s, b->unit, b->year, b->ptrs, (int)b->nrun)) return store_fail(b);
    b->st->facts[PUT_NEW] += (long)b->nrun;
  }
  b->written = 1;
  return 0;
}

static int flush_run(importer *b) {
  if (!b->nrun) return 0;
  int rc = write_run(b);
  b->nrun = 0;
  arena_reset(&b->runa);
  return rc;
}

/* Each emit_ returns 0 to read on, -1 on an error, 1 when FIND found it. */
static int emit_fact(importer *b, const pfact *pf) {
  long long seq = b->seq++;
  if (b->mode == BACKFILL) return seq >= b->fill.stop ? 1 : fill_claim(b, pf);
  if (b->mode == FIND) {
    if (b->find.kind != K_FACT || pf->year != b->find.year || strcmp(pf->unit, b->find.id) ||
        strcmp(pf->f.key, b->find.key)) return 0;
    b->find.at = pf->at;
    return 1;
  }
  if (b->mode != WRITE) return 0;
  int other = !b->have_unit || pf->year != b->year || strcmp(pf->unit, b->unit);
  if ((other || b->nrun == RUN_MAX) && flush_run(b)) return -1;
  if (b->mode != WRITE) return 0;
  if (other) {
    size_t n = strlen(pf->unit) + 1;
    if (b->capunit < n) {
      free(b->unit);
      if (!(b->unit = malloc(n))) abort();
      b->capunit = n;
    }
    memcpy(b->unit, pf->unit, n);
    b->year = pf->year;
    b->have_unit = 1;
    b->written = 0;
  }
  GROW(b, b->run, b->nrun, b->caprun);
  pfact *q = &b->run[b->nrun++];
  q->at = pf->at;
  q->seq = seq;
  q->unit = b->unit;
  q->year = b->year;
  q->f = pf->f;
  q->f.key = arena_strdup(&b->runa, pf->f.key);
  q->f.text = arena_strdup(&b->runa, pf->f.text);
  q->f.source = arena_strdup(&b->runa, pf->f.source);
  q->f.note = arena_strdup(&b->runa, pf->f.note);
  return 0;
}

static int emit_unit(importer *b, const unit_info *u, loc at) {
  if (b->mode == FIND) {
    if (b->find.kind != K_UNIT || strcmp(u->id, b->find.id)) return 0;
    b->find.at = at;
    return 1;
  }
  if (b->mode != WRITE) return 0;
  int c = store_import_unit(b->s, u->id, u->parent, at.file, at.line);
  if (c < 0) return store_fail(b);
  if (!c) { duplicate(b, K_UNIT, at, nowhere, u->id, 0, NULL); return 0; }
  put_result r;
  if (store_put_unit(b->s, u, &r)) return store_fail(b);
  b->st->units[r]++;
  return 0;
}

static int emit_office(importer *b, const char *id, const char *name, loc at) {
  if (b->mode == FIND) {
    if (b->find.kind != K_OFFICE || strcmp(id, b->find.id)) return 0;
    b->find.at = at;
    return 1;
  }
  if (b->mode != WRITE) return 0;
  int c = store_import_office(b->s, id);
  if (c < 0) return store_fail(b);
  if (!c) { duplicate(b, K_OFFICE, at, nowhere, id, 0, NULL); return 0; }
  put_result r;
  if (store_put_office(b->s, id, name, &r)) return store_fail(b);
  b->st->offices[r]++;
  return 0;
}

/* ---- checks shared by both formats ---- */

static int valid_id(const char *s) {
  size_t n = 0;
  for (; s[n]; n++)
    if (!isalnum((unsigned char)s[n]) && !strchr("_-.", s[n])) return 0;
  return n > 0 && n <= 128;
}

static int set_year(importer *b, loc at, pfact *pf, long long y) {
  if (y < 1900 || y > 2200) return fail(b, at, "year: %lld is not a plausible year", y);
  pf->year = (int)y;
  return 0;
}

static int parse_type_name(const char *t, fact_type *out) {
  for (int i = 0; i <= FT_LIST; i++)
    if (strcmp(t, fact_type_name((fact_type)i)) == 0) { *out = (fact_type)i; return 1; }
  return 0;
}

static int check_date(importer *b, loc at, const char *field, const char *s) {
  pdate d;
  if (!date_parse_iso(s, &d))
    return fail(b, at, "%s: '%s' is not a valid date (expected YYYY-MM-DD)", field, s);
  return 0;
}

/* A list value: an array of flat records; ISO-looking strings must be real dates. */
static int check_list(importer *b, loc at, const char *key, const cJSON *arr) {
  int i = 0;
  for (const cJSON *rec = arr->child; rec; rec = rec->next, i++) {
    loc rat = {at.file, rec->type & cJSON_Object ? rec->valueint : at.line};
    if (!cJSON_IsObject(rec))
      return fail(b, at, "value: %s[%d]: a list holds records (JSON objects)", key, i + 1);
    for (const cJSON *m = rec->child; m; m = m->next) {
      if (cJSON_IsArray(m) || cJSON_IsObject(m))
        return fail(b, rat, "value: %s[%d].%s: record fields must be plain values", key, i + 1, m->string);
      if (cJSON_IsNumber(m) && !isfinite(m->valuedouble))
        return fail(b, rat, "value: %s[%d].%s: not a finite number", key, i + 1, m->string);
      if (cJSON_IsString(m) && date_looks_iso(m->valuestring)) {
        char field[256];
        snprintf(field, sizeof field, "value: %s[%d].%s", key, i + 1, m->string);
        if (check_date(b, rat, field, m->valuestring)) return -1;
      }
    }
  }
  return 0;
}

/* ---- JSON ---- */

static int member_of(const char *name, const char *const *list) {
  for (; *list; list++)
    if (!strcmp(name, *list)) return 1;
  return 0;
}

/* Each JSON object's line, stored in its otherwise unused valueint: objects
** come in document order in a pre-order walk, as '{' do in the text. */
typedef struct { const int *lines; size_t n, next; } objlines;

static void tag_lines(cJSON *node, objlines *ol) {
  for (; node; node = node->next) {
    if (cJSON_IsObject(node)) node->valueint = ol->next < ol->n ? ol->lines[ol->next++] : 0;
    if (node->child) tag_lines(node->child, ol);
  }
}

static int *object_lines(const char *s, size_t len, size_t *count) {
  size_t n = 0, cap = 256;
  int *lines = malloc(cap * sizeof *lines), line = 1, instr = 0;
  if (!lines) abort();
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (instr) {
      if (c == '\\') i++;
      else if (c == '"') instr = 0;
      else if (c == '\n') line++;
    } else if (c == '"') instr = 1;
    else if (c == '\n') line++;
    else if (c == '{') {
      GROW(b, lines, n, cap);
      lines[n++] = line;
    }
  }
  *count = n;
  return lines;
}

static const char *json_str(importer *b, const cJSON *o, const char *name, int required,
                            loc at, int *err) {
  const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
  if (!m || cJSON_IsNull(m)) {
    if (required) *err = fail(b, at, "%s: missing", name);
    return NULL;
  }
  if (!cJSON_IsString(m)) { *err = fail(b, at, "%s: must be a string", name); return NULL; }
  if (required && !*m->valuestring) { *err = fail(b, at, "%s: must not be empty", name); return NULL; }
  return m->valuestring;
}

static int json_value(importer *b, loc at, pfact *pf, const cJSON *v, const char *type) {
  fact *f = &pf->f;
  fact_type want = FT_TEXT;
  if (type && !parse_type_name(type, &want))
    return fail(b, at, "type: unknown type '%s' (number, integer, boolean, date, text, list)", type);
  if (!v || cJSON_IsNull(v)) return fail(b, at, "value: missing");
  if (cJSON_IsBool(v)) {
    if (type && want != FT_BOOLEAN) return fail(b, at, "value: a boolean where type is %s", type);
    f->type = FT_BOOLEAN; f->integer = cJSON_IsTrue(v);
  } else if (cJSON_IsNumber(v)) {
    double d = v->valuedouble;
    if (!isfinite(d)) return fail(b, at, "value: not a finite number");
    int integral = d == floor(d) && fabs(d) < 9e15;
    if (type && want != FT_NUMBER && want != FT_INTEGER)
      return fail(b, at, "value: a number where type is %s", type);
    if (type && want == FT_INTEGER && !integral)
      return fail(b, at, "value: %g is not an integer", d);
    if ((type && want == FT_INTEGER) || (!type && integral)) { f->type = FT_INTEGER; f->integer = (long long)d; }
    else { f->type = FT_NUMBER; f->num = d; }
  } else if (cJSON_IsString(v)) {
    const char *s = v->valuestring;
    if (type && want != FT_TEXT && want != FT_DATE)
      return fail(b, at, "value: a string where type is %s", type);
    if ((type && want == FT_DATE) || (!type && date_looks_iso(s))) {
      if (check_date(b, at, "value", s)) return -1;
      f->type = FT_DATE;
    } else f->type = FT_TEXT;
    f->text = s;
  } else if (cJSON_IsArray(v)) {
    if (type && want != FT_LIST) return fail(b, at, "value: a list where type is %s", type);
    if (check_list(b, at, f->key, v)) return -1;
    char *json = cJSON_PrintUnformatted(v);
    if (!json) abort();
    f->type = FT_LIST;
    f->text = arena_strdup(&b->tmp, json);
    cJSON_free(json);
  } else return fail(b, at, "value: must be a number, boolean, string or list of records");
  return 0;
}

static int json_fact(importer *b, const cJSON *o, const char *dunit,
                     const cJSON *dyear, const char *dsource) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return fail(b, at, "facts: each fact must be an object");
  static const char *const fields[] = {"unit", "year", "key", "value", "type", "source", "note", NULL};
  for (const cJSON *m = o->child; m; m = m->next)
    if (!member_of(m->string, fields) && m->string[0] != '_')
      return fail(b, at, "%s: unknown field (unit, year, key, value, type, source, note)", m->string);
  pfact fact_, *pf = &fact_;
  memset(pf, 0, sizeof *pf);
  pf->at = at;
  pf->unit = json_str(b, o, "unit", 0, at, &err);
  if (err) return -1;
  if (!pf->unit) pf->unit = dunit;
  if (!pf->unit) return fail(b, at, "unit: missing (in the fact or at the top of the file)");
  if (!valid_id(pf->unit)) return fail(b, at, "unit: '%s' is not a valid id", pf->unit);
  const cJSON *y = cJSON_GetObjectItemCaseSensitive(o, "year");
  if (!y) y = dyear;
  if (!y) return fail(b, at, "year: missing (in the fact or at the top of the file)");
  if (!cJSON_IsNumber(y) || y->valuedouble != floor(y->valuedouble))
    return fail(b, at, "year: must be an integer");
  if (!(y->valuedouble >= 1900 && y->valuedouble <= 2200))
    return fail(b, at, "year: %g is not a plausible year", y->valuedouble);
  if (set_year(b, at, pf, (long long)y->valuedouble)) return -1;
  pf->f.key = json_str(b, o, "key", 1, at, &err);
  if (err) return -1;
  if (!valid_id(pf->f.key)) return fail(b, at, "key: '%s' is not a valid key (letters, digits, _ - .)", pf->f.key);
  const char *type = json_str(b, o, "type", 0, at, &err);
  if (err) return -1;
  if (json_value(b, at, pf, cJSON_GetObjectItemCaseSensitive(o, "value"), type)) return -1;
  pf->f.source = json_str(b, o, "source", 0, at, &err);
  if (err) return -1;
  if (!pf->f.source) pf->f.source = dsource;
  pf->f.note = json_str(b, o, "note", 0, at, &err);
  if (err) return -1;
  return emit_fact(b, pf);
}

static int json_unit(importer *b, const cJSON *o) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return fail(b, at, "units: each unit must be an object");
  unit_info u = {0};
  u.id = json_str(b, o, "id", 1, at, &err);
  if (!err) u.name = json_str(b, o, "name", 1, at, &err);
  if (!err) u.kind = json_str(b, o, "kind", 1, at, &err);
  if (!err) u.parent = json_str(b, o, "parent", 0, at, &err);
  if (err) return -1;
  if (!valid_id(u.id)) return fail(b, at, "id: '%s' is not a valid id", u.id);
  return emit_unit(b, &u, at);
}

static int json_office(importer *b, const cJSON *o) {
  loc at = {b->cur, o->valueint};
  int err = 0;
  if (!cJSON_IsObject(o)) return fail(b, at, "offices: each office must be an object");
  const char *id = json_str(b, o, "id", 1, at, &err), *name = NULL;
  if (!err) name = json_str(b, o, "name", 1, at, &err);
  if (err) return -1;
  if (!valid_id(id)) return fail(b, at, "id: '%s' is not a valid id", id);
  return emit_office(b, id, name, at);
}

/* A member named twice in one object: cJSON keeps both and lookups see only
** the first, so the second value would be dropped without a word. */
static int cmp_name(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int json_duplicates(importer *b, const cJSON *node, int line) {
  for (; node; node = node->next) {
    int at = cJSON_IsObject(node) ? node->valueint : line;
    if (cJSON_IsObject(node)) {
      size_t n = 0;
      for (const cJSON *m = node->child; m; m = m->next) n++;
      if (n > 1) {
        const char **names = malloc(n * sizeof *names);
        if (!names) abort();
        n = 0;
        for (const cJSON *m = node->child; m; m = m->next) names[n++] = m->string;
        qsort(names, n, sizeof *names, cmp_name);
        const char *dup = NULL;
        for (size_t i = 1; i < n && !dup; i++)
          if (!strcmp(names[i], names[i - 1])) dup = names[i];
        int rc = dup ? fail(b, (loc){b->cur, at}, "%s: member given twice in one object", dup) : 0;
        free(names);
        if (rc) return -1;
      }
    }
    if (node->child && json_duplicates(b, node->child, at)) return -1;
  }
  return 0;
}

/* An open string, object or array at the end of the text: a cut-off file. */
static int json_truncated(const char *s, size_t len) {
  int depth = 0, instr = 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (instr) {
      if (c == '\\') i++;
      else if (c == '"') instr = 0;
    } else if (c == '"') instr = 1;
    else if (c == '{' || c == '[') depth++;
    else if (c == '}' || c == ']') depth--;
  }
  return instr || depth > 0;
}

static int json_file(importer *b, const char *buf, size_t len) {
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
  if (!root) {
    size_t off = end && end >= buf ? (size_t)(end - buf) : 0;
    int line = 1, col = 1;
    for (size_t i = 0; i < off && i < len; i++)
      if (buf[i] == '\n') { line++; col = 1; } else col++;
    return fail_col(b, line, col, json_truncated(buf, len)
                    ? "JSON syntax error (unexpected end of file: the file looks truncated)"
                    : "JSON syntax error");
  }
  /* trailing garbage after the value */
  const char *t = end;
  while (t && t < buf + len && isspace((unsigned char)*t)) t++;
  int rc = -1;
  size_t nlines;
  int *lines = object_lines(buf, len, &nlines);
  objlines ol = {lines, nlines, 0};
  tag_lines(root, &ol);
  loc top = {b->cur, 1};
  if (t && t < buf + len) {
    int line = 1;
    for (const char *c = buf; c < t; c++) line += *c == '\n';
    loc at = {b->cur, line};
    fail(b, at, "JSON syntax error: text after the end of the document");
    goto done;
  }
  if (!cJSON_IsObject(root)) { fail(b, top, "the file must hold one JSON object"); goto done; }
  if (json_duplicates(b, root, 1)) goto done;
  int err = 0;
  const char *dunit = json_str(b, root, "unit", 0, top, &err);
  const char *dsource = err ? NULL : json_str(b, root, "source", 0, top, &err);
  if (err) goto done;
  const cJSON *dyear = cJSON_GetObjectItemCaseSensitive(root, "year");
  static const char *const lists[] = {"offices", "units", "facts", NULL};
  static const char *const defaults[] = {"unit", "year", "source", NULL};
  for (const cJSON *m = root->child; m; m = m->next) {
    int known = member_of(m->string, lists);
    if (!known && !member_of(m->string, defaults) && m->string[0] != '_') {
      fail(b, top, "%s: unknown top-level member (offices, units, facts, unit, year, source)", m->string);
      goto done;
    }
    if (!known) continue;
    if (!cJSON_IsArray(m)) { fail(b, top, "%s: must be an array", m->string); goto done; }
    for (const cJSON *o = m->child; o; o = o->next) {
      int r = m->string[0] == 'f' ? json_fact(b, o, dunit, dyear, dsource)
            : m->string[0] == 'u' ? json_unit(b, o)
            : json_office(b, o);
      arena_reset(&b->tmp);
      if (r) { rc = r; goto done; }
    }
  }
  rc = 0;
done:
  free(lines);
  cJSON_Delete(root);
  return rc;
}

/* ---- CSV ---- */

static int column(char **hdr, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (strcmp(hdr[i], name) == 0) return i;
  return -1;
}

static int text_value(importer *b, loc at, pfact *pf, const char *s, const char *type, char sep) {
  fact *f = &pf->f;
  fact_type want = FT_TEXT;
  if (type && *type && !parse_type_name(type, &want))
    return fail(b, at, "type: unknown type '%s' (number, integer, boolean, date, text, list)", type);
  int typed = type && *type;
  if (!*s && !(typed && want == FT_TEXT)) return fail(b, at, "value: missing");
  char num[64];
  size_t len = strlen(s);
  int numeric = len > 0 && len < sizeof num;
  if (numeric) {                         /* '86,75' is a number in a ';' file */
    memcpy(num, s, len + 1);
    char *c = strchr(num, ',');
    if (c && sep == ';') *c = '.';
    char *end;
    errno = 0;
    double d = strtod(num, &end);
    numeric = *end == '\0' && !isspace((unsigned char)num[0]) && strspn(num, "+-0123456789.eE") == strlen(num);
    if (numeric && (!isfinite(d) || errno == ERANGE)) return fail(b, at, "value: '%s' is not a finite number", s);
    if (numeric) {
      int exact = fabs(d) < 9e15;                /* a long long holds it exactly */
      int integral = exact && strspn(num, "+-0123456789") == strlen(num);
      if (typed && want != FT_NUMBER && want != FT_INTEGER && want != FT_TEXT)
        return fail(b, at, "value: a number where type is %s", type);
      if (!(typed && want == FT_TEXT)) {
        if (typed && want == FT_INTEGER && !(integral || (exact && d == floor(d))))
          return fail(b, at, "value: '%s' is not an integer", s);
        if ((typed && want == FT_INTEGER) || (!typed && integral)) { f->type = FT_INTEGER; f->integer = (long long)d; }
        else { f->type = FT_NUMBER; f->num = d; }
        return 0;
      }
    }
  }
  if (typed && (want == FT_NUMBER || want == FT_INTEGER))
    return fail(b, at, "value: '%s' is not a number", s);
  if ((!typed || want == FT_BOOLEAN) && (!strcmp(s, "true") || !strcmp(s, "false"))) {
    f->type = FT_BOOLEAN; f->integer = s[0] == 't';
    return 0;
  }
  if (typed && want == FT_BOOLEAN) return fail(b, at, "value: '%s' is not true or false", s);
  if ((typed && want == FT_DATE) || (!typed && date_looks_iso(s))) {
    if (check_date(b, at, "value", s)) return -1;
    f->type = FT_DATE; f->text = s;
    return 0;
  }
  if ((typed && want == FT_LIST) || (!typed && s[0] == '[')) {
    cJSON *v = cJSON_Parse(s);
    if (!v || !cJSON_IsArray(v)) { cJSON_Delete(v); return fail(b, at, "value: a list must be a JSON array of records"); }
    for (cJSON *r = v->child; r; r = r->next) r->valueint = at.line;
    int r = check_list(b, at, f->key, v);
    char *json = r ? NULL : cJSON_PrintUnformatted(v);
    cJSON_Delete(v);
    if (r) return -1;
    f->type = FT_LIST; f->text = arena_strdup(&b->tmp, json);
    cJSON_free(json);
    return 0;
  }
  f->type = FT_TEXT; f->text = s;
  return 0;
}


/* The rows of a CSV file, from a reader set up by the caller. */
static int csv_rows(importer *b, csv_reader *r) {
  char **row;
  int rc = -1, n;
  arena ha = {0};                       /* the header */
  loc at = {b->cur, 1};
  int nh = csv_next(r, &row);
  if (nh <= 0) {
    at.line = r->line ? r->line : 1;
    fail(b, at, nh < 0 ? r->err : "empty CSV file (expected a header line)");
    goto done;
  }
  char **hdr = arena_alloc(&ha, (size_t)nh * sizeof *hdr);
  for (int i = 0; i < nh; i++) hdr[i] = arena_strdup(&ha, row[i]);
  int cu = column(hdr, nh, "unit"), cy = column(hdr, nh, "year"), ck = column(hdr, nh, "key"),
      cv = column(hdr, nh, "value"), ct = column(hdr, nh, "type"), cs = column(hdr, nh, "source"),
      cn = column(hdr, nh, "note"), cid = column(hdr, nh, "id"), cname = column(hdr, nh, "name"),
      ckind = column(hdr, nh, "kind"), cpar = column(hdr, nh, "parent");
  enum { FACTS, UNITS, OFFICES } kind;
  if (cu >= 0 && cy >= 0 && ck >= 0 && cv >= 0) kind = FACTS;
  else if (cid >= 0 && cname >= 0 && ckind >= 0) kind = UNITS;
  else if (cid >= 0 && cname >= 0 && nh == 2) kind = OFFICES;
  else {
    fail(b, at, "header: expected unit,year,key,value[,type,source,note] or id,name,kind[,parent] or id,name");
    goto done;
  }
  while ((n = csv_next(r, &row)) > 0) {
    int e = 0;
    at.line = r->line;
    if (n != nh) { fail(b, at, "row has %d fields, header has %d", n, nh); goto done; }
    if (kind == FACTS) {
      pfact pf;
      memset(&pf, 0, sizeof pf);
      pf.at = at;
      pf.unit = row[cu];
      if (!valid_id(pf.unit)) { fail(b, at, "unit: '%s' is not a valid id", row[cu]); goto done; }
      char *end;
      long long y = strtoll(row[cy], &end, 10);
      if (!*row[cy] || *end) { fail(b, at, "year: '%s' is not an integer", row[cy]); goto done; }
      if (set_year(b, at, &pf, y)) goto done;
      pf.f.key = row[ck];
      if (!valid_id(pf.f.key)) { fail(b, at, "key: '%s' is not a valid key (letters, digits, _ - .)", row[ck]); goto done; }
      if (text_value(b, at, &pf, row[cv], ct >= 0 ? row[ct] : NULL, r->sep)) goto done;
      pf.f.source = cs >= 0 && *row[cs] ? row[cs] : NULL;
      pf.f.note = cn >= 0 && *row[cn] ? row[cn] : NULL;
      e = emit_fact(b, &pf);
    } else if (kind == UNITS) {
      if (!valid_id(row[cid])) { fail(b, at, "id: '%s' is not a valid id", row[cid]); goto done; }
      if (!*row[cname]) { fail(b, at, "name: must not be empty"); goto done; }
      if (!*row[ckind]) { fail(b, at, "kind: must not be empty"); goto done; }
      unit_info u = {row[cid], row[cname], row[ckind], cpar >= 0 && *row[cpar] ? row[cpar] : NULL};
      e = emit_unit(b, &u, at);
    } else {
      if (!valid_id(row[cid])) { fail(b, at, "id: '%s' is not a valid id", row[cid]); goto done; }
      if (!*row[cname]) { fail(b, at, "name: must not be empty"); goto done; }
      e = emit_office(b, row[cid], row[cname], at);
    }
    arena_reset(&b->tmp);
    if (e) { rc = e; goto done; }
  }
  if (n < 0) { at.line = r->line; fail(b, at, "%s", r->err); goto done; }
  rc = 0;
done:
  arena_free(&ha);
  return rc;
}

/* ---- files and folders ---- */

/* The first byte of s[0..len) that does not begin a valid UTF-8 character
** (or is NUL): its offset, with *bad = 1. Else len, or (when !final) the
** start of a character cut by the end of s, to be read again with more. */
static size_t utf8_scan(const unsigned char *s, size_t len, int final, int *bad) {
  *bad = 0;
  for (size_t i = 0; i < len;) {
    uint64_t w;                               /* 8 bytes of ASCII but NUL at once */
    if (i + 8 <= len && (memcpy(&w, s + i, 8), !((w | (w - 0x0101010101010101u)) & 0x8080808080808080u))) {
      i += 8;
      continue;
    }
    unsigned char c = s[i];
    if (c - 1u < 0x7Fu) { i++; continue; }    /* ASCII but NUL: most bytes */
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n && i + n > len && !final) return i;
    int ok = n && i + n <= len;
    for (size_t k = 1; ok && k < n; k++) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok && n == 2) ok = c >= 0xC2;
    if (ok && n == 3) {
      unsigned cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
    }
    if (ok && n == 4) {
      unsigned cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6);
      ok = cp >= 0x10000 && cp <= 0x10FFFF;
    }
    if (!ok || c == 0) { *bad = 1; return i; }
    i += n;
  }
  return len;
}

/* Line and column (in characters) after reading s[0..n), from *line, *col. */
static void advance(const unsigned char *s, size_t n, int *line, int *col) {
  for (size_t k = 0; k < n; k++)
    if (s[k] == '\n') { (*line)++; *col = 1; }
    else if ((s[k] & 0xC0) != 0x80) (*col)++;
}

static int bad_byte(importer *b, int line, int col, unsigned char c) {
  return fail_col(b, line, col, c == 0 ? "NUL byte in text" : "invalid UTF-8");
}

static int check_utf8(importer *b, const unsigned char *s, size_t len) {
  int bad, line = 1, col = 1;
  size_t i = utf8_scan(s, len, 1, &bad);
  if (!bad) return 0;
  advance(s, i, &line, &col);
  return bad_byte(b, line, col, s[i]);
}

static int read_error(importer *b) {
  snprintf(b->err, b->errlen, "%s: read error", b->files[b->cur]);
  return -1;
}

/* A whole stream into memory (a JSON file, or a CSV file that cannot be
** read twice), up to the size limit. */
static int read_whole(importer *b, FILE *f, char **out, size_t *len) {
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) abort();
  for (;;) {
    if (n == cap) {
      if (cap >= (size_t)MAX_FILE_BYTES) { free(buf); return fail(b, (loc){b->cur, 1}, "file larger than 512 MiB"); }
      char *g = realloc(buf, 2 * cap + 1);
      if (!g) abort();
      buf = g; cap *= 2;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  if (ferror(f)) { free(buf); return read_error(b); }
  buf[n] = '\0';
  *out = buf; *len = n;
  return 0;
}

/* The first pass over a CSV file, a chunk at a time: its size and its
** encoding, before any row is read (as for a file read whole). */
static int check_stream(importer *b, FILE *f, off_t size) {
  if (size >= MAX_FILE_BYTES) return fail(b, (loc){b->cur, 1}, "file larger than 512 MiB");
  if (size == 0) return fail(b, (loc){b->cur, 1}, "empty file");
  unsigned char *buf = malloc(CSV_CHUNK + 4);
  if (!buf) abort();
  size_t carry = 0;                     /* a character cut by the chunk's end */
  long long base = 0, total = 0;        /* the offset of buf[0]; bytes read */
  int rc = 0;
  for (;;) {
    size_t k = fread(buf + carry, 1, CSV_CHUNK, f), n = carry + k, i;
    int bad, final = k < CSV_CHUNK;
    if (ferror(f)) { rc = read_error(b); break; }
    if ((total += (long long)k) >= MAX_FILE_BYTES) { rc = fail(b, (loc){b->cur, 1}, "file larger than 512 MiB"); break; }
    i = utf8_scan(buf, n, final, &bad);
    if (bad) {                          /* where: read up to it again */
      unsigned char c = buf[i];
      long long at = base + (long long)i;
      int line = 1, col = 1;
      rewind(f);
      while (at > 0 && (k = fread(buf, 1, at < CSV_CHUNK ? (size_t)at : CSV_CHUNK, f)) > 0) {
        advance(buf, k, &line, &col);
        at -= (long long)k;
      }
      rc = bad_byte(b, line, col, c);
      break;
    }
    carry = n - i;
    memmove(buf, buf + i, carry);
    base += (long long)i;
    if (final) break;
  }
  free(buf);
  return rc;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Read file i, handing each record to emit_ by b->mode: 0, -1 on a problem,
** 1 when FIND found the record. */
static int import_file(importer *b, int i) {
  const char *path = b->files[i];
  b->cur = i;
  FILE *f = fopen(path, "rb");
  if (!f) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
  int csv = ends_with(path, ".csv"), rc;
  struct stat st;
  csv_reader r;
  if (csv && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {    /* streamed */
    rc = check_stream(b, f, st.st_size);
    if (!rc && fseek(f, 0, SEEK_SET)) rc = read_error(b);
    if (!rc) {
      rc = csv_open(&r, f) ? (fail(b, (loc){i, 1}, "%s", r.err)) : csv_rows(b, &r);
      csv_free(&r);
    }
  } else {
    char *buf = NULL;
    size_t len = 0;
    rc = read_whole(b, f, &buf, &len);
    if (!rc && len == 0) rc = fail(b, (loc){i, 1}, "empty file");
    if (!rc) rc = check_utf8(b, (const unsigned char *)buf, len);
    if (!rc && csv) {
      csv_init(&r, buf, len);
      rc = csv_rows(b, &r);
      csv_free(&r);
    } else if (!rc) rc = json_file(b, buf, len);
    free(buf);
  }
  fclose(f);
  arena_reset(&b->tmp);
  return rc;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int collect(importer *b, arena *names, const char *path, size_t *cap) {
  struct stat st;
  if (stat(path, &st) != 0) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    if (!d) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
    size_t first = b->nfiles;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.' || !(ends_with(e->d_name, ".json") || ends_with(e->d_name, ".csv"))) continue;
      size_t len = strlen(path) + strlen(e->d_name) + 2;
      char *p = arena_alloc(names, len);
      snprintf(p, len, "%s%s%s", path, ends_with(path, "/") ? "" : "/", e->d_name);
      GROW(b, b->files, b->nfiles, *cap);
      b->files[b->nfiles++] = p;
    }
    closedir(d);
    if (b->nfiles == first) return snprintf(b->err, b->errlen, "%s: no .json or .csv files in this folder", path), -1;
    qsort(b->files + first, b->nfiles - first, sizeof *b->files, cmp_str);
    return 0;
  }
  if (!ends_with(path, ".json") && !ends_with(path, ".csv"))
    return snprintf(b->err, b->errlen, "%s: not a .json or .csv file", path), -1;
  GROW(b, b->files, b->nfiles, *cap);
  b->files[b->nfiles++] = arena_strdup(names, path);
  return 0;
}

/* The message for the first duplicate, with where it was first given (read
** the files again for it when it is not known). */
static int report_duplicate(importer *b) {
  loc also = b->dup.also;
  if (also.file < 0) {
    char err[1024], *keep = b->err;
    size_t keeplen = b->errlen;
    b->err = err; b->errlen = sizeof err;
    b->mode = FIND;
    b->find.kind = b->dup.kind; b->find.year = b->dup.year;
    b->find.id = b->dup.id; b->find.key = b->dup.key;
    b->find.at = nowhere;
    for (size_t i = 0; i < b->nfiles && import_file(b, (int)i) == 0; i++) {}
    b->err = keep; b->errlen = keeplen;
    also = b->find.at;
  }
  char where[1100] = "earlier in this import";  /* if the files changed meanwhile */
  if (also.file >= 0 && (also.file != b->dup.at.file || also.line != b->dup.at.line))
    snprintf(where, sizeof where, "%s:%d", b->files[also.file], also.line);
  if (b->dup.kind == K_FACT)
    return fail(b, b->dup.at, "key: duplicate fact %s/%d/%s (also at %s)", b->dup.id, b->dup.year,
                b->dup.key, where);
  return fail(b, b->dup.at, "id: %s '%s' is also defined at %s",
              b->dup.kind == K_UNIT ? "unit" : "office", b->dup.id, where);
}

/* A unit named by a fact or as a parent that is not in the store at the end. */
static int report_missing(importer *b) {
  char *unit = NULL;
  int parent, file, line;
  int rc = store_import_missing(b->s, &unit, &parent, &file, &line);
  if (rc <= 0) return rc < 0 ? store_fail(b) : 0;
  if (parent) fail(b, (loc){file, line}, "parent: unknown unit '%s'", unit);
  else fail(b, (loc){file, line}, "unit: unknown unit '%s' (import its units file too)", unit);
  free(unit);
  return -1;
}

int import_paths(store *s, const char *const *paths, int npaths, FILE *out,
                 import_stats *stats, char *err, size_t errlen) {
  importer b = {0};
  arena names = {0};
  size_t capfiles = 0;
  int rc = -1, open = 0;
  b.s = s; b.out = out; b.st = stats;
  const char *held = getenv("PARINDEX_UPDATES_HELD");
  b.upd.held = held && *held ? strtoul(held, NULL, 10) : UPDATES_HELD;
  b.err = err; b.errlen = errlen;
  memset(stats, 0, sizeof *stats);
  for (int i = 0; i < npaths; i++)
    if (collect(&b, &names, paths[i], &capfiles)) goto done;
  if (store_import_begin(s)) { store_fail(&b); goto done; }
  open = 1;
  for (size_t i = 0; i < b.nfiles; i++)
    if (import_file(&b, (int)i)) goto done;
  if (b.mode == WRITE && flush_run(&b)) goto done;
  if (b.dup.set) { report_duplicate(&b); goto done; }
  if (report_missing(&b)) goto done;
  if (store_commit(s)) { store_fail(&b); goto done; }
  open = 0;
  if (out) list_updates(&b);
  stats->files = (int)b.nfiles;
  rc = 0;
done:
  if (open) store_rollback(s);
  free(b.files);
  free(b.unit); free(b.run); free(b.sorted); free(b.ptrs);
  free(b.dup.id); free(b.dup.key); free(b.fill.unit);
  free(b.upd.v); arena_free(&b.upd.a);
  arena_free(&b.tmp); arena_free(&b.runa); arena_free(&names);
  return rc;
}
