-- Danh mục dữ kiện của bộ quy tắc cấp xã năm 2022 (MINH HỌA: xem 00_chi_so.lua):
-- mọi dữ kiện các tiêu chí đọc, với kiểu, mô tả, đơn vị tính, khoảng giá trị,
-- người cung cấp và tài liệu kiểm chứng. `parindex facts check` đối chiếu dữ
-- kiện của các xã với danh mục này; `parindex facts template --kind commune`
-- lập biểu mẫu để các xã điền. Năm 2021 kế thừa nguyên danh mục (extends).

fact "co_ke_hoach_cchc" {
  type        = "boolean",
  description = "Xã có ban hành Kế hoạch CCHC năm",
  office      = "xa-van-phong",
  evidence    = "Kế hoạch CCHC năm của UBND xã",
}

fact "nhiem_vu_cchc" {
  type        = "integer",
  description = "Số nhiệm vụ trong Kế hoạch CCHC năm của UBND xã",
  measure     = "nhiệm vụ",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Kế hoạch CCHC năm của UBND xã",
}

fact "nhiem_vu_cchc_hoan_thanh" {
  type        = "integer",
  description = "Số nhiệm vụ của Kế hoạch CCHC năm đã hoàn thành",
  measure     = "nhiệm vụ",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Báo cáo kết quả thực hiện Kế hoạch CCHC năm của UBND xã",
}

fact "bao_cao_cham" {
  type        = "integer",
  description = "Số báo cáo CCHC định kỳ gửi huyện không đúng hạn trong năm",
  measure     = "báo cáo",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Sổ theo dõi văn bản đến của Phòng Nội vụ huyện",
}

fact "niem_yet_tthc_day_du" {
  type        = "boolean",
  description = "Bộ phận một cửa xã niêm yết, công khai đầy đủ, cập nhật TTHC thuộc thẩm quyền của xã",
  office      = "xa-mot-cua",
  evidence    = "Biên bản kiểm tra việc niêm yết TTHC tại Bộ phận một cửa xã",
}

fact "ho_so_tthc" {
  type        = "integer",
  description = "Tổng số hồ sơ TTHC xã tiếp nhận trong năm",
  measure     = "hồ sơ",
  min = 0,
  office      = "xa-mot-cua",
  evidence    = "Hệ thống thông tin giải quyết TTHC của tỉnh",
}

fact "ho_so_qua_han" {
  type        = "integer",
  description = "Số hồ sơ TTHC giải quyết quá hạn trong năm",
  measure     = "hồ sơ",
  min = 0,
  office      = "xa-mot-cua",
  evidence    = "Hệ thống thông tin giải quyết TTHC của tỉnh",
}

fact "ho_so_truc_tuyen" {
  type        = "integer",
  description = "Số hồ sơ TTHC tiếp nhận trực tuyến trong năm",
  measure     = "hồ sơ",
  min = 0,
  office      = "xa-mot-cua",
  evidence    = "Cổng dịch vụ công của tỉnh",
}

fact "can_bo_chua_dat_chuan" {
  type        = "integer",
  description = "Số cán bộ, công chức xã chưa đạt chuẩn theo quy định",
  measure     = "người",
  min = 0,
  office      = "xa-van-phong",
  evidence    = "Báo cáo chất lượng đội ngũ cán bộ, công chức xã",
}

fact "ty_le_hai_long" {
  type        = "number",
  description = "Tỷ lệ người dân, tổ chức hài lòng với việc giải quyết TTHC của xã",
  measure     = "%",
  min = 0, max = 100,
  office      = "xa-mot-cua",
  evidence    = "Kết quả khảo sát mức độ hài lòng của huyện",
}
