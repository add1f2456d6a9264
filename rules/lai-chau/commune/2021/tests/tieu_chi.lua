-- Kiểm thử các tiêu chí năm 2021 khác năm 2022 (minh họa); các phép thử của 2022 cũng chạy.
test "1.2 hai báo cáo chậm" {   -- 2021: 3 điểm mỗi báo cáo
  facts = { bao_cao_cham = 2 }, criterion = "1.2", deduction = { points = 6, reason = "2 báo cáo" },
}
test "3.1 trực tuyến 15%" {   -- 2021: 5 điểm, còn 2,5
  facts = { ho_so_truc_tuyen = 15, ho_so_tthc = 100 }, criterion = "3.1",
  deduction = { points = 2.5, reason = "15,00%" },
}
