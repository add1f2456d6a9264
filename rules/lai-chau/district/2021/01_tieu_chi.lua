-- Tiêu chí năm 2021: chỉ những gì khác năm 2022 (xem 00_chi_so.lua).
-- Điểm tối đa, tham số và căn cứ (basis) của tiêu chí thay đổi; các tiêu chí
-- không nêu ở đây giữ nguyên như năm 2022.

local TAI_DUNG = "Tái dựng để khớp tổng điểm từng lĩnh vực năm 2021 đã công bố (Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè, mục I.2); quy định gốc của tỉnh năm 2021 chưa công bố; cùng tiêu chí và cách chấm như năm 2022. "

-- 1.3 và 6.3: cùng cách chấm, chỉ khác ghi chú tái dựng trong lý do trừ điểm.
change_criterion "1.3" {
  basis  = TAI_DUNG .. "Kiểm tra CCHC tối thiểu 30% số cơ quan, đơn vị và UBND xã, thị trấn (mục tiêu tại mục II.b "
        .. "của báo cáo): 2 điểm; dưới 30%: điểm = 2 × tỷ lệ đã kiểm tra / 30%, làm tròn 2 chữ số.",
  params = { ghi_chu = "tái dựng để khớp tổng điểm năm 2021; mục tiêu 30% lấy từ mục II.b của báo cáo năm 2022" },
}

change_criterion "1.6" { max = 2 }

change_criterion "2.1" {
  max    = 2,
  basis  = TAI_DUNG .. "Ban hành kế hoạch theo dõi thi hành pháp luật: 0,5 điểm; "
        .. "tổ chức kiểm tra, điều tra, khảo sát tình hình thi hành pháp luật: 1,5 điểm.",
  params = { diem_kiem_tra = 1.5 },
}

change_criterion "2.3" { max = 2 }

-- 3.4: phần tỷ lệ hồ sơ đúng hạn 3,5 điểm (năm 2022: 3 điểm).
change_criterion "3.4" {
  max    = 4.5,
  basis  = TAI_DUNG .. "3.4.1 Tỷ lệ hồ sơ giải quyết đúng hạn trên Hệ thống thông tin giải quyết TTHC của tỉnh: "
        .. "từ 99% trở lên: 3,5 điểm; từ 97% đến dưới 99%: 2,5 điểm; từ 95% đến dưới 97%: 1,5 điểm; dưới 95%: 0 điểm. "
        .. "3.4.2 Xin lỗi người dân, tổ chức khi hồ sơ quá hạn (1 điểm): trừ 0,25 điểm cho mỗi hồ sơ quá hạn "
        .. "không có văn bản xin lỗi kịp thời.",
  params = {
    diem_dung_han = 3.5,
    muc_dung_han  = { { 99, 3.5 }, { 97, 2.5 }, { 95, 1.5 } },
  },
}

-- 4.2: phần không vượt biên chế 1 điểm (năm 2022: 1,5 điểm).
change_criterion "4.2" {
  max    = 2,
  basis  = TAI_DUNG .. "Sử dụng biên chế hành chính, số lượng người làm việc không vượt số được giao: 1 điểm; "
        .. "thực hiện tinh giản biên chế đạt tỷ lệ theo quy định: 1 điểm.",
  params = { diem_khong_vuot = 1 },
}

change_criterion "5.1" {
  max    = 1,
  basis  = TAI_DUNG .. "Rà soát, bổ sung, hoàn thiện vị trí việc làm, cơ cấu ngạch công chức, "
        .. "cơ cấu viên chức theo chức danh nghề nghiệp theo quy định: 1 điểm; không thực hiện: 0 điểm.",
  params = { diem = 1 },
}

change_criterion "5.4" {
  max    = 1,
  basis  = TAI_DUNG .. "Thực hiện kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm: 0,5 điểm; "
        .. "công chức cấp xã đạt chuẩn về trình độ chuyên môn (0,5 điểm): trừ 0,25 điểm cho mỗi người chưa đạt chuẩn.",
  params = { diem_ke_hoach = 0.5 },
}

-- 5.5: mức trừ giữ như năm 2022.
change_criterion "5.5" { max = 2.5 }

change_criterion "6.3" {
  basis  = TAI_DUNG .. "Điểm = 1 × tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao, làm tròn 2 chữ số.",
  params = { ghi_chu = "" },
}

change_criterion "6.4" { max = 1 }

-- 7.3: chỉ tiêu năm 2021: hồ sơ trực tuyến 20%, số hóa 20%; phần số hóa 1,5 điểm.
change_criterion "7.3" {
  max    = 5.5,
  basis  = TAI_DUNG .. "7.3.1 Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến một phần, toàn trình có phát sinh hồ sơ trực tuyến, "
        .. "chỉ tiêu 20%: điểm = 2 × tỷ lệ / 20%. 7.3.2 Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC, chỉ tiêu 20%: "
        .. "điểm = 1,5 × tỷ lệ / 20%. 7.3.3 Có thực hiện thanh toán trực tuyến: 1 điểm; không: 0 điểm. "
        .. "7.3.4 Cung cấp đầy đủ thông tin trên Trang thông tin điện tử của huyện: 1 điểm. Mỗi phần làm tròn 2 chữ số, tối đa bằng điểm của phần.",
  params = { chi_tieu_truc_tuyen = 20, diem_so_hoa = 1.5, chi_tieu_so_hoa = 20 },
}
