-- Lĩnh vực 8. Tác động của cải cách hành chính đến người dân, tổ chức và các
-- chỉ tiêu phát triển kinh tế - xã hội (33 điểm; điểm điều tra xã hội học)
-- 5 tiêu chí: 8.1 (15) + 8.2 (15) + 8.3 (1) + 8.4 (1) + 8.5 (1) = 33
--
-- TÁI DỰNG: xem 00_chi_so.lua. 8.1 và 8.2 lấy từ kết quả điều tra xã hội học;
-- 8.3–8.5 do Hội đồng thẩm định chấm (mục I.2.1.5 của báo cáo).

local TAI_DUNG = "Tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè; quy định gốc của tỉnh chưa công bố. "

-- Các chỉ số thành phần của SIPAS được nêu trong lý do trừ điểm (nếu có dữ kiện).
local SIPAS_THANH_PHAN = {
  { "sipas_tiep_can_dich_vu",        "tiếp cận dịch vụ" },
  { "sipas_to_chuc_giai_quyet_tthc", "tổ chức giải quyết TTHC" },
  { "sipas_cong_chuc",               "công chức" },
  { "sipas_ket_qua_giai_quyet_tthc", "kết quả giải quyết TTHC" },
  { "sipas_tiep_nhan_xu_ly_pakn",    "tiếp nhận, xử lý phản ánh, kiến nghị" },
}

criterion "8.1" {
  name   = "Chỉ số hài lòng của người dân, tổ chức về sự phục vụ hành chính (SIPAS)",
  max    = 15,
  owner  = "van-phong",
  basis  = TAI_DUNG .. "Điểm = 15 × Chỉ số hài lòng chung về sự phục vụ hành chính (%), làm tròn 2 chữ số.",
  params = { diem = 15 },
  score = function(u, p)
    local chung = u.fact("sipas_chi_so_hai_long_chung")
    local diem = linear(chung, 0, 100, p.diem)
    if diem < p.diem then
      local chi_tiet = {}
      for _, tp in ipairs(SIPAS_THANH_PHAN) do
        if u.has(tp[1]) then chi_tiet[#chi_tiet + 1] = fmt("%s %s%%", tp[2], u.fact(tp[1])) end
      end
      local h = u.lose(p.diem - diem, "Chỉ số hài lòng về sự phục vụ hành chính đạt %.1f%%%s",
                       chung, #chi_tiet > 0 and (": " .. table.concat(chi_tiet, "; ")) or "")
      if u.has("sipas_tiep_nhan_xu_ly_pakn") then
        h:task(OWNER, "Nâng cao chất lượng tiếp nhận, xử lý và phản hồi phản ánh, kiến nghị của người dân, tổ chức về TTHC "
               .. "(chỉ số hài lòng năm %d: %s%%)", u.year, u.fact("sipas_tiep_nhan_xu_ly_pakn"))
      else
        h:task(OWNER, "Nâng cao chất lượng tiếp nhận, giải quyết TTHC và xử lý phản ánh, kiến nghị của người dân, tổ chức")
      end
      h:support("all-heads", "Nâng cao kỹ năng tiếp xúc, hướng dẫn người dân, doanh nghiệp của cán bộ, công chức, viên chức")
    end
  end,
}

criterion "8.2" {
  name   = "Điều tra xã hội học đối với cán bộ, công chức, lãnh đạo và đại biểu về công tác CCHC",
  max    = 15,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Điểm = 15 × tỷ lệ điểm điều tra xã hội học (%), làm tròn 2 chữ số. "
        .. "Báo cáo không nêu tỷ lệ này; giá trị trong dữ kiện được tái dựng để lĩnh vực 8 khớp điểm đã công bố.",
  params = { diem = 15 },
  score = function(u, p)
    local ty_le = u.fact("dtxhh_can_bo_lanh_dao_ty_le")
    local diem = linear(ty_le, 0, 100, p.diem)
    if diem < p.diem then
      u.lose(p.diem - diem, "Điều tra xã hội học đối với cán bộ, lãnh đạo đạt %s%% số điểm (tái dựng: báo cáo không nêu tỷ lệ này)", ty_le)
        :task(OWNER, "Tuyên truyền, nâng cao nhận thức và trách nhiệm của cán bộ, công chức, viên chức về kết quả CCHC của huyện")
    end
  end,
}

criterion "8.3" {
  name   = "Thực hiện thu ngân sách nhà nước trên địa bàn",
  max    = 1,
  owner  = "tai-chinh-ke-hoach",
  basis  = TAI_DUNG .. "Tổng thu NSNN trên địa bàn đạt từ 100% kế hoạch giao trở lên: 1 điểm; từ 90% đến dưới 100%: 0,5 điểm; "
        .. "dưới 90%: 0 điểm.",
  params = { diem = 1, muc = { { 100, 1 }, { 90, 0.5 } } },
  score = function(u, p)
    local thu = u.fact("thu_ngan_sach_thuc_hien")
    local ke_hoach = u.fact("thu_ngan_sach_ke_hoach")
    local ty_le = percent(thu, ke_hoach) or 100
    local diem = steps(ty_le, p.muc)
    if diem < p.diem then
      u.lose(p.diem - diem, "Tổng thu NSNN trên địa bàn %s/%s triệu đồng, đạt %.0f%% kế hoạch giao",
             thousands(thu), thousands(ke_hoach), ty_le)
        :task(OWNER, "Tham mưu các giải pháp hoàn thành, vượt chỉ tiêu thu ngân sách nhà nước được giao")
    elseif ke_hoach > 0 then
      u.achieved("Tổng thu NSNN trên địa bàn %s/%s triệu đồng, đạt %.0f%%%s", thousands(thu), thousands(ke_hoach), ty_le,
                 thu > ke_hoach and ", vượt chỉ tiêu kế hoạch giao" or " kế hoạch giao")
    end
  end,
}

criterion "8.4" {
  name   = "Mức độ thực hiện các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội do UBND tỉnh giao",
  max    = 1,
  owner  = "tai-chinh-ke-hoach",
  basis  = TAI_DUNG .. "Đạt 100% chỉ tiêu: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm.",
  params = { diem = 1, muc = { { 100, 1 }, { 80, 0.5 } } },
  score = function(u, p)
    local dat = u.fact("chi_tieu_ktxh_dat")
    local tong = u.fact("chi_tieu_ktxh_tong")
    local ty_le = percent(dat, tong) or 100
    local diem = steps(ty_le, p.muc)
    if diem < p.diem then
      u.lose(p.diem - diem, "Thực hiện %d/%d chỉ tiêu chủ yếu về phát triển kinh tế - xã hội đạt kế hoạch giao (%.0f%%)", dat, tong, ty_le)
        :task(OWNER, "Theo dõi, đôn đốc thực hiện các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội được giao")
    elseif tong > 0 then
      u.achieved("Thực hiện các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội được UBND tỉnh giao với %d/%d chỉ tiêu đạt kế hoạch giao",
                 dat, tong)
    end
  end,
}

criterion "8.5" {
  name   = "Mức độ phát triển hợp tác xã, hộ kinh doanh cá thể",
  max    = 1,
  owner  = "tai-chinh-ke-hoach",
  basis  = TAI_DUNG .. "Đạt chỉ tiêu phát triển hợp tác xã, hộ kinh doanh cá thể được giao: 1 điểm; không đạt: 0 điểm.",
  params = { diem = 1 },
  score = function(u, p)
    if not u.fact("htx_hkd_dat_chi_tieu_phat_trien") then
      u.lose(p.diem, "Không đạt chỉ tiêu phát triển hợp tác xã, hộ kinh doanh cá thể năm %d", u.year)
        :task(OWNER, "Hỗ trợ thành lập mới, phát triển hợp tác xã, hộ kinh doanh cá thể")
    end
  end,
}
