/*
** test_json_writer.c -- the ledger's JSON writer escapes strings byte for byte as
** cJSON does (the stored ledger must not change with the writer).
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <string.h>

#include "json_writer.h"

static void same_as_cjson(const char *s) {
  jsonw w = {0};
  JSONW_LIT(&w, "[");
  jsonw_str(&w, s);
  JSONW_LIT(&w, "]");
  cJSON *a = cJSON_CreateArray();
  cJSON_AddItemToArray(a, cJSON_CreateString(s));
  char *want = cJSON_PrintUnformatted(a);
  cr_expect_str_eq(jsonw_text(&w), want);
  cJSON_free(want);
  cJSON_Delete(a);
  jsonw_free(&w);
}

Test(jsonw, strings_escape_as_cjson) {
  same_as_cjson("");
  same_as_cjson("plain text");
  same_as_cjson("Khắc phục: 51 hồ sơ quá hạn (42%)");
  same_as_cjson("quote \" and backslash \\ inside");
  same_as_cjson("tab\tnew line\ncarriage\rbell\aback\bfeed\f\x01\x1f end");
  same_as_cjson("\"\\\"");
}

Test(jsonw, reset_keeps_writing) {
  jsonw w = {0};
  JSONW_LIT(&w, "{\"a\":");
  jsonw_str(&w, "x");
  JSONW_LIT(&w, "}");
  cr_expect_str_eq(jsonw_text(&w), "{\"a\":\"x\"}");
  jsonw_reset(&w);
  for (int i = 0; i < 1000; i++) jsonw_str(&w, "0123456789");
  cr_expect_eq(strlen(jsonw_text(&w)), 12000u);
  jsonw_free(&w);
}
