/*
** test_rank.c -- ranking (competition ties), rating bands from the
** rulebook, and rank with the bundled data: Mường Tè 7th of 8 in 2021 and
** 2022 with its published totals (tests/golden/muong-te-published.json).
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "province.h"

/* ---- province_rank on results made by hand ---- */

static meth_band bands[] = {{8000, "Tốt"}, {7000, "Khá"}, {6000, "Trung bình"}, {0, "Yếu"}};

static standing *rank_totals(const pts_t *totals, int n, engine_results *res, methodology *rb) {
  static const char *const ids[] = {"a", "b", "c", "d", "e", "f"};
  memset(rb, 0, sizeof *rb);
  rb->bands = bands;
  rb->nbands = 4;
  res->units = calloc((size_t)n, sizeof *res->units);
  res->n = n;
  for (int i = 0; i < n; i++) {
    res->units[i].unit.id = ids[i];
    res->units[i].total = totals[i];
  }
  return province_rank(rb, res);
}

Test(rank, ties_share_a_rank_competition_style) {
  const pts_t totals[] = {7000, 9000, 8000, 8000, 5999};   /* a=70, b=90, c=80, d=80, e=59.99 */
  engine_results res;
  methodology rb;
  standing *s = rank_totals(totals, 5, &res, &rb);
  const char *order[] = {"b", "c", "d", "a", "e"};
  const int ranks[] = {1, 2, 2, 4, 5};
  for (int i = 0; i < 5; i++) {
    cr_expect_str_eq(s[i].r->unit.id, order[i], "position %d", i);
    cr_expect_eq(s[i].rank, ranks[i], "%s: rank %d, want %d", s[i].r->unit.id, s[i].rank, ranks[i]);
  }
  free(s);
  free(res.units);
}

Test(rank, three_way_tie_at_the_top) {
  const pts_t totals[] = {8000, 8000, 8000, 7999};
  engine_results res;
  methodology rb;
  standing *s = rank_totals(totals, 4, &res, &rb);
  cr_expect_eq(s[0].rank, 1);
  cr_expect_eq(s[1].rank, 1);
  cr_expect_eq(s[2].rank, 1);
  cr_expect_eq(s[3].rank, 4);
  free(s);
  free(res.units);
}

Test(rank, bands_by_threshold) {
  const pts_t totals[] = {8000, 7999, 7000, 6000, 5999, 0};
  const char *want[] = {"Tốt", "Khá", "Khá", "Trung bình", "Yếu", "Yếu"};
  engine_results res;
  methodology rb;
  standing *s = rank_totals(totals, 6, &res, &rb);
  for (int i = 0; i < 6; i++)
    cr_expect_str_eq(s[i].band, want[i], "total %lld", (long long)s[i].r->total);
  rb.nbands = 0;
  cr_expect_null(methodology_band(&rb, 9000), "no bands declared: no band");
  free(s);
  free(res.units);
}

/* ---- bands declared in a rulebook ---- */

static const char *MINI =
  "index { name = \"Mini\", total = 10, appraisal = { \"1\" }, survey = {} }\n"
  "component \"1\" { name = \"One\", max = 10, owner = \"noi-vu\" }\n"
  "criterion \"1.1\" { name = \"All\", max = 10, owner = \"noi-vu\", score = function(u, p) end }\n";

static cli_result rank_with_bands(const char *bands_lua) {
  char *dir = tmp_folder(), *rules = path_join(dir, "rules"), *db = bundled_store();
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "mkdir -p %s", rules);
  cr_assert_eq(system(cmd), 0);
  char *f1 = path_join(rules, "00_index.lua"), *f2 = path_join(rules, "01_bands.lua");
  write_text(f1, MINI);
  write_text(f2, bands_lua);
  cli_result r = cli_run((const char *const[]){"--db", db, "rank", "--rules", rules, "--year", "2022", "--format",
                                               "json", NULL});
  free(f1); free(f2); free(rules); free(dir); free(db);
  return r;
}

Test(rank, bands_declared_in_the_rulebook) {
  cli_result r = rank_with_bands("bands { { min = 0, name = \"Thấp\" }, { min = 10, name = \"Tối đa\" } }\n");
  cr_assert_eq(r.status, 0, "%s", r.err);
  cJSON *o = cJSON_Parse(r.out);
  cr_assert_not_null(o);
  const cJSON *u;
  int n = 0;
  cJSON_ArrayForEach(u, cJSON_GetObjectItem(o, "units")) {
    n++;
    cr_expect_str_eq(cJSON_GetObjectItem(u, "band")->valuestring, "Tối đa", "every unit has 10/10 here");
    cr_expect_eq(cJSON_GetObjectItem(u, "rank")->valueint, 1, "all equal: all first");
  }
  cr_expect_eq(n, 22, "a rulebook whose folder names no kind scores every unit: 8 districts, 14 communes");
  cJSON_Delete(o);
  cli_free(&r);
}

Test(rank, bad_bands_are_refused_with_file_and_line) {
  cli_result r = rank_with_bands("\n\nbands { { min = 5, name = \"A\" }, { min = 5, name = \"B\" } }\n");
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "01_bands.lua:3") != NULL, "no file:line in: %s", r.err);
  cr_expect(strstr(r.err, "same min") != NULL, "%s", r.err);
  cli_free(&r);
  r = rank_with_bands("bands { { min = 50, name = \"Impossible\" } }\n");
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "above the index total") != NULL, "%s", r.err);
  cli_free(&r);
  r = rank_with_bands("bands { { min = 5, label = \"A\" } }\n");
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.err, "unknown field 'label'") != NULL, "%s", r.err);
  cli_free(&r);
}

/* ---- the bundled province ---- */

#define db golden_db         /* the fixture of helpers.h */
#define published golden

static void check_year(const char *year) {
  const cJSON *pub = cJSON_GetObjectItem(cJSON_GetObjectItem(published, "years"), year);
  int peers = cJSON_GetObjectItem(published, "peer_units")->valueint;
  cli_result r = cli_run((const char *const[]){"--db", db, "rank", "--year", year, "--kind", "district", "--format", "json", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cJSON *o = cJSON_Parse(r.out);
  cr_assert_not_null(o, "not JSON: %s", r.out);
  cr_expect_eq(cJSON_GetObjectItem(o, "year")->valueint, atoi(year));
  const cJSON *units = cJSON_GetObjectItem(o, "units"), *u, *mt = NULL;
  cr_expect_eq(cJSON_GetArraySize(units), peers, "%s: %d units, published %d", year, cJSON_GetArraySize(units), peers);
  double prev = 1e9;
  cJSON_ArrayForEach(u, units) {
    const char *names[] = {"unit", "par_index", "appraisal_points", "survey_points", "rank", "band"};
    for (int i = 0; i < 6; i++) cr_assert_not_null(cJSON_GetObjectItem(u, names[i]), "missing %s", names[i]);
    double t = cJSON_GetObjectItem(u, "par_index")->valuedouble;
    cr_expect(t <= prev, "not sorted by PAR index");
    prev = t;
    if (!strcmp(cJSON_GetObjectItem(u, "unit")->valuestring, "muong-te")) mt = u;
  }
  cr_assert_not_null(mt, "muong-te not ranked");
  cr_expect_eq(cJSON_GetObjectItem(mt, "rank")->valueint, cJSON_GetObjectItem(pub, "rank")->valueint);
  cr_expect_eq(llround(cJSON_GetObjectItem(mt, "par_index")->valuedouble * 100),
               llround(cJSON_GetObjectItem(pub, "par_index")->valuedouble * 100));
  cr_expect(cJSON_IsFalse(cJSON_GetObjectItem(mt, "illustrative")), "Mường Tè's facts are not illustrative");
  cJSON_Delete(o);
  cli_free(&r);
}

Test(rank, muong_te_2022_7th_of_8, .init = golden_setup, .fini = golden_teardown) { check_year("2022"); }
Test(rank, muong_te_2021_7th_of_8, .init = golden_setup, .fini = golden_teardown) { check_year("2021"); }

Test(rank, bundled_data_exercises_ties_and_every_band, .init = golden_setup, .fini = golden_teardown) {
  const char *years[] = {"2021", "2022"};
  int tie_seen = 0;
  char bands_seen[256] = "";
  for (int y = 0; y < 2; y++) {
    cli_result r = cli_run((const char *const[]){"--db", db, "rank", "--year", years[y], "--kind", "district", "--format", "json", NULL});
    cr_assert_eq(r.status, 0);
    cJSON *o = cJSON_Parse(r.out);
    const cJSON *u;
    int prev_rank = 0, pos = 0;
    cJSON_ArrayForEach(u, cJSON_GetObjectItem(o, "units")) {
      int rank = cJSON_GetObjectItem(u, "rank")->valueint;
      pos++;
      if (rank == prev_rank) tie_seen = 1;
      else cr_expect_eq(rank, pos, "competition ranking: after a tie the rank skips");
      prev_rank = rank;
      const char *b = cJSON_GetObjectItem(u, "band")->valuestring;
      if (!strstr(bands_seen, b) && strlen(bands_seen) + strlen(b) + 2 < sizeof bands_seen)
        strcat(strcat(bands_seen, b), "|");
    }
    cJSON_Delete(o);
    cli_free(&r);
  }
  cr_expect(tie_seen, "no tie in the bundled data");
  const char *all[] = {"Tốt", "Khá", "Trung bình", "Yếu"};
  for (int i = 0; i < 4; i++) cr_expect(strstr(bands_seen, all[i]) != NULL, "band %s never used", all[i]);
}

Test(rank, csv_is_utf8_with_bom, .init = golden_setup, .fini = golden_teardown) {
  cli_result r = cli_run((const char *const[]){"--db", db, "rank", "--year", "2022", "--format", "csv", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(!strncmp(r.out, "\xEF\xBB\xBFyear,rank,unit,name,", 23), "no BOM + header: %.40s", r.out);
  cr_expect(strstr(r.out, "2022,7,muong-te,Huyện Mường Tè,42.56,23.28,65.84,Trung bình,false,district,lai-chau\r\n") != NULL, "%s", r.out);
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "tasks", "--year", "2022", "--unit", "muong-te", "--format", "csv", NULL});
  cr_assert_eq(r.status, 0, "%s", r.err);
  cr_expect(!strncmp(r.out, "\xEF\xBB\xBFunit,year,office,", 20), "tasks csv: %.40s", r.out);
  cr_expect(strstr(r.out, ",\"Sai phạm trong thực hiện chế độ tự chủ và sử dụng kinh phí quản lý hành chính, đơn vị") != NULL,
            "quoted field with commas missing");
  cli_free(&r);
  r = cli_run((const char *const[]){"--db", db, "score", "--year", "2022", "--format", "csv", NULL});
  cr_expect_eq(r.status, 2, "csv is not a score format");
  cli_free(&r);
}
