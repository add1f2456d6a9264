/*
** cmd_adjust.c -- parindex adjust: the appraisal council changes a
** criterion's result, with its justification, the person's role, the
** document (biên bản) and its date. Recorded, never edited.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "store_levels.h"

/* "-0.5", "+1", "0,25": hundredths, exactly (at most two decimals). */
static int change_of(const char *s, int64_t *out) {
  int neg = *s == '-';
  if (*s == '-' || *s == '+') s++;
  int64_t v = 0;
  int digits = 0, dec = -1;
  for (; *s; s++) {
    if ((*s == '.' || *s == ',') && dec < 0) { dec = 0; continue; }
    if (*s < '0' || *s > '9' || v > 100000000 || (dec >= 0 && ++dec > 2)) return -1;
    v = v * 10 + (*s - '0');
    digits++;
  }
  if (!digits) return -1;
  for (int k = dec < 0 ? 0 : dec; k < 2; k++) v *= 10;
  *out = neg ? -v : v;
  return v ? 0 : -1;
}

static int run_adjust(cli_args *a) {
  const char *need[] = {"criterion", "points", "reason", "role", "document", "date"};
  for (int i = 0; i < 6; i++)
    if (!cli_opt(a, need[i]) || !*cli_opt(a, need[i])) return cli_usage_error(a, "--%s is required", need[i]);
  int64_t change;
  if (change_of(cli_opt(a, "points"), &change))
    return cli_usage_error(a, "--points: '%s' is not a change of points (e.g. -0.5 or +1, at most two decimals, not 0)",
                           cli_opt(a, "points"));
  pdate d;
  if (!date_parse_iso(cli_opt(a, "date"), &d)) return cli_usage_error(a, "--date: '%s' is not a date YYYY-MM-DD", cli_opt(a, "date"));
  long long round;
  int rc = cli_int(a, "round", 1, 2, 0, &round);
  if (rc) return rc;
  cli_scoring sc;
  if ((rc = cli_scoring_setup(a, 1, &sc))) return rc;
  const methodology *mt = rulebook_methodology(sc.rb);
  const char *crit = cli_opt(a, "criterion");
  if (methodology_criterion(mt, crit) < 0) {
    rc = cli_fail("no criterion '%s' in %s (the rulebook of %s)", crit, sc.dir, sc.unit);
  } else if (store_has_facts(sc.s, sc.unit, sc.year) <= 0) {
    rc = cli_fail("unit '%s' has no facts for %d: nothing to adjust", sc.unit, sc.year);
  } else {
    store_adjustment adj = {0, NULL, sc.unit, sc.year, crit, change, cli_opt(a, "reason"), cli_opt(a, "role"),
                            cli_opt(a, "document"), cli_opt(a, "date"), (int)round};
    int64_t id;
    if (store_adjust_put(sc.s, &adj, &id)) rc = cli_fail("%s", store_errmsg(sc.s));
    else {
      const char *p = cli_opt(a, "points");
      printf("adjustment %lld: %s %d criterion %s %s%s (%s, %s %s)\n", (long long)id, sc.unit, sc.year, crit,
             change > 0 && *p != '+' ? "+" : "", p, cli_opt(a, "role"), cli_opt(a, "document"), cli_opt(a, "date"));
      fprintf(stderr, "parindex: the next score of %d applies it; earlier runs keep what they applied\n", sc.year);
      rc = EXIT_OK;
    }
  }
  cli_scoring_done(&sc);
  return rc;
}

const cli_command cmd_adjust = {
  "adjust", "the appraisal council changes a criterion's result, with its justification",
  "rules= year= unit= criterion= points= reason= role= document= date= round= max-instructions= max-memory=",
  "usage: parindex [--db FILE] adjust --year Y --unit ID --criterion C --points P\n"
  "                                   --reason TEXT --role TEXT --document TEXT --date YYYY-MM-DD\n"
  "                                   [--round 1|2] [--rules DIR]\n"
  "\n"
  "Record an adjustment of the appraisal council (hội đồng / tổ thẩm định) where\n"
  "the methodology leaves a criterion to judgement: --points is the change of the\n"
  "criterion's points (-0.5 takes half a point, +1 gives one back; the criterion\n"
  "stays within 0 and its maximum). It is recorded, never edited (record another\n"
  "to change it). Every later score, explain, tasks and report applies it as its\n"
  "own ledger line (\"Điều chỉnh của ROLE theo DOCUMENT ngày DATE: REASON\"); a\n"
  "run records the adjustments it applied and verify applies them again.\n"
  "\n"
  "  --reason TEXT            the justification\n"
  "  --role TEXT              who decided (e.g. \"Tổ trưởng Tổ thẩm định\")\n"
  "  --document TEXT          the minutes (biên bản), e.g. \"Biên bản số 05/BB-TTĐ\"\n"
  "  --date YYYY-MM-DD        the document's date\n"
  "  --round N                the appraisal round, 1 or 2\n",
  run_adjust,
};
