-- Kiểm thử bộ quy tắc 2022: mỗi tiêu chí ít nhất một phép thử, mỗi lệnh u.lose
-- ít nhất một lần. Chạy: parindex rules test rules/lai-chau/district/2022
-- Điểm kỳ vọng tính tay theo `basis` của từng tiêu chí, không lấy từ máy chấm.

-- 1.1: 100%: 2; 90–<100%: 1,5; 70–<90%: 1; dưới 70%: 0
test "1.1 hoàn thành đủ nhiệm vụ: 2 điểm, nêu kết quả đạt được" {
  facts = { ke_hoach_cchc_nhiem_vu = 22, ke_hoach_cchc_nhiem_vu_hoan_thanh = 22 },
  year = 2022, criterion = "1.1", points = 2, achieved = "Hoàn thành 22/22 nhiệm vụ của Kế hoạch CCHC năm 2022 đã đề ra (đạt 100%)",
}
test "1.1 hoàn thành 9/10 (90%): trừ 0,5" {
  facts = { ke_hoach_cchc_nhiem_vu = 10, ke_hoach_cchc_nhiem_vu_hoan_thanh = 9 },
  criterion = "1.1", deduction = { points = 0.5, reason = "Hoàn thành 9/10 nhiệm vụ" },
}

-- 1.2: trừ 0,5 mỗi báo cáo không đúng hạn, tối đa 2,5
test "1.2 gửi vào chính ngày hạn là chậm" {
  facts = { bao_cao_khong_dung_han = { { ten = "Báo cáo quý II", han = "2022-06-19", gui = "2022-06-19" } } },
  criterion = "1.2", deduction = { points = 0.5, reason = "chậm so với quy định gửi trước ngày" },
}
test "1.2 báo cáo không nêu ngày, có căn cứ" {
  facts = { bao_cao_khong_dung_han = { { ten = "Báo cáo rà soát", khong_dung_han = true, can_cu = "Công văn 1" } } },
  criterion = "1.2", deduction = { points = 0.5, reason = "không đúng hạn (căn cứ: Công văn 1)" },
}
test "1.2 không có dữ kiện: đủ 2,5 điểm" { facts = {}, criterion = "1.2", points = 2.5 }
test "1.2 sáu báo cáo chậm: trừ tối đa, còn 0" {
  facts = { bao_cao_khong_dung_han = {
    { ten = "A", khong_dung_han = true }, { ten = "B", khong_dung_han = true }, { ten = "C", khong_dung_han = true },
    { ten = "D", khong_dung_han = true }, { ten = "E", khong_dung_han = true }, { ten = "F", khong_dung_han = true } } },
  criterion = "1.2", points = 0,
}

-- 1.3: 2 × tỷ lệ / 30%, tối đa 2
test "1.3 kiểm tra 4/17 (23,53%): 1,57 điểm" {
  facts = { so_co_quan_xa_duoc_kiem_tra_cchc = 4, tong_so_co_quan_xa = 17 },
  criterion = "1.3", points = 1.57,
}
test "1.3 đạt mục tiêu 30%: 2 điểm" {
  facts = { so_co_quan_xa_duoc_kiem_tra_cchc = 6, tong_so_co_quan_xa = 17 },
  criterion = "1.3", points = 2,
}

-- 1.4: kế hoạch 0,5 + thực hiện 1
test "1.4 không ban hành kế hoạch tuyên truyền" {
  facts = { co_ke_hoach_tuyen_truyen_cchc = false, tuyen_truyen_cchc_thuc_hien_day_du = true },
  criterion = "1.4", deduction = { points = 0.5, reason = "Không ban hành kế hoạch tuyên truyền" },
}
test "1.4 không thực hiện đầy đủ: còn 0,5" {
  facts = { co_ke_hoach_tuyen_truyen_cchc = true, tuyen_truyen_cchc_thuc_hien_day_du = false },
  criterion = "1.4", points = 0.5,
}

test "1.5 không có sáng kiến: 0 điểm" {
  facts = { co_sang_kien_cchc_duoc_cong_nhan = false }, criterion = "1.5", points = 0,
}
test "1.6 một nhiệm vụ quá hạn" {     -- 1,5 − 0,5
  facts = { nhiem_vu_tinh_giao_qua_han = 1 }, criterion = "1.6", points = 1,
}

-- 1.7: 0,5 mỗi hạn chế, không dưới 0
local han_che_1_7 = {
  quyet_dinh_chuc_nang_nhiem_vu_cham = { { co_quan = "Phòng Tài nguyên và Môi trường" } },
  ho_so_tra_qua_han = 51,
  co_lanh_dao_cap_phong_bi_ky_luat = true,
  so_dvsn_tang_muc_tu_chu = 0,
  da_thuc_hien_thanh_toan_truc_tuyen = false,
}
test "1.7 năm hạn chế: trừ hết 2 điểm" { facts = han_che_1_7, criterion = "1.7", points = 0 }
test "1.7 hạn chế thứ năm vẫn được ghi nhận" {
  facts = han_che_1_7, criterion = "1.7", deduction = { points = 0, reason = "chưa thực hiện thanh toán trực tuyến" },
}
test "1.7 không hạn chế nào: 2 điểm" {
  facts = with(han_che_1_7, { quyet_dinh_chuc_nang_nhiem_vu_cham = {}, ho_so_tra_qua_han = 0,
    co_lanh_dao_cap_phong_bi_ky_luat = false, so_dvsn_tang_muc_tu_chu = 2, da_thuc_hien_thanh_toan_truc_tuyen = true }),
  criterion = "1.7", points = 2,
}

-- Lĩnh vực 2
local the_che_dat = {
  co_ke_hoach_theo_doi_thi_hanh_phap_luat = true, da_kiem_tra_thi_hanh_phap_luat = true,
  co_ke_hoach_ra_soat_van_ban_qppl = true, van_ban_qppl_sau_ra_soat_chua_xu_ly = 0,
  van_ban_trai_phap_luat_chua_xu_ly = 0,
}
test "Lĩnh vực 2 đạt đủ điểm" { facts = the_che_dat, component = "2", points = 5 }
test "2.1 không ban hành kế hoạch theo dõi" {
  facts = with(the_che_dat, { co_ke_hoach_theo_doi_thi_hanh_phap_luat = false }),
  criterion = "2.1", points = 1,
}
test "2.1 không kiểm tra thi hành pháp luật" {   -- 1,5 − 1
  facts = with(the_che_dat, { da_kiem_tra_thi_hanh_phap_luat = false }), criterion = "2.1", points = 0.5,
}
test "2.2 không kế hoạch rà soát, 3 văn bản chưa xử lý (trừ tối đa 1)" {
  facts = with(the_che_dat, { co_ke_hoach_ra_soat_van_ban_qppl = false, van_ban_qppl_sau_ra_soat_chua_xu_ly = 3 }),
  criterion = "2.2", points = 0,
}
test "2.2 ba văn bản chưa xử lý: trừ 1" {
  facts = with(the_che_dat, { van_ban_qppl_sau_ra_soat_chua_xu_ly = 3 }),
  criterion = "2.2", deduction = { points = 1, reason = "3 văn bản QPPL" },
}
test "2.3 một văn bản trái pháp luật chưa xử lý" {
  facts = with(the_che_dat, { van_ban_trai_phap_luat_chua_xu_ly = 1 }), criterion = "2.3", points = 1,
}

-- Lĩnh vực 3
test "3.1 không đề xuất đơn giản hóa TTHC: 0 điểm" {
  facts = { co_de_xuat_phuong_an_don_gian_hoa_tthc = false }, criterion = "3.1", points = 0,
}
test "3.2 hai nơi niêm yết chưa đủ: còn 0,5" {
  facts = { noi_niem_yet_tthc_chua_day_du = 2 }, criterion = "3.2", points = 0.5,
}
test "3.3 quy chế một cửa ban hành chậm: trừ 1" {
  facts = { quy_che_bo_phan_mot_cua_ban_hanh_dung_han = false }, criterion = "3.3", points = 1.5,
}
test "3.4 đúng hạn 98,5%, một hồ sơ chưa xin lỗi" {   -- 4 − (3 − 2) − 0,25
  facts = { tong_ho_so_tthc_da_giai_quyet = 2000, ho_so_tra_qua_han = 30, ho_so_qua_han_chua_xin_loi_kip_thoi = 1 },
  criterion = "3.4", points = 2.75,
}
test "3.4 xin lỗi: trừ tối đa 1 điểm" {
  facts = { tong_ho_so_tthc_da_giai_quyet = 2000, ho_so_tra_qua_han = 0, ho_so_qua_han_chua_xin_loi_kip_thoi = 9 },
  criterion = "3.4", deduction = { points = 1, reason = "9 hồ sơ quá hạn chưa có văn bản xin lỗi" },
}
test "3.5 một PAKN quá hạn" { facts = { pakn_tthc_xu_ly_qua_han = 1 }, criterion = "3.5", points = 1 }
test "3.6 hai nhiệm vụ quá hạn" { facts = { nhiem_vu_tthc_tinh_giao_qua_han = 2 }, criterion = "3.6", points = 1 }

-- Lĩnh vực 4
test "4.1 một cơ quan chậm, một cơ quan vượt lãnh đạo: 3 − 1 − 0,5" {
  facts = { quyet_dinh_chuc_nang_nhiem_vu_cham = { { co_quan = "Phòng Tài nguyên và Môi trường" } },
            co_quan_vuot_so_luong_lanh_dao = 1 },
  criterion = "4.1", points = 1.5,
}
test "4.1 lý do nêu tên cơ quan" {
  facts = { quyet_dinh_chuc_nang_nhiem_vu_cham = { { co_quan = "Phòng Y tế" } }, co_quan_vuot_so_luong_lanh_dao = 0 },
  criterion = "4.1", deduction = { points = 1, reason = "cơ cấu tổ chức của Phòng Y tế" },
}
test "4.2 vượt biên chế, không đạt tinh giản: 0" {
  facts = { bien_che_su_dung_vuot_so_giao = true, dat_ty_le_tinh_gian_bien_che = false }, criterion = "4.2", points = 0,
}
test "4.3 không kiểm tra nhiệm vụ phân cấp: còn 1" {
  facts = { thuc_hien_quy_dinh_phan_cap = true, kiem_tra_nhiem_vu_phan_cap = false }, criterion = "4.3", points = 1,
}
test "4.3 chưa thực hiện phân cấp" {
  facts = { thuc_hien_quy_dinh_phan_cap = false, kiem_tra_nhiem_vu_phan_cap = true },
  criterion = "4.3", deduction = { points = 1, reason = "phân cấp quản lý" },
}

-- Lĩnh vực 5
test "5.1 chưa rà soát vị trí việc làm: 0" { facts = { ra_soat_vi_tri_viec_lam = false }, criterion = "5.1", points = 0 }
test "5.2 sai phạm tuyển dụng: 0" { facts = { tuyen_dung_dung_quy_dinh = false }, criterion = "5.2", points = 0 }
test "5.3 sai phạm nâng ngạch: 0" {
  facts = { nang_ngach_thang_hang_bo_nhiem_dung_quy_dinh = false }, criterion = "5.3", points = 0,
}
test "5.4 không thực hiện kế hoạch, 3 người chưa đạt chuẩn (trừ tối đa 0,5): 0" {
  facts = { thuc_hien_ke_hoach_dao_tao_boi_duong = false, cong_chuc_xa_chua_dat_chuan = 3 }, criterion = "5.4", points = 0,
}
test "5.4 một người chưa đạt chuẩn: trừ 0,25" {
  facts = { thuc_hien_ke_hoach_dao_tao_boi_duong = true, cong_chuc_xa_chua_dat_chuan = 1 },
  criterion = "5.4", points = 1.25,
}
test "5.5 lãnh đạo bị kỷ luật và có người không hoàn thành nhiệm vụ" {   -- 3 − 1,5 − 1
  facts = { co_lanh_dao_cap_phong_bi_ky_luat = true, co_ccvc_khong_hoan_thanh_nhiem_vu = true },
  criterion = "5.5", points = 0.5,
}

-- Lĩnh vực 6
test "6.1 một kết luận thanh tra có sai phạm: trừ 1" {
  facts = { ket_luan_thanh_tra_co_sai_pham = { { van_ban = "Kết luận số 1", noi_dung = "chi sai" } } },
  criterion = "6.1", points = 0.5,
}
test "6.2 không tăng tự chủ, 1/20 đơn vị tự bảo đảm (5%): 3 − 1,5 − 1" {
  facts = { so_dvsn_tang_muc_tu_chu = 0, so_dvsn_tu_bao_dam_chi = 1, tong_so_dvsn = 20 }, criterion = "6.2", points = 0.5,
}
test "6.2 tăng tự chủ, 5/20 (25%): đủ 3 điểm" {
  facts = { so_dvsn_tang_muc_tu_chu = 1, so_dvsn_tu_bao_dam_chi = 5, tong_so_dvsn = 20 }, criterion = "6.2", points = 3,
}
test "6.3 giải ngân 88%: 0,88 điểm" { facts = { ty_le_giai_ngan_von_dau_tu_cong = 88 }, criterion = "6.3", points = 0.88 }
test "6.4 một kiến nghị chưa thực hiện" {   -- 0,5 − 0,5
  facts = { kien_nghi_thanh_tra_kiem_toan_chua_thuc_hien = 1 }, criterion = "6.4", points = 0,
}
test "6.5 không có cơ sở nhà, đất: không chấm" {
  facts = { tong_co_so_nha_dat = 0, co_so_nha_dat_da_sap_xep = 0 }, criterion = "6.5", na = true,
}
test "6.5 sắp xếp 7/10 (70%, dưới 80%): 0" {
  facts = { tong_co_so_nha_dat = 10, co_so_nha_dat_da_sap_xep = 7 }, criterion = "6.5", points = 0,
}
test "6.5 sắp xếp 8/10 (80%): 1" {
  facts = { tong_co_so_nha_dat = 10, co_so_nha_dat_da_sap_xep = 8 }, criterion = "6.5", points = 1,
}

-- Lĩnh vực 7
test "7.1 ban hành muộn, hoàn thành 8/10 (80%): 3 − 1 − 0,5" {
  facts = { ke_hoach_chuyen_doi_so_ban_hanh_dung_han = false, nhiem_vu_chuyen_doi_so_hoan_thanh = 8,
            nhiem_vu_chuyen_doi_so_tong = 10 },
  criterion = "7.1", points = 1.5,
}
test "7.2 QLVB 90%, ký số 100%: 3,5 − 0,15" {
  facts = { ty_le_co_quan_xa_su_dung_he_thong_qlvb = 90, ty_le_van_ban_dien_tu_ky_so = 100 },
  criterion = "7.2", points = 3.35,
}
test "7.2 ký số 87%: trừ 0,26" {
  facts = { ty_le_co_quan_xa_su_dung_he_thong_qlvb = 100, ty_le_van_ban_dien_tu_ky_so = 87 },
  criterion = "7.2", deduction = { points = 0.26, reason = "ký số đạt 87%" },
}
test "7.2 QLVB 100%: nêu kết quả đạt được dù phần ký số bị trừ" {
  facts = { ty_le_co_quan_xa_su_dung_he_thong_qlvb = 100, ty_le_van_ban_dien_tu_ky_so = 87 },
  criterion = "7.2", achieved = "100% các cơ quan, đơn vị, UBND các xã, thị trấn đã sử dụng hệ thống quản lý văn bản",
}
-- 6 − (2 − 2 × 10/25) − (2 − 2 × 20/40) − 1 − 1 = 1,8
test "7.3 trực tuyến, số hóa dưới chỉ tiêu, chưa thanh toán, trang chưa đủ" {
  facts = { ty_le_tthc_phat_sinh_ho_so_truc_tuyen = 10, ty_le_so_hoa_ho_so_ket_qua_tthc = 20,
            da_thuc_hien_thanh_toan_truc_tuyen = false, trang_thong_tin_dien_tu_day_du = false },
  criterion = "7.3", points = 1.8,
}

-- Lĩnh vực 8
test "8.1 hài lòng 80%: 12 điểm" { facts = { sipas_chi_so_hai_long_chung = 80 }, criterion = "8.1", points = 12 }
test "8.1 lý do nêu chỉ số thành phần" {
  facts = { sipas_chi_so_hai_long_chung = 80, sipas_cong_chuc = 85.5 },
  criterion = "8.1", deduction = { points = 3, reason = "công chức 85,5%" },
}
test "8.2 điều tra xã hội học 90%: 13,5" { facts = { dtxhh_can_bo_lanh_dao_ty_le = 90 }, criterion = "8.2", points = 13.5 }
test "8.3 thu ngân sách 95% kế hoạch: 0,5" {
  facts = { thu_ngan_sach_thuc_hien = 950, thu_ngan_sach_ke_hoach = 1000 }, criterion = "8.3", points = 0.5,
}
test "8.3 thu vượt kế hoạch: 1 điểm, nêu số thu có dấu phân cách hàng nghìn" {
  facts = { thu_ngan_sach_thuc_hien = 67279, thu_ngan_sach_ke_hoach = 58000 }, criterion = "8.3", points = 1,
  achieved = "67.279/58.000 triệu đồng, đạt 116%, vượt chỉ tiêu kế hoạch giao",
}
test "8.4 đạt 30/30 chỉ tiêu: nêu kết quả đạt được" {
  facts = { chi_tieu_ktxh_dat = 30, chi_tieu_ktxh_tong = 30 }, criterion = "8.4", points = 1, achieved = "30/30 chỉ tiêu đạt kế hoạch giao",
}
test "8.4 đạt 9/10 chỉ tiêu (90%): 0,5" { facts = { chi_tieu_ktxh_dat = 9, chi_tieu_ktxh_tong = 10 }, criterion = "8.4", points = 0.5 }
test "8.5 không đạt chỉ tiêu HTX, hộ kinh doanh: 0" {
  facts = { htx_hkd_dat_chi_tieu_phat_trien = false }, criterion = "8.5", points = 0,
}
