-- Component 5, transparency: 2 + 2 + 1 + 2 = 7.

criterion "TR_BUDGET" {
  component = "5", max = 2, owner = "transparency",
  name   = "The budget is published",
  basis  = "Budget published: 2 points.",
  params = { diem = 2 },
  score  = function(u, p)
    if u.fact("publishes_budget", false) ~= true then u.lose(p.diem, "budget not published") end
  end,
}

criterion "TR_OPENDATA" {
  component = "5", max = 2, owner = "transparency",
  name   = "Open data",
  basis  = "Open data share, scaled from 0% (0 points) to 50% (2 points).",
  params = { tu = 0.0, den = 0.5, diem = 2 },
  score  = function(u, p)
    local diem = linear(u.fact("open_data_rate", 0), p.tu, p.den, p.diem)
    if diem < p.diem then u.lose(p.diem - diem, "open data rate below 50%%") end
  end,
}

criterion "TR_CHARTER" {
  component = "5", max = 1, owner = "transparency",
  name   = "A citizen charter",
  basis  = "A citizen charter: 1 point.",
  params = { diem = 1 },
  score  = function(u, p)
    if u.fact("has_citizen_charter", false) ~= true then u.lose(p.diem, "no citizen charter") end
  end,
}

criterion "TR_INFOREQ" {
  component = "5", max = 2, owner = "transparency",
  name   = "Information requests answered late",
  basis  = "0,25 points lost per request answered late, at most 2.",
  params = { tru_moi_vu = 0.25, tru_toi_da = 2 },
  score  = function(u, p)
    local lost = math.min(u.fact("info_requests_late", 0) * p.tru_moi_vu, p.tru_toi_da)
    if lost > 0 then u.lose(lost, "information requests answered late") end
  end,
}
