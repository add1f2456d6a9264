-- Component 2, case handling: 3 + 2 + 1,5 + 3 + 1 = 10,5.
-- Rates are one division of two counts; a missing count counts as 0.

criterion "CASE_ONTIME" {
  component = "2", max = 3, owner = "case-handling",
  name   = "Dossiers closed on time",
  basis  = "On-time share of closed dossiers: >= 90% 3 points, >= 80% 1,5, else 0. No closed dossier: 3.",
  params = { muc = { { 0.9, 3 }, { 0.8, 1.5 } }, diem = 3, diem_khong_ho_so = 3 },
  score  = function(u, p)
    local closed = u.fact("dossiers_closed", 0)
    local diem = p.diem_khong_ho_so
    if closed ~= 0 then diem = steps(u.fact("dossiers_closed_ontime", 0) / closed, p.muc) end
    if diem < p.diem then u.lose(p.diem - diem, "on-time closure rate below 90%%") end
  end,
}

criterion "CASE_OVERDUE" {
  component = "2", max = 2, owner = "case-handling",
  name   = "Overdue dossiers",
  basis  = "0,25 points lost per overdue dossier, at most 2.",
  params = { tru_moi_ho_so = 0.25, tru_toi_da = 2 },
  score  = function(u, p)
    local lost = math.min(u.fact("dossiers_overdue", 0) * p.tru_moi_ho_so, p.tru_toi_da)
    if lost > 0 then u.lose(lost, "overdue dossiers") end
  end,
}

criterion "CASE_APPEALS" {
  component = "2", max = 1.5, owner = "case-handling",
  name   = "Appeals lost",
  basis  = "0,5 points lost per appeal lost, at most 1,5.",
  params = { tru_moi_vu = 0.5, tru_toi_da = 1.5 },
  score  = function(u, p)
    local lost = math.min(u.fact("appeals_lost", 0) * p.tru_moi_vu, p.tru_toi_da)
    if lost > 0 then u.lose(lost, "appeals lost") end
  end,
}

criterion "CASE_CLOSURE" {
  component = "2", max = 3, owner = "case-handling",
  name   = "Dossiers closed",
  basis  = "Closed share of all dossiers: >= 95% 3 points, >= 85% 1,5, else 0. No dossier: 3.",
  params = { muc = { { 0.95, 3 }, { 0.85, 1.5 } }, diem = 3, diem_khong_ho_so = 3 },
  score  = function(u, p)
    local total = u.fact("dossiers_total", 0)
    local diem = p.diem_khong_ho_so
    if total ~= 0 then diem = steps(u.fact("dossiers_closed", 0) / total, p.muc) end
    if diem < p.diem then u.lose(p.diem - diem, "closure rate below 95%%") end
  end,
}

criterion "CASE_COMPLAINTS" {
  component = "2", max = 1, owner = "case-handling",
  name   = "Complaints answered late",
  basis  = "0,25 points lost per complaint answered late, at most 1.",
  params = { tru_moi_vu = 0.25, tru_toi_da = 1 },
  score  = function(u, p)
    local lost = math.min(u.fact("complaints_late_response", 0) * p.tru_moi_vu, p.tru_toi_da)
    if lost > 0 then u.lose(lost, "complaints answered late") end
  end,
}
