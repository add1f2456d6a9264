/*
** test_fuzz.c -- replay of the fuzzing corpus through the same entry points
** as the libFuzzer harnesses (fuzz_targets.c): the seeds scripts/fuzz.sh
** starts from (tests/malformed, data/lai-chau and tests/fuzz/import for
** import; tests/fuzz/rules and rules/lai-chau/district/2022 for rules) and
** every input that once crashed, leaked or hung a harness (kept in
** tests/fuzz/import and tests/fuzz/rules). Under AddressSanitizer+UBSan a
** memory error or leak fails the suite; each input must be taken or refused.
*/
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_targets.h"
#include "helpers.h"

/* Feed every file of folder (relative to the source folder) to target. */
static void replay(const char *folder, int (*target)(const uint8_t *, size_t), int *n, int *taken) {
  char *dirpath = path_join(PARINDEX_SOURCE_DIR, folder);
  DIR *d = opendir(dirpath);
  cr_assert_not_null(d, "no %s", dirpath);
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char *path = path_join(dirpath, e->d_name);
    size_t len = 0;
    char *data = read_text(path, &len);
    cr_assert_not_null(data, "cannot read %s", path);
    int rc = target((const uint8_t *)data, len);
    cr_expect(rc == 0 || rc == 1, "%s: returned %d", path, rc);
    *taken += rc == 0;
    (*n)++;
    free(data); free(path);
  }
  closedir(d);
  free(dirpath);
}

Test(fuzz, import_corpus_replays) {
  int n = 0, taken = 0;
  replay("tests/fuzz/import", fuzz_import, &n, &taken);
  replay("tests/malformed", fuzz_import, &n, &taken);
  replay("data/lai-chau", fuzz_import, &n, &taken);
  cr_expect_geq(n, 40, "only %d inputs", n);
  cr_expect(taken > 0 && taken < n, "%d of %d inputs imported: the seeds should hold both kinds", taken, n);
}

Test(fuzz, rules_corpus_replays) {
  int n = 0, taken = 0;
  replay("tests/fuzz/rules", fuzz_rules, &n, &taken);
  replay("rules/lai-chau/district/2022", fuzz_rules, &n, &taken);
  cr_expect_geq(n, 40, "only %d inputs", n);
  cr_expect(taken > 0 && taken < n, "%d of %d rule files scored: the seeds should hold both kinds", taken, n);
}
