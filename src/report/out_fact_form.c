/*
** out_fact_form.c -- the form of facts (`facts template`) as CSV: one row per
** declared fact, in columns the importer reads back (unit, year, key, value,
** type, source, note) followed by what the office needs to fill it in.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "double_text.h"
#include "report.h"

static void num_field(FILE *f, int has, double x) {
  char buf[NUMTEXT_G15_MAX];
  csv_field(f, has ? numtext_g15(buf, x) : "", 0);
}

/* A list's fields as one text: "ten (text): Tên báo cáo; han (date, optional): ...". */
static void fields_field(FILE *f, const meth_fact *d) {
  if (d->type != FT_LIST) { csv_field(f, "", 1); return; }
  size_t cap = 64;
  for (int i = 0; i < d->nfields; i++) cap += strlen(d->fields[i].name) + strlen(d->fields[i].description) + 40;
  char *s = malloc(cap), *p = s;
  if (!s) abort();
  *p = '\0';
  for (int i = 0; i < d->nfields; i++)
    p += snprintf(p, cap - (size_t)(p - s), "%s%s (%s%s): %s", i ? "; " : "", d->fields[i].name,
                  fact_type_name(d->fields[i].type), d->fields[i].optional ? ", optional" : "", d->fields[i].description);
  csv_field(f, s, 1);
  free(s);
}

void out_fact_form_csv(FILE *f, const fact_form *form) {
  char year[16];
  snprintf(year, sizeof year, "%d", form->year);
  csv_bom(f);
  fputs("unit,year,key,value,type,source,note,description,measure,min,max,required,office,evidence,fields\r\n", f);
  for (int i = 0; i < form->n; i++) {
    const fact_form_row *r = &form->rows[i];
    const meth_fact *d = r->decl;
    csv_field(f, r->unit, 0);
    csv_field(f, year, 0);
    csv_field(f, d->key, 0);
    csv_field(f, r->value, 0);
    csv_field(f, r->type ? r->type : fact_type_name(d->type), 0);
    csv_field(f, r->source, 0);
    csv_field(f, r->note, 0);
    csv_field(f, d->description, 0);
    csv_field(f, d->measure, 0);
    num_field(f, d->has_min, d->min);
    num_field(f, d->has_max, d->max);
    csv_field(f, d->optional ? "no" : "yes", 0);
    csv_field(f, d->office, 0);
    csv_field(f, d->evidence, 0);
    fields_field(f, d);
  }
}
