-- Tiêu chí chấm điểm các xã, thị trấn (MINH HỌA: xem 00_chi_so.lua).
-- 1: 1.1 (10) + 1.2 (10) = 20; 2: 2.1 (10) + 2.2 (20) = 30;
-- 3: 3.1 (10) + 3.2 (10) = 20; 4: 4.1 (30) = 30.

local MINH_HOA = "Minh họa: không phải bộ tiêu chí thật của huyện Mường Tè. "

criterion "1.1" {
  name   = "Kế hoạch cải cách hành chính năm và mức độ hoàn thành",
  max    = 10,
  owner  = "xa-van-phong",
  basis  = MINH_HOA .. "Có kế hoạch CCHC năm: 2 điểm. Tỷ lệ nhiệm vụ hoàn thành: 100%: 8 điểm; "
        .. "từ 80% đến dưới 100%: 5 điểm; dưới 80%: 0 điểm.",
  params = { diem_ke_hoach = 2, diem_hoan_thanh = 8, muc = { { 100, 8 }, { 80, 5 } } },
  score = function(u, p)
    if not u.fact("co_ke_hoach_cchc") then
      u.lose(p.diem_ke_hoach, "Xã không ban hành kế hoạch CCHC năm %d", u.year)
        :task(OWNER, "Ban hành kế hoạch CCHC năm đúng thời hạn")
    end
    local giao, xong = u.fact("nhiem_vu_cchc"), u.fact("nhiem_vu_cchc_hoan_thanh")
    local ty_le = percent(xong, giao)
    if ty_le ~= nil then
      local diem = steps(ty_le, p.muc)
      if diem < p.diem_hoan_thanh then
        u.lose(p.diem_hoan_thanh - diem, "Hoàn thành %d/%d nhiệm vụ CCHC (%.2f%%)", xong, giao, ty_le)
          :task(OWNER, "Hoàn thành đầy đủ các nhiệm vụ của kế hoạch CCHC")
      end
    end
  end,
}

criterion "1.2" {
  name   = "Chế độ báo cáo cải cách hành chính",
  max    = 10,
  owner  = "xa-van-phong",
  basis  = MINH_HOA .. "Trừ 2,5 điểm cho mỗi báo cáo gửi huyện không đúng hạn; trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_bao_cao = 2.5 },
  score = function(u, p)
    local cham = u.fact("bao_cao_cham")
    if cham > 0 then
      u.lose(cham * p.tru_moi_bao_cao, "%d báo cáo CCHC gửi huyện không đúng hạn", cham)
        :task(OWNER, "Gửi báo cáo CCHC định kỳ đúng hạn")
    end
  end,
}

criterion "2.1" {
  name   = "Công khai thủ tục hành chính tại Bộ phận một cửa xã",
  max    = 10,
  owner  = "xa-mot-cua",
  basis  = MINH_HOA .. "Niêm yết đầy đủ, cập nhật: 10 điểm; chưa đầy đủ: 0 điểm.",
  score = function(u)
    if not u.fact("niem_yet_tthc_day_du") then
      u.lose(10, "Bộ phận một cửa xã niêm yết, công khai TTHC chưa đầy đủ")
        :task(OWNER, "Niêm yết công khai đầy đủ TTHC thuộc thẩm quyền của xã")
    end
  end,
}

criterion "2.2" {
  name   = "Giải quyết hồ sơ thủ tục hành chính đúng hạn",
  max    = 20,
  owner  = "xa-mot-cua",
  basis  = MINH_HOA .. "Tỷ lệ hồ sơ giải quyết đúng hạn: từ 98%: 20 điểm; từ 95% đến dưới 98%: 15 điểm; "
        .. "từ 90% đến dưới 95%: 10 điểm; dưới 90%: 0 điểm. Không có hồ sơ nào trong năm: "
        .. "tiêu chí không áp dụng (điểm lĩnh vực được quy đổi).",
  params = { muc = { { 98, 20 }, { 95, 15 }, { 90, 10 } } },
  score = function(u, p)
    local tong, qua_han = u.fact("ho_so_tthc"), u.fact("ho_so_qua_han")
    if tong == 0 then
      u.na("Không phát sinh hồ sơ TTHC trong năm")
      return
    end
    local ty_le = percent(tong - qua_han, tong)
    local diem = steps(ty_le, p.muc)
    if diem < 20 then
      u.lose(20 - diem, "%d/%d hồ sơ giải quyết quá hạn (đúng hạn %.2f%%)", qua_han, tong, ty_le)
        :task(OWNER, "Giải quyết hồ sơ TTHC đúng hạn; xin lỗi người dân khi quá hạn")
    end
  end,
}

criterion "3.1" {
  name   = "Hồ sơ giải quyết trực tuyến",
  max    = 10,
  owner  = "xa-van-phong",
  basis  = MINH_HOA .. "10 điểm × tỷ lệ hồ sơ nộp trực tuyến / 30% (đạt 30% trở lên: 10 điểm).",
  params = { muc_tieu = 30, diem = 10 },
  score = function(u, p)
    local ty_le = percent(u.fact("ho_so_truc_tuyen"), u.fact("ho_so_tthc"))
    if ty_le ~= nil and ty_le < p.muc_tieu then
      u.lose(p.diem - linear(ty_le, 0, p.muc_tieu, p.diem), "Tỷ lệ hồ sơ nộp trực tuyến %.2f%%, dưới mục tiêu %d%%", ty_le, p.muc_tieu)
        :task(OWNER, "Hướng dẫn người dân nộp hồ sơ trực tuyến")
    end
  end,
}

criterion "3.2" {
  name   = "Cán bộ, công chức xã đạt chuẩn",
  max    = 10,
  owner  = "xa-van-phong",
  basis  = MINH_HOA .. "Trừ 2 điểm cho mỗi cán bộ, công chức xã chưa đạt chuẩn theo quy định; trừ tối đa 10 điểm.",
  score = function(u)
    local chua = u.fact("can_bo_chua_dat_chuan")
    if chua > 0 then
      u.lose(2 * chua, "%d cán bộ, công chức xã chưa đạt chuẩn", chua)
        :task(OWNER, "Cử cán bộ, công chức chưa đạt chuẩn đi đào tạo, bồi dưỡng")
    end
  end,
}

criterion "4.1" {
  name   = "Chỉ số hài lòng của người dân, tổ chức",
  max    = 30,
  owner  = "xa-mot-cua",
  basis  = MINH_HOA .. "30 điểm × tỷ lệ hài lòng (%) / 100.",
  score = function(u)
    local hai_long = u.fact("ty_le_hai_long")
    if hai_long < 100 then
      u.lose(30 * (100 - hai_long) / 100, "Tỷ lệ người dân, tổ chức hài lòng %.2f%%", hai_long)
        :task(OWNER, "Nâng cao thái độ phục vụ, rút ngắn thời gian giải quyết TTHC")
    end
  end,
}

-- Điểm thưởng, điểm trừ (MINH HỌA): cộng vào hoặc trừ khỏi Chỉ số, ngoài các lĩnh vực;
-- tổng điểm thưởng tối đa 2 điểm, tổng điểm trừ tối đa 3 điểm (index, 00_chi_so.lua).
-- Xã không có dữ kiện về sáng kiến, khen thưởng, kỷ luật thì không được cộng, không bị trừ.

bonus "T1" {
  name   = "Sáng kiến, giải pháp cải cách hành chính được công nhận",
  max    = 2,
  owner  = "xa-van-phong",
  basis  = MINH_HOA .. "Mỗi sáng kiến, giải pháp CCHC được UBND huyện công nhận: cộng 1 điểm; tối đa 2 điểm.",
  params = { moi_sang_kien = 1 },
  score = function(u, p)
    for _, sk in ipairs(u.records("sang_kien_cchc_duoc_cong_nhan", {})) do
      u.award(p.moi_sang_kien, "Sáng kiến \"%s\" được công nhận (%s)", sk.ten, sk.quyet_dinh)
    end
  end,
}

bonus "T2" {
  name   = "Khen thưởng về cải cách hành chính",
  max    = 1,
  owner  = "xa-van-phong",
  basis  = MINH_HOA .. "Tập thể được Chủ tịch UBND huyện trở lên khen thưởng về CCHC trong năm: cộng 1 điểm.",
  params = { diem = 1 },
  score = function(u, p)
    local kt = u.fact("khen_thuong_cchc", "")
    if kt ~= "" then u.award(p.diem, "Được khen thưởng về CCHC (%s)", kt) end
  end,
}

penalty "P1" {
  name   = "Cán bộ, công chức bị kỷ luật do vi phạm trong thực thi công vụ",
  max    = 3,
  owner  = "xa-van-phong",
  basis  = MINH_HOA .. "Mỗi cán bộ, công chức xã bị kỷ luật trong năm do vi phạm trong thực thi công vụ: "
        .. "trừ 1 điểm; tối đa 3 điểm.",
  params = { tru_moi_nguoi = 1 },
  score = function(u, p)
    local n = u.fact("can_bo_bi_ky_luat", 0)
    if n > 0 then
      u.lose(n * p.tru_moi_nguoi, "%d cán bộ, công chức xã bị kỷ luật do vi phạm trong thực thi công vụ", n)
        :task(OWNER, "Tăng cường kỷ luật, kỷ cương hành chính, đạo đức công vụ năm %d", u.year + 1)
    end
  end,
}
