-- Tiêu chí năm 2021 khác năm 2022 (MINH HỌA): 1.2 (15 điểm, trừ 3 điểm mỗi báo cáo
-- chậm) và 3.1 (5 điểm); lĩnh vực 1: 10 + 15 = 25, lĩnh vực 3: 5 + 10 = 15.

change_criterion "1.2" {
  max    = 15,
  params = { tru_moi_bao_cao = 3 },
  basis  = "Minh họa: không phải bộ tiêu chí thật của huyện Mường Tè. Trừ 3 điểm cho mỗi báo cáo gửi huyện "
        .. "không đúng hạn; trừ tối đa bằng điểm của tiêu chí.",
}

change_criterion "3.1" {
  max    = 5,
  params = { diem = 5 },
  basis = "Minh họa: không phải bộ tiêu chí thật của huyện Mường Tè. 5 điểm × tỷ lệ hồ sơ nộp trực tuyến / 30% "
       .. "(đạt 30% trở lên: 5 điểm).",
}
