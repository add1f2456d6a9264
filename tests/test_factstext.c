/*
** test_factstext.c -- the canonical text of a unit's facts that runs
** stored by schema v3 kept (fact_texts): it parses back to the facts,
** whatever they hold.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"

typedef struct { int n; char got[8][5][64]; int null[8][5]; } seen;

static int collect(char *const f[5], void *ud) {
  seen *s = ud;
  for (int k = 0; k < 5; k++) {
    s->null[s->n][k] = f[k] == NULL;
    snprintf(s->got[s->n][k], 64, "%s", f[k] ? f[k] : "");
  }
  s->n++;
  return 0;
}

Test(factstext, escapes_and_missing_fields_parse_back) {
  char buf[] =                                 /* as parindex 0.1 (schema v3) wrote it */
    "a\tinteger\t51\tCV 2175\\tngày 13/12\t\\N\n"
    "b\ttext\tdòng 1\\ndòng 2 \\\\ x\t\\N\tghi\\rchú\n"
    "c\tnumber\t86.75\t\\\\N\t\n";
  seen s = {0};
  cr_assert_eq(audit_facts_parse(buf, collect, &s), 0);
  cr_assert_eq(s.n, 3);
  cr_expect_str_eq(s.got[0][0], "a");
  cr_expect_str_eq(s.got[0][1], "integer");
  cr_expect_str_eq(s.got[0][2], "51");
  cr_expect_str_eq(s.got[0][3], "CV 2175\tngày 13/12");
  cr_expect(s.null[0][4]);
  cr_expect_str_eq(s.got[1][2], "dòng 1\ndòng 2 \\ x");
  cr_expect(s.null[1][3]);
  cr_expect_str_eq(s.got[1][4], "ghi\rchú");
  cr_expect_str_eq(s.got[2][2], "86.75");
  cr_expect_str_eq(s.got[2][3], "\\N", "the text \\N is not a missing source");
  cr_expect(!s.null[2][3]);
  cr_expect(!s.null[2][4]);
}

Test(factstext, malformed_text_is_refused) {
  seen s = {0};
  char bad1[] = "a\tinteger\t1\n";             /* too few fields */
  char bad2[] = "a\tinteger\t1\t\\q\t\\N\n";   /* unknown escape */
  cr_expect_eq(audit_facts_parse(bad1, collect, &s), -1);
  cr_expect_eq(audit_facts_parse(bad2, collect, &s), -1);
}
