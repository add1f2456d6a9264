-- Lĩnh vực 2. Cải cách thể chế (5 điểm)
-- 3 tiêu chí: 2.1 (1,5) + 2.2 (2; gồm 2 tiêu chí thành phần) + 2.3 (1,5) = 5
--
-- TÁI DỰNG: xem 00_chi_so.lua. Báo cáo (mục I.2.1.2) cho biết huyện đạt
-- 5/5 điểm, các tiêu chí đều đạt điểm tối đa.

local TAI_DUNG = "Tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè; quy định gốc của tỉnh chưa công bố. "

criterion "2.1" {
  name   = "Tổ chức theo dõi thi hành pháp luật",
  max    = 1.5,
  owner  = "tu-phap",
  basis  = TAI_DUNG .. "Ban hành kế hoạch theo dõi thi hành pháp luật: 0,5 điểm; "
        .. "tổ chức kiểm tra, điều tra, khảo sát tình hình thi hành pháp luật: 1 điểm.",
  params = { diem_ke_hoach = 0.5, diem_kiem_tra = 1 },
  score = function(u, p)
    if not u.fact("co_ke_hoach_theo_doi_thi_hanh_phap_luat") then
      u.lose(p.diem_ke_hoach, "Không ban hành kế hoạch theo dõi thi hành pháp luật năm %d", u.year)
        :task(OWNER, "Tham mưu ban hành kế hoạch theo dõi thi hành pháp luật năm %d", u.year + 1)
    end
    if not u.fact("da_kiem_tra_thi_hanh_phap_luat") then
      u.lose(p.diem_kiem_tra, "Không tổ chức kiểm tra, điều tra, khảo sát tình hình thi hành pháp luật năm %d", u.year)
        :task(OWNER, "Tổ chức kiểm tra, điều tra, khảo sát tình hình thi hành pháp luật trên địa bàn huyện")
    end
  end,
}

criterion "2.2" {
  name   = "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
  max    = 2,
  owner  = "tu-phap",
  basis  = TAI_DUNG .. "2.2.1 Ban hành kế hoạch rà soát, hệ thống hóa văn bản QPPL: 1 điểm. "
        .. "2.2.2 Xử lý kết quả rà soát: trừ 0,5 điểm cho mỗi văn bản phát hiện qua rà soát phải xử lý "
        .. "nhưng chưa được xử lý (trừ tối đa 1 điểm).",
  params = { diem_ke_hoach = 1, diem_xu_ly = 1, tru_moi_van_ban = 0.5 },
  score = function(u, p)
    if not u.fact("co_ke_hoach_ra_soat_van_ban_qppl") then
      u.lose(p.diem_ke_hoach, "Không ban hành kế hoạch rà soát, hệ thống hóa văn bản QPPL năm %d", u.year)
        :task(OWNER, "Tham mưu ban hành kế hoạch rà soát, hệ thống hóa văn bản QPPL năm %d", u.year + 1)
    end
    local chua_xu_ly = u.fact("van_ban_qppl_sau_ra_soat_chua_xu_ly")
    if chua_xu_ly > 0 then
      u.lose(math.min(chua_xu_ly * p.tru_moi_van_ban, p.diem_xu_ly),
             "%d văn bản QPPL phát hiện qua rà soát phải sửa đổi, bổ sung, bãi bỏ, thay thế nhưng chưa được xử lý",
             chua_xu_ly)
        :task(OWNER, "Kịp thời tham mưu sửa đổi, bổ sung, bãi bỏ, thay thế các văn bản QPPL sau rà soát")
    end
  end,
}

criterion "2.3" {
  name   = "Kiểm tra, xử lý văn bản quy phạm pháp luật trái pháp luật",
  max    = 1.5,
  owner  = "tu-phap",
  basis  = TAI_DUNG .. "Trừ 0,5 điểm cho mỗi văn bản trái pháp luật do cơ quan có thẩm quyền kiểm tra, kiến nghị "
        .. "mà huyện chưa xử lý; trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_van_ban = 0.5 },
  score = function(u, p)
    local chua_xu_ly = u.fact("van_ban_trai_phap_luat_chua_xu_ly")
    if chua_xu_ly > 0 then
      u.lose(chua_xu_ly * p.tru_moi_van_ban,
             "%d văn bản trái pháp luật do cơ quan có thẩm quyền kiểm tra, kiến nghị chưa được xử lý", chua_xu_ly)
        :task(OWNER, "Chủ động, kịp thời xử lý hoặc kiến nghị xử lý các văn bản trái quy định được phát hiện sau kiểm tra")
    end
  end,
}
