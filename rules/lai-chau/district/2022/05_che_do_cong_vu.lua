-- Lĩnh vực 5. Cải cách chế độ công vụ (8 điểm)
-- 5 tiêu chí: 5.1 (1,5) + 5.2 (1) + 5.3 (1) + 5.4 (1,5) + 5.5 (3) = 8
--
-- TÁI DỰNG: xem 00_chi_so.lua. Báo cáo (mục I.2.2.1) nêu tiêu chí 5.5 bị trừ
-- 2,5 điểm; các tiêu chí khác đạt điểm tối đa.

local TAI_DUNG = "Tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè; quy định gốc của tỉnh chưa công bố. "

criterion "5.1" {
  name   = "Thực hiện quy định về vị trí việc làm, cơ cấu ngạch công chức, cơ cấu chức danh nghề nghiệp viên chức",
  max    = 1.5,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Rà soát, bổ sung, hoàn thiện vị trí việc làm, cơ cấu ngạch công chức, "
        .. "cơ cấu viên chức theo chức danh nghề nghiệp theo quy định: 1,5 điểm; không thực hiện: 0 điểm.",
  params = { diem = 1.5 },
  score = function(u, p)
    if not u.fact("ra_soat_vi_tri_viec_lam") then
      u.lose(p.diem, "Chưa rà soát, hoàn thiện vị trí việc làm, cơ cấu ngạch công chức, cơ cấu viên chức năm %d", u.year)
        :task(OWNER, "Chỉ đạo các cơ quan, đơn vị rà soát, hoàn thiện vị trí việc làm, cơ cấu ngạch công chức, viên chức")
    end
  end,
}

criterion "5.2" {
  name   = "Tuyển dụng công chức, viên chức",
  max    = 1,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Tuyển dụng công chức, viên chức đúng quy định: 1 điểm; có sai phạm: 0 điểm.",
  params = { diem = 1 },
  score = function(u, p)
    if not u.fact("tuyen_dung_dung_quy_dinh") then
      u.lose(p.diem, "Có sai phạm trong tuyển dụng công chức, viên chức năm %d", u.year)
        :task(OWNER, "Thực hiện tuyển dụng công chức, viên chức đúng quy định")
    end
  end,
}

criterion "5.3" {
  name   = "Nâng ngạch, thăng hạng, bổ nhiệm công chức, viên chức",
  max    = 1,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Nâng ngạch công chức, thăng hạng viên chức, bổ nhiệm công chức, viên chức đúng quy định: 1 điểm; "
        .. "có sai phạm: 0 điểm.",
  params = { diem = 1 },
  score = function(u, p)
    if not u.fact("nang_ngach_thang_hang_bo_nhiem_dung_quy_dinh") then
      u.lose(p.diem, "Có sai phạm trong nâng ngạch, thăng hạng, bổ nhiệm công chức, viên chức năm %d", u.year)
        :task(OWNER, "Thực hiện nâng ngạch, thăng hạng, bổ nhiệm công chức, viên chức đúng quy định")
    end
  end,
}

criterion "5.4" {
  name   = "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
  max    = 1.5,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Thực hiện kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm: 1 điểm; "
        .. "công chức cấp xã đạt chuẩn về trình độ chuyên môn (0,5 điểm): trừ 0,25 điểm cho mỗi người chưa đạt chuẩn.",
  params = { diem_ke_hoach = 1, diem_chuan = 0.5, tru_moi_nguoi_chua_dat_chuan = 0.25 },
  score = function(u, p)
    if not u.fact("thuc_hien_ke_hoach_dao_tao_boi_duong") then
      u.lose(p.diem_ke_hoach, "Không thực hiện kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm %d", u.year)
        :task(OWNER, "Triển khai kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm %d, hoàn thành 100%% kế hoạch",
              u.year + 1)
    end
    local chua_dat = u.fact("cong_chuc_xa_chua_dat_chuan")
    if chua_dat > 0 then
      u.lose(math.min(chua_dat * p.tru_moi_nguoi_chua_dat_chuan, p.diem_chuan),
             "%d công chức cấp xã chưa đạt chuẩn về trình độ chuyên môn", chua_dat)
        :task(OWNER, "Đào tạo, bồi dưỡng để công chức cấp xã đạt chuẩn về trình độ chuyên môn")
    end
  end,
}

criterion "5.5" {
  name   = "Đánh giá, phân loại công chức, viên chức hằng năm; chấp hành kỷ luật, kỷ cương",
  max    = 3,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Trong năm có lãnh đạo cấp phòng và tương đương bị kỷ luật từ khiển trách trở lên: trừ 1,5 điểm; "
        .. "có cán bộ, công chức, viên chức xếp loại không hoàn thành nhiệm vụ: trừ 1 điểm.",
  params = { tru_lanh_dao_bi_ky_luat = 1.5, tru_khong_hoan_thanh_nhiem_vu = 1 },
  score = function(u, p)
    if u.fact("co_lanh_dao_cap_phong_bi_ky_luat") then
      u.lose(p.tru_lanh_dao_bi_ky_luat,
             "Trong năm %d có lãnh đạo cấp phòng thuộc huyện và tương đương, công chức, viên chức bị kỷ luật mức khiển trách trở lên",
             u.year)
        :facts("co_lanh_dao_cap_phong_bi_ky_luat")
        :task("all-heads", "Tăng cường kỷ luật, kỷ cương hành chính, đạo đức công vụ đối với cán bộ, công chức, viên chức")
        :support(OWNER, "Kịp thời chấn chỉnh kỷ luật, kỷ cương hành chính qua kiểm tra công vụ")
    end
    if u.fact("co_ccvc_khong_hoan_thanh_nhiem_vu") then
      u.lose(p.tru_khong_hoan_thanh_nhiem_vu,
             "Kết quả đánh giá, xếp loại năm %d còn cán bộ, công chức, viên chức không hoàn thành nhiệm vụ", u.year)
        :facts("co_ccvc_khong_hoan_thanh_nhiem_vu")
        :task(OWNER, "Thực hiện đánh giá cán bộ, công chức, viên chức đúng quy định; bồi dưỡng nâng cao năng lực, trách nhiệm thực thi công vụ")
    end
  end,
}
