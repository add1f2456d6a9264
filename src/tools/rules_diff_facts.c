/*
** rules_diff_facts.c -- what changed in the catalogue of facts.
*/
#include "rules_diff_facts.h"

#include <stdio.h>
#include <string.h>

#include "double_text.h"

static int same(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

static void num(char *buf, double x, char dec) {
  numtext_g15(buf, x);
  char *p = strchr(buf, '.');
  if (p) *p = dec;
}

static const char *range_text(char *buf, size_t n, const meth_fact *f, char dec) {
  char lo[NUMTEXT_G15_MAX] = "", hi[NUMTEXT_G15_MAX] = "";
  if (f->has_min) num(lo, f->min, dec);
  if (f->has_max) num(hi, f->max, dec);
  if (!f->has_min && !f->has_max) snprintf(buf, n, "none");
  else snprintf(buf, n, "%s..%s", lo, hi);
  return buf;
}

static const meth_field *field(const meth_fact *f, const char *name) {
  for (int i = 0; i < f->nfields; i++)
    if (!strcmp(f->fields[i].name, name)) return &f->fields[i];
  return NULL;
}

static int diff_fields(const meth_fact *a, const meth_fact *b, FILE *out) {
  int n = 0;
  for (int i = 0; i < a->nfields; i++) {
    const meth_field *x = &a->fields[i], *y = field(b, x->name);
    if (!y) { fprintf(out, "fact %s: record field %s removed\n", a->key, x->name); n++; continue; }
    if (x->type != y->type) {
      fprintf(out, "fact %s: record field %s: type %s → %s\n", a->key, x->name, fact_type_name(x->type),
              fact_type_name(y->type));
      n++;
    }
    if (x->optional != y->optional) {
      fprintf(out, "fact %s: record field %s: %s → %s\n", a->key, x->name, x->optional ? "optional" : "required",
              y->optional ? "optional" : "required");
      n++;
    }
    if (!same(x->description, y->description)) {
      fprintf(out, "fact %s: record field %s: description \"%s\" → \"%s\"\n", a->key, x->name, x->description,
              y->description);
      n++;
    }
  }
  for (int i = 0; i < b->nfields; i++)
    if (!field(a, b->fields[i].name)) {
      fprintf(out, "fact %s: record field %s added (%s)\n", a->key, b->fields[i].name, fact_type_name(b->fields[i].type));
      n++;
    }
  return n;
}

#define TEXT_CHANGE(what, fa, fb)                                                                   \
  if (!same(fa, fb)) {                                                                              \
    fprintf(out, "fact %s: %s \"%s\" → \"%s\"\n", a->key, what, (fa) ? (fa) : "", (fb) ? (fb) : ""); \
    n++;                                                                                            \
  }

int rules_diff_facts(const methodology *A, const methodology *B, char dec, FILE *out) {
  int n = 0;
  char r1[2 * NUMTEXT_G15_MAX + 8], r2[2 * NUMTEXT_G15_MAX + 8];
  for (int i = 0; i < A->nfacts; i++) {
    const meth_fact *a = &A->facts[i], *b = methodology_fact(B, a->key);
    if (!b) { fprintf(out, "fact %s removed: %s\n", a->key, a->description); n++; continue; }
    if (a->type != b->type) {
      fprintf(out, "fact %s: type %s → %s\n", a->key, fact_type_name(a->type), fact_type_name(b->type));
      n++;
    }
    if (a->optional != b->optional) {
      fprintf(out, "fact %s: %s → %s\n", a->key, a->optional ? "optional" : "required", b->optional ? "optional" : "required");
      n++;
    }
    range_text(r1, sizeof r1, a, dec);
    range_text(r2, sizeof r2, b, dec);
    if (strcmp(r1, r2)) { fprintf(out, "fact %s: range %s → %s\n", a->key, r1, r2); n++; }
    TEXT_CHANGE("description", a->description, b->description)
    TEXT_CHANGE("unit of measure", a->measure, b->measure)
    TEXT_CHANGE("office", a->office, b->office)
    TEXT_CHANGE("evidence", a->evidence, b->evidence)
    n += diff_fields(a, b, out);
  }
  for (int i = 0; i < B->nfacts; i++)
    if (!methodology_fact(A, B->facts[i].key)) {
      fprintf(out, "fact %s added: %s (%s, %s)\n", B->facts[i].key, B->facts[i].description,
              fact_type_name(B->facts[i].type), B->facts[i].optional ? "optional" : "required");
      n++;
    }
  return n;
}
