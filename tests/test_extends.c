/*
** test_extends.c -- yearly inheritance (`extends`, change_*, replace_*,
** remove_*): the bundled 2021 against 2022, and mistakes in changes.
*/
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* The JSON without the keys that name files or carry the basis text. */
static char *json_without_places(const char *text) {
  cJSON *o = cJSON_Parse(text);
  cr_assert_not_null(o, "not JSON: %s", text);
  cJSON *stack[4096];
  int n = 0;
  stack[n++] = o;
  while (n) {
    cJSON *x = stack[--n];
    cJSON_DeleteItemFromObjectCaseSensitive(x, "basis");
    cJSON_DeleteItemFromObjectCaseSensitive(x, "defined_at");
    cJSON_DeleteItemFromObjectCaseSensitive(x, "rules");
    cJSON_DeleteItemFromObjectCaseSensitive(x, "run");          /* the stored run's number */
    for (cJSON *c = x->child; c; c = c->next)
      if ((cJSON_IsObject(c) || cJSON_IsArray(c)) && n < 4096) stack[n++] = c;
  }
  char *s = cJSON_Print(o);
  cJSON_Delete(o);
  return s;
}

Test(inheritance, bundled_2021_scores_like_its_flat_form) {
  char *db = bundled_store();
  static const char *const cmds[] = {"score", "explain", "tasks"};
  for (int i = 0; i < 3; i++) {
    const char *const flat_args[] = {"--db", db, cmds[i], "--rules", "tests/rules-flat/2021", "--year", "2021",
                                     "--unit", "muong-te", "--format", "json", NULL};
    const char *const inh_args[] = {"--db", db, cmds[i], "--rules", R2021, "--year", "2021",
                                    "--unit", "muong-te", "--format", "json", NULL};
    cli_result a = cli_run(flat_args), b = cli_run(inh_args);
    cr_assert_eq(a.status, 0, "%s", a.err);
    cr_assert_eq(b.status, 0, "%s", b.err);
    char *x = json_without_places(a.out), *y = json_without_places(b.out);
    cr_expect_str_eq(y, x, "%s differs between the flat and the inherited 2021", cmds[i]);
    cJSON_free(x); cJSON_free(y);
    cli_free(&a); cli_free(&b);
  }
  /* and the diff between the two forms shows nothing but basis texts and the 1.3/6.3 notes */
  cli_result r = cli_run((const char *const[]){"rules", "diff", "tests/rules-flat/2021", R2021, NULL});
  cr_expect_eq(r.status, 0);
  cr_expect_null(strstr(r.out, ": max "), "%s", r.out);
  cr_expect_null(strstr(r.out, "owner"), "%s", r.out);
  cli_free(&r);
  free(db);
}

Test(inheritance, mistakes_in_changes_are_reported_with_file_and_line) {
  char *dir = child_of_2022("extends \"../2022\"\n"
                            "change_criterion \"1.6\" { max = 2, params = { tru_moi_nhiem_vuu = 1 } }\n");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 1);
  cr_expect(strstr(r.out, "2021/00_a.lua:2: change_criterion 1.6: params has no 'tru_moi_nhiem_vuu' to change"), "%s", r.out);
  cli_free(&r);
  char *file = path_join(dir, "00_a.lua");
  write_text(file, "extends \"../2022\"\nchange_criterion \"1.8\" { max = 2 }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: change_criterion 1.8: no such criterion in the extended rulebook"), "%s", r.out);
  cli_free(&r);
  write_text(file, "extends \"../2022\"\nchange_criterion \"1.6\" { max = 2 }\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  /* the sum is the component's: reported where component 1 is declared */
  cr_expect(strstr(r.out, "2022/00_chi_so.lua:21: component 1: its 7 criteria sum to 14, not its max 13,5"), "%s", r.out);
  cli_free(&r);
  write_text(file, "component \"9\" { name = \"x\", max = 1, owner = \"noi-vu\" }\nextends \"../2022\"\n");
  r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect(strstr(r.out, "00_a.lua:2: extends must come first, before any declaration"), "%s", r.out);
  cli_free(&r);
  free(file); free(dir);
}

Test(inheritance, added_removed_replaced_criteria) {
  char *dir = child_of_2022(
    "extends \"../2022\"\n"
    "change_component \"6\" { max = 6.5, owner = \"noi-vu\" }\n"
    "remove_criterion \"6.4\"\n"
    "replace_criterion \"6.5\" { name = \"Mới\", max = 1, owner = \"noi-vu\",\n"
    "  score = function(u) if not u.fact(\"x\") then u.lose(1, \"không x\") end end }\n"
    "change_component \"8\" { max = 33.5 }\n"
    "change_index { total = 100 }\n"
    "criterion \"8.6\" { name = \"Thêm\", max = 0.5, owner = \"noi-vu\", score = function() end }\n");
  cli_result r = cli_run((const char *const[]){"rules", "check", dir, "--no-luacheck", NULL});
  cr_expect_eq(r.status, 0, "%s%s", r.out, r.err);
  cli_free(&r);
  char *base = path_join(dir, "../2022");
  r = cli_run((const char *const[]){"rules", "diff", base, dir, NULL});
  static const char *const want[] = {"component 6: max 7 → 6,5", "component 6: owner tai-chinh-ke-hoach → noi-vu",
    "criterion 6.4 removed", "criterion 6.5: name", "criterion 6.5: owner tai-chinh-ke-hoach → noi-vu",
    "criterion 6.5: param diem removed", "criterion 8.6 added: Thêm (max 0,5, component 8)", NULL};
  for (const char *const *w = want; *w; w++) cr_expect(strstr(r.out, *w), "'%s' missing in:\n%s", *w, r.out);
  cli_free(&r);
  free(base); free(dir);
}
