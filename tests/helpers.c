/*
** helpers.c -- running the CLI from tests.
*/
#define _DEFAULT_SOURCE                  /* setgroups */
#define _XOPEN_SOURCE 700                /* nftw */
#include "helpers.h"

#include <cjson/cJSON.h>
#include <criterion/criterion.h>

#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *read_text(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap + 1);
  size_t k;
  while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) { cap *= 2; buf = realloc(buf, cap + 1); }
  }
  fclose(f);
  if (!buf) return NULL;
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

int line_of_text(const char *path, const char *text) {
  char *s = read_text(path, NULL);
  const char *at = s ? strstr(s, text) : NULL;
  int line = at ? 1 : -1;
  for (const char *c = s; at && c < at; c++) line += *c == '\n';
  free(s);
  return line;
}

void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f) { perror(path); abort(); }
  fputs(text, f);
  fclose(f);
}

char *tmp_folder(void) {
  char tmpl[] = "/tmp/parindex-test-XXXXXX";
  if (!mkdtemp(tmpl)) { perror("mkdtemp"); abort(); }
  return strdup(tmpl);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st; (void)flag; (void)ftw;
  return remove(path);
}

void remove_tree(const char *dir) { nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS); }

char *path_join(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);
  snprintf(p, n, "%s/%s", dir, name);
  return p;
}

cli_result cli_run_opts(const cli_opts *o, const char *const *args) {
  cli_result r = {0};
  char *dir = tmp_folder();
  char *out = path_join(dir, "stdout"), *err = path_join(dir, "stderr");
  int n = 0;
  while (args[n]) n++;
  char **argv = calloc((size_t)n + 2, sizeof *argv);
  argv[0] = (char *)PARINDEX_BIN;
  for (int i = 0; i < n; i++) argv[i + 1] = (char *)args[i];
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int fe = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int fi = open("/dev/null", O_RDONLY);
    dup2(fo, 1); dup2(fe, 2); dup2(fi, 0);
    if (chdir(o->cwd ? o->cwd : PARINDEX_SOURCE_DIR) != 0) _exit(126);
    if (o->unprivileged && geteuid() == 0 && (setgroups(0, NULL) || setgid(65534) || setuid(65534)))
      _exit(125);                        /* as nobody: file permissions apply */
    if (o->seconds) alarm(o->seconds);   /* survives exec: SIGALRM ends a hang */
    execv(PARINDEX_BIN, argv);
    _exit(127);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r.out = read_text(out, NULL);
  r.err = read_text(err, NULL);
  if (!r.out) r.out = strdup("");
  if (!r.err) r.err = strdup("");
  unlink(out); unlink(err); rmdir(dir);
  free(out); free(err); free(dir); free(argv);
  return r;
}

cli_result import_corrected_figure(const char *db) {
  char fixed[4096], cmd[8192];
  snprintf(fixed, sizeof fixed, "%s.fixed.json", db);
  snprintf(cmd, sizeof cmd, "sed 's/\"ho_so_tra_qua_han\", \"value\": 51/\"ho_so_tra_qua_han\", \"value\": 3/'"
           " '%s/data/lai-chau/muong-te-2022.json' > '%s'", PARINDEX_SOURCE_DIR, fixed);
  if (system(cmd) != 0) {
    cli_result r = {127, strdup(""), strdup(cmd)};
    return r;
  }
  return cli_run((const char *const[]){"--db", db, "import", fixed, NULL});
}

cli_result cli_run(const char *const *args) {
  cli_opts o = {0};
  return cli_run_opts(&o, args);
}

void cli_free(cli_result *r) {
  free(r->out);
  free(r->err);
  r->out = r->err = NULL;
}

char *bundled_store(void) {
  char *dir = tmp_folder();
  char *db = path_join(dir, "parindex.db");
  free(dir);
  cli_result r = cli_run((const char *const[]){"--db", db, "import", "data/lai-chau", NULL});
  if (r.status != 0) {
    fprintf(stderr, "importing data/lai-chau failed (%d): %s\n", r.status, r.err);
    abort();
  }
  cli_free(&r);
  /* the decisions that published 2021 and 2022, as demo.sh imports them */
  r = cli_run((const char *const[]){"--db", db, "published", "data/lai-chau/published/2021.json",
                                    "data/lai-chau/published/2022.json", NULL});
  if (r.status != 0) {
    fprintf(stderr, "importing data/lai-chau/published failed (%d): %s\n", r.status, r.err);
    abort();
  }
  cli_free(&r);
  return db;
}

cJSON *published_figures(void) {
  char *text = read_text(PARINDEX_TEST_DIR "/golden/muong-te-published.json", NULL);
  cJSON *o = text ? cJSON_Parse(text) : NULL;
  free(text);
  return o;
}

char *golden_db;
cJSON *golden;

void golden_setup(void) {
  golden_db = bundled_store();
  golden = published_figures();
  if (!golden) {
    fprintf(stderr, "tests/golden/muong-te-published.json is missing or invalid\n");
    abort();
  }
}

void golden_teardown(void) {
  cJSON_Delete(golden);
  free(golden_db);
  golden = NULL;
  golden_db = NULL;
}

char *sql_text(const char *db, const char *sql) {
  sqlite3 *h = NULL;
  sqlite3_stmt *st = NULL;
  char *v = NULL;
  if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char *t = sqlite3_column_text(st, 0);
    v = strdup(t ? (const char *)t : "NULL");
  } else {
    fprintf(stderr, "%s: %s: %s\n", db, sql, sqlite3_errmsg(h));
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

long long sql_int(const char *db, const char *sql) {
  char *t = sql_text(db, sql);
  long long v = t ? atoll(t) : -1;
  free(t);
  return v;
}

int sql_exec(const char *db, const char *sql) {
  sqlite3 *h = NULL;
  char *msg = NULL;
  int rc = sqlite3_open(db, &h) == SQLITE_OK ? sqlite3_exec(h, sql, NULL, NULL, &msg) : SQLITE_ERROR;
  if (rc != SQLITE_OK) fprintf(stderr, "%s: %s: %s\n", db, sql, msg ? msg : sqlite3_errmsg(h));
  sqlite3_free(msg);
  sqlite3_close(h);
  return rc == SQLITE_OK ? 0 : -1;
}

char *copy_2022(void) {
  char *dir = tmp_folder(), cmd[4096];
  snprintf(cmd, sizeof cmd, "cp -r '%s/" R2022 "/.' '%s/'", PARINDEX_SOURCE_DIR, dir);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  return dir;
}

char *child_of_2022(const char *body) {
  char *root = tmp_folder(), cmd[4096];
  snprintf(cmd, sizeof cmd, "mkdir -p '%s/2022' '%s/2021' && cp -r '%s/" R2022 "/.' '%s/2022/'", root, root,
           PARINDEX_SOURCE_DIR, root);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  char *dir = path_join(root, "2021"), *file = path_join(dir, "00_a.lua");
  write_text(file, body);
  free(file); free(root);
  return dir;
}

void edit(const char *dir, const char *name, const char *from, const char *to) {
  char *path = path_join(dir, name);
  char *text = read_text(path, NULL);
  cr_assert_not_null(text, "%s", path);
  char *at = strstr(text, from);
  cr_assert_not_null(at, "'%s' not in %s", from, path);
  size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
  char *out = malloc(n);
  snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
  write_text(path, out);
  free(out); free(text); free(path);
}

/* ---- the small rulebook fixture ---- */

char *small_dir, *small_db, *small_rules;

const char small_units_json[] =
  "{\n"
  "  \"offices\": [ {\"id\": \"noi-vu\", \"name\": \"Phòng Nội vụ\"},\n"
  "                {\"id\": \"tu-phap\", \"name\": \"Phòng Tư pháp\"} ],\n"
  "  \"units\": [ {\"id\": \"p\", \"name\": \"Tỉnh P\", \"kind\": \"province\"},\n"
  "              {\"id\": \"d1\", \"name\": \"Huyện D1\", \"kind\": \"district\", \"parent\": \"p\"} ]\n"
  "}\n";

static const char facts_json[] =
  "{ \"unit\": \"d1\", \"year\": 2022, \"source\": \"test\",\n"
  "  \"facts\": [ {\"key\": \"a\", \"value\": 3},\n"
  "             {\"key\": \"b\", \"value\": 86.75},\n"
  "             {\"key\": \"items\", \"value\": [ {\"n\": 1, \"d\": \"2022-01-02\"} ]} ] }\n";

static const char index_lua[] =
  "index { name = \"Test index\", total = 10, appraisal = { \"1\" }, survey = { \"2\" } }\n"
  "component \"1\" { name = \"One\", max = 6, owner = \"noi-vu\" }\n"
  "component \"2\" { name = \"Two\", max = 4, owner = \"tu-phap\" }\n";

static const char crit_lua[] =
  "criterion \"1.1\" { name = \"c11\", max = 4, owner = \"noi-vu\",\n"
  "  score = function(u, p)\n"
  "    if u.fact(\"a\") < 5 then u.lose(1, \"a is %d\", u.fact(\"a\")) end\n"
  "  end }\n"
  "criterion \"2.1\" { name = \"c21\", max = 4, owner = \"tu-phap\", score = function(u, p) end }\n";

const char small_crit12_lua[] =
  "criterion \"1.2\" { name = \"c12\", max = 2, owner = \"noi-vu\", score = function(u, p) end }\n";

void put_file(const char *folder, const char *name, const char *text) {
  char *p = path_join(folder, name);
  write_text(p, text);
  free(p);
}

long small_run_rows(void) {
  long long n = sql_int(small_db,
    "SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM run_totals) +"
    " (SELECT count(*) FROM run_units) + (SELECT count(*) FROM run_components) +"
    " (SELECT count(*) FROM run_criteria) + (SELECT count(*) FROM run_deductions)");
  cr_assert_geq(n, 0, "cannot count the run rows of %s", small_db);
  return (long)n;
}

cli_result small_score(const char *opt1, const char *opt2) {
  const char *args[16] = {"--db", small_db, "score", "--rules", small_rules, "--year", "2022", "--unit", "d1"};
  int n = 9;
  if (opt1) args[n++] = opt1;
  if (opt2) args[n++] = opt2;
  args[n] = NULL;
  return cli_run(args);
}

void small_setup(void) {
  unsetenv("PARINDEX_DB");
  unsetenv("PARINDEX_RULES");
  small_dir = tmp_folder();
  small_db = path_join(small_dir, "store.db");
  char *data = path_join(small_dir, "data");
  small_rules = path_join(small_dir, "rules");
  cr_assert_eq(mkdir(data, 0700), 0);
  cr_assert_eq(mkdir(small_rules, 0700), 0);
  put_file(data, "units.json", small_units_json);
  put_file(data, "facts.json", facts_json);
  put_file(small_rules, "00_index.lua", index_lua);
  put_file(small_rules, "10_crit.lua", crit_lua);
  put_file(small_rules, "12_crit.lua", small_crit12_lua);
  cli_result r = cli_run((const char *const[]){"--db", small_db, "import", data, NULL});
  cr_assert_eq(r.status, 0, "import failed: %s", r.err);
  cli_free(&r);
  /* one good run, so that "no new rows" is measured against a non-empty ledger */
  r = small_score(NULL, NULL);
  cr_assert_eq(r.status, 0, "the valid test rulebook does not score: %s", r.err);
  cli_free(&r);
  free(data);
}

void small_teardown(void) {
  remove_tree(small_dir);
  free(small_dir); free(small_db); free(small_rules);
}

cJSON *cli_json(const char *const *args) {
  cli_result r = cli_run(args);
  cr_assert_eq(r.status, 0, "%s failed: %s", args[2] ? args[2] : "parindex", r.err);
  cJSON *o = cJSON_Parse(r.out);
  cr_assert_not_null(o, "not JSON: %s", r.out);
  cli_free(&r);
  return o;
}
