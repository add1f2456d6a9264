/*
** test_import.c -- importing facts, units and offices from JSON and CSV:
** what is refused (and where it is reported), what is stored, and that one
** import is one transaction.
**
** Every test gets its own folder and a store that already holds two offices
** and two units (p, a province; d1, a district of p).
*/
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "import.h"
#include "store.h"

static char *dir, *db;

/* The same three facts as facts_csv_excel below. */
static const char facts_json[] =
  "{ \"unit\": \"d1\", \"year\": 2022, \"source\": \"Báo cáo\",\n"
  "  \"facts\": [\n"
  "    {\"key\": \"a\", \"value\": 3},\n"
  "    {\"key\": \"b\", \"value\": 86.75, \"note\": \"tỷ lệ\"},\n"
  "    {\"key\": \"items\", \"value\": [ {\"n\": 1, \"d\": \"2022-01-02\"} ]}\n"
  "  ] }\n";

/* What Excel writes in a Vietnamese locale: BOM, CRLF, ';', decimal comma. */
static const char facts_csv_excel[] =
  "\xEF\xBB\xBFunit;year;key;value;type;source;note\r\n"
  "d1;2022;a;3;;Báo cáo;\r\n"
  "d1;2022;b;86,75;;Báo cáo;tỷ lệ\r\n"
  "d1;2022;items;\"[{\"\"n\"\": 1, \"\"d\"\": \"\"2022-01-02\"\"}]\";;Báo cáo;\r\n";

/* dir/name with text; returns the path (freed at teardown with the folder). */
static char *file(const char *name, const char *text) {
  char *p = path_join(dir, name);
  write_text(p, text);
  return p;
}

static cli_result import1(const char *store, const char *path) {
  return cli_run((const char *const[]){"--db", store, "import", path, NULL});
}


/* Every row of facts, units and offices as text, in key order (malloc'd). */
static char *dump(const char *store) {
  static const char *const sql[] = {
    "SELECT year, unit, key, type, typeof(value), value, source, note FROM facts ORDER BY year, unit, key",
    "SELECT id, name, kind, parent FROM units ORDER BY id",
    "SELECT id, name FROM offices ORDER BY id",
  };
  sqlite3 *h;
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  cr_assert_not_null(out);
  cr_assert_eq(sqlite3_open_v2(store, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  for (int q = 0; q < 3; q++) {
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(h, sql[q], -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); c++) {
        const unsigned char *t = sqlite3_column_text(st, c);
        fprintf(out, "%s|", t ? (const char *)t : "NULL");
      }
      fputc('\n', out);
    }
    sqlite3_finalize(st);
    fputs("--\n", out);
  }
  sqlite3_close(h);
  fclose(out);
  return buf;
}

/* The value of one fact as text, and its type (both malloc'd), or NULL. */
static char *fact_value(const char *store, const char *key, char **type) {
  sqlite3 *h;
  sqlite3_stmt *st;
  char *v = NULL;
  cr_assert_eq(sqlite3_open_v2(store, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(h, "SELECT value, type FROM facts WHERE key = ?1", -1, &st, NULL), SQLITE_OK);
  sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step(st) == SQLITE_ROW) {
    v = strdup((const char *)sqlite3_column_text(st, 0));
    if (type) *type = strdup((const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

static void setup(void) {
  unsetenv("PARINDEX_DB");
  dir = tmp_folder();
  db = path_join(dir, "store.db");
  char *units = file("units.json", small_units_json);
  cli_result r = import1(db, units);
  cr_assert_eq(r.status, 0, "importing the units failed: %s", r.err);
  cli_free(&r);
  free(units);
}

static void teardown(void) {
  remove_tree(dir);
  free(dir); free(db);
}

TestSuite(import, .init = setup, .fini = teardown, .timeout = 60);

/* Import `text` as dir/name: it must fail with exit 1, every string of
** `want` on stderr, nothing on stdout, and the store unchanged. */
static void refused(const char *name, const char *text, const char *const *want) {
  char *before = dump(db);
  char *p = file(name, text);
  cli_result r = import1(db, p);
  cr_expect_eq(r.status, 1, "%s: exit %d, want 1 (stdout: %s)", name, r.status, r.out);
  cr_expect_str_empty(r.out, "%s: stdout: %s", name, r.out);
  for (; *want; want++)
    cr_expect(strstr(r.err, *want) != NULL, "%s: no '%s' in stderr:\n%s", name, *want, r.err);
  cr_expect(strstr(r.err, "nothing was imported") != NULL, "%s: %s", name, r.err);
  char *after = dump(db);
  cr_expect_str_eq(after, before, "%s: the store changed", name);
  cli_free(&r);
  free(before); free(after); free(p);
}

#define WANT(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---- JSON ---- */

Test(import, json_missing_unit_or_year) {
  refused("m.json", "{\"year\": 2022, \"facts\": [\n{\"key\": \"a\", \"value\": 1}]}",
          WANT("/m.json:2: unit: missing"));
  refused("m.json", "{\"unit\": \"d1\", \"facts\": [\n{\"key\": \"a\", \"value\": 1}]}",
          WANT("/m.json:2: year: missing"));
}

Test(import, json_file_level_defaults) {
  char *p = file("f.json",
                 "{\"unit\": \"d1\", \"year\": 2022, \"source\": \"default source\", \"facts\": [\n"
                 "  {\"key\": \"a\", \"value\": 1},\n"
                 "  {\"key\": \"b\", \"value\": 2, \"year\": 2021, \"source\": \"own source\"},\n"
                 "  {\"key\": \"c\", \"value\": 3, \"unit\": \"p\"}\n"
                 "]}");
  cli_result r = import1(db, p);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE unit='d1' AND year=2022 AND key='a'"
                             " AND source='default source'"), 1);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE unit='d1' AND year=2021 AND key='b'"
                             " AND source='own source'"), 1);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE unit='p' AND year=2022 AND key='c'"
                             " AND source='default source'"), 1);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts"), 3);
  cli_free(&r);
  free(p);
}

Test(import, json_types_are_inferred) {
  char *p = file("f.json",
                 "{\"unit\": \"d1\", \"year\": 2022, \"facts\": [\n"
                 "  {\"key\": \"i\", \"value\": 22}, {\"key\": \"n\", \"value\": 86.75},\n"
                 "  {\"key\": \"yes\", \"value\": true}, {\"key\": \"d\", \"value\": \"2022-06-24\"},\n"
                 "  {\"key\": \"t\", \"value\": \"text\"}, {\"key\": \"l\", \"value\": [{\"x\": 1}]},\n"
                 "  {\"key\": \"tn\", \"value\": 5, \"type\": \"number\"}\n"
                 "]}");
  cli_result r = import1(db, p);
  cr_assert_eq(r.status, 0, "%s", r.err);
  static const char *const want[][2] = {{"i", "integer"}, {"n", "number"}, {"yes", "boolean"},
                                        {"d", "date"}, {"t", "text"}, {"l", "list"}, {"tn", "number"}};
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    char *type = NULL, *v = fact_value(db, want[i][0], &type);
    cr_expect_not_null(v, "fact %s missing", want[i][0]);
    if (v) cr_expect_str_eq(type, want[i][1], "fact %s", want[i][0]);
    free(v); free(type);
  }
  cli_free(&r);
  free(p);
}

/* ---- CSV ---- */

Test(import, csv_from_excel_equals_the_json) {
  char *store_json = path_join(dir, "json.db"), *store_csv = path_join(dir, "csv.db");
  char *units = path_join(dir, "units.json");
  char *fj = file("facts.json", facts_json), *fc = file("facts.csv", facts_csv_excel);
  cli_result r = cli_run((const char *const[]){"--db", store_json, "import", units, fj, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", store_csv, "import", units, fc, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "3 facts (3 new") != NULL, "%s", r.out);
  cli_free(&r);
  char *a = dump(store_json), *b = dump(store_csv);
  cr_expect_str_eq(b, a, "CSV and JSON give different stores");
  /* and the decimal comma made a number */
  cr_expect_eq(sql_int(store_csv, "SELECT count(*) FROM facts WHERE key='b' AND type='number'"
                                    " AND typeof(value)='real' AND value=86.75"), 1);
  cr_expect_eq(sql_int(store_csv, "SELECT count(*) FROM facts WHERE key='b' AND note='tỷ lệ'"), 1);
  free(a); free(b); free(store_json); free(store_csv); free(units); free(fj); free(fc);
}

Test(import, csv_quoted_fields_with_newlines_and_quotes) {
  char *p = file("q.csv",
                 "unit,year,key,value,type,source,note\n"
                 "d1,2022,t,\"line one\nline \"\"two\"\", and a comma\",text,s,\n"
                 "d1,2022,u,5,,s,\n");
  cli_result r = import1(db, p);
  cr_assert_eq(r.status, 0, "%s", r.err);
  char *v = fact_value(db, "t", NULL);
  cr_expect_str_eq(v, "line one\nline \"two\", and a comma");
  free(v);
  cli_free(&r);
  /* lines are counted through the quoted newline: the bad row is on line 4 */
  refused("q2.csv",
          "unit,year,key,value,type,source,note\n"
          "d1,2022,t2,\"line one\nline two\",text,s,\n"
          "d1,2022,u2,2022-13-01,,s,\n",
          WANT("/q2.csv:4: value: '2022-13-01' is not a valid date"));
  free(p);
}

Test(import, csv_units_and_offices) {
  char *u = file("units.csv", "id,name,kind,parent\nd2,\"Huyện D2, mới\",district,p\nx,Xã X,commune,\n");
  char *o = file("offices.csv", "\xEF\xBB\xBFid;name\r\nvan-phong;Văn phòng HĐND và UBND\r\n");
  cli_result r = cli_run((const char *const[]){"--db", db, "import", u, o, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "2 units (2 new") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "1 offices (1 new") != NULL, "%s", r.out);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM units WHERE id='d2' AND name='Huyện D2, mới'"
                             " AND kind='district' AND parent='p'"), 1);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM units WHERE id='x' AND parent IS NULL"), 1);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM offices WHERE id='van-phong'"
                             " AND name='Văn phòng HĐND và UBND'"), 1);
  cli_free(&r);
  free(u); free(o);
}

Test(import, csv_unit_with_an_unknown_parent) {
  refused("units.csv", "id,name,kind,parent\nd2,D2,district,nowhere\n",
          WANT("/units.csv:2: parent: unknown unit 'nowhere'"));
}

Test(import, csv_numbers_beyond_an_integer) {
  /* 20 digits do not fit a 64-bit integer: refused, not rounded to a
  ** number; with the type number, the 64-bit float asked for */
  refused("big.csv", "unit,year,key,value\nd1,2022,big,99999999999999999999\n",
          WANT("/big.csv:2: value: '99999999999999999999' does not fit a 64-bit integer",
               "9223372036854775807); give the fact the type number, or write it as text"));
  char *p = file("big.csv", "unit,year,key,value,type\nd1,2022,big,99999999999999999999,number\n");
  cli_result r = import1(db, p);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE key='big' AND type='number'"
                             " AND value > 9.9e19"), 1);
  cli_free(&r);
  free(p);
  refused("bigi.csv", "unit,year,key,value,type\nd1,2022,bigi,1e300,integer\n",
          WANT("/bigi.csv:2: value: '1e300' is not an integer"));
  refused("inf.csv", "unit,year,key,value\nd1,2022,inf,1e400\n",
          WANT("/inf.csv:2: value: '1e400' is not a finite number"));
}

/* ---- one transaction ---- */

Test(import, a_bad_file_in_a_folder_imports_nothing) {
  char *sub = path_join(dir, "batch");
  cr_assert_eq(mkdir(sub, 0700), 0);
  char *a = path_join(sub, "a.json"), *b = path_join(sub, "b.csv");
  /* a good file with a new office, a new unit and facts ... */
  write_text(a, "{\"offices\": [{\"id\": \"new-office\", \"name\": \"N\"}],\n"
                " \"units\": [{\"id\": \"d9\", \"name\": \"D9\", \"kind\": \"district\"}],\n"
                " \"unit\": \"d1\", \"year\": 2022, \"facts\": [{\"key\": \"a\", \"value\": 1}]}\n");
  /* ... and a file whose third line is bad */
  write_text(b, "unit,year,key,value\nd9,2022,x,1\nd9,2022,y,2022-02-30\n");
  long long offices = sql_int(db, "SELECT count(*) FROM offices");
  long long units = sql_int(db, "SELECT count(*) FROM units");
  long long facts = sql_int(db, "SELECT count(*) FROM facts");
  cli_result r = import1(db, sub);
  cr_expect_eq(r.status, 1);
  cr_expect_str_empty(r.out);
  cr_expect(strstr(r.err, "/batch/b.csv:3: value: '2022-02-30' is not a valid date") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "nothing was imported") != NULL, "%s", r.err);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM offices"), offices);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM units"), units);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts"), facts);
  cli_free(&r);
  free(sub); free(a); free(b);
}

Test(import, folder_takes_only_json_and_csv_files) {
  char *sub = path_join(dir, "batch");
  cr_assert_eq(mkdir(sub, 0700), 0);
  char *a = path_join(sub, "2-facts.csv"), *b = path_join(sub, "1-units.csv"), *c = path_join(sub, "notes.txt");
  write_text(a, "unit,year,key,value\nd9,2022,x,1\n");
  write_text(b, "id,name,kind\nd9,D9,district\n");
  write_text(c, "not imported");
  cli_result r = import1(db, sub);
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "imported 2 files") != NULL, "%s", r.out);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE unit='d9'"), 1);
  cli_free(&r);
  free(sub); free(a); free(b); free(c);
}

Test(import, duplicate_fact_names_both_places) {
  refused("dup.json",
          "{\"unit\": \"d1\", \"year\": 2022, \"facts\": [\n"
          "{\"key\": \"a\", \"value\": 1},\n"
          "{\"key\": \"a\", \"value\": 2}]}",
          WANT("/dup.json:3: key: duplicate fact d1/2022/a", "also at ", "/dup.json:2)"));
  char *sub = path_join(dir, "two");
  cr_assert_eq(mkdir(sub, 0700), 0);
  char *a = path_join(sub, "a.json"), *b = path_join(sub, "b.csv");
  write_text(a, "{\"unit\": \"d1\", \"year\": 2022, \"facts\": [\n{\"key\": \"a\", \"value\": 1}]}");
  write_text(b, "unit,year,key,value\nd1,2022,other,1\nd1,2022,a,1\n");
  cli_result r = import1(db, sub);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/two/b.csv:3: key: duplicate fact d1/2022/a") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "/two/a.json:2") != NULL, "%s", r.err);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts"), 0);
  cli_free(&r);
  free(sub); free(a); free(b);
}

Test(import, a_file_with_only_facts_or_only_offices) {
  /* no units or no offices in the batch (an empty array to sort) */
  char *f = file("f.json", facts_json), *o = file("o.csv", "id,name\nx,X\n");
  cli_result r = import1(db, f);
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = import1(db, o);
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts"), 3);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM offices"), 3);
  free(f); free(o);
}

/* ---- re-import ---- */

Test(import, reimport_changes_nothing) {
  char *p = file("f.json", facts_json);
  cli_result r = import1(db, p);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  char *before = dump(db);
  r = import1(db, p);
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "3 facts (0 new, 0 updated, 3 unchanged)") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "nothing changed") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "updated d1") == NULL, "%s", r.out);
  char *after = dump(db);
  cr_expect_str_eq(after, before);
  cli_free(&r);
  free(p); free(before); free(after);
}

Test(import, changed_value_is_reported) {
  char *p = file("f.json", facts_json);
  cli_result r = import1(db, p);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  free(p);
  char *changed = strdup(facts_json);
  char *at = strstr(changed, "86.75");
  memcpy(at, "87.50", 5);
  p = file("f.json", changed);
  r = import1(db, p);
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "updated d1 2022 b: 86.75 -> 87.5\n") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "3 facts (0 new, 1 updated, 2 unchanged)") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "nothing changed") == NULL, "%s", r.out);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE key='b' AND value=87.5"), 1);
  cli_free(&r);
  free(p); free(changed);
}

/* ---- import_paths directly ---- */

Test(import, import_paths_counts_and_reports) {
  char err[1024], *text = NULL;
  size_t len = 0;
  store *s = store_open(db, err, sizeof err);
  cr_assert_not_null(s, "%s", err);
  char *p = file("f.csv", "unit,year,key,value\nd1,2022,a,1\nd1,2022,b,2\n");
  const char *paths[] = {p};
  import_stats st;
  FILE *out = open_memstream(&text, &len);
  cr_assert_eq(import_paths(s, paths, 1, out, &st, err, sizeof err), 0, "%s", err);
  cr_expect_eq(st.files, 1);
  cr_expect_eq(st.facts[PUT_NEW], 2);
  cr_expect_eq(st.facts[PUT_SAME], 0);
  write_text(p, "unit,year,key,value\nd1,2022,a,1\nd1,2022,b,3\n");
  cr_assert_eq(import_paths(s, paths, 1, out, &st, err, sizeof err), 0, "%s", err);
  cr_expect_eq(st.facts[PUT_NEW], 0);
  cr_expect_eq(st.facts[PUT_UPDATED], 1);
  cr_expect_eq(st.facts[PUT_SAME], 1);
  fclose(out);
  cr_expect_str_eq(text, "updated d1 2022 b: 2 -> 3\n");
  /* a failure returns -1 with the message and writes nothing */
  write_text(p, "unit,year,key,value\nd1,2022,a,5\nd1,2022,zz,\n");
  cr_expect_eq(import_paths(s, paths, 1, NULL, &st, err, sizeof err), -1);
  cr_expect(strstr(err, "/f.csv:3: value: missing") != NULL, "%s", err);
  store_close(s);
  cr_expect_eq(sql_int(db, "SELECT value FROM facts WHERE key='a'"), 1);
  free(p); free(text);
}

Test(import, missing_path_and_wrong_extension) {
  char *p = path_join(dir, "nope.json");
  cli_result r = import1(db, p);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "nope.json: No such file or directory") != NULL, "%s", r.err);
  cli_free(&r);
  char *t = file("facts.txt", "x");
  r = import1(db, t);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "facts.txt: not a .json, .csv or .xlsx file") != NULL, "%s", r.err);
  cli_free(&r);
  free(p); free(t);
}

/* ---- streaming: each record is written as it is read, in one transaction ---- */

/* The store file's bytes (malloc'd) and their length. */
static char *store_bytes(size_t *n) {
  char *b = read_text(db, n);
  cr_assert_not_null(b, "cannot read %s", db);
  return b;
}

/* A file of n facts of unit/year (keys k0..), one per line after the header,
** plus `tail` (lines of its own) at the end; returns its path. */
static char *many_facts(const char *name, const char *unit, int n, const char *tail) {
  char *p = path_join(dir, name);
  FILE *f = fopen(p, "w");
  cr_assert_not_null(f);
  fputs("unit,year,key,value\n", f);
  for (int i = 0; i < n; i++) fprintf(f, "%s,2022,k%d,%d\n", unit, i, i);
  fputs(tail, f);
  fclose(f);
  return p;
}

Test(import, a_bad_last_row_of_the_second_file_leaves_the_store_byte_identical) {
  char *old = file("old.csv", "unit,year,key,value\nd1,2022,a,1\nd1,2022,b,2\n");
  cli_result r = import1(db, old);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  size_t n0, n1;
  char *before = store_bytes(&n0), *rows = dump(db);
  /* the first file updates a fact, adds facts, a unit and an office (all
  ** written by the time the second file is read); the second file's last
  ** row is bad, after 5000 good ones */
  char *first = file("first.json",
                     "{\"offices\": [{\"id\": \"o9\", \"name\": \"O9\"}],\n"
                     " \"units\": [{\"id\": \"d9\", \"name\": \"D9\", \"kind\": \"district\", \"parent\": \"p\"}],\n"
                     " \"year\": 2022, \"facts\": [{\"unit\": \"d1\", \"key\": \"a\", \"value\": 7},\n"
                     "  {\"unit\": \"d1\", \"key\": \"c\", \"value\": 3}, {\"unit\": \"d9\", \"key\": \"a\", \"value\": 1}]}\n");
  char *second = many_facts("second.csv", "d9", 5000, "d9,2022,last,2022-02-30\n");
  r = cli_run((const char *const[]){"--db", db, "import", first, second, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect_str_empty(r.out, "an update was listed: %s", r.out);
  cr_expect(strstr(r.err, "/second.csv:5002: value: '2022-02-30' is not a valid date") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "nothing was imported") != NULL, "%s", r.err);
  cli_free(&r);
  char *after = store_bytes(&n1), *rows_after = dump(db);
  cr_expect_str_eq(rows_after, rows);
  cr_expect(n0 == n1 && !memcmp(before, after, n0), "the store file changed (%zu -> %zu bytes)", n0, n1);
  free(old); free(first); free(second); free(before); free(after); free(rows); free(rows_after);
}

Test(import, units_may_come_after_the_facts_and_units_that_name_them) {
  char *sub = path_join(dir, "any-order");
  cr_assert_eq(mkdir(sub, 0700), 0);
  char *a = path_join(sub, "1-facts.csv"), *b = path_join(sub, "2-units.csv");
  write_text(a, "unit,year,key,value\nd9,2022,x,1\nd8,2021,y,2\n");
  write_text(b, "id,name,kind,parent\nd9,D9,district,p9\nd8,D8,district,p\np9,P9,province,\n");
  cli_result r = import1(db, sub);
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE unit IN ('d8','d9')"), 2);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM units WHERE id='d9' AND parent='p9'"), 1);
  cli_free(&r);
  /* a unit nobody defines: the first fact that names it */
  refused("lost.csv", "unit,year,key,value\nd1,2022,ok,1\nzz,2023,x,1\nzz,2022,y,1\n",
          WANT("/lost.csv:3: unit: unknown unit 'zz' (import its units file too)"));
  refused("orphan.csv", "id,name,kind,parent\nd7,D7,district,p\nd6,D6,district,gone\n",
          WANT("/orphan.csv:3: parent: unknown unit 'gone'"));
  free(sub); free(a); free(b);
}

/* A fact given twice with other facts between: the second is reported, with
** where the first was; for a unit-year the store had (so with updates), and
** for one that is new, and for one past the facts held at once (4096). */
Test(import, duplicate_facts_far_apart) {
  char *old = file("old.csv", "unit,year,key,value\nd1,2022,a,1\nd1,2022,b,2\n");
  cli_result r = import1(db, old);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  refused("had.csv", "unit,year,key,value\nd1,2022,a,5\np,2022,x,1\nd1,2022,b,5\nd1,2022,a,6\n",
          WANT("/had.csv:5: key: duplicate fact d1/2022/a (also at ", "/had.csv:2)"));
  refused("new.csv", "unit,year,key,value\nd1,2021,a,5\np,2022,x,1\nd1,2021,b,5\nd1,2021,a,6\n",
          WANT("/new.csv:5: key: duplicate fact d1/2021/a (also at ", "/new.csv:2)"));
  char *long_new = many_facts("long-new.csv", "p", 6000, "p,2022,k10,1\n");
  char *long_had = many_facts("long-had.csv", "d1", 6000, "d1,2022,k4500,1\n");
  const char *const cases[][2] = {{long_new, "/long-new.csv:6002: key: duplicate fact p/2022/k10"},
                                  {long_had, "/long-had.csv:6002: key: duplicate fact d1/2022/k4500"}};
  for (int i = 0; i < 2; i++) {
    r = import1(db, cases[i][0]);
    cr_expect_eq(r.status, 1, "%s", cases[i][0]);
    cr_expect(strstr(r.err, cases[i][1]) != NULL, "%s", r.err);
    cr_expect(strstr(r.err, i ? "long-had.csv:4502)" : "long-new.csv:12)") != NULL, "%s", r.err);
    cli_free(&r);
  }
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts"), 2);
  /* without the duplicate, both import, and again (all unchanged) */
  write_text(long_new, "unit,year,key,value\np,2022,k0,0\n");
  for (int round = 0; round < 2; round++) {
    char *a = many_facts("a.csv", "p", 6000, "d1,2022,a,1\n"), *b = many_facts("b.csv", "d1", 5000, "");
    r = cli_run((const char *const[]){"--db", db, "import", a, b, NULL});
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, round ? "11001 facts (0 new, 0 updated, 11001 unchanged)"
                                   : "11001 facts (11000 new, 0 updated, 1 unchanged)") != NULL, "%s", r.out);
    cli_free(&r);
    free(a); free(b);
  }
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts"), 11002);
  free(old); free(long_new); free(long_had);
}

Test(import, duplicate_units_and_offices_across_files) {
  char *a = file("a.csv", "id,name,kind\nd5,D5,district\n"), *b = file("b.json",
                 "{\"units\": [{\"id\": \"d6\", \"name\": \"D6\", \"kind\": \"district\"},\n"
                 "           {\"id\": \"d5\", \"name\": \"D5 again\", \"kind\": \"district\"}]}\n");
  cli_result r = cli_run((const char *const[]){"--db", db, "import", a, b, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/b.json:2: id: unit 'd5' is also defined at ") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "/a.csv:2") != NULL, "%s", r.err);
  cli_free(&r);
  refused("o.csv", "id,name\nx,X\ny,Y\nx,X again\n",
          WANT("/o.csv:4: id: office 'x' is also defined at ", "/o.csv:2"));
  /* a problem of a file comes before a duplicate met earlier */
  char *c = file("c.csv", "unit,year,key,value\nd1,2022,a,1\nd1,2022,a,2\n");
  char *d = file("d.csv", "unit,year,key,value\nd1,2022,b,1\nd1,2022,c,x,y\n");
  r = cli_run((const char *const[]){"--db", db, "import", c, d, NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/d.csv:3: row has 5 fields, header has 4") != NULL, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts"), 0);
  free(a); free(b); free(c); free(d);
}

/* Updates are listed after the commit, in unit, year, key order. */
Test(import, updates_listed_in_order) {
  char *p = file("f.csv", "unit,year,key,value\nd1,2022,b,1\np,2022,a,1\nd1,2021,a,1\nd1,2022,a,1\n");
  cli_result r = import1(db, p);
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  write_text(p, "unit,year,key,value\np,2022,a,2\nd1,2022,b,2\nd1,2022,a,2\nd1,2021,a,2\n");
  r = import1(db, p);
  cr_expect_eq(r.status, 0, "%s", r.err);
  static const char want[] = "updated d1 2021 a: 1 -> 2\nupdated d1 2022 a: 1 -> 2\n"
                             "updated d1 2022 b: 1 -> 2\nupdated p 2022 a: 1 -> 2\nimported 1 file";
  cr_expect(strncmp(r.out, want, sizeof want - 1) == 0, "%s", r.out);
  cli_free(&r);
  /* the same past the updates held in memory (1 byte: all sorted by the store) */
  write_text(p, "unit,year,key,value\np,2022,a,3\nd1,2022,b,3\nd1,2022,a,3\nd1,2021,a,3\n");
  setenv("PARINDEX_UPDATES_HELD", "1", 1);
  r = import1(db, p);
  unsetenv("PARINDEX_UPDATES_HELD");
  cr_expect_eq(r.status, 0, "%s", r.err);
  static const char want3[] = "updated d1 2021 a: 2 -> 3\nupdated d1 2022 a: 2 -> 3\n"
                              "updated d1 2022 b: 2 -> 3\nupdated p 2022 a: 2 -> 3\nimported 1 file";
  cr_expect(strncmp(r.out, want3, sizeof want3 - 1) == 0, "%s", r.out);
  cli_free(&r);
  free(p);
}

/* A CSV file larger than the reader's chunk (256 KiB): rows, quoted
** newlines, CRLF and a BOM cross the chunk's end; lines are still counted. */
Test(import, csv_read_in_chunks) {
  char *p = path_join(dir, "big.csv");
  FILE *f = fopen(p, "wb");
  cr_assert_not_null(f);
  fputs("\xEF\xBB\xBFunit;year;key;value;type;source;note\r\n", f);
  long long sum = 0;
  for (int i = 0; i < 3000; i++) {
    fprintf(f, "d1;2022;n%d;%d,5;;s;\r\n", i, i);
    sum += i;
    fprintf(f, "d1;2022;t%d;\"first \"\"%d\"\"\r\nsecond ", i, i);
    for (int k = 0; k < i % 300; k++) fputs("ư", f);
    fputs("\";text;;\r\n", f);
  }
  fputs("d1;2022;bad;2022-13-01;;;\r\n", f);
  fclose(f);
  cli_result r = import1(db, p);
  cr_expect_eq(r.status, 1);
  /* header 1, two rows of three lines per i, then the bad row */
  cr_expect(strstr(r.err, "/big.csv:9002: value: '2022-13-01' is not a valid date") != NULL, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts"), 0);
  /* without the bad row */
  char *text = read_text(p, NULL);
  *strstr(text, "d1;2022;bad;") = '\0';
  write_text(p, text);
  r = import1(db, p);
  cr_expect_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE type='number'"), 3000);
  cr_expect_eq(sql_int(db, "SELECT CAST(sum(value) * 2 AS INTEGER) FROM facts WHERE type='number'"),
               2 * sum + 3000);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM facts WHERE type='text'"
                             " AND value LIKE 'first \"%\"' || char(13, 10) || 'second %'"), 3000);
  cr_expect_eq(sql_int(db, "SELECT length(value) FROM facts WHERE key='t299'"),
               (long long)strlen("first \"299\"\r\nsecond ") + 299);
  free(text); free(p);
}

Test(import, csv_encoding_checked_past_the_first_chunk) {
  char *p = path_join(dir, "late.csv");
  FILE *f = fopen(p, "wb");
  cr_assert_not_null(f);
  fputs("unit,year,key,value\n", f);
  for (int i = 0; i < 20000; i++) fprintf(f, "d1,2022,k%d,chữ %d\n", i, i);
  fputs("d1,2022,late,ab\xC3(\n", f);          /* a cut character on line 20002, column 16 */
  fclose(f);
  cli_result r = import1(db, p);
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "/late.csv:20002:16: invalid UTF-8") != NULL, "%s", r.err);
  cli_free(&r);
  free(p);
}

/* ---- tests/malformed: one file per case, its expectation in EXPECT ---- */

static void copy_file(const char *from, const char *to) {
  size_t n = 0;
  char *bytes = read_text(from, &n);
  cr_assert_not_null(bytes, "cannot read %s", from);
  FILE *f = fopen(to, "wb");
  cr_assert_not_null(f);
  cr_assert_eq(fwrite(bytes, 1, n, f), n);
  fclose(f);
  free(bytes);
}

/* The facts a store holds after importing `file` into a copy of the test store. */
static char *facts_after(const char *file) {
  char *copy = path_join(dir, "reference.db");
  copy_file(db, copy);
  cli_result r = import1(copy, file);
  cr_assert_eq(r.status, 0, "%s: %s", file, r.err);
  cli_free(&r);
  char *d = dump(copy);
  free(copy);
  return d;
}

/* The facts of `store` are exactly those of `want` ({"KEY": [TYPE, VALUE]}):
** an integer read as a 64-bit integer and compared with VALUE's digits, a
** number as a double with the double nearest VALUE (bit for bit), any
** other value byte for byte with VALUE (so an embedded NUL or a cut shows). */
static void stored_exactly(const char *store, const char *name, const char *want) {
  cJSON *w = cJSON_Parse(want);
  cr_assert(cJSON_IsObject(w), "EXPECT: %s: 'stores' takes a JSON object: %s", name, want);
  sqlite3 *h;
  sqlite3_stmt *st;
  cr_assert_eq(sqlite3_open_v2(store, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(h, "SELECT type, typeof(value), value FROM facts WHERE key = ?1", -1, &st, NULL),
               SQLITE_OK);
  int n = 0;
  for (const cJSON *f = w->child; f; f = f->next, n++) {
    const char *type = cJSON_GetStringValue(cJSON_GetArrayItem(f, 0)), *v = cJSON_GetStringValue(cJSON_GetArrayItem(f, 1));
    cr_assert(type && v, "EXPECT: %s: %s: [TYPE, VALUE] of two strings", name, f->string);
    sqlite3_bind_text(st, 1, f->string, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_ROW) {
      cr_expect_fail("%s: no fact %s", name, f->string);
      sqlite3_reset(st);
      continue;
    }
    const char *got = (const char *)sqlite3_column_text(st, 0), *sql_type = (const char *)sqlite3_column_text(st, 1);
    cr_expect_str_eq(got, type, "%s: %s: type", name, f->string);
    if (!strcmp(type, "integer")) {
      cr_expect_str_eq(sql_type, "integer", "%s: %s", name, f->string);
      cr_expect_eq(sqlite3_column_int64(st, 2), strtoll(v, NULL, 10), "%s: %s: %lld, want %s", name, f->string,
                   (long long)sqlite3_column_int64(st, 2), v);
    } else if (!strcmp(type, "number")) {
      double d = sqlite3_column_double(st, 2), e = strtod(v, NULL);
      cr_expect_str_eq(sql_type, "real", "%s: %s", name, f->string);
      cr_expect(!memcmp(&d, &e, sizeof d), "%s: %s: %.17g, want %s (%.17g)", name, f->string, d, v, e);
    } else {
      int len = sqlite3_column_bytes(st, 2);
      const void *b = sqlite3_column_blob(st, 2);
      cr_expect_str_eq(sql_type, "text", "%s: %s", name, f->string);
      cr_expect((size_t)len == strlen(v) && !memcmp(b, v, (size_t)len), "%s: %s: '%.*s' (%d bytes), want '%s'",
                name, f->string, len, (const char *)b, len, v);
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  cJSON_Delete(w);
  cr_expect_eq(sql_int(store, "SELECT count(*) FROM facts"), n, "%s: fact count", name);
}

/* One case: import tests/malformed/name into a fresh copy of the store. */
static void malformed_case(const char *name, const char *expect, const char *reference) {
  char rel[512];
  snprintf(rel, sizeof rel, "tests/malformed/%s", name);
  char *copy = path_join(dir, "case.db");
  copy_file(db, copy);
  char *before = dump(copy);
  cli_result r = import1(copy, rel);
  char *after = dump(copy);
  if (!strncmp(expect, "error ", 6)) {
    char want[1024];
    snprintf(want, sizeof want, "%s:%s", rel, expect + 6);
    cr_expect_eq(r.status, 1, "%s: exit %d, want 1 (stdout: %s)", name, r.status, r.out);
    cr_expect_str_empty(r.out, "%s: stdout: %s", name, r.out);
    cr_expect(strstr(r.err, want) != NULL, "%s: stderr lacks '%s':\n%s", name, want, r.err);
    cr_expect(strstr(r.err, "nothing was imported") != NULL, "%s: %s", name, r.err);
    cr_expect_str_eq(after, before, "%s: the store changed", name);
  } else if (!strncmp(expect, "stores ", 7)) {
    cr_expect_eq(r.status, 0, "%s: %s", name, r.err);
    stored_exactly(copy, name, expect + 7);
  } else if (!strcmp(expect, "same")) {
    cr_expect_eq(r.status, 0, "%s: %s", name, r.err);
    cr_expect_str_eq(after, reference, "%s: not the facts of reference.json", name);
  } else {
    long n = -1;
    cr_assert_eq(sscanf(expect, "ok %ld", &n), 1, "EXPECT: bad line for %s: %s", name, expect);
    cr_expect_eq(r.status, 0, "%s: %s", name, r.err);
    cr_expect_eq(sql_int(copy, "SELECT count(*) FROM facts"), n, "%s: fact count", name);
  }
  cli_free(&r);
  unlink(copy);
  free(copy); free(before); free(after);
}

static int listed(char names[][128], int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (!strcmp(names[i], name)) return 1;
  return 0;
}

/* about 60 cases, each its own store: minutes under the sanitizers on a loaded machine */
Test(import, malformed_files_are_refused_or_imported_as_expected, .timeout = 240) {
  char *expect = read_text(PARINDEX_TEST_DIR "/malformed/EXPECT", NULL);
  cr_assert_not_null(expect, "no tests/malformed/EXPECT");
  char *reference = facts_after("tests/malformed/reference.json");
  static char names[512][128];
  int n = 0, errors = 0;
  for (char *line = strtok(expect, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '#' || !line[0]) continue;
    char *sp = line + strcspn(line, " \t");
    cr_assert(*sp, "EXPECT: no expectation in '%s'", line);
    *sp++ = '\0';
    sp += strspn(sp, " \t");
    cr_assert_lt(n, 512);
    cr_assert(!listed(names, n, line), "EXPECT: %s listed twice", line);
    snprintf(names[n++], sizeof names[0], "%s", line);
    errors += !strncmp(sp, "error ", 6);
    malformed_case(line, sp, reference);
  }
  /* every file of the folder has its line: none is silently skipped */
  DIR *d = opendir(PARINDEX_TEST_DIR "/malformed");
  cr_assert_not_null(d);
  int files = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.' || !strcmp(e->d_name, "EXPECT") || !strcmp(e->d_name, "reference.json")) continue;
    files++;
    cr_expect(listed(names, n, e->d_name), "tests/malformed/%s has no line in EXPECT", e->d_name);
  }
  closedir(d);
  cr_expect_eq(files, n, "the folder has %d case files, EXPECT lists %d", files, n);
  cr_expect_geq(n, 40, "only %d malformed cases", n);
  cr_expect_geq(errors, 40, "only %d cases that must be refused", errors);
  free(expect); free(reference);
}
