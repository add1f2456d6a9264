/*
** rulebook_int.h -- the rulebook as the Lua host holds it. Private to src/lua/:
** the rest of parindex sees rulebook.h and a methodology.
**
** While the files load, declarations fill m (components, offices, bands,
** the index) and the criteria array below, which keeps each criterion's Lua
** references. Once loaded, rulebook.c copies the criteria into m.crits (the
** strings are shared, owned here), and from then on m is read-only.
*/
#ifndef PARINDEX_RULEBOOK_INT_H
#define PARINDEX_RULEBOOK_INT_H

#include <lua.h>

#include "rulebook.h"
#include "sandbox.h"

typedef meth_component rb_component;
typedef meth_office rb_office;
typedef meth_band rb_band;

typedef struct {            /* a criterion as loaded: its declaration and its Lua code */
  char *id, *name, *owner, *basis, *compid, *file;
  int line;
  pts_t max;
  int comp;                 /* index into m.comps (-1: a bonus or penalty item) */
  int score_ref, params_ref;  /* registry references: score(u, p) and its frozen params */
  int extra;                /* RB_CRITERION, or RB_BONUS / RB_PENALTY (rule_extra.c): an item
                               of m.extras, scored like a criterion, outside the components */
  int na_full;              /* when_not_applicable = "full" */
} rb_criterion;

enum { RB_CRITERION = 0, RB_BONUS = 1, RB_PENALTY = 2 };

struct rulebook {
  methodology m;            /* what the rest of parindex sees */
  lua_State *L;
  sandbox_limits lim;
  rb_criterion *crits; int ncrits;
  rb_criterion *extras; int nextras;   /* bonus and penalty items, in declaration order */
  struct host *host;        /* evaluation state (rule_unit.c) */
  const char *only;         /* rulebook_set_only */
  void (*on_lose)(void *ud, const char *file, int line);   /* rulebook_on_lose */
  void *on_lose_ud;
  char **base_files; int nbase_files;  /* the extended rulebooks' files in load order */
  int sealed;               /* loaded: index/component/criterion are refused */
  char **sources; int nsources;   /* m.files as the chunks were named (decl_file_of) */
  const char **source_ptrs; /* per file, the lua_Debug source pointer seen for it (decl_file_of) */
};

#endif
