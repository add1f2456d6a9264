/*
** test_storefail.c -- a store that cannot be used as asked: a read-only file,
** a read-only folder, a schema from a newer parindex, a full disk (simulated
** with the PARINDEX_MAX_PAGE_COUNT hook of store.c). Each gives a clear
** message and exit 1, and leaves the store as it was. (A missing folder and
** a file that is not SQLite are in test_cli.c.)
**
** Permissions do not bind root, so when the tests run as root the CLI runs
** as user nobody for the read-only cases.
*/
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "store.h"

#define RULES "rules/lai-chau/district"

static char *dir, *db, *newfacts;
static const char *import_args[3] = {"import", NULL, NULL};   /* a new fact to write */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st; (void)flag; (void)ftw;
  chmod(path, 0700);
  return remove(path);
}

static void setup(void) {
  unsetenv("PARINDEX_DB");
  unsetenv("PARINDEX_RULES");
  unsetenv("PARINDEX_MAX_PAGE_COUNT");
  dir = tmp_folder();
  db = path_join(dir, "store.db");
  newfacts = path_join(dir, "new.json");
  write_text(newfacts, "{\"unit\": \"muong-te\", \"year\": 2023, \"facts\": [{\"key\": \"x\", \"value\": 1}]}\n");
  import_args[1] = newfacts;
  cli_result r = cli_run((const char *const[]){"--db", db, "import", "data/lai-chau", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "score", "--rules", RULES, "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
}

static void teardown(void) {
  chmod(dir, 0700);
  nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
  free(dir); free(db); free(newfacts);
}

TestSuite(storefail, .init = setup, .fini = teardown, .timeout = 60);

static long long query_int(const char *sql) { return sql_int(db, sql); }

static void integrity_ok(void) {
  char *v = sql_text(db, "PRAGMA integrity_check");
  cr_expect(v && !strcmp(v, "ok"), "PRAGMA integrity_check: %s", v ? v : "(failed)");
  free(v);
}

/* Run args (with a leading "--db db") as nobody; exit 1 and `want` on stderr. */
static void refused(const char *const *args, const char *want, int unprivileged) {
  const char *full[16] = {"--db", db};
  int n = 2;
  for (; *args && n < 15; args++) full[n++] = *args;
  full[n] = NULL;
  cli_opts o = {.unprivileged = unprivileged};
  cli_result r = cli_run_opts(&o, full);
  if (r.status == 125 || r.status == 126 || r.status == 127)
    cr_skip_test("cannot run %s as user nobody (status %d)", PARINDEX_BIN, r.status);
  cr_expect_eq(r.status, 1, "%s: exit %d, want 1\nstderr: %s", full[2], r.status, r.err);
  cr_expect_str_empty(r.out, "%s: stdout: %s", full[2], r.out);
  cr_expect(strstr(r.err, want) != NULL, "%s: stderr lacks '%s':\n%s", full[2], want, r.err);
  cr_expect(strstr(r.err, "parindex: ") == r.err, "%s: not a parindex message:\n%s", full[2], r.err);
  cli_free(&r);
}

/* The store's bytes, to compare. */
typedef struct { char *bytes; size_t n; } blob;
static blob file_bytes(void) {
  blob b = {0};
  b.bytes = read_text(db, &b.n);
  cr_assert_not_null(b.bytes);
  return b;
}
static void same_bytes(blob a, const char *what) {
  blob b = file_bytes();
  cr_expect(a.n == b.n && !memcmp(a.bytes, b.bytes, a.n), "%s: the store file changed", what);
  free(a.bytes); free(b.bytes);
}

/* Hand the folder and the store to nobody when we are root. */
static void give_to_nobody(void) {
  if (geteuid() != 0) return;
  cr_assert_eq(chown(dir, 65534, 65534), 0);
  cr_assert_eq(chown(db, 65534, 65534), 0);
}

static const char *const score_args[] = {"score", "--rules", RULES, "--year", "2022", NULL};

/* The path made read-only (mode): score and import refuse, nothing changes. */
static void read_only(const char *path, mode_t mode, const char *what) {
  give_to_nobody();
  cr_assert_eq(chmod(path, mode), 0);
  blob before = file_bytes();
  refused(score_args, "read-only", 1);
  refused(import_args, "read-only", 1);
  same_bytes(before, what);
  integrity_ok();
}

Test(storefail, read_only_store_file) { read_only(db, 0444, "read-only file"); }
Test(storefail, read_only_folder) { read_only(dir, 0555, "read-only folder"); }

Test(storefail, store_from_a_newer_schema_version) {
  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA user_version=%d", STORE_SCHEMA_VERSION + 1);
  cr_assert_eq(sql_exec(db, sql), 0);
  blob before = file_bytes();
  char want[128];
  snprintf(want, sizeof want, "store schema version %d is newer than this parindex supports (%d)",
           STORE_SCHEMA_VERSION + 1, STORE_SCHEMA_VERSION);
  refused(score_args, want, 0);
  refused(import_args, want, 0);
  refused((const char *const[]){"explain", "--rules", RULES, "--year", "2022", "--unit", "muong-te", NULL},
          want, 0);
  same_bytes(before, "newer schema");
}

/* No page may be added: whatever needs room fails as on a full disk. */
static void disk_full(void) {
  char pages[32];
  snprintf(pages, sizeof pages, "%lld", query_int("PRAGMA page_count"));
  setenv("PARINDEX_MAX_PAGE_COUNT", pages, 1);
}

Test(storefail, full_disk_during_import) {
  /* a file of 3000 new facts with long notes needs many new pages */
  char *big = path_join(dir, "big.csv");
  FILE *f = fopen(big, "w");
  cr_assert_not_null(f);
  fputs("unit,year,key,value,type,source,note\n", f);
  for (int i = 0; i < 3000; i++)
    fprintf(f, "muong-te,2023,k%d,%d,,s,%0200d\n", i, i, i);
  fclose(f);
  long long facts = query_int("SELECT count(*) FROM facts");
  disk_full();
  refused((const char *const[]){"import", big, NULL}, "database or disk is full", 0);
  unsetenv("PARINDEX_MAX_PAGE_COUNT");
  cr_expect_eq(query_int("SELECT count(*) FROM facts"), facts, "facts were imported");
  integrity_ok();
  /* and with room again, the same file imports */
  cli_result r = cli_run((const char *const[]){"--db", db, "import", big, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(query_int("SELECT count(*) FROM facts"), facts + 3000);
  free(big);
}

Test(storefail, full_disk_during_score) {
  long long runs = query_int("SELECT count(*) FROM runs");
  long long ded = query_int("SELECT count(*) FROM run_deductions");
  disk_full();
  refused(score_args, "database or disk is full", 0);
  unsetenv("PARINDEX_MAX_PAGE_COUNT");
  cr_expect_eq(query_int("SELECT count(*) FROM runs"), runs, "a run was stored");
  cr_expect_eq(query_int("SELECT count(*) FROM run_deductions"), ded, "deductions were stored");
  integrity_ok();
}
