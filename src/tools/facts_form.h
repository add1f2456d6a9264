/*
** facts_form.h -- 'parindex facts template': the form of a rulebook's
** catalogue of facts for a year, prefilled with one unit's stored values and
** sources when a unit is given (fact_form.h).
*/
#ifndef PARINDEX_FACTS_FORM_H
#define PARINDEX_FACTS_FORM_H

#include <stddef.h>

#include "fact_form.h"
#include "store.h"

/* Fill form (zeroed) from m: blank (unit NULL, all 0), for one unit, or
** (all) for every unit with facts for year (only those of kind, when not
** NULL), each prefilled with its stored facts. 0, or -1 with a message in err (no catalogue, an unknown unit, a
** store error). fact_form_free releases it either way. */
int facts_form_build(store *s, const methodology *m, int year, const char *unit, int all, const char *kind,
                     fact_form *form,
                     char *err, size_t errlen);

#endif
