-- Component 8, citizen satisfaction (the survey): 3 + 2 + 2 + 1 = 8.
-- Indices are 0-100 with one decimal.

criterion "SAT_INDEX" {
  component = "8", max = 3, owner = "survey",
  name   = "Satisfaction index",
  basis  = "Satisfaction index, scaled from 40 (0 points) to 90 (3 points).",
  params = { tu = 40, den = 90, diem = 3 },
  score  = function(u, p)
    local diem = linear(u.fact("survey_satisfaction_index", 0), p.tu, p.den, p.diem)
    if diem < p.diem then u.lose(p.diem - diem, "satisfaction index below 90") end
  end,
}

criterion "SAT_TRUST" {
  component = "8", max = 2, owner = "survey",
  name   = "Trust index",
  basis  = "Trust index, scaled from 30 (0 points) to 80 (2 points).",
  params = { tu = 30, den = 80, diem = 2 },
  score  = function(u, p)
    local diem = linear(u.fact("survey_trust_index", 0), p.tu, p.den, p.diem)
    if diem < p.diem then u.lose(p.diem - diem, "trust index below 80") end
  end,
}

criterion "SAT_ACCESS" {
  component = "8", max = 2, owner = "survey",
  name   = "Access index",
  basis  = "Access index >= 75: 2 points, >= 60: 1, else 0.",
  params = { muc = { { 75, 2 }, { 60, 1 } }, diem = 2 },
  score  = function(u, p)
    local diem = steps(u.fact("survey_access_index", 0), p.muc)
    if diem < p.diem then u.lose(p.diem - diem, "access index below 75") end
  end,
}

criterion "SAT_RESPONSES" {
  component = "8", max = 1, owner = "survey",
  name   = "Survey responses",
  basis  = "At least 100 survey responses: 1 point.",
  params = { muc = { { 100, 1 } }, diem = 1 },
  score  = function(u, p)
    local diem = steps(u.fact("survey_response_count", 0), p.muc)
    if diem < p.diem then u.lose(p.diem - diem, "fewer than 100 survey responses") end
  end,
}
