/*
** cli_pandoc.c -- run pandoc to turn documents into Word files (report
** --format docx, every unit's with --all). The report writer gives pandoc
** its own document model as JSON (report_docx.c). pandoc is run directly
** (no shell) as workers, up to a number at a time: each is one pandoc
** process running data/documents/docx-batch.lua, which converts one
** document after another (`pandoc.write(…, "docx")` with the reference
** document), the jobs sent on its standard input, one answer a job on its
** standard output; starting pandoc and its runtime once per worker instead
** of once per document. A document is converted into a temporary name
** beside its file and the batch renames them all only when every
** conversion succeeded: a failure leaves no new or half-written file, and
** is reported with the unit and the file.
**
** Ownership: a cli_docx owns its jobs' names, temporary files and workers;
** cli_docx_close waits for them and frees it. SIGPIPE is ignored while a
** batch is open (a worker that stops is seen at its pipe).
*/
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

#define REFERENCE_DOCX "data/documents/nd30-reference.docx"
#define BATCH_FILTER "data/documents/docx-batch.lua"
#define NEED_PANDOC "--format docx needs it (Debian package pandoc, 2.17 or later)"

typedef struct {
  char *out, *json, *tmp, *label;
  int sent, done;
} docx_job;

typedef struct {
  pid_t pid;                           /* 0: not running */
  int in, out;                         /* its standard input and output; -1 when closed */
  int job;                             /* the job it converts, or -1 */
  char buf[8192]; size_t n;            /* what it answered so far */
} worker;

#define MAX_WORKERS 16

struct cli_docx {
  int api[4];
  char ref[4200], filter[4200];
  int jobs, many, nw, failed;
  worker w[MAX_WORKERS];
  docx_job *v; int n, cap;
  FILE *cur;                           /* the JSON being written (job n-1) */
  void (*old_sigpipe)(int);
};

const char *cli_reference_docx(void) {
  struct stat st;
  const char *env = getenv("PARINDEX_REFERENCE_DOCX");
  if (env && *env) return env;
  if (stat(REFERENCE_DOCX, &st) == 0) return REFERENCE_DOCX;
  return PARINDEX_SOURCE_DIR "/" REFERENCE_DOCX;
}

static const char *batch_filter(void) {
  struct stat st;
  if (stat(BATCH_FILTER, &st) == 0) return BATCH_FILTER;
  return PARINDEX_SOURCE_DIR "/" BATCH_FILTER;
}

/* A pipe that no other child inherits (posix_spawn's dup2 clears the flag
** on the child's own ends). 0, or -1 with errno. */
static int cloexec_pipe(int fd[2]) {
  if (pipe(fd)) return -1;
  fcntl(fd[0], F_SETFD, FD_CLOEXEC);
  fcntl(fd[1], F_SETFD, FD_CLOEXEC);
  return 0;
}

/* Wait for pid; its exit status, or -1 (printed). */
static int wait_child(pid_t pid) {
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) { cli_fail("pandoc: %s", strerror(errno)); return -1; }
  return status;
}

static void describe(char *buf, size_t n, int status) {
  if (status < 0) snprintf(buf, n, "lost");
  else if (WIFEXITED(status)) snprintf(buf, n, "exit status %d", WEXITSTATUS(status));
  else snprintf(buf, n, "signal %d", WTERMSIG(status));
}

/* Start pandoc with argv, its standard input from in (-1: /dev/null) and
** its standard output into out; env NULL: ours. */
static int spawn(pid_t *pid, char *const argv[], int in, int out, char *const env[]) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (in < 0) posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  else posix_spawn_file_actions_adddup2(&fa, in, 0);
  posix_spawn_file_actions_adddup2(&fa, out, 1);
  int rc = posix_spawnp(pid, "pandoc", &fa, NULL, argv, env ? env : environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc) { *pid = 0; return cli_fail("cannot run pandoc (%s): " NEED_PANDOC, strerror(rc)); }
  return EXIT_OK;
}

/* The pandoc-api-version pandoc writes (so it reads ours): `pandoc -f
** markdown -t json` on nothing. */
static int probe_api(int api[4]) {
  int fd[2];
  if (cloexec_pipe(fd)) return cli_fail("pipe: %s", strerror(errno));
  char *argv[] = {"pandoc", "--from=markdown", "--to=json", NULL};
  pid_t pid;
  int rc = spawn(&pid, argv, -1, fd[1], NULL);
  close(fd[1]);
  if (rc) { close(fd[0]); return rc; }
  char buf[4096];
  size_t n = 0;
  ssize_t k;
  while (n < sizeof buf - 1 && ((k = read(fd[0], buf + n, sizeof buf - 1 - n)) > 0 || (k < 0 && errno == EINTR)))
    n += k > 0 ? (size_t)k : 0;
  close(fd[0]);
  buf[n] = '\0';
  int status = wait_child(pid);
  if (status < 0) return EXIT_FAIL;
  cJSON *j = cJSON_Parse(buf), *v = cJSON_GetObjectItemCaseSensitive(j, "pandoc-api-version");
  int ok = WIFEXITED(status) && !WEXITSTATUS(status) && cJSON_IsArray(v) && cJSON_GetArraySize(v) >= 2;
  for (int i = 0; ok && i < 4; i++) {
    cJSON *e = cJSON_GetArrayItem(v, i);
    api[i] = cJSON_IsNumber(e) ? e->valueint : 0;
  }
  cJSON_Delete(j);
  return ok ? EXIT_OK : cli_fail("pandoc did not say which pandoc-api-version it reads (pandoc --from=markdown --to=json)");
}

cli_docx *cli_docx_open(int jobs, int many) {
  const char *ref = cli_reference_docx(), *filter = batch_filter();
  struct stat st;
  if (stat(ref, &st) != 0) {
    cli_fail("%s: %s (the Word reference document; see README, \"Word documents\")", ref, strerror(errno));
    return NULL;
  }
  if (stat(filter, &st) != 0) {
    cli_fail("%s: %s (see README, \"Word documents\")", filter, strerror(errno));
    return NULL;
  }
  cli_docx *b = calloc(1, sizeof *b);
  if (!b) abort();
  snprintf(b->ref, sizeof b->ref, "--reference-doc=%s", ref);
  snprintf(b->filter, sizeof b->filter, "--lua-filter=%s", filter);
  if (jobs < 1) {
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = cpus < 1 ? 1 : (int)cpus;
  }
  b->jobs = jobs > MAX_WORKERS ? MAX_WORKERS : jobs;
  b->many = many;
  if (probe_api(b->api)) { free(b); return NULL; }
  b->old_sigpipe = signal(SIGPIPE, SIG_IGN);  /* a pandoc that stops is seen at its pipe */
  return b;
}

const int *cli_docx_api(const cli_docx *b) { return b->api; }

static char *dup_or_die(const char *s) {
  char *d = strdup(s);
  if (!d) abort();
  return d;
}

/* A new empty file named like out, for writing; its name in *name. */
static int temp_beside(const char *out, char **name) {
  size_t n = strlen(out) + 8;
  *name = malloc(n);
  if (!*name) abort();
  snprintf(*name, n, "%s.XXXXXX", out);
  int fd = mkstemp(*name);
  if (fd < 0) {
    cli_fail("cannot write %s: %s", out, strerror(errno));
    free(*name);
    *name = NULL;
  }
  return fd;
}

FILE *cli_docx_begin(cli_docx *b, const char *out, const char *label) {
  if (strpbrk(out, "\t\n")) {
    cli_fail("%s: a Word file's name cannot hold a tab or a line break", out);
    return NULL;
  }
  if (b->n == b->cap) {
    b->cap = b->cap ? 2 * b->cap : 16;
    docx_job *g = realloc(b->v, (size_t)b->cap * sizeof *g);
    if (!g) abort();
    b->v = g;
  }
  docx_job *jb = &b->v[b->n];
  memset(jb, 0, sizeof *jb);
  int fd = temp_beside(out, &jb->json);
  if (fd < 0) return NULL;
  b->n++;
  jb->out = dup_or_die(out);
  jb->label = dup_or_die(label);
  if (!(b->cur = fdopen(fd, "w"))) { cli_fail("%s: %s", jb->json, strerror(errno)); close(fd); }
  return b->cur;
}

/* Start worker k: pandoc running docx-batch.lua, its jobs on its standard
** input. A batch of many gives pandoc's runtime a larger allocation area
** (about a third less CPU a document; README), unless $GHCRTS says otherwise. */
static int start_worker(cli_docx *b, int k) {
  worker *wk = &b->w[k];
  int in[2], out[2];
  if (cloexec_pipe(in)) return cli_fail("pipe: %s", strerror(errno));
  if (cloexec_pipe(out)) { close(in[0]); close(in[1]); return cli_fail("pipe: %s", strerror(errno)); }
  char *argv[] = {"pandoc", "--from=markdown", "--to=docx", b->ref, b->filter, "--output=/dev/null", "/dev/null", NULL};
  char **env = NULL;
  if (b->many && !getenv("GHCRTS")) {
    size_t n = 0;
    while (environ[n]) n++;
    if (!(env = malloc((n + 2) * sizeof *env))) abort();
    memcpy(env, environ, n * sizeof *env);
    env[n] = "GHCRTS=-A128m";
    env[n + 1] = NULL;
  }
  int rc = spawn(&wk->pid, argv, in[0], out[1], env);
  free(env);
  close(in[0]);
  close(out[1]);
  if (rc) { close(in[1]); close(out[0]); return rc; }
  wk->in = in[1];
  wk->out = out[0];
  wk->job = -1;
  wk->n = 0;
  return EXIT_OK;
}

/* Worker k stopped: reap it; the job it had failed. */
static void worker_lost(cli_docx *b, int k) {
  worker *wk = &b->w[k];
  char how[64];
  if (wk->in >= 0) close(wk->in);
  close(wk->out);
  wk->in = wk->out = -1;
  describe(how, sizeof how, wait_child(wk->pid));
  wk->pid = 0;
  if (wk->job >= 0) {
    docx_job *jb = &b->v[wk->job];
    cli_fail("pandoc stopped while writing %s (%s): %s", jb->label, jb->out, how);
    b->failed = 1;
    wk->job = -1;
  }
}

/* One answer of worker k for its job. */
static void answer(cli_docx *b, int k, const char *line) {
  worker *wk = &b->w[k];
  if (wk->job < 0) { b->failed = 1; cli_fail("pandoc answered without a job: %s", line); return; }
  docx_job *jb = &b->v[wk->job];
  if (!strcmp(line, "ok")) jb->done = 1;
  else {
    b->failed = 1;
    cli_fail("pandoc failed on %s (writing %s): %s", jb->label, jb->out, strncmp(line, "fail ", 5) ? line : line + 5);
  }
  unlink(jb->json);
  wk->job = -1;
}

/* Wait until some busy worker answers (or stops). */
static void wait_answer(cli_docx *b) {
  struct pollfd pf[MAX_WORKERS];
  int idx[MAX_WORKERS], n = 0;
  for (int k = 0; k < b->nw; k++)
    if (b->w[k].pid && b->w[k].job >= 0) { pf[n].fd = b->w[k].out; pf[n].events = POLLIN; idx[n++] = k; }
  if (!n) return;
  if (poll(pf, (nfds_t)n, -1) < 0) {
    if (errno != EINTR) { b->failed = 1; cli_fail("waiting for pandoc: %s", strerror(errno)); }
    return;
  }
  for (int i = 0; i < n; i++) {
    if (!pf[i].revents) continue;
    worker *wk = &b->w[idx[i]];
    ssize_t r = read(wk->out, wk->buf + wk->n, sizeof wk->buf - 1 - wk->n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) { worker_lost(b, idx[i]); continue; }
    wk->n += (size_t)r;
    wk->buf[wk->n] = '\0';
    char *nl;
    while ((nl = strchr(wk->buf, '\n'))) {
      *nl = '\0';
      answer(b, idx[i], wk->buf);
      wk->n -= (size_t)(nl + 1 - wk->buf);
      memmove(wk->buf, nl + 1, wk->n + 1);
    }
    if (wk->n == sizeof wk->buf - 1) wk->n = 0;     /* an endless line: dropped */
  }
}

/* Give job i to an idle worker (starting one, or waiting for one). */
static int dispatch(cli_docx *b, int i) {
  docx_job *jb = &b->v[i];
  int fd = temp_beside(jb->out, &jb->tmp);
  if (fd < 0) return EXIT_FAIL;
  close(fd);
  for (;;) {
    if (b->failed) return EXIT_FAIL;
    int k = -1, slot = -1;
    for (int q = 0; q < b->jobs && k < 0; q++)
      if (q < b->nw && b->w[q].pid && b->w[q].job < 0) k = q;
      else if (slot < 0 && (q >= b->nw || !b->w[q].pid)) slot = q;   /* unused, or its worker stopped */
    if (k < 0 && slot >= 0) {
      if (start_worker(b, slot)) return EXIT_FAIL;
      if (slot >= b->nw) b->nw = slot + 1;
      k = slot;
    }
    if (k < 0) { wait_answer(b); continue; }
    worker *wk = &b->w[k];
    size_t n = strlen(jb->json) + strlen(jb->tmp) + 3;
    char *line = malloc(n);
    if (!line) abort();
    snprintf(line, n, "%s\t%s\n", jb->json, jb->tmp);
    wk->job = i;
    int bad = 0;
    for (size_t off = 0; off < n - 1 && !bad;) {
      ssize_t r = write(wk->in, line + off, n - 1 - off);
      if (r > 0) off += (size_t)r;
      else if (!(r < 0 && errno == EINTR)) bad = 1;
    }
    free(line);
    if (bad) worker_lost(b, k);                   /* it stopped: reaped, the job failed */
    jb->sent = 1;
    return b->failed ? EXIT_FAIL : EXIT_OK;
  }
}

int cli_docx_end(cli_docx *b) {
  docx_job *jb = &b->v[b->n - 1];
  int bad = ferror(b->cur);
  bad |= fclose(b->cur) != 0;
  b->cur = NULL;
  if (bad) { b->failed = 1; return cli_fail("%s: write error", jb->json); }
  return dispatch(b, b->n - 1);
}

int cli_docx_close(cli_docx *b, int ok) {
  if (b->cur) { fclose(b->cur); b->cur = NULL; ok = 0; }
  for (;;) {                                      /* every answer */
    int busy = 0;
    for (int k = 0; k < b->nw; k++) busy |= b->w[k].pid && b->w[k].job >= 0;
    if (!busy) break;
    wait_answer(b);
  }
  for (int k = 0; k < b->nw; k++) {               /* the end of their input: they stop */
    worker *wk = &b->w[k];
    if (!wk->pid) continue;
    close(wk->in);
    close(wk->out);
    char how[64];
    int status = wait_child(wk->pid);
    if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
      describe(how, sizeof how, status);
      b->failed = 1;
      cli_fail("pandoc (Word files) ended with %s", how);
    }
    wk->pid = 0;
  }
  signal(SIGPIPE, b->old_sigpipe);
  ok = ok && !b->failed;
  mode_t mask = umask(0);
  umask(mask);
  int rc = ok ? EXIT_OK : EXIT_FAIL;
  for (int i = 0; i < b->n; i++) {
    docx_job *jb = &b->v[i];
    if (jb->tmp && ok && !rc && jb->done) {
      if (chmod(jb->tmp, 0666 & ~mask) || rename(jb->tmp, jb->out)) rc = cli_fail("%s: %s", jb->out, strerror(errno));
      else { free(jb->tmp); jb->tmp = NULL; }
    }
    if (jb->tmp) unlink(jb->tmp);
    if (jb->json) unlink(jb->json);
    free(jb->tmp); free(jb->json); free(jb->out); free(jb->label);
  }
  free(b->v);
  free(b);
  return rc;
}
