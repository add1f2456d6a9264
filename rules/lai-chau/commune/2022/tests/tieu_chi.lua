-- Kiểm thử bộ quy tắc minh họa cấp xã 2022 (điểm kỳ vọng tính tay theo `basis`).
-- Chạy: parindex rules test rules/lai-chau/commune/2022

test "1.1 có kế hoạch, hoàn thành đủ: 10 điểm" {
  facts = { co_ke_hoach_cchc = true, nhiem_vu_cchc = 12, nhiem_vu_cchc_hoan_thanh = 12 }, criterion = "1.1", points = 10,
}
test "1.1 không có kế hoạch: trừ 2" {
  facts = { co_ke_hoach_cchc = false, nhiem_vu_cchc = 12, nhiem_vu_cchc_hoan_thanh = 12 },
  criterion = "1.1", deduction = { points = 2, reason = "không ban hành kế hoạch CCHC năm" },
}
test "1.1 hoàn thành 10/12 (83,33%): 5 điểm, trừ 3" {
  facts = { co_ke_hoach_cchc = true, nhiem_vu_cchc = 12, nhiem_vu_cchc_hoan_thanh = 10 },
  criterion = "1.1", deduction = { points = 3, reason = "Hoàn thành 10/12 nhiệm vụ CCHC (83,33%)" },
}
test "1.2 hai báo cáo chậm" {
  facts = { bao_cao_cham = 2 }, criterion = "1.2", deduction = { points = 5, reason = "2 báo cáo" },
}
test "1.2 năm báo cáo chậm: còn 0" { facts = { bao_cao_cham = 5 }, criterion = "1.2", points = 0 }
test "2.1 niêm yết chưa đầy đủ: 0 điểm" {
  facts = { niem_yet_tthc_day_du = false }, criterion = "2.1", deduction = { points = 10, reason = "chưa đầy đủ" },
}
test "2.2 đúng hạn 96% (24/25... 48/50): 15 điểm" {
  facts = { ho_so_tthc = 50, ho_so_qua_han = 2 }, criterion = "2.2", deduction = { points = 5, reason = "2/50 hồ sơ" },
}
test "2.2 không có hồ sơ: không áp dụng" {
  facts = { ho_so_tthc = 0, ho_so_qua_han = 0 }, criterion = "2.2", na = true,
}
test "3.1 trực tuyến 15%" {
  facts = { ho_so_truc_tuyen = 15, ho_so_tthc = 100 }, criterion = "3.1",
  deduction = { points = 5, reason = "Tỷ lệ hồ sơ nộp trực tuyến 15,00%" },
}
test "3.2 một cán bộ chưa đạt chuẩn: trừ 2" {
  facts = { can_bo_chua_dat_chuan = 1 }, criterion = "3.2", deduction = { points = 2, reason = "1 cán bộ" },
}
test "4.1 hài lòng 90%: trừ 3" {
  facts = { ty_le_hai_long = 90 }, criterion = "4.1", deduction = { points = 3, reason = "90,00%" },
}

-- Điểm thưởng, điểm trừ: điểm của mục sau mức tối đa của mục (giới hạn tổng của
-- index và giới hạn 100 điểm của Chỉ số phụ thuộc các mục khác, không kiểm ở đây).
test "T1 ba sáng kiến được công nhận: cộng tối đa 2" {
  facts = { sang_kien_cchc_duoc_cong_nhan = {
    { ten = "A", quyet_dinh = "QĐ 1" }, { ten = "B", quyet_dinh = "QĐ 2" }, { ten = "C", quyet_dinh = "QĐ 3" } } },
  criterion = "T1", points = 2,
}
test "T1 không có sáng kiến: không cộng" { facts = {}, criterion = "T1", points = 0 }
test "T2 được khen thưởng: cộng 1" {
  facts = { khen_thuong_cchc = "Giấy khen" }, criterion = "T2", deduction = { points = 1, reason = "Giấy khen" },
}
test "P1 hai cán bộ bị kỷ luật: trừ 2" {
  facts = { can_bo_bi_ky_luat = 2 }, criterion = "P1", deduction = { points = 2, reason = "2 cán bộ" },
}
test "P1 năm cán bộ bị kỷ luật: trừ tối đa 3" { facts = { can_bo_bi_ky_luat = 5 }, criterion = "P1", points = 3 }
