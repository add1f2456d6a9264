-- Lĩnh vực 6. Cải cách tài chính công (7 điểm)
-- 5 tiêu chí: 6.1 (1,5) + 6.2 (3) + 6.3 (1) + 6.4 (0,5) + 6.5 (1) = 7
--
-- TÁI DỰNG: xem 00_chi_so.lua. Báo cáo (mục I.2.2.2) nêu 6.1 trừ 1 điểm,
-- 6.2 trừ 2,5 điểm, 6.5 mất 1 điểm; 0,12 điểm còn lại của lĩnh vực bị trừ ở
-- tiêu chí không được nêu tên, tái dựng vào tiêu chí 6.3.

local TAI_DUNG = "Tái dựng từ Báo cáo phân tích PAR INDEX 2022 của huyện Mường Tè; quy định gốc của tỉnh chưa công bố. "

criterion "6.1" {
  name   = "Thực hiện chế độ tự chủ, tự chịu trách nhiệm tại các cơ quan quản lý nhà nước",
  max    = 1.5,
  owner  = "tai-chinh-ke-hoach",
  basis  = TAI_DUNG .. "Trừ 1 điểm cho mỗi kết luận thanh tra, kiểm tra, kiểm toán phát hiện sai phạm trong thực hiện "
        .. "chế độ tự chủ, sử dụng kinh phí quản lý hành chính; trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_ket_luan = 1 },
  score = function(u, p)
    if not u.has("ket_luan_thanh_tra_co_sai_pham") then return end
    for _, kl in ipairs(u.records("ket_luan_thanh_tra_co_sai_pham")) do
      u.lose(p.tru_moi_ket_luan, "Sai phạm trong thực hiện chế độ tự chủ và sử dụng kinh phí quản lý hành chính, "
             .. "đơn vị sự nghiệp công lập theo %s (%s)", kl.van_ban, kl.noi_dung)
        :task(OWNER, "Tổ chức khắc phục sai phạm theo %s; tham mưu thực hiện đúng chế độ tự chủ về sử dụng kinh phí quản lý hành chính",
              kl.van_ban)
    end
  end,
}

-- 6.2 gồm 2 phần: tăng mức độ tự chủ (1,5 điểm) và tỷ lệ đơn vị sự nghiệp
-- công lập tự bảo đảm chi thường xuyên và chi đầu tư (1,5 điểm, theo bậc).
criterion "6.2" {
  name   = "Thực hiện cơ chế tự chủ, tự chịu trách nhiệm tại các đơn vị sự nghiệp công lập",
  max    = 3,
  owner  = "tai-chinh-ke-hoach",
  basis  = TAI_DUNG .. "6.2.1 Không có đơn vị sự nghiệp công lập nào tăng mức độ tự chủ tài chính so với năm trước: "
        .. "trừ 1,5 điểm. 6.2.2 Tỷ lệ đơn vị tự bảo đảm chi thường xuyên và chi đầu tư: từ 20% trở lên: 1,5 điểm; "
        .. "từ 10% đến dưới 20%: 1 điểm; trên 0% đến dưới 10%: 0,5 điểm; không có đơn vị nào: 0 điểm.",
  params = {
    tru_khong_tang_tu_chu = 1.5,
    diem_ty_le_tu_bao_dam = 1.5,
    muc_ty_le_tu_bao_dam  = { { 20, 1.5 }, { 10, 1 }, { 0, 0.5 } },   -- chỉ áp dụng khi có ít nhất 1 đơn vị
  },
  score = function(u, p)
    if u.fact("so_dvsn_tang_muc_tu_chu") == 0 then
      u.lose(p.tru_khong_tang_tu_chu, "Năm %d huyện không có đơn vị sự nghiệp công lập nào tăng mức độ tự chủ tài chính", u.year)
        :facts("so_dvsn_tang_muc_tu_chu")
        :task(OWNER, "Nghiên cứu đề xuất giải pháp tăng mức độ tự chủ tài chính của các đơn vị sự nghiệp công lập, năm sau cao hơn năm trước")
    end
    local tu_bao_dam = u.fact("so_dvsn_tu_bao_dam_chi")
    local tong = u.fact("tong_so_dvsn")
    local ty_le = percent(tu_bao_dam, tong) or 0
    local diem = 0
    if tu_bao_dam > 0 then diem = steps(ty_le, p.muc_ty_le_tu_bao_dam) end
    if diem < p.diem_ty_le_tu_bao_dam then
      u.lose(p.diem_ty_le_tu_bao_dam - diem,
             "Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên và chi đầu tư còn thấp: %d/%d đơn vị (%.2f%%)",
             tu_bao_dam, tong, ty_le)
        :facts("so_dvsn_tu_bao_dam_chi", "tong_so_dvsn")
        :task(OWNER, "Tham mưu giao quyền tự chủ tài chính, tăng số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên")
    end
  end,
}

-- Báo cáo KHÔNG nêu tên tiêu chí này: lĩnh vực 6 mất thêm 0,12 điểm không rõ
-- ở tiêu chí nào. Tái dựng: điểm tỷ lệ thuận với tỷ lệ giải ngân vốn đầu tư công.
criterion "6.3" {
  name   = "Giải ngân kế hoạch vốn đầu tư công",
  max    = 1,
  owner  = "tai-chinh-ke-hoach",
  basis  = TAI_DUNG .. "Báo cáo không nêu tên tiêu chí bị trừ 0,12 điểm của lĩnh vực 6; tái dựng: "
        .. "điểm = 1 × tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao, làm tròn 2 chữ số.",
  params = { diem = 1, ghi_chu = " (tái dựng: báo cáo không nêu tên tiêu chí bị trừ điểm này)" },
  score = function(u, p)
    local ty_le = u.fact("ty_le_giai_ngan_von_dau_tu_cong")
    local diem = linear(ty_le, 0, 100, p.diem)
    if diem < p.diem then
      u.lose(p.diem - diem,
             "Tỷ lệ giải ngân kế hoạch vốn đầu tư công đạt %s%%%s", ty_le, p.ghi_chu)
        :task(OWNER, "Tham mưu đẩy mạnh giải ngân 100%% kế hoạch vốn đầu tư công được giao")
        :support("all-heads", "Chủ đầu tư quản lý, sử dụng và giải ngân các nguồn vốn được giao hiệu quả, đúng quy định")
    end
  end,
}

criterion "6.4" {
  name   = "Thực hiện kiến nghị sau thanh tra, kiểm tra, kiểm toán về tài chính, ngân sách",
  max    = 0.5,
  owner  = "tai-chinh-ke-hoach",
  basis  = TAI_DUNG .. "Trừ 0,5 điểm cho mỗi kiến nghị sau thanh tra, kiểm tra, kiểm toán đến hạn mà chưa thực hiện; "
        .. "trừ tối đa bằng điểm của tiêu chí.",
  params = { tru_moi_kien_nghi = 0.5 },
  score = function(u, p)
    local chua = u.fact("kien_nghi_thanh_tra_kiem_toan_chua_thuc_hien")
    if chua > 0 then
      u.lose(chua * p.tru_moi_kien_nghi, "%d kiến nghị sau thanh tra, kiểm tra, kiểm toán về tài chính, ngân sách đến hạn chưa thực hiện", chua)
        :task(OWNER, "Tổ chức thực hiện nghiêm túc, kịp thời các kiến nghị sau thanh tra, kiểm tra, kiểm toán")
    end
  end,
}

criterion "6.5" {
  name   = "Thực hiện quy định về sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý",
  max    = 1,
  owner  = "tai-chinh-ke-hoach",
  basis  = TAI_DUNG .. "Sắp xếp lại, xử lý từ 80% số cơ sở nhà, đất thuộc thẩm quyền quản lý trở lên: 1 điểm; dưới 80%: 0 điểm. "
        .. "Không có cơ sở nhà, đất thuộc diện sắp xếp: không chấm tiêu chí này.",
  params = { diem = 1, nguong = 80 },
  score = function(u, p)
    local tong = u.fact("tong_co_so_nha_dat")
    if tong == 0 then
      return u.na("Không có cơ sở nhà, đất thuộc diện sắp xếp lại, xử lý")
    end
    local da_sap_xep = u.fact("co_so_nha_dat_da_sap_xep")
    local ty_le = percent(da_sap_xep, tong)
    if ty_le < p.nguong then
      u.lose(p.diem, "Sắp xếp lại, xử lý cơ sở nhà, đất đạt tỷ lệ thấp: %d/%d cơ sở (%.0f%%), dưới mức %s%%",
             da_sap_xep, tong, ty_le, p.nguong)
        :task(OWNER, "Tiếp tục tham mưu sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý")
    end
  end,
}
