-- Lĩnh vực 1. Công tác chỉ đạo điều hành về cải cách hành chính (13,5 điểm)
-- 7 tiêu chí: 1.1 (2) + 1.2 (2,5) + 1.3 (2) + 1.4 (1,5) + 1.5 (2) + 1.6 (1,5) + 1.7 (2) = 13,5
--
-- TÁI DỰNG: xem 00_chi_so.lua. Điểm tối đa và cách chấm từng tiêu chí được
-- tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè, mục I.2.1.1.

local TAI_DUNG = "Tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè; quy định gốc của tỉnh chưa công bố. "

-- Tiêu chí 1.1 -------------------------------------------------------------
criterion "1.1" {
  name   = "Mức độ hoàn thành Kế hoạch cải cách hành chính năm",
  max    = 2,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Hoàn thành 100% nhiệm vụ của Kế hoạch CCHC năm: 2 điểm; "
        .. "từ 90% đến dưới 100%: 1,5 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm.",
  params = {
    diem = 2,
    muc  = { { 100, 2 }, { 90, 1.5 }, { 70, 1 } },   -- tỷ lệ hoàn thành (%) → điểm
  },
  score = function(u, p)
    local tong = u.fact("ke_hoach_cchc_nhiem_vu")
    local xong = u.fact("ke_hoach_cchc_nhiem_vu_hoan_thanh")
    local ty_le = percent(xong, tong) or 0
    local diem = steps(ty_le, p.muc)
    if diem < p.diem then
      u.lose(p.diem - diem, "Hoàn thành %d/%d nhiệm vụ của Kế hoạch CCHC năm %d (%.2f%%)",
             xong, tong, u.year, ty_le)
        :task(OWNER, "Theo dõi, đôn đốc hoàn thành 100%% nhiệm vụ của Kế hoạch CCHC năm %d", u.year + 1)
        :support("all-heads", "Tổ chức thực hiện đầy đủ các nhiệm vụ được giao trong Kế hoạch CCHC năm %d", u.year + 1)
    else
      u.achieved("Hoàn thành %d/%d nhiệm vụ của Kế hoạch CCHC năm %d đã đề ra (đạt %.0f%%)", xong, tong, u.year, ty_le)
    end
  end,
}

-- Tiêu chí 1.2 -------------------------------------------------------------
-- Dữ kiện `bao_cao_khong_dung_han`: danh sách báo cáo bị đánh giá không đúng hạn.
-- Mỗi bản ghi: ten (tên báo cáo), phu_trach (mã phòng chủ trì), và
--   * han + gui (ngày) khi báo cáo nêu ngày: `han` là mốc "gửi trước ngày ..."
--     theo quy định, nên gửi vào chính ngày `han` trở đi là chậm;
--   * hoặc khong_dung_han = true và can_cu (văn bản làm căn cứ) khi báo cáo
--     không nêu ngày. Không tự đặt ra ngày.
criterion "1.2" {
  name   = "Thực hiện chế độ báo cáo cải cách hành chính",
  max    = 2.5,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Trừ 0,5 điểm cho mỗi báo cáo về CCHC (báo cáo định kỳ, chuyên đề, theo yêu cầu) "
        .. "không gửi đúng thời hạn quy định; trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_bao_cao = 0.5 },
  score = function(u, p)
    if not u.has("bao_cao_khong_dung_han") then return end
    -- Nhiệm vụ nói về báo cáo cùng loại của năm sau ("... quý II năm 2023"),
    -- và nêu báo cáo năm nay làm lý do.
    local nam_sau = function(ten) return (ten:gsub("năm " .. u.year, "năm " .. (u.year + 1))) end
    for _, bc in ipairs(u.records("bao_cao_khong_dung_han")) do
      local phong = bc.phu_trach or OWNER
      if bc.gui ~= nil and bc.han ~= nil then
        if bc.gui >= bc.han then
          u.lose(p.tru_moi_bao_cao, "%s gửi ngày %s, chậm so với quy định gửi trước ngày %s%s",
                 bc.ten, bc.gui, bc.han, bc.can_cu and (" (" .. bc.can_cu .. ")") or "")
            :facts("bao_cao_khong_dung_han")
            :task(phong, "Gửi %s đúng thời hạn quy định (năm %d gửi ngày %s, hạn trước ngày %s)",
                  nam_sau(bc.ten), u.year, bc.gui, bc.han)
        end
      elseif bc.khong_dung_han then
        u.lose(p.tru_moi_bao_cao, "%s không đúng hạn (căn cứ: %s)", bc.ten, bc.can_cu or "không nêu")
          :facts("bao_cao_khong_dung_han")
          :task(phong, "Gửi %s đúng thời hạn quy định (năm %d không đúng hạn)", nam_sau(bc.ten), u.year)
      end
    end
  end,
}

-- Tiêu chí 1.3 -------------------------------------------------------------
-- Báo cáo KHÔNG nêu tên tiêu chí này: lĩnh vực 1 mất thêm 0,43 điểm không rõ
-- ở tiêu chí nào. Tái dựng: tỷ lệ cơ quan, đơn vị và UBND xã, thị trấn được
-- kiểm tra CCHC so với mục tiêu tối thiểu 30% (mục tiêu 30% lấy từ nhiệm vụ của
-- Phòng Nội vụ tại mục II.b của báo cáo), điểm tỷ lệ thuận (nội suy tuyến tính).
criterion "1.3" {
  name   = "Công tác kiểm tra cải cách hành chính",
  max    = 2,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Báo cáo không nêu tên tiêu chí bị trừ 0,43 điểm của lĩnh vực 1; tái dựng: "
        .. "kiểm tra CCHC tối thiểu 30% số cơ quan, đơn vị và UBND xã, thị trấn (mục tiêu tại mục II.b "
        .. "của báo cáo): 2 điểm; dưới 30%: điểm = 2 × tỷ lệ đã kiểm tra / 30%, làm tròn 2 chữ số.",
  params = { diem = 2, muc_tieu = 30,     -- mục tiêu: % số cơ quan, đơn vị, xã được kiểm tra
             ghi_chu = "tái dựng: báo cáo không nêu tên tiêu chí bị trừ điểm này; mục tiêu 30% lấy từ mục II.b" },
  score = function(u, p)
    local da_kiem_tra = u.fact("so_co_quan_xa_duoc_kiem_tra_cchc")
    local tong = u.fact("tong_so_co_quan_xa")
    local ty_le = percent(da_kiem_tra, tong) or 0
    local diem = linear(ty_le, 0, p.muc_tieu, p.diem)
    if diem < p.diem then
      u.lose(p.diem - diem,
             "Kiểm tra CCHC %d/%d cơ quan, đơn vị, UBND xã, thị trấn (%.2f%%), dưới mục tiêu %s%% (%s)",
             da_kiem_tra, tong, ty_le, p.muc_tieu, p.ghi_chu)
        :task(OWNER, "Kiểm tra công tác CCHC, công vụ tối thiểu %s%% số cơ quan, đơn vị, UBND các xã, thị trấn",
              p.muc_tieu)
    end
  end,
}

-- Tiêu chí 1.4 -------------------------------------------------------------
criterion "1.4" {
  name   = "Công tác tuyên truyền cải cách hành chính",
  max    = 1.5,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Ban hành kế hoạch tuyên truyền CCHC: 0,5 điểm; "
        .. "thực hiện đầy đủ kế hoạch tuyên truyền: 1 điểm.",
  params = { diem_ke_hoach = 0.5, diem_thuc_hien = 1 },
  score = function(u, p)
    if not u.fact("co_ke_hoach_tuyen_truyen_cchc") then
      u.lose(p.diem_ke_hoach, "Không ban hành kế hoạch tuyên truyền CCHC năm %d", u.year)
        :task(OWNER, "Tham mưu ban hành kế hoạch tuyên truyền CCHC năm %d", u.year + 1)
    end
    if not u.fact("tuyen_truyen_cchc_thuc_hien_day_du") then
      u.lose(p.diem_thuc_hien, "Không thực hiện đầy đủ kế hoạch tuyên truyền CCHC năm %d", u.year)
        :task("van-hoa-thong-tin", "Đẩy mạnh tuyên truyền CCHC trên Trang thông tin điện tử, sóng phát thanh, truyền hình của huyện")
    end
  end,
}

-- Tiêu chí 1.5 -------------------------------------------------------------
criterion "1.5" {
  name   = "Sáng kiến, giải pháp mới trong triển khai công tác cải cách hành chính",
  max    = 2,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Có sáng kiến, giải pháp mới về CCHC được UBND tỉnh công nhận: 2 điểm; không có: 0 điểm.",
  params = { diem = 2 },
  score = function(u, p)
    if not u.fact("co_sang_kien_cchc_duoc_cong_nhan") then
      u.lose(p.diem, "Năm %d huyện không có sáng kiến, giải pháp mới về CCHC được UBND tỉnh công nhận", u.year)
        :task("all-heads", "Tích cực nghiên cứu, đề xuất sáng kiến, giải pháp mới về CCHC để được UBND tỉnh công nhận")
        :support(OWNER, "Hướng dẫn, tổng hợp và đề nghị công nhận sáng kiến, giải pháp CCHC của các cơ quan, đơn vị, xã, thị trấn")
    end
  end,
}

-- Tiêu chí 1.6 -------------------------------------------------------------
criterion "1.6" {
  name   = "Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao",
  max    = 1.5,
  owner  = "van-phong",
  basis  = TAI_DUNG .. "Trừ 0,5 điểm cho mỗi nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao không hoàn thành "
        .. "hoặc hoàn thành quá hạn; trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_nhiem_vu = 0.5 },
  score = function(u, p)
    local qua_han = u.fact("nhiem_vu_tinh_giao_qua_han")
    if qua_han > 0 then
      u.lose(qua_han * p.tru_moi_nhiem_vu,
             "%d nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao không hoàn thành hoặc hoàn thành quá hạn", qua_han)
        :task(OWNER, "Theo dõi, đôn đốc thực hiện các nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao đảm bảo đúng tiến độ, thời hạn")
    end
  end,
}

-- Tiêu chí 1.7 -------------------------------------------------------------
-- Trừ điểm theo từng hạn chế của huyện ảnh hưởng trực tiếp đến Chỉ số CCHC của
-- tỉnh. Các hạn chế được xác định từ chính dữ kiện của các lĩnh vực 3, 4, 5,
-- 6, 7 (không nhập lại). Điểm của tiêu chí không âm: hạn chế thứ năm trở đi
-- vẫn được ghi nhận nhưng không trừ thêm.
criterion "1.7" {
  name   = "Thực hiện công tác cải cách hành chính gắn với Chỉ số cải cách hành chính hằng năm của tỉnh",
  max    = 2,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Trừ 0,5 điểm cho mỗi hạn chế ảnh hưởng trực tiếp đến Chỉ số CCHC của tỉnh: "
        .. "(1) chậm ban hành quy định chức năng, nhiệm vụ, quyền hạn của cơ quan; (2) có hồ sơ TTHC trả quá hạn; "
        .. "(3) có lãnh đạo cấp phòng và tương đương bị kỷ luật; (4) không có đơn vị sự nghiệp công lập tăng mức độ tự chủ; "
        .. "(5) chưa có hồ sơ thanh toán trực tuyến. Điểm tiêu chí không thấp hơn 0.",
  params = { tru_moi_han_che = 0.5 },
  score = function(u, p)
    local tru = p.tru_moi_han_che

    -- (1) chậm ban hành quy định chức năng, nhiệm vụ (dữ kiện của tiêu chí 4.1)
    if u.has("quyet_dinh_chuc_nang_nhiem_vu_cham") then
      local ten = {}
      for _, qd in ipairs(u.records("quyet_dinh_chuc_nang_nhiem_vu_cham")) do
        ten[#ten + 1] = qd.co_quan
      end
      if #ten > 0 then
        u.lose(tru, "Còn cơ quan ban hành quyết định quy định chức năng, nhiệm vụ, quyền hạn chậm (%s)",
               table.concat(ten, ", "))
          :facts("quyet_dinh_chuc_nang_nhiem_vu_cham")
          :task(OWNER, "Kịp thời tham mưu ban hành quy định chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức của các phòng chuyên môn")
      end
    end

    -- (2) hồ sơ trả quá hạn (dữ kiện của tiêu chí 3.4)
    local qua_han = u.fact("ho_so_tra_qua_han")
    if qua_han > 0 then
      u.lose(tru, "Có %d hồ sơ trả quá hạn trên Hệ thống thông tin giải quyết TTHC của tỉnh", qua_han)
        :facts("ho_so_tra_qua_han")
        :task("van-phong", "Chỉ đạo các cơ quan, đơn vị giải quyết TTHC đúng hạn, không để hồ sơ trả trễ hẹn")
    end

    -- (3) lãnh đạo cấp phòng bị kỷ luật (dữ kiện của tiêu chí 5.5)
    if u.fact("co_lanh_dao_cap_phong_bi_ky_luat") then
      u.lose(tru, "Còn lãnh đạo cấp phòng và tương đương bị kỷ luật")
        :facts("co_lanh_dao_cap_phong_bi_ky_luat")
        :task("all-heads", "Nâng cao trách nhiệm người đứng đầu, tăng cường kỷ luật, kỷ cương hành chính, đạo đức công vụ")
    end

    -- (4) không có đơn vị sự nghiệp tăng mức độ tự chủ (dữ kiện của tiêu chí 6.2)
    if u.fact("so_dvsn_tang_muc_tu_chu") == 0 then
      u.lose(tru, "Không có đơn vị sự nghiệp công lập nào tăng mức độ tự chủ tài chính")
        :facts("so_dvsn_tang_muc_tu_chu")
        :task("tai-chinh-ke-hoach", "Đề xuất giải pháp tăng mức độ tự chủ tài chính của các đơn vị sự nghiệp công lập")
    end

    -- (5) thanh toán trực tuyến (dữ kiện của tiêu chí 7.3)
    if not u.fact("da_thuc_hien_thanh_toan_truc_tuyen") then
      u.lose(tru, "Tỷ lệ hồ sơ phát sinh thanh toán trực tuyến thấp: năm %d huyện chưa thực hiện thanh toán trực tuyến", u.year)
        :facts("da_thuc_hien_thanh_toan_truc_tuyen")
        :task("van-phong", "Triển khai và hướng dẫn người dân, doanh nghiệp thanh toán trực tuyến phí, lệ phí TTHC")
    end
  end,
}
