-- Kiểm thử bộ quy tắc 2021. Bộ quy tắc 2021 kế thừa năm 2022 (extends), nên
-- `parindex rules test rules/lai-chau/district/2021` chạy cả các phép thử của
-- năm 2022 (rules/lai-chau/district/2022/tests); phép thử cùng tên ở đây thay
-- phép thử năm 2022, cho các tiêu chí có điểm tối đa hoặc tham số khác.
-- Điểm kỳ vọng tính tay theo `basis` năm 2021 (01_tieu_chi.lua).

test "1.6 một nhiệm vụ quá hạn" {     -- 2 − 0,5
  facts = { nhiem_vu_tinh_giao_qua_han = 1 }, criterion = "1.6", points = 1.5,
}

local the_che_dat = {
  co_ke_hoach_theo_doi_thi_hanh_phap_luat = true, da_kiem_tra_thi_hanh_phap_luat = true,
  co_ke_hoach_ra_soat_van_ban_qppl = true, van_ban_qppl_sau_ra_soat_chua_xu_ly = 0,
  van_ban_trai_phap_luat_chua_xu_ly = 0,
}
test "Lĩnh vực 2 đạt đủ điểm" { facts = the_che_dat, component = "2", points = 6 }
test "2.1 không ban hành kế hoạch theo dõi" {       -- 2 − 0,5
  facts = with(the_che_dat, { co_ke_hoach_theo_doi_thi_hanh_phap_luat = false }), criterion = "2.1", points = 1.5,
}
test "2.1 không kiểm tra thi hành pháp luật" {      -- 2 − 1,5
  facts = with(the_che_dat, { da_kiem_tra_thi_hanh_phap_luat = false }), criterion = "2.1", points = 0.5,
}
test "2.3 một văn bản trái pháp luật chưa xử lý" {  -- 2 − 0,5
  facts = with(the_che_dat, { van_ban_trai_phap_luat_chua_xu_ly = 1 }), criterion = "2.3", points = 1.5,
}

test "3.4 đúng hạn 98,5%, một hồ sơ chưa xin lỗi" {  -- 4,5 − (3,5 − 2,5) − 0,25
  facts = { tong_ho_so_tthc_da_giai_quyet = 2000, ho_so_tra_qua_han = 30, ho_so_qua_han_chua_xin_loi_kip_thoi = 1 },
  criterion = "3.4", points = 3.25,
}

test "5.4 một người chưa đạt chuẩn: trừ 0,25" {      -- 1 − 0,25
  facts = { thuc_hien_ke_hoach_dao_tao_boi_duong = true, cong_chuc_xa_chua_dat_chuan = 1 },
  criterion = "5.4", points = 0.75,
}
test "5.5 lãnh đạo bị kỷ luật và có người không hoàn thành nhiệm vụ" {   -- 2,5 − 1,5 − 1
  facts = { co_lanh_dao_cap_phong_bi_ky_luat = true, co_ccvc_khong_hoan_thanh_nhiem_vu = true },
  criterion = "5.5", points = 0,
}
test "6.4 một kiến nghị chưa thực hiện" {            -- 1 − 0,5
  facts = { kien_nghi_thanh_tra_kiem_toan_chua_thuc_hien = 1 }, criterion = "6.4", points = 0.5,
}

-- 5,5 − (2 − 2 × 10/20) − (1,5 − 1,5 × 10/20) − 1 − 1 = 1,75
test "7.3 trực tuyến, số hóa dưới chỉ tiêu, chưa thanh toán, trang chưa đủ" {
  facts = { ty_le_tthc_phat_sinh_ho_so_truc_tuyen = 10, ty_le_so_hoa_ho_so_ket_qua_tthc = 10,
            da_thuc_hien_thanh_toan_truc_tuyen = false, trang_thong_tin_dien_tu_day_du = false },
  criterion = "7.3", points = 1.75,
}

-- 1.3 và 6.3: lý do trừ điểm mang ghi chú tái dựng của năm 2021
test "1.3 ghi chú tái dựng năm 2021" {
  facts = { so_co_quan_xa_duoc_kiem_tra_cchc = 4, tong_so_co_quan_xa = 17 },
  criterion = "1.3", deduction = { points = 0.43, reason = "(tái dựng để khớp tổng điểm năm 2021; mục tiêu 30%" },
}
test "6.3 giải ngân 88%: lý do không có ghi chú" {
  facts = { ty_le_giai_ngan_von_dau_tu_cong = 88 },
  criterion = "6.3", deduction = { points = 0.12, reason = "vốn đầu tư công đạt 88%" },
}
