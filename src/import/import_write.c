/*
** import_write.c -- what happens to each record the importer has checked:
** written into the open transaction (the facts of a unit-year together, in
** key order), checked against what this import wrote before, or, reading the
** files again, sought (where a duplicate was first given) or claimed (see
** backfill). Also the list of updates.
*/
#include <string.h>

#include "import_check.h"
#include "import_int.h"
#include "store_import.h"

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
** held in memory up to upd.held bytes (UPDATES_HELD); each time past that,
** sorted and handed to the store (store_import_updated), which keeps and
** sorts them without holding them all. */
static int cmp_update(const void *x, const void *y) {
  const store_update *a = x, *b = y;
  int c = strcmp(a->unit, b->unit);
  if (!c) c = (a->year > b->year) - (a->year < b->year);
  return c ? c : strcmp(a->key, b->key);
}

static void sort_updates(importer *b) {
  if (b->upd.n > 1) qsort(b->upd.v, b->upd.n, sizeof *b->upd.v, cmp_update);
}

static int spill_updates(importer *b) {
  sort_updates(b);
  if (store_import_updated(b->s, b->upd.v, b->upd.n)) return imp_store_fail(b);
  b->upd.spilled = 1;
  b->upd.n = b->upd.bytes = 0;
  arena_reset(&b->upd.a);
  return 0;
}

static int note_update(importer *b, const pfact *pf, const char *old) {
  char now[80], line[512];
  show_value(now, sizeof now, &pf->f);
  int n = snprintf(line, sizeof line, "updated %s %d %s: %.60s -> %s\n", b->unit, b->year, pf->f.key,
                   old ? old : "", now);
  if (b->upd.n && b->upd.bytes + (size_t)n > b->upd.held && spill_updates(b)) return -1;
  GROW(b, b->upd.v, b->upd.n, b->upd.cap);
  store_update *u = &b->upd.v[b->upd.n++];
  u->unit = arena_strdup(&b->upd.a, b->unit);
  u->key = arena_strdup(&b->upd.a, pf->f.key);
  u->text = arena_strdup(&b->upd.a, line);
  u->year = b->year;
  b->upd.bytes += (size_t)n + strlen(u->unit) + strlen(u->key) + sizeof *u;
  return 0;
}

int imp_spill_rest(importer *b) {
  return b->upd.spilled && b->upd.n ? spill_updates(b) : 0;
}

static int print_update(const char *text, void *ud) {
  return fputs(text, (FILE *)ud) < 0;
}

/* After the commit: the list. */
void imp_list_updates(importer *b) {
  if (b->upd.spilled) {
    if (store_import_each_update(b->s, print_update, b->out) < 0)
      fprintf(b->out, "(the list of updates could not be read: %s)\n", store_errmsg(b->s));
    return;
  }
  sort_updates(b);
  for (size_t i = 0; i < b->upd.n; i++) fputs(b->upd.v[i].text, b->out);
}

/* One fact of a unit-year the store had facts of before: insert or update. */
static int put_fact(importer *b, const pfact *pf) {
  put_result r;
  char *old = NULL;
  if (store_put_fact(b->s, b->unit, b->year, &pf->f, &r, &old)) return imp_store_fail(b);
  b->st->facts[r]++;
  int rc = r == PUT_UPDATED && b->out ? note_update(b, pf, old) : 0;
  free(old);
  return rc;
}

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
  const struct json_strict *keepjson = b->json;   /* the JSON file being read, whose reading this interrupts */
  b->tmp = (arena){0};
  b->err = err; b->errlen = sizeof err;
  b->mode = BACKFILL;
  b->fill.stop = stop; b->fill.have = 0; b->fill.failed = 0;
  b->seq = 0;
  for (size_t i = 0; i < b->nfiles && (r = b->read_file(b, (int)i)) == 0; i++) {}
  arena_free(&b->tmp);
  b->tmp = keeptmp; b->cur = keepcur; b->seq = keepseq; b->json = keepjson;
  b->err = keep; b->errlen = keeplen;
  b->mode = WRITE;
  if (b->fill.failed) return imp_store_fail(b);
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
    return imp_store_fail(b);
  if (!b->fresh) {
    if (!first && !b->claiming && backfill(b, b->run[0].seq)) return -1;
    for (size_t i = 0; i < b->nrun && b->claiming; i++) {      /* duplicates, as read */
      int c = store_import_key(b->s, b->unit, b->year, b->run[i].f.key);
      if (c < 0) return imp_store_fail(b);
      if (!c) { duplicate(b, K_FACT, b->run[i].at, NOWHERE, b->unit, b->year, b->run[i].f.key); return 0; }
    }
    for (size_t i = 0; i < b->nrun; i++)
      if (put_fact(b, b->sorted[i])) return -1;
  } else {
    if (!first)                 /* met before: any fact of it in the store is this import's */
      for (size_t i = 0; i < b->nrun; i++) {
        int has = store_has_fact(b->s, b->unit, b->year, b->run[i].f.key);
        if (has < 0) return imp_store_fail(b);
        if (has) { duplicate(b, K_FACT, b->run[i].at, NOWHERE, b->unit, b->year, b->run[i].f.key); return 0; }
      }
    if (store_put_new_facts(b->s, b->unit, b->year, b->ptrs, (int)b->nrun)) return imp_store_fail(b);
    b->st->facts[PUT_NEW] += (long)b->nrun;
  }
  b->written = 1;
  return 0;
}

int imp_flush(importer *b) {
  if (!b->nrun) return 0;
  int rc = write_run(b);
  b->nrun = 0;
  arena_reset(&b->runa);
  return rc;
}

/* Each emit_ returns 0 to read on, -1 on an error, 1 when FIND found it. */
int imp_emit_fact(importer *b, const pfact *pf) {
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
  if ((other || b->nrun == RUN_MAX) && imp_flush(b)) return -1;
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

int imp_emit_unit(importer *b, const unit_info *u, loc at) {
  if (b->mode == FIND) {
    if (b->find.kind != K_UNIT || strcmp(u->id, b->find.id)) return 0;
    b->find.at = at;
    return 1;
  }
  if (b->mode != WRITE) return 0;
  int c = store_import_unit(b->s, u->id, u->parent, at.file, at.line);
  if (c < 0) return imp_store_fail(b);
  if (!c) { duplicate(b, K_UNIT, at, NOWHERE, u->id, 0, NULL); return 0; }
  put_result r;
  if (store_put_unit(b->s, u, &r)) return imp_store_fail(b);
  b->st->units[r]++;
  return 0;
}

int imp_emit_office(importer *b, const char *id, const char *name, loc at) {
  if (b->mode == FIND) {
    if (b->find.kind != K_OFFICE || strcmp(id, b->find.id)) return 0;
    b->find.at = at;
    return 1;
  }
  if (b->mode != WRITE) return 0;
  int c = store_import_office(b->s, id);
  if (c < 0) return imp_store_fail(b);
  if (!c) { duplicate(b, K_OFFICE, at, NOWHERE, id, 0, NULL); return 0; }
  put_result r;
  if (store_put_office(b->s, id, name, &r)) return imp_store_fail(b);
  b->st->offices[r]++;
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
    b->find.at = NOWHERE;
    for (size_t i = 0; i < b->nfiles && b->read_file(b, (int)i) == 0; i++) {}
    b->err = keep; b->errlen = keeplen;
    also = b->find.at;
  }
  char where[1100] = "earlier in this import";  /* if the files changed meanwhile */
  if (also.file >= 0 && (also.file != b->dup.at.file || also.line != b->dup.at.line))
    snprintf(where, sizeof where, "%s:%d", b->files[also.file], also.line);
  if (b->dup.kind == K_FACT)
    return imp_fail(b, b->dup.at, "key: duplicate fact %s/%d/%s (also at %s)", b->dup.id, b->dup.year,
                b->dup.key, where);
  return imp_fail(b, b->dup.at, "id: %s '%s' is also defined at %s",
              b->dup.kind == K_UNIT ? "unit" : "office", b->dup.id, where);
}

/* A unit named by a fact or as a parent that is not in the store at the end. */
static int report_missing(importer *b) {
  char *unit = NULL;
  int parent, file, line;
  int rc = store_import_missing(b->s, &unit, &parent, &file, &line);
  if (rc <= 0) return rc < 0 ? imp_store_fail(b) : 0;
  if (parent) imp_fail(b, (loc){file, line}, "parent: unknown unit '%s'", unit);
  else imp_fail(b, (loc){file, line}, "unit: unknown unit '%s' (import its units file too)", unit);
  free(unit);
  return -1;
}

int imp_report(importer *b) {
  return b->dup.set ? report_duplicate(b) : report_missing(b);
}

void imp_free(importer *b) {
  free(b->files);
  free(b->unit); free(b->run); free(b->sorted); free(b->ptrs);
  free(b->dup.id); free(b->dup.key); free(b->fill.unit);
  free(b->upd.v); arena_free(&b->upd.a);
  arena_free(&b->tmp); arena_free(&b->runa);
}
