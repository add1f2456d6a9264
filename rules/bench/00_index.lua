-- rules/bench -- the benchmark rulebook: a port of the reference rulebook of the
-- peer benchmark (../shared/bench-peers/rules.lua, "PAR-like scoring") to the
-- parindex rule API, criterion by criterion. It is not a real methodology.
--
-- What must stay as in the reference (scripts/bench.sh --check compares the
-- checksum and every unit's result with it):
--   * the criterion ids, maxima, thresholds and points;
--   * the reasons, in English, word for word (they enter the checksum);
--   * one deduction per criterion that scores below its maximum, of
--     maximum - score; a missing count counts as 0; an unsent report is a
--     missing fact.
--
-- 8 components, 33 criteria, 65,5 points. Components 1-7 are the appraisal,
-- component 8 (citizen survey) the survey.

index {
  name      = "Bench: PAR-like scoring (port of bench-peers/rules.lua)",
  total     = 65.5,                                  -- 8 + 10,5 + 10 + 8 + 7 + 7 + 7 + 8
  appraisal = { "1", "2", "3", "4", "5", "6", "7" },
  survey    = { "8" },
}

component "1" { name = "Reporting",             max = 8,    owner = "reporting" }
component "2" { name = "Case handling",         max = 10.5, owner = "case-handling" }
component "3" { name = "Digital services",      max = 10,   owner = "digital" }
component "4" { name = "Planning",              max = 8,    owner = "planning" }
component "5" { name = "Transparency",          max = 7,    owner = "transparency" }
component "6" { name = "Integrity",             max = 7,    owner = "integrity" }
component "7" { name = "Staff and finance",     max = 7,    owner = "staff-finance" }
component "8" { name = "Citizen satisfaction",  max = 8,    owner = "survey" }
