/*
** import_csv.c -- a CSV fact file, a row at a time from the CSV reader: the
** documented columns, values typed by their type column or by their text
** (a leading zero is text), every row handed to the writer at once.
*/
#include "import_csv.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "import_check.h"
#include "json_strict.h"

/* ---- CSV ---- */

/* Is s a number as a spreadsheet writes one: sign, digits, a fraction, an
** exponent ("+5", ".5" and "5." too)? */
static int csv_number(const char *s) {
  const char *p = s + (*s == '+' || *s == '-');
  size_t digits = strspn(p, "0123456789");
  p += digits;
  if (*p == '.') { size_t k = strspn(p + 1, "0123456789"); digits += k; p += 1 + k; }
  if (!digits) return 0;
  if (*p == 'e' || *p == 'E') {
    p += 1 + (p[1] == '+' || p[1] == '-');
    size_t k = strspn(p, "0123456789");
    if (!k) return 0;
    p += k;
  }
  return *p == '\0';
}

/* '08123', '-007': a 0 before another digit. */
static int leading_zero(const char *s) {
  s += *s == '+' || *s == '-';
  return s[0] == '0' && s[1] >= '0' && s[1] <= '9';
}

/* A list in a CSV field: JSON, checked as a JSON file is; records on the row's line. */
static int csv_list(importer *b, loc at, fact *f, const char *s) {
  json_strict j = {0};
  cJSON *v = NULL;
  int rc = -1;
  if (json_strict_check(&j, s, strlen(s))) {
    int line = 1, col = 1;
    imp_advance((const unsigned char *)s, j.at, &line, &col);
    imp_fail(b, at, "value: %s (line %d, character %d of the field)", j.err, line, col);
    goto done;
  }
  v = cJSON_Parse(s);
  if (!v || !cJSON_IsArray(v)) { imp_fail(b, at, "value: a list must be a JSON array of records"); goto done; }
  imp_tagger t = {&j, 0, 0, at.line};
  imp_tag(v, &t);
  if (imp_check_list(b, at, f->key, v, &j)) goto done;
  f->type = FT_LIST;
  f->text = imp_list_text(b, v, &j);
  rc = 0;
done:
  cJSON_Delete(v);
  json_strict_free(&j);
  return rc;
}

int imp_text_value(importer *b, loc at, pfact *pf, const char *s, const char *type, char sep) {
  fact *f = &pf->f;
  fact_type want = FT_TEXT;
  if (type && *type && !imp_parse_type(type, &want))
    return imp_fail(b, at, "type: unknown type '%s' (number, integer, boolean, date, text, list)", type);
  int typed = type && *type;
  if (!*s && !(typed && want == FT_TEXT)) return imp_fail(b, at, "value: missing");
  char num[64];
  size_t len = strlen(s);
  if (len > 0 && len < sizeof num) {     /* '86,75' is a number in a ';' file */
    memcpy(num, s, len + 1);
    char *c = strchr(num, ',');
    if (c && sep == ';') *c = '.';
    /* a number, but untyped '08123' is text: a code as Excel users type it */
    if (csv_number(num) && (typed || !leading_zero(num))) {
      if (typed && want != FT_NUMBER && want != FT_INTEGER && want != FT_TEXT)
        return imp_fail(b, at, "value: a number where type is %s", type);
      if (!(typed && want == FT_TEXT)) {
        json_num n;
        json_number(num, len, &n);
        return imp_number_value(b, at, 1, (json_span){s, len}, &n, typed ? (int)want : -1, f);
      }
    }
  }
  if (typed && (want == FT_NUMBER || want == FT_INTEGER))
    return imp_fail(b, at, "value: '%s' is not a number", s);
  if ((!typed || want == FT_BOOLEAN) && (!strcmp(s, "true") || !strcmp(s, "false"))) {
    f->type = FT_BOOLEAN; f->integer = s[0] == 't';
    return 0;
  }
  if (typed && want == FT_BOOLEAN) return imp_fail(b, at, "value: '%s' is not true or false", s);
  if ((typed && want == FT_DATE) || (!typed && date_looks_iso(s))) {
    if (imp_check_date(b, at, "value", s)) return -1;
    f->type = FT_DATE; f->text = s;
    return 0;
  }
  if ((typed && want == FT_LIST) || (!typed && s[0] == '[')) return csv_list(b, at, f, s);
  f->type = FT_TEXT; f->text = s;
  return 0;
}


/* The rows of a CSV file, from a reader set up by the caller. */
int imp_csv_rows(importer *b, csv_reader *r) {
  char **row;
  int rc = -1, n;
  arena ha = {0};                       /* the header */
  loc at = {b->cur, 1};
  int nh = csv_next(r, &row);
  if (nh <= 0) {
    at.line = r->line ? r->line : 1;
    imp_fail(b, at, "%s", nh < 0 ? r->err : "empty CSV file (expected a header line)");
    goto done;
  }
  char **hdr = arena_alloc(&ha, (size_t)nh * sizeof *hdr);
  for (int i = 0; i < nh; i++) hdr[i] = arena_strdup(&ha, row[i]);
  int cu = imp_column(hdr, nh, "unit"), cy = imp_column(hdr, nh, "year"), ck = imp_column(hdr, nh, "key"),
      cv = imp_column(hdr, nh, "value"), ct = imp_column(hdr, nh, "type"), cs = imp_column(hdr, nh, "source"),
      cn = imp_column(hdr, nh, "note"), cid = imp_column(hdr, nh, "id"), cname = imp_column(hdr, nh, "name"),
      ckind = imp_column(hdr, nh, "kind"), cpar = imp_column(hdr, nh, "parent");
  int form = imp_column(hdr, nh, "description") >= 0;    /* `facts template`: a row left empty is not filled in */
  enum { FACTS, UNITS, OFFICES } kind;
  if (cu >= 0 && cy >= 0 && ck >= 0 && cv >= 0) kind = FACTS;
  else if (cid >= 0 && cname >= 0 && ckind >= 0) kind = UNITS;
  else if (cid >= 0 && cname >= 0 && nh == 2) kind = OFFICES;
  else {
    imp_fail(b, at, "header: expected unit,year,key,value[,type,source,note] or id,name,kind[,parent] or id,name");
    goto done;
  }
  while ((n = csv_next(r, &row)) > 0) {
    int e = 0;
    at.line = r->line;
    if (n != nh) { imp_fail(b, at, "row has %d fields, header has %d", n, nh); goto done; }
    if (kind == FACTS && form && !*row[cv]) { arena_reset(&b->tmp); continue; }
    if (kind == FACTS) {
      pfact pf;
      memset(&pf, 0, sizeof pf);
      pf.at = at;
      pf.unit = row[cu];
      if (!imp_valid_id(pf.unit)) { imp_fail(b, at, "unit: '%s' is not a valid id", row[cu]); goto done; }
      char *end;
      long long y = strtoll(row[cy], &end, 10);
      if (!*row[cy] || *end) { imp_fail(b, at, "year: '%s' is not an integer", row[cy]); goto done; }
      if (imp_set_year(b, at, &pf, y)) goto done;
      pf.f.key = row[ck];
      if (!imp_valid_id(pf.f.key)) { imp_fail(b, at, "key: '%s' is not a valid key (letters, digits, _ - .)", row[ck]); goto done; }
      if (imp_text_value(b, at, &pf, row[cv], ct >= 0 ? row[ct] : NULL, r->sep)) goto done;
      pf.f.source = cs >= 0 && *row[cs] ? row[cs] : NULL;
      pf.f.note = cn >= 0 && *row[cn] ? row[cn] : NULL;
      e = imp_emit_fact(b, &pf);
    } else if (kind == UNITS) {
      if (!imp_valid_id(row[cid])) { imp_fail(b, at, "id: '%s' is not a valid id", row[cid]); goto done; }
      if (!*row[cname]) { imp_fail(b, at, "name: must not be empty"); goto done; }
      if (!*row[ckind]) { imp_fail(b, at, "kind: must not be empty"); goto done; }
      unit_info u = {row[cid], row[cname], row[ckind], cpar >= 0 && *row[cpar] ? row[cpar] : NULL};
      e = imp_emit_unit(b, &u, at);
    } else {
      if (!imp_valid_id(row[cid])) { imp_fail(b, at, "id: '%s' is not a valid id", row[cid]); goto done; }
      if (!*row[cname]) { imp_fail(b, at, "name: must not be empty"); goto done; }
      e = imp_emit_office(b, row[cid], row[cname], at);
    }
    arena_reset(&b->tmp);
    if (e) { rc = e; goto done; }
  }
  if (n < 0) { at.line = r->line; imp_fail(b, at, "%s", r->err); goto done; }
  rc = 0;
done:
  arena_free(&ha);
  return rc;
}

