-- Lĩnh vực 4. Cải cách tổ chức bộ máy hành chính (7,5 điểm)
-- 3 tiêu chí: 4.1 (3) + 4.2 (2,5) + 4.3 (2) = 7,5
--
-- TÁI DỰNG: xem 00_chi_so.lua. Báo cáo (mục I.2.1.4) nêu trừ 1 điểm do chậm
-- tham mưu ban hành quy định chức năng, nhiệm vụ của Phòng Tài nguyên và Môi
-- trường, nhưng không nêu số tiêu chí: tái dựng vào tiêu chí 4.1.

local TAI_DUNG = "Tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè; quy định gốc của tỉnh chưa công bố. "

criterion "4.1" {
  name   = "Sắp xếp, kiện toàn tổ chức bộ máy của các cơ quan, đơn vị",
  max    = 3,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Trừ 1 điểm cho mỗi cơ quan chuyên môn chậm ban hành văn bản quy định chức năng, nhiệm vụ, "
        .. "quyền hạn và cơ cấu tổ chức; trừ 0,5 điểm cho mỗi cơ quan, đơn vị bố trí số lượng lãnh đạo vượt quy định "
        .. "(báo cáo không nêu số tiêu chí của khoản trừ 1 điểm; tái dựng vào tiêu chí này).",
  params = { tru_moi_co_quan_cham = 1, tru_moi_co_quan_vuot_lanh_dao = 0.5 },
  score = function(u, p)
    if u.has("quyet_dinh_chuc_nang_nhiem_vu_cham") then
      for _, qd in ipairs(u.records("quyet_dinh_chuc_nang_nhiem_vu_cham")) do
        u.lose(p.tru_moi_co_quan_cham,
               "Chưa kịp thời tham mưu ban hành văn bản quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của %s",
               qd.co_quan)
          :task(OWNER, "Tham mưu kịp thời việc kiện toàn chức năng, nhiệm vụ của %s và các phòng chuyên môn theo quy định",
                qd.co_quan)
      end
    end
    local vuot = u.fact("co_quan_vuot_so_luong_lanh_dao")
    if vuot > 0 then
      u.lose(vuot * p.tru_moi_co_quan_vuot_lanh_dao, "%d cơ quan, đơn vị bố trí số lượng lãnh đạo vượt quy định", vuot)
        :task(OWNER, "Tham mưu thực hiện đúng quy định về cơ cấu số lượng lãnh đạo")
    end
  end,
}

criterion "4.2" {
  name   = "Thực hiện quy định về sử dụng biên chế được cấp có thẩm quyền giao",
  max    = 2.5,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Sử dụng biên chế hành chính, số lượng người làm việc không vượt số được giao: 1,5 điểm; "
        .. "thực hiện tinh giản biên chế đạt tỷ lệ theo quy định: 1 điểm.",
  params = { diem_khong_vuot = 1.5, diem_tinh_gian = 1 },
  score = function(u, p)
    if u.fact("bien_che_su_dung_vuot_so_giao") then
      u.lose(p.diem_khong_vuot, "Sử dụng biên chế, số lượng người làm việc vượt số được giao")
        :task(OWNER, "Quản lý, sử dụng biên chế đúng số lượng được cấp có thẩm quyền giao")
    end
    if not u.fact("dat_ty_le_tinh_gian_bien_che") then
      u.lose(p.diem_tinh_gian, "Không đạt tỷ lệ tinh giản biên chế theo quy định")
        :task(OWNER, "Thực hiện tinh giản biên chế đạt tỷ lệ theo quy định")
    end
  end,
}

criterion "4.3" {
  name   = "Thực hiện phân cấp quản lý",
  max    = 2,
  owner  = "noi-vu",
  basis  = TAI_DUNG .. "Thực hiện đầy đủ các quy định về phân cấp quản lý của tỉnh: 1 điểm; "
        .. "định kỳ kiểm tra, đánh giá việc thực hiện các nhiệm vụ đã được phân cấp: 1 điểm.",
  params = { diem_thuc_hien = 1, diem_kiem_tra = 1 },
  score = function(u, p)
    if not u.fact("thuc_hien_quy_dinh_phan_cap") then
      u.lose(p.diem_thuc_hien, "Chưa thực hiện đầy đủ các quy định về phân cấp quản lý")
        :task(OWNER, "Tham mưu thực hiện đầy đủ các quy định về phân cấp quản lý của tỉnh")
    end
    if not u.fact("kiem_tra_nhiem_vu_phan_cap") then
      u.lose(p.diem_kiem_tra, "Không kiểm tra, đánh giá việc thực hiện các nhiệm vụ quản lý nhà nước đã được phân cấp năm %d", u.year)
        :task(OWNER, "Định kỳ kiểm tra, đánh giá việc thực hiện các nhiệm vụ quản lý nhà nước đã được phân cấp")
    end
  end,
}
