-- Component 7, staff and finance: 3 + 2 + 1 + 1 = 7.

criterion "FIN_BUDGET_EXEC" {
  component = "7", max = 3, owner = "staff-finance",
  name   = "Budget execution",
  basis  = "Execution rate >= 95%: 3 points, >= 85%: 1,5, else 0.",
  params = { muc = { { 0.95, 3 }, { 0.85, 1.5 } }, diem = 3 },
  score  = function(u, p)
    local diem = steps(u.fact("budget_execution_rate", 0), p.muc)
    if diem < p.diem then u.lose(p.diem - diem, "budget execution below 95%%") end
  end,
}

criterion "FIN_TRAINING" {
  component = "7", max = 2, owner = "staff-finance",
  name   = "Staff training",
  basis  = "Trained share of staff, scaled from 40% (0 points) to 90% (2 points).",
  params = { tu = 0.4, den = 0.9, diem = 2 },
  score  = function(u, p)
    local diem = linear(u.fact("staff_training_rate", 0), p.tu, p.den, p.diem)
    if diem < p.diem then u.lose(p.diem - diem, "staff training rate below 90%%") end
  end,
}

criterion "FIN_ITSEC" {
  component = "7", max = 1, owner = "staff-finance",
  name   = "An IT security policy",
  basis  = "An IT security policy: 1 point.",
  params = { diem = 1 },
  score  = function(u, p)
    if u.fact("has_it_security_policy", false) ~= true then u.lose(p.diem, "no IT security policy") end
  end,
}

criterion "FIN_VACANCIES" {
  component = "7", max = 1, owner = "staff-finance",
  name   = "Unfilled vacancies",
  basis  = "0,25 points lost per unfilled vacancy, at most 1.",
  params = { tru_moi_cho = 0.25, tru_toi_da = 1 },
  score  = function(u, p)
    local lost = math.min(u.fact("staff_vacancies", 0) * p.tru_moi_cho, p.tru_toi_da)
    if lost > 0 then u.lose(lost, "unfilled vacancies") end
  end,
}
