/*
** rulebook.h -- a methodology loaded from a folder of Lua files, and its
** evaluation for one unit. The Lua host: knows Lua and the rule API, not
** SQLite.
**
** Ownership: a rulebook owns its Lua state and every string in it. Load it
** once per run and evaluate every unit with it.
*/
#ifndef PARINDEX_RULEBOOK_H
#define PARINDEX_RULEBOOK_H

#include <lua.h>
#include <stddef.h>

#include "facts.h"
#include "ledger.h"
#include "points.h"
#include "sandbox.h"

enum { RB_APPRAISAL = 0, RB_SURVEY = 1 };

typedef struct {
  char *id, *name, *owner, *file;
  int line;
  pts_t max;
  int kind;                 /* RB_APPRAISAL or RB_SURVEY */
  int first, count;         /* its criteria: crits[first .. first+count) */
} rb_component;

typedef struct {
  char *id, *name, *owner, *basis, *compid, *file;
  int line;
  pts_t max;
  int comp;                 /* index into comps */
  int score_ref, params_ref;
} rb_criterion;

typedef struct {
  char *id, *name;
} rb_office;

typedef struct {            /* a rating band: totals >= min get this name */
  pts_t min;
  char *name;
} rb_band;

typedef struct rulebook {
  lua_State *L;
  sandbox_limits lim;
  char *dir, *name, *index_file;
  int index_line;
  pts_t total;
  rb_component *comps; int ncomps;
  rb_criterion *crits; int ncrits;
  char **files; int nfiles;
  rb_office *offices; int noffices;
  rb_band *bands; int nbands;       /* highest min first; may be empty */
  char *bands_file; int bands_line;
  struct host *host;        /* evaluation state (unitapi.c) */
  /* for 'rules test' (rules_test.c); both NULL otherwise */
  const char *only;         /* rulebook_eval scores only criteria i with only[i] */
  void (*on_lose)(void *ud, const char *file, int line);   /* each u.lose call's position */
  void *on_lose_ud;
  /* yearly inheritance (rb_extends.c): `extends "../2022"` */
  char **bases; int nbases;            /* the extended rulebooks' folders, nearest first */
  char **base_files; int nbase_files;  /* their files in load order (joined into files) */
  int sealed;               /* loaded: index/component/criterion are refused */
} rulebook;

/* Pick the rulebook folder: `root` itself when it holds *.lua files, else
** root/YEAR. Writes the folder into out. 0, or -1 with a message. */
int rulebook_resolve(const char *root, int year, char *out, size_t outlen,
                     char *err, size_t errlen);

/* "a/b/../c/./d" -> "a/c/d", in place (lexically; a leading "../" stays). */
void rulebook_normalize_path(char *path);

/* Load every *.lua in dir (not *_test.lua) in name order and check the
** declarations. offices: the known office ids and names (copied). limits
** may be NULL for the defaults. Returns NULL with every problem found, one
** "file:line: message" per line, in err. */
rulebook *rulebook_load(const char *dir, const rb_office *offices, int noffices,
                        const sandbox_limits *limits, char *err, size_t errlen);
/* For 'rules check': like rulebook_load, but the rulebook comes back even
** with problems (all in err) so that more checks can run on it; *complete
** is 1 when every file loaded. Such a rulebook is for inspection only:
** never evaluate it. NULL only when nothing could be loaded. */
rulebook *rulebook_load_lenient(const char *dir, const rb_office *offices, int noffices,
                                char *err, size_t errlen, int *complete);
void rulebook_free(rulebook *rb);
const char *rulebook_office_name(const rulebook *rb, const char *id);
/* The band of a total (the one with the highest min <= total), or NULL when
** the rulebook declares no bands or none fits. */
const char *rulebook_band(const rulebook *rb, pts_t total);

/* Score one unit: fills r (zeroed, or reused: its arena is kept; the caller
** ledger_free's it), criteria in
** rulebook order, then the component and index totals. 0, or -1 with
** "file:line: criterion X (unit, year): message" in err. */
int rulebook_eval(rulebook *rb, const unit_facts *uf, unit_result *r, char *err, size_t errlen);

/* internal, shared by rulebook.c and unitapi.c */
int host_init(rulebook *rb);
void host_free(rulebook *rb);

#endif
