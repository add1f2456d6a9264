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
/* The same in folder cwd (NULL: the source folder); with seconds > 0 the
** process is killed by SIGALRM after that many seconds (status 128+14). */
cli_result cli_run_in(const char *cwd, unsigned seconds, const char *const *args);
void cli_free(cli_result *r);

/* A fresh folder under /tmp; returns its path (malloc'd). */
char *tmp_folder(void);
/* path + "/" + name, malloc'd. */
char *path_join(const char *dir, const char *name);
/* Write text to path (creating it). */
void write_text(const char *path, const char *text);
/* The whole file, malloc'd and NUL-terminated, or NULL. */
char *read_text(const char *path, size_t *len);

/* A store at dir/parindex.db with data/lai-chau imported; returns its path. */
char *bundled_store(void);

#endif
