/*
** cli_pandoc.c -- run pandoc to turn the Markdown of a document into a
** Word file (report --format docx). pandoc is run directly (no shell),
** its messages go to our stderr.
*/
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cli.h"

extern char **environ;

#define REFERENCE_DOCX "data/documents/nd30-reference.docx"

const char *cli_reference_docx(void) {
  struct stat st;
  const char *env = getenv("PARINDEX_REFERENCE_DOCX");
  if (env && *env) return env;
  if (stat(REFERENCE_DOCX, &st) == 0) return REFERENCE_DOCX;
  return PARINDEX_SOURCE_DIR "/" REFERENCE_DOCX;
}

int cli_pandoc_docx(const char *md, const char *docx) {
  const char *ref = cli_reference_docx();
  struct stat st;
  if (stat(ref, &st) != 0) return cli_fail("%s: %s (the Word reference document; see README, \"Word documents\")", ref, strerror(errno));
  char refopt[4200];
  snprintf(refopt, sizeof refopt, "--reference-doc=%s", ref);
  char *argv[] = {"pandoc", "--from=markdown-tex_math_dollars-subscript-superscript-citations-smart-raw_tex-implicit_figures", "--to=docx", refopt, "--output", (char *)docx, (char *)md, NULL};
  pid_t pid;
  int rc = posix_spawnp(&pid, "pandoc", NULL, NULL, argv, environ);
  if (rc) return cli_fail("cannot run pandoc (%s): --format docx needs it (Debian package pandoc)", strerror(rc));
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return cli_fail("pandoc: %s", strerror(errno));
  if (!WIFEXITED(status) || WEXITSTATUS(status)) return cli_fail("pandoc failed writing %s", docx);
  return EXIT_OK;
}
