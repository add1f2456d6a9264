-- A test rulebook (tests/test_bonus.c): not a methodology. Two components,
-- four criteria (one "not applicable: full points", one rescaled), two bonus
-- items and a penalty item, with caps on both totals.

index {
  name        = "Bộ quy tắc kiểm thử điểm thưởng, điểm trừ",
  total       = 20,
  appraisal   = { "1" },
  survey      = { "2" },
  bonus_cap   = 2,          -- all bonus items together give at most 2 points
  penalty_cap = 3,          -- all penalty items together take at most 3 points
  exceed_total = false,     -- the index stays within 0 .. 20
  illustrative = "bộ quy tắc kiểm thử, không phải bộ tiêu chí thật.",
}

component "1" { name = "Lĩnh vực một", max = 10, owner = "noi-vu" }
component "2" { name = "Lĩnh vực hai", max = 10, owner = "van-phong" }

criterion "1.1" {
  name = "Tiêu chí có nhiệm vụ", max = 5, owner = "noi-vu",
  score = function(u)
    local thieu = u.fact("nhiem_vu_thieu", 0)
    if thieu > 0 then u.lose(thieu, "Còn %d nhiệm vụ chưa hoàn thành", thieu) end
  end,
}

criterion "1.2" {
  name = "Xử lý văn bản trái pháp luật", max = 5, owner = "noi-vu",
  when_not_applicable = "full",      -- no such document in the year: full points
  basis = "Không phát sinh văn bản trái pháp luật trong năm: đạt điểm tối đa.",
  score = function(u)
    local tong = u.fact("van_ban_trai_phap_luat", 0)
    if tong == 0 then return u.na("Không phát sinh văn bản trái pháp luật phải xử lý") end
    local chua = u.fact("van_ban_chua_xu_ly", 0)
    if chua > 0 then u.lose(chua, "%d/%d văn bản chưa được xử lý", chua, tong) end
  end,
}

criterion "2.1" {
  name = "Tiêu chí quy đổi", max = 5, owner = "van-phong",
  score = function(u)
    if u.fact("khong_ap_dung_21", false) then return u.na("Không áp dụng trong năm") end
  end,
}

criterion "2.2" {
  name = "Tiêu chí còn lại", max = 5, owner = "van-phong",
  score = function(u)
    local mat = u.fact("mat_22", 0)
    if mat > 0 then u.lose(mat, "Mất %s điểm", mat) end
  end,
}

bonus "T1" {
  name = "Sáng kiến cải cách hành chính được công nhận", max = 1.5, owner = "noi-vu",
  basis = "Mỗi sáng kiến được công nhận: cộng 1 điểm; tối đa 1,5 điểm.",
  params = { moi_sang_kien = 1 },
  score = function(u, p)
    for _, sk in ipairs(u.records("sang_kien", {})) do
      u.award(p.moi_sang_kien, "Sáng kiến \"%s\" được công nhận (%s)", sk.ten, sk.quyet_dinh)
    end
  end,
}

bonus "T2" {
  name = "Khen thưởng về cải cách hành chính", max = 1, owner = "noi-vu",
  score = function(u)
    if u.fact("duoc_khen_thuong", false) then u.award(1, "Được khen thưởng về CCHC") end
  end,
}

penalty "P1" {
  name = "Vi phạm kỷ luật, kỷ cương hành chính", max = 4, owner = "noi-vu",
  basis = "Mỗi cán bộ bị kỷ luật: trừ 1 điểm; tối đa 4 điểm.",
  score = function(u)
    local n = u.fact("can_bo_bi_ky_luat", 0)
    if n > 0 then
      u.lose(n, "%d cán bộ bị kỷ luật do vi phạm trong thực thi công vụ", n)
        :task(OWNER, "Tăng cường kỷ luật, kỷ cương hành chính năm %d", u.year + 1)
        :support("van-phong", "Theo dõi, báo cáo việc chấp hành kỷ luật")
    end
  end,
}
