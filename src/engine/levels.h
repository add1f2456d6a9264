/*
** levels.h -- the levels of a province: which rulebook scores which kind of
** unit. A rulebook root holds one rulebook per kind and year
** (ROOT/KIND/YEAR, e.g. rules/lai-chau/commune/2022), or is one rulebook (or
** one per year) for every unit, as before kinds existed.
**
** The kind a rulebook folder scores is the name of the folder above its
** year folder (rules/lai-chau/commune/2022 -> commune), or its own name when
** that is not a year (rules/lai-chau/district -> district), when that name
** is the kind of some unit in the store; otherwise the rulebook is for
** every unit (rules/bench, a copy in a test's folder).
**
** Ownership: nothing is kept; out buffers are the caller's.
*/
#ifndef PARINDEX_LEVELS_H
#define PARINDEX_LEVELS_H

#include <stddef.h>

#include "store.h"

/* The kind dir scores, into kind[] ("" when it scores every unit). 0, -1
** (store_errmsg). */
int levels_rulebook_kind(store *s, const char *dir, char *kind, size_t n);
/* Is root/kind a folder (root holds a rulebook for that kind)? */
int levels_has_kind(const char *root, const char *kind);
/* The rulebook folder for units of kind (NULL: any) in year under root:
** root/kind resolved (rulebook_resolve) when root holds a folder for the
** kind, else root itself resolved. 0, or -1 with a message. */
int levels_resolve(const char *root, const char *kind, int year, char *out, size_t outlen,
                   char *err, size_t errlen);
/* The same for one unit's kind; an unknown unit is an error. */
int levels_resolve_unit(store *s, const char *root, const char *unit, int year, char *out, size_t outlen,
                        char *err, size_t errlen);

#endif
