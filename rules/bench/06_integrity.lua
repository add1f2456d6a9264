-- Component 6, integrity: 2 + 1 + 2 + 2 = 7.

criterion "INT_ANTICORR" {
  component = "6", max = 2, owner = "integrity",
  name   = "An anti-corruption plan",
  basis  = "An anti-corruption plan: 2 points.",
  params = { diem = 2 },
  score  = function(u, p)
    if u.fact("has_anticorruption_plan", false) ~= true then u.lose(p.diem, "no anti-corruption plan") end
  end,
}

criterion "INT_AUDIT" {
  component = "6", max = 1, owner = "integrity",
  name   = "An internal audit",
  basis  = "An internal audit: 1 point.",
  params = { diem = 1 },
  score  = function(u, p)
    if u.fact("has_internal_audit", false) ~= true then u.lose(p.diem, "no internal audit") end
  end,
}

criterion "INT_RECS" {
  component = "6", max = 2, owner = "integrity",
  name   = "Audit recommendations implemented",
  basis  = "Implemented share: >= 90% 2 points, >= 70% 1, else 0. No recommendation: 2.",
  params = { muc = { { 0.9, 2 }, { 0.7, 1 } }, diem = 2, diem_khong_kien_nghi = 2 },
  score  = function(u, p)
    local total = u.fact("audit_recs_total", 0)
    local diem = p.diem_khong_kien_nghi
    if total ~= 0 then diem = steps(u.fact("audit_recs_done", 0) / total, p.muc) end
    if diem < p.diem then u.lose(p.diem - diem, "audit recommendations implemented below 90%%") end
  end,
}

criterion "INT_FINDINGS" {
  component = "6", max = 2, owner = "integrity",
  name   = "Open inspection findings",
  basis  = "0,5 points lost per open finding, at most 2.",
  params = { tru_moi_vu = 0.5, tru_toi_da = 2 },
  score  = function(u, p)
    local lost = math.min(u.fact("inspection_findings_open", 0) * p.tru_moi_vu, p.tru_toi_da)
    if lost > 0 then u.lose(lost, "open inspection findings") end
  end,
}
