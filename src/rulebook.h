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
  struct host *host;        /* evaluation state (unitapi.c) */
  int sealed;               /* loaded: index/component/criterion are refused */
} rulebook;

/* Pick the rulebook folder: `root` itself when it holds *.lua files, else
** root/YEAR. Writes the folder into out. 0, or -1 with a message. */
int rulebook_resolve(const char *root, int year, char *out, size_t outlen,
                     char *err, size_t errlen);

/* Load every *.lua in dir (not *_test.lua) in name order and check the
** declarations. offices: the known office ids and names (copied). limits
** may be NULL for the defaults. Returns NULL with every problem found, one
** "file:line: message" per line, in err. */
rulebook *rulebook_load(const char *dir, const rb_office *offices, int noffices,
                        const sandbox_limits *limits, char *err, size_t errlen);
void rulebook_free(rulebook *rb);
const char *rulebook_office_name(const rulebook *rb, const char *id);

/* Score one unit: fills r (which the caller ledger_free's), criteria in
** rulebook order, then the component and index totals. 0, or -1 with
** "file:line: criterion X (unit, year): message" in err. */
int rulebook_eval(rulebook *rb, const unit_facts *uf, unit_result *r, char *err, size_t errlen);

/* internal, shared by rulebook.c and unitapi.c */
int host_init(rulebook *rb);
void host_free(rulebook *rb);

#endif
