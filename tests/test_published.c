/*
** test_published.c -- parindex published: the results a decision published,
** imported (JSON as data/lai-chau/published holds them, CSV with the
** decision in options; the Excel table is read back in scripts/xlsx-test.sh),
** checked before anything is stored, never changed once stored; and the
** report that takes the rank, the other units' totals and the year before
** from them when the store holds only its own unit's facts.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "helpers.h"

static char *dir, *db;

/* A store with the units and Mường Tè's 2022 facts only. */
static void only_setup(void) {
  dir = tmp_folder();
  db = path_join(dir, "only.db");
  cli_result r = cli_run((const char *const[]){"--db", db, "import", PARINDEX_SOURCE_DIR "/data/lai-chau/units.json",
                                               PARINDEX_SOURCE_DIR "/data/lai-chau/muong-te-2022.json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
}

static void only_teardown(void) {
  remove_tree(dir);
  free(dir);
  free(db);
}

TestSuite(published, .init = only_setup, .fini = only_teardown);

static char *file(const char *name, const char *text) {
  char *p = path_join(dir, name);
  write_text(p, text);
  return p;
}

static cli_result published(const char *const *more) {
  const char *args[32] = {"--db", db, "published"};
  int n = 3;
  while (*more && n < 31) args[n++] = *more++;
  args[n] = NULL;
  return cli_run(args);
}

static const char *const decision_csv =
  "unit;name;total;rank\n"
  "thanh-pho-lai-chau;Thành phố Lai Châu;82,10;1\n"
  "tam-duong;Huyện Tam Đường;77,31;2\n"
  "muong-te;;65,84;7\n"
  "sin-ho;Huyện Sìn Hồ;63,02;8\n";

#define DECISION_OPTS "--year", "2022", "--kind", "district", "--decision", "701/QĐ-UBND", "--date", "2023-05-24", \
                      "--units", "8", "--body", "UBND tỉnh Lai Châu"

Test(published, imported_once_never_changed_and_replaced_by_a_corrected_decision) {
  const char *j22 = PARINDEX_SOURCE_DIR "/data/lai-chau/published/2022.json";
  cli_result r = published((const char *const[]){j22, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "2022, district units: decision 701/QĐ-UBND of 2023-05-24, 1 result (decision 1, 8 units "
                          "ranked)") != NULL, "%s", r.out);
  cli_free(&r);
  /* the same decision again: nothing changes */
  r = published((const char *const[]){j22, NULL});
  cr_expect_eq(r.status, 0);
  cr_expect(strstr(r.out, "is in the store already (decision 1): nothing changed") != NULL, "%s", r.out);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM published_decisions"), 1);
  /* the stored decision is not edited or deleted by hand */
  cr_expect_neq(sql_exec(db, "UPDATE published_results SET rank = 1"), 0, "a published rank was edited");
  cr_expect_neq(sql_exec(db, "DELETE FROM published_decisions"), 0, "a published decision was deleted");
  cr_expect_eq(sql_int(db, "SELECT rank FROM published_results"), 7);
  /* the decision's full table, from a CSV: in force, the first kept */
  char *csv = file("qd701.csv", decision_csv);
  r = published((const char *const[]){csv, DECISION_OPTS, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "4 results (decision 2, 8 units ranked; replaces decision 1)") != NULL, "%s", r.out);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM published_results"), 5);
  cJSON *l = cli_json((const char *const[]){"--db", db, "published", "--list", "--format", "json", NULL});
  cr_assert(cJSON_IsArray(l) && cJSON_GetArraySize(l) == 1);
  cJSON *res = cJSON_GetObjectItem(cJSON_GetArrayItem(l, 0), "results");
  cr_assert_eq(cJSON_GetArraySize(res), 4);
  cJSON *mt = cJSON_GetArrayItem(res, 2);
  cr_expect_str_eq(cJSON_GetObjectItem(mt, "unit")->valuestring, "muong-te");
  cr_expect_str_eq(cJSON_GetObjectItem(mt, "name")->valuestring, "Huyện Mường Tè", "the store's name");
  cr_expect_eq(cJSON_GetObjectItem(mt, "total")->valuedouble, 65.84);
  cr_expect_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(l, 0), "id")->valueint, 2);
  cJSON_Delete(l);
  free(csv);
}

Test(published, a_bad_decision_is_refused_naming_file_line_and_field_and_nothing_is_stored) {
  static const char *const bad[][3] = {
    {"a.json", "{\"year\": 2022,\n \"results\": [{\"unit\": \"muong-te\", \"rank\": 7, \"totl\": 65.84}]}", "a.json:2: results[0].totl: not a field"},
    {"b.json", "{\"year\": 2022, \"results\": [{\"unit\": \"muong-te\", \"rank\": 7, \"total\": 65.845}]}", "b.json:1: results[0].total: must be points"},
    {"c.json", "{\"year\": 2022, \"results\": [{\"unit\": \"muong-te\", \"rank\": 07}]}", "c.json:1:58: JSON syntax error"},
    {"d.json", "{\"year\": 2022, \"units\": 8, \"results\": [{\"unit\": \"muong-te\", \"rank\": 9}]}", "rank: 9 is beyond the 8 units"},
    {"e.json", "{\"year\": 2022, \"results\": [{\"unit\": \"nowhere\", \"rank\": 1}]}", "name: unit 'nowhere' is not in the store"},
    {"f.json", "{\"year\": 2022, \"kind\": \"district\", \"results\": [{\"unit\": \"xa-muong-te\", \"rank\": 1}]}", "'xa-muong-te' is a commune"},
    {"g.json", "{\"year\": 2022, \"kind\": \"distric\", \"results\": [{\"unit\": \"muong-te\", \"rank\": 1}]}", "no unit of kind 'distric'"},
    {"h.json", "{\"year\": 2022, \"results\": [{\"unit\": \"muong-te\", \"rank\": 1, \"total\": 60}, "
               "{\"unit\": \"sin-ho\", \"rank\": 2, \"total\": 61}]}", "a higher total cannot rank lower"},
    {"i.json", "{\"year\": 2022, \"results\": [{\"unit\": \"muong-te\", \"rank\": 1}, {\"unit\": \"muong-te\", \"rank\": 2}]}", "listed twice"},
    {"j.json", "{\"year\": 2022, \"decision\": {\"date\": \"2021-12-31\"}, \"results\": [{\"unit\": \"muong-te\", \"rank\": 1}]}", "before the year 2022"},
    {"k.json", "{\"year\": 2022, \"decision\": {\"number\": 701}, \"results\": [{\"unit\": \"muong-te\", \"rank\": 1}]}", "decision.number: must be a string"},
    {"l.json", "{\"year\": 2022, \"results\": []}", "at least one result"},
    {"m.csv", "unit,rank,score\nmuong-te,7,1\n", "m.csv:1: header: column 'score'"},
    {"n.csv", "unit,rank,total\nmuong-te,7,\"65,845\"\n", "n.csv:2: total: '65,845'"},
    {"o.csv", "unit,rank\nmuong-te,7.0\n", "o.csv:2: rank: '7.0' is not a whole number"},
    {"p.csv", "name,total\nHuyện Mường Tè,65.84\n", "p.csv:1: header: expected the columns unit and rank"},
    {"q.csv", "unit,rank,name\nmuong-te,7,M\xff\n", "q.csv:2:13: invalid UTF-8"},
    {"r.json", "{\"year\": 2022, \"results\": [{\"unit\": \"muong-te\", \"rank\": 7, \"name\": \"M\xff\"}]}", "r.json:1:70: invalid UTF-8"},
  };
  char *good = file("good.csv", decision_csv);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char *f = file(bad[i][0], bad[i][1]);
    int csv = strstr(bad[i][0], ".csv") != NULL;
    /* the good table first: nothing of it is stored either */
    cli_result r = csv ? published((const char *const[]){good, f, "--year", "2022", "--kind", "district", NULL})
                       : published((const char *const[]){f, NULL});
    cr_expect_eq(r.status, 1, "%s accepted", bad[i][0]);
    cr_expect(strstr(r.err, bad[i][2]) != NULL, "%s: %s", bad[i][0], r.err);
    cr_expect(strstr(r.err, "nothing was stored") != NULL);
    cli_free(&r);
    free(f);
  }
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM published_decisions"), 0);
  /* the decision of a .json file is its own; a table needs the year */
  char *j = file("ok.json", "{\"year\": 2022, \"results\": [{\"unit\": \"muong-te\", \"rank\": 7}]}");
  cli_result r = published((const char *const[]){j, "--year", "2022", NULL});
  cr_expect(r.status == 1 && strstr(r.err, "a .json decision gives its own year"), "%s", r.err);
  cli_free(&r);
  r = published((const char *const[]){good, NULL});
  cr_expect(r.status == 1 && strstr(r.err, "give the decision's --year"), "%s", r.err);
  cli_free(&r);
  /* two decisions of one year and kind in one import */
  r = published((const char *const[]){good, good, "--year", "2022", "--kind", "district", NULL});
  cr_expect(r.status == 1 && strstr(r.err, "is also in"), "%s", r.err);
  cli_free(&r);
  r = published((const char *const[]){"--list", "--decision", "x", NULL});
  cr_expect_eq(r.status, 2);
  cli_free(&r);
  cr_expect_eq(sql_int(db, "SELECT count(*) FROM published_decisions"), 0);
  free(j);
  free(good);
}

Test(published, the_report_ranks_as_the_decision_published) {
  char *csv = file("qd701.csv", decision_csv);
  cli_result r = published((const char *const[]){csv, DECISION_OPTS, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "tại Quyết định số 701/QĐ-UBND, ngày 24/5/2023") != NULL);
  cr_expect(strstr(r.out, "| Điểm HĐTĐ cấp tỉnh |") != NULL, "a district is appraised by the province's council");
  cr_expect(strstr(r.out, "đạt 65,84 điểm, xếp hạng 7/8.") != NULL, "the published rank");
  cr_expect(strstr(r.out, "**Xếp hạng Chỉ số CCHC năm 2022 của 8 đơn vị (công bố tại Quyết định số 701/QĐ-UBND)**")
            != NULL, "%s", r.out);
  const char *t = strstr(r.out, "| 1 | Thành phố Lai Châu | 82,10 |");
  cr_expect(t && strstr(t, "| 2 | Huyện Tam Đường | 77,31 |") && strstr(t, "| 7 | **Huyện Mường Tè** | 65,84 |") &&
            strstr(t, "| 8 | Huyện Sìn Hồ | 63,02 |"), "the decision's table, in rank order");
  cr_expect(strstr(r.out, "(*)") == NULL, "published totals are not illustrative");
  cr_expect_eq(r.err[0], '\0', "a warning though the figures agree: %s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", "--no-ranking", NULL});
  cr_expect(strstr(r.out, "Thành phố Lai Châu") == NULL && strstr(r.out, "xếp hạng 7/8") != NULL,
            "--no-ranking leaves the others out, not the unit's rank");
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", "--format", "html", NULL});
  cr_expect(strstr(r.out, "1. Thành phố Lai Châu</text>") != NULL, "the HTML chart's bars are the decision's");
  cli_free(&r);
  /* a decision whose total is not the computed one: the report says so, on stderr */
  char *j = file("wrong.json", "{\"year\": 2022, \"kind\": \"district\", \"units\": 8, \"decision\": {\"number\": \"9/QĐ\"},"
                               " \"results\": [{\"unit\": \"muong-te\", \"rank\": 6, \"total\": 65.90}]}");
  r = published((const char *const[]){j, NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", NULL});
  cr_expect_eq(r.status, 0);
  cr_expect(strstr(r.err, "muong-te 2022: the score is 65.84, the decision (9/QĐ) published 65.90") != NULL, "%s", r.err);
  cr_expect(strstr(r.out, "xếp hạng 6/8") != NULL);
  cli_free(&r);
  /* a published-Y.json left in the documents folder is not read, and the report says so */
  char *docs = path_join(dir, "docs");
  char cmd[8192];
  snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s' '%s/published-2022.json'", docs, j, docs);
  cr_assert_eq(system(cmd), 0);
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", "--documents", docs, NULL});
  cr_expect_eq(r.status, 0);
  cr_expect(strstr(r.err, "published-2022.json is not read") == NULL, "a decision is in the store: %s", r.err);
  cli_free(&r);
  free(docs);
  free(j);
  free(csv);
}

Test(published, a_kinds_decision_is_its_own) {
  cli_result r = cli_run((const char *const[]){"--db", db, "import", PARINDEX_SOURCE_DIR "/data/lai-chau/xa-muong-te-2022.json",
                                               NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  /* the district's decision on its communes, for the communes only */
  char *csv = file("communes.csv", "unit,rank\nxa-muong-te,3\n");
  r = published((const char *const[]){csv, "--year", "2022", "--kind", "commune", "--parent", "tam-duong", NULL});
  cr_expect(r.status == 1 && strstr(r.err, "communes.csv:2: unit: 'xa-muong-te' is under muong-te, the decision ranks "
                                    "the units under tam-duong"), "%s", r.err);
  cli_free(&r);
  r = published((const char *const[]){csv, "--year", "2022", "--kind", "commune", "--parent", "muong-te", "--decision",
                                      "55/QĐ-UBND", "--units", "14", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cli_free(&r);
  /* the district's report: no decision of its kind; the file of an earlier parindex is named, not read */
  char *docs = path_join(dir, "docs");
  cr_assert_eq(mkdir(docs, 0700), 0);
  put_file(docs, "published-2022.json", "{\"year\": 2022}");
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "muong-te", "--year", "2022", "--documents", docs, NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "55/QĐ-UBND") == NULL && strstr(r.out, "tại Quyết định số …") != NULL,
            "a district's report cites the communes' decision");
  cr_expect(strstr(r.err, "docs/published-2022.json is not read: the published results come from the store; import them "
                          "with parindex published") != NULL, "%s", r.err);
  cli_free(&r);
  free(docs);
  r = cli_run((const char *const[]){"--db", db, "report", "--unit", "xa-muong-te", "--year", "2022", NULL});
  cr_expect_eq(r.status, 0, "%s", r.err);
  cr_expect(strstr(r.out, "tại Quyết định số 55/QĐ-UBND") != NULL && strstr(r.out, "xếp hạng 3/14") != NULL,
            "the commune's report: %.3000s", r.out);
  cr_expect(strstr(r.out, "| Điểm thẩm định cấp huyện |") != NULL, "a commune is appraised by its district's council");
  cli_free(&r);
  /* --list names both kinds' decisions: only the communes' here */
  r = published((const char *const[]){"--list", "--year", "2022", NULL});
  cr_expect(strstr(r.out, "2022, commune units under muong-te: decision 55/QĐ-UBND, 14 units ranked") != NULL, "%s", r.out);
  cli_free(&r);
  free(csv);
}
