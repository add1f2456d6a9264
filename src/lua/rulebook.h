/*
** rulebook.h -- a methodology loaded from a folder of Lua rule files, and the
** evaluation of one unit with it. The Lua host's public face: the rest of
** parindex sees what a rulebook declares through its methodology
** (methodology.h, plain data) and never its Lua state.
**
** Ownership: a rulebook owns its Lua state, its methodology and every string
** in them; rulebook_free releases all of it. Load a rulebook once per run
** and evaluate every unit with it. One thread per rulebook.
*/
#ifndef PARINDEX_RULEBOOK_H
#define PARINDEX_RULEBOOK_H

#include <stddef.h>

#include "facts.h"
#include "ledger.h"
#include "methodology.h"
#include "points.h"

typedef struct rulebook rulebook;

/* The sandbox limits a caller may set; 0 means the default. */
typedef struct {
  long long max_instructions;   /* VM instructions per file load and per criterion */
  size_t max_memory;            /* bytes, for the whole rulebook state */
} rule_limits;

/* What the rulebook declares. Valid until rulebook_free; never NULL. */
const methodology *rulebook_methodology(const rulebook *rb);

/* Pick the rulebook folder: `root` itself when it holds *.lua files, else
** root/YEAR. Writes the folder into out. 0, or -1 with a message. */
int rulebook_resolve(const char *root, int year, char *out, size_t outlen,
                     char *err, size_t errlen);

/* Load every *.lua in dir (not *_test.lua) in name order and check the
** declarations. offices: the known office ids and names (copied). limits
** may be NULL for the defaults. Returns NULL with every problem found, one
** "file:line: message" per line, in err. */
rulebook *rulebook_load(const char *dir, const meth_office *offices, int noffices,
                        const rule_limits *limits, char *err, size_t errlen);
/* For 'rules check': like rulebook_load, but the rulebook comes back even
** with problems (all in err) so that more checks can run on it; *complete
** is 1 when every file loaded. Such a rulebook is for inspection only:
** never evaluate it. NULL only when nothing could be loaded. */
rulebook *rulebook_load_lenient(const char *dir, const meth_office *offices, int noffices,
                                char *err, size_t errlen, int *complete);
void rulebook_free(rulebook *rb);

/* Call map on each path the rulebook holds (its folder, its files, the
** folders it extends and where each declaration was made); map may replace
** *path with another malloc'd string, freeing the old one. For a rulebook
** loaded from a copy of its files, to name them as the original (audit.h).
** Messages of later evaluations keep the paths Lua saw. */
void rulebook_map_paths(rulebook *rb, void (*map)(char **path, void *ud), void *ud);

/* Run the rules of one unit: fills r (zeroed, or reused: its arena is kept;
** the caller ledger_free's it) with every criterion's deductions, tasks and
** "not applicable", in methodology order. It does not add them up: the
** totals are the engine's (score.h). 0, or -1 with
** "file:line: criterion X (unit, year): message" in err. */
int rulebook_run(rulebook *rb, const unit_facts *uf, unit_result *r, char *err, size_t errlen);

/* For 'rules test': rulebook_run runs only the criteria i with only[i] != 0
** and the bonus and penalty items k with only[ncrits + k] != 0 (only holds
** ncrits + nextras flags, or is NULL: all; the caller keeps it alive), and calls on_lose (if
** not NULL) with the file and line of each u.lose call. */
void rulebook_set_only(rulebook *rb, const char *only);
void rulebook_on_lose(rulebook *rb, void (*on_lose)(void *ud, const char *file, int line), void *ud);

#endif
