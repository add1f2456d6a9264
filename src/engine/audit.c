/*
** audit.c -- digests of what a run read, and storing them with the run
** (reading runs back: audit_read.c).
*/
#include "audit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_runs.h"

const char *audit_fact_value(const fact *f, char *buf, size_t n) {
  switch (f->type) {
  case FT_NUMBER: snprintf(buf, n, "%.17g", f->num); return buf;
  case FT_INTEGER: snprintf(buf, n, "%lld", f->integer); return buf;
  case FT_BOOLEAN: return f->integer ? "true" : "false";
  default: return f->text ? f->text : "";
  }
}

int audit_facts_parse(char *text, int (*fn)(char *const fields[5], void *ud), void *ud) {
  char *p = text;
  while (*p) {
    char *fields[5];
    for (int k = 0; k < 5; k++) {
      char want = k < 4 ? '\t' : '\n';
      if (p[0] == '\\' && p[1] == 'N' && p[2] == want) { fields[k] = NULL; p += 3; continue; }
      char *start = p, *out = p;
      while (*p && *p != '\t' && *p != '\n') {
        if (*p != '\\') { *out++ = *p++; continue; }
        char c = p[1] == 't' ? '\t' : p[1] == 'n' ? '\n' : p[1] == 'r' ? '\r' : p[1] == '\\' ? '\\' : 0;
        if (!c) return -1;
        *out++ = c;
        p += 2;
      }
      if (*p != want) return -1;
      p++;
      *out = '\0';                               /* at or before the separator just passed */
      fields[k] = start;
    }
    if (fn(fields, ud)) return -1;
  }
  return 0;
}

int audit_begin(store *s, int64_t run, const methodology *mt, audit_writer *w, char *err, size_t errlen) {
  sha256_ctx *all = sha256_new();
  if (!all) abort();
  for (int i = 0; i < mt->nfiles; i++) {
    size_t len;
    char sha[SHA256_HEX];
    char *text = file_read_all(mt->files[i], &len);
    if (!text) {
      snprintf(err, errlen, "%s: %s", mt->files[i], strerror(errno));
      sha256_end(all, sha);
      return -1;
    }
    sha256_hex(text, len, sha);
    char name[4096];
    path_relative(mt->dir, mt->files[i], name, sizeof name);
    sha256_adds(all, name);
    sha256_add(all, "\t", 1);
    sha256_adds(all, sha);
    sha256_add(all, "\n", 1);
    int rc = store_run_file(s, run, i + 1, name, sha, text);
    free(text);
    if (rc) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      sha256_end(all, sha);
      return -1;
    }
  }
  sha256_end(all, w->rules_sha256);
  for (int i = 0; i < mt->noffices; i++)
    if (store_run_office(s, run, mt->offices[i].id, mt->offices[i].name)) {
      snprintf(err, errlen, "storing the run: %s", store_errmsg(s));
      return -1;
    }
  return 0;
}

int audit_finish(store *s, int64_t run, const audit_writer *w) {
  return store_run_audit(s, run, w->rules_sha256);
}
