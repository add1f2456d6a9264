/*
** facts.h -- the fact model shared by the store, the importer and the Lua host.
** Plain data, no behaviour. Strings are borrowed: whoever fills a struct owns
** them (usually an arena) and keeps them alive while the struct is in use.
*/
#ifndef PARINDEX_FACTS_H
#define PARINDEX_FACTS_H

#include <stddef.h>

typedef enum { FT_NUMBER, FT_INTEGER, FT_BOOLEAN, FT_DATE, FT_TEXT, FT_LIST } fact_type;

typedef struct {
  const char *key;
  fact_type type;
  double num;            /* FT_NUMBER */
  long long integer;     /* FT_INTEGER; FT_BOOLEAN as 0/1 */
  const char *text;      /* FT_DATE "YYYY-MM-DD", FT_TEXT, FT_LIST (JSON array text) */
  const char *source;    /* provenance: the evidence document; may be NULL */
  const char *note;      /* may be NULL */
} fact;

typedef struct { const char *id, *name, *kind, *parent; } unit_info;

typedef struct {         /* all facts of one unit for one year, sorted by key */
  unit_info unit;
  int year;
  const fact *facts;
  size_t n;
} unit_facts;

static inline const char *fact_type_name(fact_type t) {
  static const char *const names[] = {"number", "integer", "boolean", "date", "text", "list"};
  return names[t];
}

#endif
