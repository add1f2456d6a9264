/*
** import.c -- read, check and write facts, units and offices in one
** transaction, a record at a time. This file reads the files and folders
** and drives the import; import_json.c and import_csv.c read and check the
** records of each format (with import_check.c), import_write.c writes them.
**
** The files are read in turn: a CSV file as a stream, a JSON file whole
** (cJSON needs the text), each after a first pass over its bytes (size,
** UTF-8); a JSON text is then checked against RFC 8259 (json_strict.h), and
** its numbers are taken from their text, never from cJSON's doubles. Every
** record is checked and written into the import's one open transaction at
** once; only the facts of the unit-year being read are held,
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

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_reader.h"
#include "import_check.h"
#include "import_csv.h"
#include "import_int.h"
#include "import_json.h"
#include "import_xlsx.h"
#include "store_import.h"

#define MAX_FILE_BYTES (512L * 1024 * 1024)

/* ---- files and folders ---- */

static int bad_byte(importer *b, int line, int col, unsigned char c) {
  return imp_fail_col(b, line, col, c == 0 ? "NUL byte in text" : "invalid UTF-8");
}

static int check_utf8(importer *b, const unsigned char *s, size_t len) {
  int bad, line = 1, col = 1;
  size_t i = imp_utf8_scan(s, len, 1, &bad);
  if (!bad) return 0;
  imp_advance(s, i, &line, &col);
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
      if (cap >= (size_t)MAX_FILE_BYTES) { free(buf); return imp_fail(b, (loc){b->cur, 1}, "file larger than 512 MiB"); }
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
  if (size >= MAX_FILE_BYTES) return imp_fail(b, (loc){b->cur, 1}, "file larger than 512 MiB");
  if (size == 0) return imp_fail(b, (loc){b->cur, 1}, "empty file");
  unsigned char *buf = malloc(CSV_CHUNK + 4);
  if (!buf) abort();
  size_t carry = 0;                     /* a character cut by the chunk's end */
  long long base = 0, total = 0;        /* the offset of buf[0]; bytes read */
  int rc = 0;
  for (;;) {
    size_t k = fread(buf + carry, 1, CSV_CHUNK, f), n = carry + k, i;
    int bad, final = k < CSV_CHUNK;
    if (ferror(f)) { rc = read_error(b); break; }
    if ((total += (long long)k) >= MAX_FILE_BYTES) { rc = imp_fail(b, (loc){b->cur, 1}, "file larger than 512 MiB"); break; }
    i = imp_utf8_scan(buf, n, final, &bad);
    if (bad) {                          /* where: read up to it again */
      unsigned char c = buf[i];
      long long at = base + (long long)i;
      int line = 1, col = 1;
      rewind(f);
      while (at > 0 && (k = fread(buf, 1, at < CSV_CHUNK ? (size_t)at : CSV_CHUNK, f)) > 0) {
        imp_advance(buf, k, &line, &col);
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
static int read_file(importer *b, int i) {
  const char *path = b->files[i];
  b->cur = i;
  FILE *f = fopen(path, "rb");
  if (!f) return snprintf(b->err, b->errlen, "%s: %s", path, strerror(errno)), -1;
  if (ends_with(path, ".xlsx")) {           /* a workbook: libzip and expat read it (import_xlsx.c) */
    fclose(f);
    int rc = imp_xlsx_file(b, i);
    arena_reset(&b->tmp);
    return rc;
  }
  int csv = ends_with(path, ".csv"), rc;
  struct stat st;
  csv_reader r;
  if (csv && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {    /* streamed */
    rc = check_stream(b, f, st.st_size);
    if (!rc && fseek(f, 0, SEEK_SET)) rc = read_error(b);
    if (!rc) {
      rc = csv_open(&r, f) ? (imp_fail(b, (loc){i, 1}, "%s", r.err)) : imp_csv_rows(b, &r);
      csv_free(&r);
    }
  } else {
    char *buf = NULL;
    size_t len = 0;
    rc = read_whole(b, f, &buf, &len);
    if (!rc && len == 0) rc = imp_fail(b, (loc){i, 1}, "empty file");
    if (!rc) rc = check_utf8(b, (const unsigned char *)buf, len);
    if (!rc && csv) {
      csv_init(&r, buf, len);
      rc = imp_csv_rows(b, &r);
      csv_free(&r);
    } else if (!rc) rc = imp_json_file(b, buf, len);
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
      if (e->d_name[0] == '.' || !(ends_with(e->d_name, ".json") || ends_with(e->d_name, ".csv") ||
                                   ends_with(e->d_name, ".xlsx")))
        continue;
      size_t len = strlen(path) + strlen(e->d_name) + 2;
      char *p = arena_alloc(names, len);
      snprintf(p, len, "%s%s%s", path, ends_with(path, "/") ? "" : "/", e->d_name);
      GROW(b, b->files, b->nfiles, *cap);
      b->files[b->nfiles++] = p;
    }
    closedir(d);
    if (b->nfiles == first) return snprintf(b->err, b->errlen, "%s: no .json, .csv or .xlsx files in this folder", path), -1;
    qsort(b->files + first, b->nfiles - first, sizeof *b->files, cmp_str);
    return 0;
  }
  if (!ends_with(path, ".json") && !ends_with(path, ".csv") && !ends_with(path, ".xlsx"))
    return snprintf(b->err, b->errlen, "%s: not a .json, .csv or .xlsx file", path), -1;
  GROW(b, b->files, b->nfiles, *cap);
  b->files[b->nfiles++] = arena_strdup(names, path);
  return 0;
}

int import_paths(store *s, const char *const *paths, int npaths, FILE *out,
                 import_stats *stats, char *err, size_t errlen) {
  importer b = {0};
  arena names = {0};
  size_t capfiles = 0;
  int rc = -1, open = 0;
  b.s = s; b.out = out; b.st = stats;
  b.read_file = read_file;
  const char *held = getenv("PARINDEX_UPDATES_HELD");
  b.upd.held = held && *held ? strtoul(held, NULL, 10) : UPDATES_HELD;
  b.err = err; b.errlen = errlen;
  memset(stats, 0, sizeof *stats);
  for (int i = 0; i < npaths; i++)
    if (collect(&b, &names, paths[i], &capfiles)) goto done;
  if (store_import_begin(s)) { imp_store_fail(&b); goto done; }
  open = 1;
  for (size_t i = 0; i < b.nfiles; i++)
    if (read_file(&b, (int)i)) goto done;
  if (b.mode == WRITE && imp_flush(&b)) goto done;
  if (imp_report(&b) || imp_spill_rest(&b)) goto done;
  if (store_commit(s)) { imp_store_fail(&b); goto done; }
  open = 0;
  if (out) imp_list_updates(&b);
  stats->files = (int)b.nfiles;
  rc = 0;
done:
  if (open) store_rollback(s);
  imp_free(&b);
  arena_free(&names);
  return rc;
}
