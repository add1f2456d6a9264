-- Lĩnh vực 3. Cải cách thủ tục hành chính (13,5 điểm)
-- 6 tiêu chí: 3.1 (2) + 3.2 (1,5) + 3.3 (2,5) + 3.4 (4) + 3.5 (1,5) + 3.6 (2) = 13,5
--
-- TÁI DỰNG: xem 00_chi_so.lua. Nội dung bị trừ điểm theo mục I.2.1.3 của báo cáo:
-- 3.1 mất 2 điểm, 3.3 trừ 1 điểm, 3.4 trừ 1,25 điểm.

local TAI_DUNG = "Tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè; quy định gốc của tỉnh chưa công bố. "

criterion "3.1" {
  name   = "Thực hiện rà soát, đánh giá quy định, thủ tục hành chính",
  max    = 2,
  owner  = "van-phong",
  basis  = TAI_DUNG .. "Có đề xuất phương án đơn giản hóa TTHC, quy định liên quan qua rà soát: 2 điểm; không có: 0 điểm.",
  params = { diem = 2 },
  score = function(u, p)
    if not u.fact("co_de_xuat_phuong_an_don_gian_hoa_tthc") then
      u.lose(p.diem, "Năm %d huyện không có nội dung đề xuất phương án đơn giản hóa TTHC", u.year)
        :task(OWNER, "Chủ trì rà soát, đánh giá quy định, TTHC và đề xuất phương án đơn giản hóa TTHC")
        :support("all-heads", "Tiếp tục rà soát, cắt giảm, đơn giản hóa TTHC liên quan tới người dân, doanh nghiệp")
    end
  end,
}

criterion "3.2" {
  name   = "Công bố, công khai thủ tục hành chính",
  max    = 1.5,
  owner  = "van-phong",
  basis  = TAI_DUNG .. "Trừ 0,5 điểm cho mỗi nơi tiếp nhận hồ sơ (Bộ phận một cửa cấp huyện, cấp xã) "
        .. "niêm yết, công khai TTHC chưa đầy đủ, kịp thời; trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_noi = 0.5 },
  score = function(u, p)
    local chua_day_du = u.fact("noi_niem_yet_tthc_chua_day_du")
    if chua_day_du > 0 then
      u.lose(chua_day_du * p.tru_moi_noi, "%d nơi tiếp nhận hồ sơ niêm yết, công khai TTHC chưa đầy đủ, kịp thời", chua_day_du)
        :task(OWNER, "Cập nhật, niêm yết công khai đầy đủ bộ TTHC thuộc thẩm quyền giải quyết")
    end
  end,
}

criterion "3.3" {
  name   = "Thực hiện cơ chế một cửa, một cửa liên thông",
  max    = 2.5,
  owner  = "van-phong",
  basis  = TAI_DUNG .. "Quy chế hoạt động của Bộ phận tiếp nhận và trả kết quả không ban hành đúng thời hạn: trừ 1 điểm.",
  params = { tru_quy_che_cham = 1 },
  score = function(u, p)
    if not u.fact("quy_che_bo_phan_mot_cua_ban_hanh_dung_han") then
      u.lose(p.tru_quy_che_cham,
             "Quy chế hoạt động của Bộ phận tiếp nhận và trả kết quả theo cơ chế một cửa, một cửa liên thông của huyện ban hành chậm")
        :task(OWNER, "Kịp thời tham mưu ban hành, sửa đổi Quy chế hoạt động của Bộ phận tiếp nhận và trả kết quả")
    end
  end,
}

-- 3.4 gồm 2 phần: tỷ lệ hồ sơ giải quyết đúng hạn (3 điểm, theo bậc) và
-- văn bản xin lỗi đối với hồ sơ quá hạn (1 điểm, trừ 0,25 điểm mỗi hồ sơ).
criterion "3.4" {
  name   = "Kết quả giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
  max    = 4,
  owner  = "van-phong",
  basis  = TAI_DUNG .. "3.4.1 Tỷ lệ hồ sơ giải quyết đúng hạn trên Hệ thống thông tin giải quyết TTHC của tỉnh: "
        .. "từ 99% trở lên: 3 điểm; từ 97% đến dưới 99%: 2 điểm; từ 95% đến dưới 97%: 1 điểm; dưới 95%: 0 điểm. "
        .. "3.4.2 Xin lỗi người dân, tổ chức khi hồ sơ quá hạn (1 điểm): trừ 0,25 điểm cho mỗi hồ sơ quá hạn "
        .. "không có văn bản xin lỗi kịp thời.",
  params = {
    diem_dung_han = 3,
    muc_dung_han  = { { 99, 3 }, { 97, 2 }, { 95, 1 } },
    diem_xin_loi  = 1,
    tru_moi_ho_so_chua_xin_loi = 0.25,
  },
  score = function(u, p)
    local tong = u.fact("tong_ho_so_tthc_da_giai_quyet")
    local qua_han = u.fact("ho_so_tra_qua_han")
    local ty_le = percent(tong - qua_han, tong)
    if ty_le ~= nil then
      local diem = steps(ty_le, p.muc_dung_han)
      if diem < p.diem_dung_han then
        u.lose(p.diem_dung_han - diem,
               "Còn %d hồ sơ trả quá hạn trên Hệ thống thông tin giải quyết TTHC của tỉnh; "
               .. "tỷ lệ đúng hạn %.2f%% (%s/%s hồ sơ)", qua_han, ty_le, thousands(tong - qua_han), thousands(tong))
          :facts("ho_so_tra_qua_han", "tong_ho_so_tthc_da_giai_quyet")
          :task(OWNER, "Chỉ đạo các cơ quan, đơn vị giải quyết TTHC trên hệ thống phần mềm, không để hồ sơ trả trễ hẹn")
      end
    end
    local chua_xin_loi = u.fact("ho_so_qua_han_chua_xin_loi_kip_thoi")
    if chua_xin_loi > 0 then
      u.lose(math.min(chua_xin_loi * p.tru_moi_ho_so_chua_xin_loi, p.diem_xin_loi),
             "%d hồ sơ quá hạn chưa có văn bản xin lỗi người dân kịp thời", chua_xin_loi)
        :facts("ho_so_qua_han_chua_xin_loi_kip_thoi")
        :task(OWNER, "Thực hiện văn bản xin lỗi kịp thời đối với mọi hồ sơ trả trễ hẹn")
    end
  end,
}

criterion "3.5" {
  name   = "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền",
  max    = 1.5,
  owner  = "van-phong",
  basis  = TAI_DUNG .. "Trừ 0,5 điểm cho mỗi phản ánh, kiến nghị về quy định, TTHC xử lý quá hạn; "
        .. "trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_pakn = 0.5 },
  score = function(u, p)
    local qua_han = u.fact("pakn_tthc_xu_ly_qua_han")
    if qua_han > 0 then
      u.lose(qua_han * p.tru_moi_pakn, "%d phản ánh, kiến nghị về quy định, TTHC xử lý quá hạn", qua_han)
        :task(OWNER, "Tiếp nhận, xử lý đúng hạn phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính")
    end
  end,
}

criterion "3.6" {
  name   = "Thực hiện các nhiệm vụ, mục tiêu về cải cách TTHC do Chính phủ, UBND tỉnh giao",
  max    = 2,
  owner  = "van-phong",
  basis  = TAI_DUNG .. "Trừ 0,5 điểm cho mỗi nhiệm vụ về cải cách TTHC do Chính phủ, UBND tỉnh giao "
        .. "không hoàn thành hoặc hoàn thành quá hạn; trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_nhiem_vu = 0.5 },
  score = function(u, p)
    local qua_han = u.fact("nhiem_vu_tthc_tinh_giao_qua_han")
    if qua_han > 0 then
      u.lose(qua_han * p.tru_moi_nhiem_vu,
             "%d nhiệm vụ về cải cách TTHC do Chính phủ, UBND tỉnh giao không hoàn thành hoặc quá hạn", qua_han)
        :task(OWNER, "Theo dõi, đôn đốc hoàn thành đúng hạn các nhiệm vụ cải cách TTHC do Chính phủ, UBND tỉnh giao")
    end
  end,
}
