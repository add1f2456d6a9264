/*
** test_report_docx_all.c -- every unit's Word report at once (report --all
** --format docx): each file is the one a single `report --unit … --format
** docx` writes (the same document.xml, so the same layout as the rendered
** single report of test_report_docx.c); the files are made all or none: a
** pandoc that fails on one unit is named with the unit and file, and
** leaves nothing in the folder (no report, no temporary file). The
** assignment letters still go to Word.
*/
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

#include "helpers.h"

/* The entry name of the zip (docx) at path, malloc'd and NUL-terminated. */
static char *zip_entry(const char *path, const char *name) {
  int err;
  zip_t *z = zip_open(path, ZIP_RDONLY, &err);
  cr_assert_not_null(z, "%s is not a zip (docx) file", path);
  zip_stat_t st;
  cr_assert_eq(zip_stat(z, name, 0, &st), 0, "%s has no %s", path, name);
  char *b = malloc(st.size + 1);
  zip_file_t *f = zip_fopen(z, name, 0);
  cr_assert(f && zip_fread(f, b, st.size) == (zip_int64_t)st.size);
  b[st.size] = '\0';
  zip_fclose(f);
  zip_close(z);
  return b;
}

/* The names in dir, one a line, sorted (malloc'd). */
static char *listing(const char *dir) {
  struct dirent **e;
  int n = scandir(dir, &e, NULL, alphasort);
  cr_assert(n >= 0, "cannot list %s", dir);
  size_t len = 1;
  for (int i = 0; i < n; i++) len += strlen(e[i]->d_name) + 1;
  char *s = calloc(len, 1);
  for (int i = 0; i < n; i++) {
    if (strcmp(e[i]->d_name, ".") && strcmp(e[i]->d_name, "..")) { strcat(s, e[i]->d_name); strcat(s, "\n"); }
    free(e[i]);
  }
  free(e);
  return s;
}

static const char *units[] = {"muong-te", "nam-nhun", "phong-tho", "sin-ho", "tam-duong", "tan-uyen", "than-uyen",
                              "thanh-pho-lai-chau"};
#define NUNITS (sizeof units / sizeof *units)

Test(report_docx_all, every_file_is_the_single_report, .init = golden_setup, .fini = golden_teardown, .timeout = 300) {
  char *dir = tmp_folder(), *all = path_join(dir, "all"), name[256];
  mkdir(all, 0777);
  umask(022);
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--all", "--year", "2022", "--format", "docx",
                                               "--out-dir", all, "--jobs", "3", "--kind", "district", NULL});
  cr_assert_eq(r.status, 0, "report --all --format docx: %s", r.err);
  cr_expect(strstr(r.err, "wrote 8 reports") != NULL, "the districts: %s", r.err);
  cli_free(&r);
  char *ls = listing(all), want[1024] = "";
  for (size_t i = 0; i < NUNITS; i++) { snprintf(name, sizeof name, "%s-2022.docx\n", units[i]); strcat(want, name); }
  cr_expect_str_eq(ls, want, "the folder holds exactly the reports (no temporary file)");
  free(ls);
  for (size_t i = 0; i < NUNITS; i += 3) {             /* a few units, one of them the golden one */
    char *one = path_join(dir, "one.docx"), *in_all;
    snprintf(name, sizeof name, "%s-2022.docx", units[i]);
    in_all = path_join(all, name);
    r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", units[i], "--year", "2022", "--format", "docx",
                                      "--out", one, NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    cli_free(&r);
    const char *parts[] = {"word/document.xml", "word/styles.xml", "word/header1.xml", "word/settings.xml"};
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
      char *a = zip_entry(in_all, parts[k]), *b = zip_entry(one, parts[k]);
      cr_expect_str_eq(a, b, "%s of %s differs from the single report's", parts[k], name);
      if (k == 0) cr_expect(strstr(a, "BÁO CÁO") && strstr(a, "Nơi nhận:"), "%s: no frame", name);
      free(a); free(b);
    }
    struct stat st;
    cr_expect(stat(in_all, &st) == 0 && (st.st_mode & 0777) == 0644, "%s is not 0644 (umask 022)", name);
    free(in_all); free(one);
  }
  free(all);
  remove_tree(dir);
  free(dir);
}

/* A pandoc that answers the batch filter's jobs (data/documents/docx-batch.lua)
** with the real pandoc's conversion, except for one unit's document: there
** it answers "fail" (how = "fail") or stops (how = "exit"). */
static char *failing_pandoc(const char *dir, const char *unit, const char *how) {
  char *bin = path_join(dir, "bin"), *p, text[4096];
  mkdir(bin, 0777);
  p = path_join(bin, "pandoc");
  snprintf(text, sizeof text,
           "#!/bin/sh\nREAL=\"/usr/bin/env PATH=%s pandoc\"\n"
           "case \"$*\" in *--lua-filter*) ;; *) exec $REAL \"$@\";; esac\n"
           "ref=; for a; do case \"$a\" in --reference-doc=*) ref=$a;; esac; done\n"
           "tab=$(printf '\\t')\n"
           "while IFS=\"$tab\" read -r src dst; do\n"
           "  case \"$src\" in */%s-*)\n"
           "    if [ %s = fail ]; then echo \"fail simulated failure\"; continue; fi\n"
           "    echo \"simulated crash\" >&2; exit 3;; esac\n"
           "  if $REAL -f json -t docx \"$ref\" -o \"$dst\" \"$src\"; then echo ok; else echo \"fail pandoc $?\"; fi\n"
           "done\n",
           getenv("PATH"), unit, how);
  write_text(p, text);
  chmod(p, 0755);
  free(p);
  return bin;
}

/* report --all --format docx (and the single report) with that pandoc:
** exit 1, want (with the folder for %s) in stderr, the folder left empty. */
static void fails_cleanly(const char *how, const char *want_fmt) {
  char *dir = tmp_folder(), *all = path_join(dir, "all"), *bin = failing_pandoc(dir, "sin-ho", how), path[8192];
  mkdir(all, 0777);
  snprintf(path, sizeof path, "%s:%s", bin, getenv("PATH"));
  setenv("PATH", path, 1);
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--all", "--year", "2022", "--format", "docx",
                                               "--out-dir", all, "--jobs", "2", NULL});
  cr_expect_eq(r.status, 1, "%s", r.err);
  char want[8192];
  snprintf(want, sizeof want, want_fmt, all);
  cr_expect(strstr(r.err, want) != NULL, "stderr lacks \"%s\": %s", want, r.err);
  cli_free(&r);
  char *ls = listing(all);
  cr_expect_str_eq(ls, "", "the folder should stay empty");
  free(ls);
  snprintf(path, sizeof path, "%s/sin-ho-2022.docx", all);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--unit", "sin-ho", "--year", "2022", "--format", "docx",
                                    "--out", path, NULL});
  cr_expect_eq(r.status, 1, "%s", r.err);
  cli_free(&r);
  ls = listing(all);
  cr_expect_str_eq(ls, "", "a failed single report left files");
  free(ls);
  free(bin); free(all);
  remove_tree(dir);
  free(dir);
}

Test(report_docx_all, a_failing_conversion_names_the_unit_and_leaves_nothing, .init = golden_setup,
     .fini = golden_teardown, .timeout = 300) {
  fails_cleanly("fail", "pandoc failed on sin-ho (writing %s/sin-ho-2022.docx): simulated failure");
}

Test(report_docx_all, a_pandoc_that_stops_names_the_unit_and_leaves_nothing, .init = golden_setup,
     .fini = golden_teardown, .timeout = 300) {
  fails_cleanly("exit", "pandoc stopped while writing sin-ho (%s/sin-ho-2022.docx): exit status 3");
}

Test(report_docx_all, letters_and_errors, .init = golden_setup, .fini = golden_teardown, .timeout = 120) {
  char *dir = tmp_folder(), *out = path_join(dir, "noi-vu.docx");
  cli_result r = cli_run((const char *const[]){"--db", golden_db, "report", "--office", "noi-vu", "--unit", "muong-te",
                                               "--year", "2022", "--format", "docx", "--out", out, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  char *x = zip_entry(out, "word/document.xml");
  cr_expect(strstr(x, "Kính gửi: Phòng Nội vụ.") && strstr(x, "Nhiệm vụ chủ trì") && strstr(x, "<w:tbl>"),
            "the letter lacks its frame, tasks or tables");
  free(x);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--all", "--year", "2022", "--format", "docx",
                                    "--out-dir", dir, "--jobs", "0", NULL});
  cr_expect_eq(r.status, 2, "--jobs 0: %s", r.err);
  cli_free(&r);
  setenv("PARINDEX_REFERENCE_DOCX", "/nonexistent/ref.docx", 1);
  r = cli_run((const char *const[]){"--db", golden_db, "report", "--all", "--year", "2022", "--format", "docx",
                                    "--out-dir", dir, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/nonexistent/ref.docx") != NULL, "%s", r.err);
  cli_free(&r);
  char *ls = listing(dir);
  cr_expect_str_eq(ls, "noi-vu.docx\n");
  free(ls);
  free(out);
  remove_tree(dir);
  free(dir);
}
