-- Lĩnh vực 7. Xây dựng và phát triển chính quyền điện tử, chính quyền số (12,5 điểm)
-- 3 tiêu chí: 7.1 (3) + 7.2 (3,5) + 7.3 (6) = 12,5
--
-- TÁI DỰNG: xem 00_chi_so.lua. Báo cáo (mục I.2.2.3) nêu 7.1 trừ 2 điểm,
-- 7.2 trừ 0,26 điểm, 7.3 trừ 3,38 điểm.

local TAI_DUNG = "Tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè; quy định gốc của tỉnh chưa công bố. "

criterion "7.1" {
  name   = "Xây dựng, hoàn thiện cơ chế chính sách để triển khai xây dựng và phát triển chính quyền điện tử, chính quyền số",
  max    = 3,
  owner  = "van-hoa-thong-tin",
  basis  = TAI_DUNG .. "7.1.1 Ban hành Kế hoạch chuyển đổi số năm đúng thời hạn: 1 điểm; ban hành muộn: 0 điểm. "
        .. "7.1.2 Mức độ hoàn thành Kế hoạch chuyển đổi số: 100%: 2 điểm; từ 80% đến dưới 100%: 1,5 điểm; "
        .. "từ 50% đến dưới 80%: 1 điểm; dưới 50%: 0 điểm.",
  params = {
    diem_ban_hanh  = 1,
    diem_hoan_thanh = 2,
    muc_hoan_thanh = { { 100, 2 }, { 80, 1.5 }, { 50, 1 } },
  },
  score = function(u, p)
    if not u.fact("ke_hoach_chuyen_doi_so_ban_hanh_dung_han") then
      u.lose(p.diem_ban_hanh, "Kế hoạch chuyển đổi số năm %d ban hành muộn", u.year)
        :task(OWNER, "Tham mưu ban hành Kế hoạch chuyển đổi số năm %d đúng thời hạn", u.year + 1)
    end
    local xong = u.fact("nhiem_vu_chuyen_doi_so_hoan_thanh")
    local tong = u.fact("nhiem_vu_chuyen_doi_so_tong")
    local ty_le = percent(xong, tong) or 100
    local diem = steps(ty_le, p.muc_hoan_thanh)
    if diem < p.diem_hoan_thanh then
      u.lose(p.diem_hoan_thanh - diem,
             "Mức độ hoàn thành Kế hoạch chuyển đổi số chưa đạt so với kế hoạch đề ra: %d/%d nhiệm vụ = %.0f%%",
             xong, tong, ty_le)
        :facts("nhiem_vu_chuyen_doi_so_hoan_thanh", "nhiem_vu_chuyen_doi_so_tong")
        :task(OWNER, "Tham mưu tổ chức triển khai hoàn thành 100%% Kế hoạch chuyển đổi số năm %d", u.year + 1)
    end
  end,
}

criterion "7.2" {
  name   = "Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước",
  max    = 3.5,
  owner  = "van-hoa-thong-tin",
  basis  = TAI_DUNG .. "7.2.1 Tỷ lệ cơ quan, đơn vị, UBND xã, thị trấn sử dụng hệ thống quản lý văn bản và điều hành: "
        .. "điểm = 1,5 × tỷ lệ. 7.2.2 Tỷ lệ văn bản điện tử gửi, nhận có ký số: điểm = 2 × tỷ lệ. "
        .. "Mỗi phần làm tròn 2 chữ số.",
  params = { diem_qlvb = 1.5, diem_ky_so = 2 },
  score = function(u, p)
    local qlvb = u.fact("ty_le_co_quan_xa_su_dung_he_thong_qlvb")
    local diem_qlvb = linear(qlvb, 0, 100, p.diem_qlvb)
    if diem_qlvb < p.diem_qlvb then
      u.lose(p.diem_qlvb - diem_qlvb, "Tỷ lệ cơ quan, đơn vị, UBND xã, thị trấn sử dụng hệ thống quản lý văn bản và điều hành đạt %s%%", qlvb)
        :facts("ty_le_co_quan_xa_su_dung_he_thong_qlvb")
        :task(OWNER, "Hướng dẫn 100%% cơ quan, đơn vị, UBND xã, thị trấn gửi, nhận văn bản qua Hệ thống quản lý văn bản")
    else
      u.achieved("%s%% các cơ quan, đơn vị, UBND các xã, thị trấn đã sử dụng hệ thống quản lý văn bản và điều hành", qlvb)
        :facts("ty_le_co_quan_xa_su_dung_he_thong_qlvb")
    end
    local ky_so = u.fact("ty_le_van_ban_dien_tu_ky_so")
    local diem_ky_so = linear(ky_so, 0, 100, p.diem_ky_so)
    if diem_ky_so < p.diem_ky_so then
      u.lose(p.diem_ky_so - diem_ky_so, "Tỷ lệ gửi, nhận văn bản điện tử có ký số đạt %s%%", ky_so)
        :facts("ty_le_van_ban_dien_tu_ky_so")
        :task(OWNER, "Nâng tỷ lệ ký số văn bản điện tử; thực hiện sử dụng chữ ký số, chứng thư số")
    end
  end,
}

-- 7.3 gồm 4 phần; hai tỷ lệ được chấm tỷ lệ thuận so với chỉ tiêu của năm.
criterion "7.3" {
  name   = "Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức",
  max    = 6,
  owner  = "van-hoa-thong-tin",
  basis  = TAI_DUNG .. "7.3.1 Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến một phần, toàn trình có phát sinh hồ sơ trực tuyến, "
        .. "chỉ tiêu 25%: điểm = 2 × tỷ lệ / 25%. 7.3.2 Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC, chỉ tiêu 40%: "
        .. "điểm = 2 × tỷ lệ / 40%. 7.3.3 Có thực hiện thanh toán trực tuyến: 1 điểm; không: 0 điểm. "
        .. "7.3.4 Cung cấp đầy đủ thông tin trên Trang thông tin điện tử của huyện: 1 điểm. Mỗi phần làm tròn 2 chữ số, tối đa bằng điểm của phần.",
  params = {
    diem_truc_tuyen = 2, chi_tieu_truc_tuyen = 25,   -- %
    diem_so_hoa     = 2, chi_tieu_so_hoa     = 40,   -- %
    diem_thanh_toan = 1,
    diem_cong_thong_tin = 1,
  },
  score = function(u, p)
    local truc_tuyen = u.fact("ty_le_tthc_phat_sinh_ho_so_truc_tuyen")
    local d1 = linear(truc_tuyen, 0, p.chi_tieu_truc_tuyen, p.diem_truc_tuyen)
    if d1 < p.diem_truc_tuyen then
      u.lose(p.diem_truc_tuyen - d1,
             "Tỷ lệ TTHC một phần, toàn trình phát sinh hồ sơ trực tuyến đạt %s%% (chỉ tiêu %s%%)",
             truc_tuyen, p.chi_tieu_truc_tuyen)
        :facts("ty_le_tthc_phat_sinh_ho_so_truc_tuyen")
        :task("van-phong", "Đề xuất giải pháp nâng cao tỷ lệ hồ sơ dịch vụ công trực tuyến một phần, toàn trình; khuyến khích người dân, doanh nghiệp nộp hồ sơ trực tuyến")
        :support(OWNER, "Tuyên truyền, hướng dẫn người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến")
    end
    local so_hoa = u.fact("ty_le_so_hoa_ho_so_ket_qua_tthc")
    local d2 = linear(so_hoa, 0, p.chi_tieu_so_hoa, p.diem_so_hoa)
    if d2 < p.diem_so_hoa then
      u.lose(p.diem_so_hoa - d2, "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt %s%% (chỉ tiêu %s%%)", so_hoa, p.chi_tieu_so_hoa)
        :facts("ty_le_so_hoa_ho_so_ket_qua_tthc")
        :task("van-phong", "Đẩy mạnh số hóa hồ sơ, kết quả giải quyết TTHC đảm bảo đầy đủ, chính xác, toàn vẹn dữ liệu")
    end
    if not u.fact("da_thuc_hien_thanh_toan_truc_tuyen") then
      u.lose(p.diem_thanh_toan, "Năm %d huyện chưa thực hiện thanh toán trực tuyến", u.year)
        :facts("da_thuc_hien_thanh_toan_truc_tuyen")
        :task(OWNER, "Thực hiện đồng bộ các giải pháp nâng cao tỷ lệ thanh toán trực tuyến trên địa bàn huyện")
        :support("van-phong", "Hướng dẫn người dân, doanh nghiệp thanh toán trực tuyến phí, lệ phí khi nộp hồ sơ TTHC")
    end
    if not u.fact("trang_thong_tin_dien_tu_day_du") then
      u.lose(p.diem_cong_thong_tin, "Trang thông tin điện tử của huyện chưa cung cấp đầy đủ thông tin theo quy định")
        :facts("trang_thong_tin_dien_tu_day_du")
        :task(OWNER, "Nâng cao hiệu quả cung cấp thông tin trên Trang thông tin điện tử huyện")
    end
  end,
}
