/*
** methodology.h -- what a rulebook declares, as plain data: the index, its
** components and criteria (ids, names, maxima, owner offices, where each was
** declared), the offices it knows and its rating bands. Everything outside
** the Lua host sees a rulebook through this struct. No Lua, no SQLite.
**
** Ownership: a methodology is owned by whoever built it (the Lua host builds
** one per loaded rulebook, see rulebook_methodology); every string and array
** in it lives as long as that owner. Readers never change it.
*/
#ifndef PARINDEX_METHODOLOGY_H
#define PARINDEX_METHODOLOGY_H

#include "facts.h"
#include "points.h"

enum { METH_APPRAISAL = 0, METH_SURVEY = 1 };

typedef struct {
  char *id, *name, *owner, *file;
  int line;
  pts_t max;
  int kind;                 /* METH_APPRAISAL or METH_SURVEY */
  int first, count;         /* its criteria: crits[first .. first+count) */
} meth_component;

typedef struct {
  char *id, *name, *owner, *basis, *compid, *file;
  int line;                 /* where it was declared (file:line) */
  pts_t max;
  int comp;                 /* index into comps */
  int na_full;              /* when_not_applicable = "full": u.na gives full points (no task of
                               its kind arose), instead of leaving it out and rescaling */
} meth_criterion;

/* A bonus or penalty item (bonus "B1" {...}, penalty "P1" {...}): points
** added to or taken from the index, outside the components, up to max for
** the item and to the index's bonus_cap / penalty_cap for all of them. */
typedef struct {
  char *id, *name, *owner, *basis, *file;
  int line;
  pts_t max;
  int penalty;              /* 0: a bonus (điểm thưởng), 1: a penalty (điểm trừ) */
} meth_extra;

typedef struct {
  char *id, *name;
} meth_office;

typedef struct {            /* a rating band: totals >= min get this name */
  pts_t min;
  char *name;
} meth_band;

/* A fact the rulebook reads, as its catalogue declares it (fact "key" {...}).
** Types are facts.h's; a list's records have fields, each with its own type. */
typedef struct {
  char *name, *description;
  fact_type type;           /* FT_NUMBER .. FT_TEXT (not FT_LIST) */
  int optional;             /* a record may leave it out */
} meth_field;

typedef struct {
  char *key, *description, *measure, *office, *evidence, *file;
  int line;                 /* where it was declared (or last changed) */
  fact_type type;
  int optional;             /* 0: every unit must have it (facts check, score) */
  int has_min, has_max;     /* the allowed range, for numbers and integers */
  double min, max;
  meth_field *fields; int nfields;   /* FT_LIST: its records' fields, in declared order */
} meth_fact;

typedef struct methodology {
  char *dir;                /* the rulebook folder, as it was loaded */
  char *name, *index_file;  /* the index declaration and where it is */
  char *illustrative;       /* index { illustrative = "…" }: why the rulebook is not a real
                               one (a report says so), or NULL */
  int index_line;
  pts_t total;              /* the index maximum */
  meth_component *comps; int ncomps;    /* in id order */
  meth_criterion *crits; int ncrits;    /* grouped by component, in id order */
  char **files; int nfiles;             /* the rule files in load order */
  meth_office *offices; int noffices;
  meth_band *bands; int nbands;         /* highest min first; may be empty */
  char *bands_file; int bands_line;
  char **bases; int nbases;             /* folders this rulebook extends, nearest first */
  meth_fact *facts; int nfacts;         /* the catalogue of facts, sorted by key; may be empty */
  meth_extra *extras; int nextras;      /* bonus and penalty items, in declaration order */
  pts_t bonus_cap, penalty_cap;         /* index { bonus_cap =, penalty_cap = }: the most all bonus
                                           (penalty) items give (take) together; -1: no cap */
  int exceed_total;                     /* index { exceed_total = true }: a bonus may lift the index
                                           above total (else it is held at total, a penalty at 0) */
} methodology;

/* The rule file files[i] (a deduction's `file`), or NULL when i is -1 (a
** ledger stored before deductions kept their line) or out of range. */
const char *methodology_file(const methodology *m, int i);
/* The name of office id, or NULL if the methodology does not know it. */
const char *methodology_office_name(const methodology *m, const char *id);
/* The band of a total (the one with the highest min <= total), or NULL when
** the methodology declares no bands or none fits. */
const char *methodology_band(const methodology *m, pts_t total);
/* Index of the criterion / component with this id, or -1. Linear. */
int methodology_criterion(const methodology *m, const char *id);
int methodology_component(const methodology *m, const char *id);
/* Index of the bonus or penalty item with this id, or -1. Linear. */
int methodology_extra(const methodology *m, const char *id);
/* The declared fact with this key, or NULL. Binary search. */
const meth_fact *methodology_fact(const methodology *m, const char *key);

#endif
