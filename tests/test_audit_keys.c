/*
** test_audit_keys.c -- the run's distinct fact-keys texts (audit_keys.h): a
** unit gets the text of exactly its own keys and types, whatever sets the
** run saw before it, including sets the cheap hash cannot tell apart.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "audit_digest.h"
#include "audit_keys.h"

/* The keys text of uf made afresh, and its sha256. */
static void expected(const unit_facts *uf, jsonw *w, char sha[SHA256_HEX]) {
  audit_keys_text(w, uf);
  sha256_hex(w->p, w->n, sha);
}

/* Look uf up; check the text and digest against those made afresh, and
** whether the lookup said the text is new. */
static void check(audit_keys *k, sha256_ctx *c, const unit_facts *uf, int want_new) {
  const char *text, *sha;
  jsonw w = {0};
  char want[SHA256_HEX];
  expected(uf, &w, want);
  int fresh = audit_keys_of(k, c, uf, &text, &sha);
  cr_expect_eq(fresh, want_new, "set of %zu facts (first %s): new %d, expected %d", uf->n,
               uf->n ? uf->facts[0].key : "-", fresh, want_new);
  cr_expect_str_eq(text, w.p);
  cr_expect_str_eq(sha, want);
  jsonw_free(&w);
}

static unit_facts facts_of(fact *f, size_t n) {
  return (unit_facts){{"u", "u", "department", NULL}, 2024, f, n};
}

Test(audit_keys, each_set_gets_its_own_text) {
  audit_keys k = {0};
  sha256_ctx *c = sha256_new();
  /* a and b share the cheap hash: same lengths, first and last bytes, types */
  fact a[] = {{.key = "axxb", .type = FT_NUMBER}, {.key = "k2", .type = FT_INTEGER}};
  fact b[] = {{.key = "ayyb", .type = FT_NUMBER}, {.key = "k2", .type = FT_INTEGER}};
  fact t[] = {{.key = "axxb", .type = FT_NUMBER}, {.key = "k2", .type = FT_TEXT}};   /* a type differs */
  fact s[] = {{.key = "axxb", .type = FT_NUMBER}};                                 /* a fact fewer */
  fact e[] = {{.key = "a\tb\\c\nd\re", .type = FT_TEXT}, {.key = "", .type = FT_BOOLEAN}};  /* escaped, empty */
  fact e2[] = {{.key = "a\tb\\c\nd\re", .type = FT_TEXT}, {.key = "", .type = FT_BOOLEAN}};
  unit_facts ua = facts_of(a, 2), ub = facts_of(b, 2), ut = facts_of(t, 2), us = facts_of(s, 1);
  unit_facts ue = facts_of(e, 2), ue2 = facts_of(e2, 2), none = facts_of(NULL, 0);
  check(&k, c, &ua, 1);
  check(&k, c, &ub, 1);
  check(&k, c, &ut, 1);
  check(&k, c, &us, 1);
  check(&k, c, &ue, 1);
  check(&k, c, &none, 1);
  for (int round = 0; round < 3; round++) {   /* then each is found again, in any order */
    check(&k, c, &ub, 0);
    check(&k, c, &ue2, 0);
    check(&k, c, &ua, 0);
    check(&k, c, &us, 0);
    check(&k, c, &none, 0);
    check(&k, c, &ut, 0);
  }
  /* the same keys held in other memory (as the next unit's are) */
  char key[] = "axxb";
  fact a2[] = {{.key = key, .type = FT_NUMBER}, {.key = "k2", .type = FT_INTEGER}};
  unit_facts ua2 = facts_of(a2, 2);
  check(&k, c, &ua2, 0);
  key[1] = 'z';                                  /* and changed in place: a new set */
  check(&k, c, &ua2, 1);
  audit_keys_free(&k);
  sha256_free(c);
}

Test(audit_keys, many_sets_grow_the_table) {
  audit_keys k = {0};
  sha256_ctx *c = sha256_new();
  enum { N = 700 };
  static char keys[N][16];
  static fact f[N][2];
  for (int i = 0; i < N; i++) {
    snprintf(keys[i], sizeof keys[i], "k%05d", i);
    f[i][0] = (fact){.key = keys[i], .type = FT_INTEGER};
    f[i][1] = (fact){.key = "z", .type = (fact_type)(i % 3)};
  }
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < N; i++) {
      unit_facts uf = facts_of(f[i], 2);
      check(&k, c, &uf, pass == 0);
    }
  audit_keys_free(&k);
  sha256_free(c);
}
