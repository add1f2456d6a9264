/*
** test_store.c -- the SQLite store through store.h: schema and its version,
** put results, the facts of a year, and the append-only run ledger.
*/
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "store.h"

static char *dir, *db;
static store *s;
static char err[1024];

static void setup(void) {
  dir = tmp_folder();
  db = path_join(dir, "store.db");
  s = NULL;
}

static void teardown(void) {
  store_close(s);
  remove_tree(dir);
  free(dir); free(db);
}

TestSuite(store, .init = setup, .fini = teardown, .timeout = 60);

static void open_store(void) {
  s = store_open_or_create(db, NULL, err, sizeof err);
  cr_assert_not_null(s, "store_open_or_create: %s", err);
}

static long long query_int(const char *sql) { return sql_int(db, sql); }   /* the test store's */

/* Run sql on a connection of its own; returns the error message (malloc'd) or NULL. */
static char *exec_error(const char *sql) {
  sqlite3 *h;
  char *msg = NULL, *copy = NULL;
  cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
  if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK) copy = strdup(msg ? msg : sqlite3_errmsg(h));
  sqlite3_free(msg);
  sqlite3_close(h);
  return copy;
}

static void add_units(void) {
  put_result r;
  unit_info p = {"p", "Tỉnh P", "province", NULL};
  unit_info a = {"a", "Huyện A", "district", "p"};
  unit_info b = {"b", "Huyện B", "district", "p"};
  cr_assert_eq(store_put_unit(s, &p, &r), 0, "%s", store_errmsg(s));
  cr_assert_eq(store_put_unit(s, &a, &r), 0, "%s", store_errmsg(s));
  cr_assert_eq(store_put_unit(s, &b, &r), 0, "%s", store_errmsg(s));
}

static void put(const char *unit, int year, fact f) {
  put_result r;
  cr_assert_eq(store_put_fact(s, unit, year, &f, &r, NULL), 0, "%s", store_errmsg(s));
}

/* ---- schema ---- */

Test(store, open_creates_the_schema_at_the_current_version) {
  open_store();
  cr_expect_eq(query_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
  static const char *const tables[] = {"offices", "units", "facts", "runs", "run_totals", "run_units",
                                       "run_components_v3", "run_criteria_v3", "run_deductions_v3",
                                       "rule_texts", "run_files", "run_offices", "run_unit_facts",
                                       "run_facts", "run_audit", "fact_texts"};
  for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='%s'", tables[i]);
    cr_expect_eq(query_int(sql), 1, "no table %s", tables[i]);
  }
  static const char *const views[] = {"run_components", "run_criteria", "run_deductions"};
  for (size_t i = 0; i < sizeof views / sizeof *views; i++) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type='view' AND name='%s'", views[i]);
    cr_expect_eq(query_int(sql), 1, "no view %s", views[i]);
  }
  /* opening again keeps the store as it is */
  store_close(s);
  open_store();
  cr_expect_eq(query_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
}

Test(store, a_newer_schema_is_refused) {
  open_store();
  store_close(s);
  s = NULL;
  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA user_version=%d", STORE_SCHEMA_VERSION + 1);
  cr_assert_eq(sql_exec(db, sql), 0);
  err[0] = '\0';
  s = store_open(db, err, sizeof err);
  cr_expect_null(s, "a store of schema version %d was opened", STORE_SCHEMA_VERSION + 1);
  char want[128];
  snprintf(want, sizeof want, "store schema version %d is newer than this parindex supports (%d)",
           STORE_SCHEMA_VERSION + 1, STORE_SCHEMA_VERSION);
  cr_expect(strstr(err, want) != NULL, "%s", err);
  cr_expect(strstr(err, db) != NULL, "the message does not name the file: %s", err);
  cr_expect_eq(query_int("PRAGMA user_version"), STORE_SCHEMA_VERSION + 1, "the version was changed");
}

Test(store, a_file_that_is_not_sqlite_is_refused) {
  write_text(db, "plain text, not a database; plain text, not a database\n");
  s = store_open(db, err, sizeof err);
  cr_expect_null(s);
  cr_expect(strstr(err, db) != NULL && strstr(err, "is not a parindex store: it is not a SQLite database") != NULL,
            "%s", err);
}

/* ---- puts ---- */

Test(store, put_fact_says_new_same_or_updated) {
  open_store();
  add_units();
  put_result r;
  char *old = NULL;
  fact f = {.key = "k", .type = FT_NUMBER, .num = 86.75, .source = "src"};
  cr_assert_eq(store_put_fact(s, "a", 2022, &f, &r, &old), 0, "%s", store_errmsg(s));
  cr_expect_eq(r, PUT_NEW);
  cr_expect_null(old);
  cr_assert_eq(store_put_fact(s, "a", 2022, &f, &r, &old), 0);
  cr_expect_eq(r, PUT_SAME);
  cr_expect_null(old);
  f.num = 87.5;
  cr_assert_eq(store_put_fact(s, "a", 2022, &f, &r, &old), 0);
  cr_expect_eq(r, PUT_UPDATED);
  cr_expect_str_eq(old, "86.75");
  free(old);
  old = NULL;
  /* a new source alone is an update */
  f.source = "another source";
  cr_assert_eq(store_put_fact(s, "a", 2022, &f, &r, &old), 0);
  cr_expect_eq(r, PUT_UPDATED);
  free(old);
  old = NULL;
  /* integer 1 and number 1.0 are different facts */
  fact i = {.key = "n", .type = FT_INTEGER, .integer = 1};
  fact d = {.key = "n", .type = FT_NUMBER, .num = 1.0};
  cr_assert_eq(store_put_fact(s, "a", 2022, &i, &r, NULL), 0);
  cr_expect_eq(r, PUT_NEW);
  cr_assert_eq(store_put_fact(s, "a", 2022, &d, &r, &old), 0);
  cr_expect_eq(r, PUT_UPDATED);
  cr_expect_str_eq(old, "1");
  free(old);
  /* the same key in another year or unit is another fact */
  cr_assert_eq(store_put_fact(s, "a", 2021, &f, &r, NULL), 0);
  cr_expect_eq(r, PUT_NEW);
  cr_assert_eq(store_put_fact(s, "b", 2022, &f, &r, NULL), 0);
  cr_expect_eq(r, PUT_NEW);
  cr_expect_eq(query_int("SELECT count(*) FROM facts"), 4);
}

Test(store, put_office_and_unit_say_new_same_or_updated) {
  open_store();
  put_result r;
  cr_assert_eq(store_put_office(s, "noi-vu", "Phòng Nội vụ", &r), 0);
  cr_expect_eq(r, PUT_NEW);
  cr_assert_eq(store_put_office(s, "noi-vu", "Phòng Nội vụ", &r), 0);
  cr_expect_eq(r, PUT_SAME);
  cr_assert_eq(store_put_office(s, "noi-vu", "Phòng Nội vụ huyện", &r), 0);
  cr_expect_eq(r, PUT_UPDATED);
  unit_info u = {"d", "Huyện D", "district", NULL};
  cr_assert_eq(store_put_unit(s, &u, &r), 0);
  cr_expect_eq(r, PUT_NEW);
  cr_expect_eq(store_has_unit(s, "d"), 1);
  cr_expect_eq(store_has_unit(s, "e"), 0);
  cr_assert_eq(store_put_unit(s, &u, &r), 0);
  cr_expect_eq(r, PUT_SAME);
  u.parent = "p";                          /* NULL -> "p" is a change */
  cr_assert_eq(store_put_unit(s, &u, &r), 0);
  cr_expect_eq(r, PUT_UPDATED);
  cr_expect_eq(query_int("SELECT count(*) FROM units WHERE id='d' AND parent='p'"), 1);
}

Test(store, rollback_keeps_nothing) {
  open_store();
  put_result r;
  cr_assert_eq(store_begin(s), 0);
  cr_assert_eq(store_put_office(s, "x", "X", &r), 0);
  int64_t run;
  cr_assert_eq(store_run_new(s, "test", "rules", 2022, &run), 0, "%s", store_errmsg(s));
  store_rollback(s);
  store_rollback(s);                       /* safe without a transaction */
  cr_expect_eq(query_int("SELECT count(*) FROM offices"), 0);
  cr_expect_eq(query_int("SELECT count(*) FROM runs"), 0);
}

/* ---- facts of a year ---- */

typedef struct { char text[2048]; int calls; int stop_after; } seen;

static int collect(const unit_facts *uf, void *ud) {
  seen *w = ud;
  size_t n = strlen(w->text);
  n += (size_t)snprintf(w->text + n, sizeof w->text - n, "[%s %s %s %s %d]", uf->unit.id, uf->unit.name,
                        uf->unit.kind, uf->unit.parent ? uf->unit.parent : "-", uf->year);
  for (size_t i = 0; i < uf->n; i++) {
    const fact *f = &uf->facts[i];
    char v[256];
    switch (f->type) {
    case FT_NUMBER: snprintf(v, sizeof v, "%g", f->num); break;
    case FT_INTEGER: case FT_BOOLEAN: snprintf(v, sizeof v, "%lld", f->integer); break;
    default: snprintf(v, sizeof v, "%s", f->text);
    }
    n += (size_t)snprintf(w->text + n, sizeof w->text - n, " %s:%s=%s(%s;%s)", f->key,
                          fact_type_name(f->type), v, f->source ? f->source : "-", f->note ? f->note : "-");
  }
  w->calls++;
  return w->stop_after && w->calls >= w->stop_after ? 7 : 0;
}

Test(store, facts_of_a_year_sorted_by_key_grouped_by_unit) {
  open_store();
  add_units();
  /* put in no particular order */
  put("b", 2022, (fact){.key = "z", .type = FT_TEXT, .text = "zed", .source = "s1"});
  put("a", 2022, (fact){.key = "m", .type = FT_BOOLEAN, .integer = 1});
  put("b", 2022, (fact){.key = "c", .type = FT_DATE, .text = "2022-06-24", .note = "n"});
  put("a", 2022, (fact){.key = "b", .type = FT_NUMBER, .num = 86.75});
  put("a", 2021, (fact){.key = "old", .type = FT_INTEGER, .integer = 1});
  put("a", 2022, (fact){.key = "l", .type = FT_LIST, .text = "[{\"x\":1}]"});
  put("a", 2022, (fact){.key = "a", .type = FT_INTEGER, .integer = 22});
  seen w = {0};
  cr_assert_eq(store_each_unit_facts(s, 2022, NULL, collect, &w), 0, "%s", store_errmsg(s));
  cr_expect_eq(w.calls, 2);
  cr_expect_str_eq(w.text,
                   "[a Huyện A district p 2022] a:integer=22(-;-) b:number=86.75(-;-)"
                   " l:list=[{\"x\":1}](-;-) m:boolean=1(-;-)"
                   "[b Huyện B district p 2022] c:date=2022-06-24(-;n) z:text=zed(s1;-)");
  /* one unit */
  seen one = {0};
  cr_assert_eq(store_each_unit_facts(s, 2022, "b", collect, &one), 0);
  cr_expect_eq(one.calls, 1);
  cr_expect(strncmp(one.text, "[b ", 3) == 0, "%s", one.text);
  /* a year without facts: no call */
  seen none = {0};
  cr_assert_eq(store_each_unit_facts(s, 2030, NULL, collect, &none), 0);
  cr_expect_eq(none.calls, 0);
  /* a callback's non-zero result stops the walk and is returned */
  seen stop = {.stop_after = 1};
  cr_expect_eq(store_each_unit_facts(s, 2022, NULL, collect, &stop), 7);
  cr_expect_eq(stop.calls, 1);
}

/* ---- the run ledger ---- */

static const char units_json[] =
  "{ \"offices\": [ {\"id\": \"noi-vu\", \"name\": \"Phòng Nội vụ\"} ],\n"
  "  \"units\": [ {\"id\": \"d1\", \"name\": \"Huyện D1\", \"kind\": \"district\"} ],\n"
  "  \"unit\": \"d1\", \"year\": 2022, \"facts\": [ {\"key\": \"a\", \"value\": 3} ] }\n";

static const char rules_lua[] =
  "index { name = \"Test index\", total = 10, appraisal = { \"1\" }, survey = {} }\n"
  "component \"1\" { name = \"One\", max = 10, owner = \"noi-vu\" }\n"
  "criterion \"1.1\" { name = \"c11\", max = 10, owner = \"noi-vu\",\n"
  "  score = function(u, p)\n"
  "    if u.fact(\"a\") < 5 then u.lose(1, \"a is %d\", u.fact(\"a\")) end\n"
  "  end }\n";

/* A store with one scored run (through the real binary); returns the rules folder. */
static char *scored_store(const char *lua) {
  char *data = path_join(dir, "data.json"), *rules = path_join(dir, "rules");
  char *file = path_join(rules, "rules.lua");
  cr_assert_eq(mkdir(rules, 0700), 0);
  write_text(data, units_json);
  write_text(file, lua);
  cli_result r = cli_run((const char *const[]){"--db", db, "import", data, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "score", "--rules", rules, "--year", "2022", NULL});
  if (lua == rules_lua) cr_assert_eq(r.status, 0, "%s", r.err);
  else cr_assert_eq(r.status, 1, "the broken rulebook scored: %s", r.out);
  cli_free(&r);
  free(data); free(file);
  return rules;
}

Test(store, run_tables_are_append_only) {
  free(scored_store(rules_lua));
  cr_assert_eq(query_int("SELECT count(*) FROM runs"), 1);
  cr_assert_eq(query_int("SELECT count(*) FROM run_deductions"), 1);
  static const char *const refused[] = {
    "UPDATE runs SET year = 1",
    "DELETE FROM runs",
    "DELETE FROM run_units",
    "UPDATE run_units SET total = 10000",
    "UPDATE run_units SET ledger = NULL",
    "DELETE FROM run_totals",
    "DELETE FROM run_criteria_v3",            /* the rows of runs stored before v4 */
    "UPDATE run_criteria_v3 SET points = 1000",
  };
  char *v3 = exec_error("INSERT INTO run_criteria_v3 VALUES(1, 'u', 'c', 100, 100, NULL)");
  cr_assert_null(v3, "%s", v3);
  for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
    char *e = exec_error(refused[i]);
    cr_expect(e && strstr(e, "append-only"), "%s: %s", refused[i], e ? e : "accepted");
    free(e);
  }
  static const char *const views[] = {         /* the ledger's rows are a view of run_units */
    "DELETE FROM run_deductions",
    "UPDATE run_deductions SET points = 0",
    "DELETE FROM run_components",
    "UPDATE run_criteria SET points = 1000",
  };
  for (size_t i = 0; i < sizeof views / sizeof *views; i++) {
    char *e = exec_error(views[i]);
    cr_expect(e && strstr(e, "is a view"), "%s: %s", views[i], e ? e : "accepted");
    free(e);
  }
  cr_expect_eq(query_int("SELECT count(*) FROM run_deductions"), 1);
  cr_expect_eq(query_int("SELECT year FROM runs"), 2022);
  cr_expect_eq(query_int("SELECT total FROM run_units"), 900);
  /* appending is what the ledger is for */
  char *e = exec_error("INSERT INTO runs(created, engine, rules, year) VALUES('now', 'test', 'r', 2023)");
  cr_expect_null(e, "%s", e);
  free(e);
}

Test(store, a_failed_score_stores_no_run) {
  static const char broken[] =
    "index { name = \"Test index\", total = 10, appraisal = { \"1\" }, survey = {} }\n"
    "component \"1\" { name = \"One\", max = 10, owner = \"noi-vu\" }\n"
    "criterion \"1.1\" { name = \"c11\", max = 10, owner = \"noi-vu\",\n"
    "  score = function(u, p)\n"
    "    u.lose(1, \"first\")\n"
    "    if u.fact(\"a\") < nil then end\n"
    "  end }\n";
  free(scored_store(broken));
  static const char *const tables[] = {"runs", "run_totals", "run_units", "run_components",
                                       "run_criteria", "run_deductions"};
  for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
    cr_expect_eq(query_int(sql), 0, "%s has rows after a failed score", tables[i]);
  }
}
