-- Danh mục dữ kiện (catalogue of facts) của bộ quy tắc cấp xã năm 2022
-- (MINH HỌA, xem 00_chi_so.lua): mọi dữ kiện mà các tiêu chí trong
-- 01_tieu_chi.lua đọc (u.fact), với kiểu, mô tả, đơn vị tính, khoảng giá trị,
-- bộ phận của xã cung cấp và tài liệu kiểm chứng.
--
-- `parindex rules check` báo mọi khóa dữ kiện được đọc mà không khai báo ở
-- đây; `parindex facts check --kind commune` đối chiếu dữ kiện của các xã với
-- danh mục; `parindex facts template --kind commune --all-units` lập biểu mẫu
-- để các xã điền và gửi lại. Năm 2021 (extends "../2022") dùng nguyên danh
-- mục này. Danh mục cũng là minh họa: không phải biểu mẫu thật của huyện
-- Mường Tè.

local MINH_HOA = " (minh họa)"

fact "co_ke_hoach_cchc" {
  type        = "boolean",
  description = "UBND xã có ban hành kế hoạch cải cách hành chính năm" .. MINH_HOA,
  office      = "xa-van-phong",
  evidence    = "Kế hoạch CCHC năm của UBND xã",
}

fact "nhiem_vu_cchc" {
  type        = "integer",
  description = "Số nhiệm vụ trong kế hoạch CCHC năm của UBND xã" .. MINH_HOA,
  measure     = "nhiệm vụ",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Kế hoạch CCHC năm của UBND xã",
}

fact "nhiem_vu_cchc_hoan_thanh" {
  type        = "integer",
  description = "Số nhiệm vụ của kế hoạch CCHC năm đã hoàn thành" .. MINH_HOA,
  measure     = "nhiệm vụ",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Báo cáo kết quả thực hiện kế hoạch CCHC năm của UBND xã",
}

fact "bao_cao_cham" {
  type        = "integer",
  description = "Số báo cáo CCHC xã gửi huyện không đúng hạn trong năm" .. MINH_HOA,
  measure     = "báo cáo",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Thông báo, văn bản nhắc nhở của Phòng Nội vụ huyện về báo cáo chậm",
}

fact "niem_yet_tthc_day_du" {
  type        = "boolean",
  description = "Bộ phận một cửa xã niêm yết, công khai đầy đủ, cập nhật thủ tục hành chính thuộc thẩm quyền của xã" .. MINH_HOA,
  office      = "xa-mot-cua",
  evidence    = "Biên bản kiểm tra việc niêm yết TTHC tại Bộ phận một cửa xã",
}

fact "ho_so_tthc" {
  type        = "integer",
  description = "Tổng số hồ sơ thủ tục hành chính xã đã giải quyết trong năm (0: không phát sinh, tiêu chí 2.2 không áp dụng)" .. MINH_HOA,
  measure     = "hồ sơ",
  min = 0,
  office      = "xa-mot-cua",
  evidence    = "Hệ thống thông tin giải quyết TTHC của tỉnh; sổ theo dõi hồ sơ của Bộ phận một cửa xã",
}

fact "ho_so_qua_han" {
  type        = "integer",
  description = "Số hồ sơ thủ tục hành chính giải quyết quá hạn trong năm" .. MINH_HOA,
  measure     = "hồ sơ",
  min = 0,
  office      = "xa-mot-cua",
  evidence    = "Hệ thống thông tin giải quyết TTHC của tỉnh",
}

fact "ho_so_truc_tuyen" {
  type        = "integer",
  description = "Số hồ sơ thủ tục hành chính được nộp trực tuyến trong năm" .. MINH_HOA,
  measure     = "hồ sơ",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Cổng dịch vụ công của tỉnh; Hệ thống thông tin giải quyết TTHC của tỉnh",
}

fact "can_bo_chua_dat_chuan" {
  type        = "integer",
  description = "Số cán bộ, công chức xã chưa đạt chuẩn theo quy định" .. MINH_HOA,
  measure     = "người",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Báo cáo chất lượng đội ngũ cán bộ, công chức cấp xã",
}

fact "ty_le_hai_long" {
  type        = "number",
  description = "Tỷ lệ người dân, tổ chức hài lòng với việc giải quyết TTHC của xã" .. MINH_HOA,
  measure     = "%",
  min = 0, max = 100,
  office      = "xa-mot-cua",
  evidence    = "Kết quả khảo sát, lấy ý kiến người dân, tổ chức tại Bộ phận một cửa xã",
}

-- Điểm thưởng, điểm trừ (01_tieu_chi.lua: T1, T2, P1; minh họa)
fact "sang_kien_cchc_duoc_cong_nhan" {
  type = "list", description = "Các sáng kiến, giải pháp CCHC của xã được UBND huyện công nhận trong năm (minh họa)",
  office = "xa-van-phong", evidence = "Quyết định công nhận sáng kiến của UBND huyện", optional = true,
  fields = {
    { name = "ten", type = "text", description = "Tên sáng kiến, giải pháp" },
    { name = "quyet_dinh", type = "text", description = "Quyết định công nhận (số, ngày)" },
  },
}

fact "khen_thuong_cchc" {
  type = "text", description = "Hình thức khen thưởng về CCHC của tập thể xã trong năm (để trống: không có; minh họa)",
  office = "xa-van-phong", evidence = "Quyết định khen thưởng", optional = true,
}

fact "can_bo_bi_ky_luat" {
  type = "integer", description = "Số cán bộ, công chức xã bị kỷ luật do vi phạm trong thực thi công vụ (minh họa)",
  measure = "người", min = 0, office = "xa-van-phong", evidence = "Quyết định kỷ luật", optional = true,
}
