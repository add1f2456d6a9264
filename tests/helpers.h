/*
** helpers.h -- shared test helpers: run the real parindex binary, capture
** its exit status, stdout and stderr; temporary folders; file reading.
** Strings returned are malloc'd and owned by the caller (or by cli_result).
*/
#ifndef PARINDEX_TEST_HELPERS_H
#define PARINDEX_TEST_HELPERS_H

#include <stddef.h>

typedef struct {
  int status;               /* exit code, or 128+signal */
  char *out, *err;          /* everything written to stdout / stderr */
} cli_result;

/* Run PARINDEX_BIN with args (NULL-terminated) in the source folder. */
cli_result cli_run(const char *const *args);
/* The same with options: */
typedef struct {
  const char *cwd;          /* working folder; NULL: the source folder */
  unsigned seconds;         /* > 0: killed by SIGALRM after that long (status 128+14) */
  int unprivileged;         /* run as user nobody when the tests run as root */
} cli_opts;
cli_result cli_run_opts(const cli_opts *o, const char *const *args);
void cli_free(cli_result *r);

/* A fresh folder under /tmp; returns its path (malloc'd). */
char *tmp_folder(void);
/* Remove dir and everything under it. */
void remove_tree(const char *dir);
/* path + "/" + name, malloc'd. */
char *path_join(const char *dir, const char *name);
/* Write text to path (creating it). */
void write_text(const char *path, const char *text);
/* The whole file, malloc'd and NUL-terminated, or NULL. */
char *read_text(const char *path, size_t *len);
/* The line number of the first line of the file at path that holds text, or
** -1: tests follow the rule files as they are edited instead of fixing lines. */
int line_of_text(const char *path, const char *text);

/* The first column of the first row of sql on the store db (read-only):
** as text (malloc'd; NULL on error, with a message on stderr) or as a number
** (-1 on error). */
char *sql_text(const char *db, const char *sql);
long long sql_int(const char *db, const char *sql);
/* Run sql on the store db (read-write): 0, or -1 with a message on stderr. */
int sql_exec(const char *db, const char *sql);

/* Import into db a corrected figure for Mường Tè 2022: a copy of
** data/lai-chau/muong-te-2022.json (written beside db) with ho_so_tra_qua_han
** 51 -> 3. The result is parindex import's (status 127 if the copy failed). */
cli_result import_corrected_figure(const char *db);

/* A store at dir/parindex.db with data/lai-chau imported, and the published
** decisions of data/lai-chau/published; returns its path. */
char *bundled_store(void);

/* tests/golden/muong-te-published.json parsed (a cJSON *, NULL if missing or
** invalid); the caller cJSON_Delete's it. */
struct cJSON *published_figures(void);
/* Run parindex with args; it must exit 0 and print JSON (else the test stops):
** that JSON parsed, for the caller to cJSON_Delete. */
struct cJSON *cli_json(const char *const *args);

/* The fixture of the tests on the bundled data: .init = golden_setup makes
** golden_db (bundled_store()) and golden (published_figures()); .fini =
** golden_teardown frees them. */
extern char *golden_db;
extern struct cJSON *golden;
void golden_setup(void);
void golden_teardown(void);

/* ---- copies of the bundled rulebooks (these stop the test on failure) ---- */
#define R2021 "rules/lai-chau/district/2021"
#define R2022 "rules/lai-chau/district/2022"

/* A copy of the bundled 2022 rulebook in a fresh folder; returns its path. */
char *copy_2022(void);
/* A fresh folder ROOT with a copy of 2022 in ROOT/2022 and a rulebook
** ROOT/2021 holding one file, 00_a.lua, with body (for `extends "../2022"`);
** returns the path of ROOT/2021. */
char *child_of_2022(const char *body);
/* Replace the first `from` in dir/name by `to` (it must be there). */
void edit(const char *dir, const char *name, const char *from, const char *to);

/* ---- the small rulebook fixture (.init = small_setup, .fini = small_teardown) ----
** Each test gets its own folder small_dir: a store small_db (offices noi-vu
** and tu-phap, province p, district d1 with facts a = 3, b = 86,75 and a
** list `items` for 2022) holding one good run, and a valid rulebook in
** small_rules:
**   00_index.lua   index (total 10), components 1 (max 6) and 2 (max 4)
**   10_crit.lua    criteria 1.1 (4, loses 1 when a < 5) and 2.1 (4)
**   12_crit.lua    criterion 1.2 (2): small_crit12_lua */
extern char *small_dir, *small_db, *small_rules;
extern const char small_units_json[];        /* the offices and units above */
extern const char small_crit12_lua[];
void small_setup(void);
void small_teardown(void);
/* parindex score of small_rules for d1 in 2022, with up to two more arguments. */
cli_result small_score(const char *opt1, const char *opt2);
/* Rows in every run table of small_db together. */
long small_run_rows(void);
/* Write text to folder/name. */
void put_file(const char *folder, const char *name, const char *text);

#endif
