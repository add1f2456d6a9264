-- Danh mục dữ kiện của bộ quy tắc cấp xã năm 2022 (MINH HỌA: xem 00_chi_so.lua):
-- mọi dữ kiện mà các tiêu chí và các mục điểm thưởng, điểm trừ đọc. Năm 2021
-- kế thừa nguyên danh mục này (extends "../2022").
-- optional = true: dữ kiện không bắt buộc (đọc với giá trị mặc định).

local XA = "Minh họa: "

fact "co_ke_hoach_cchc" {
  type = "boolean", description = "Xã ban hành kế hoạch CCHC năm", office = "xa-van-phong",
  evidence = XA .. "Kế hoạch CCHC năm của UBND xã",
}
fact "nhiem_vu_cchc" {
  type = "integer", description = "Số nhiệm vụ của kế hoạch CCHC năm", measure = "nhiệm vụ", min = 0,
  office = "xa-van-phong", evidence = XA .. "Kế hoạch CCHC năm của UBND xã",
}
fact "nhiem_vu_cchc_hoan_thanh" {
  type = "integer", description = "Số nhiệm vụ CCHC đã hoàn thành", measure = "nhiệm vụ", min = 0,
  office = "xa-van-phong", evidence = XA .. "Báo cáo CCHC năm của UBND xã",
}
fact "bao_cao_cham" {
  type = "integer", description = "Số báo cáo CCHC gửi huyện không đúng hạn", measure = "báo cáo", min = 0,
  office = "xa-van-phong", evidence = XA .. "Sổ theo dõi báo cáo của Phòng Nội vụ huyện",
}
fact "niem_yet_tthc_day_du" {
  type = "boolean", description = "Bộ phận một cửa xã niêm yết, công khai TTHC đầy đủ", office = "xa-mot-cua",
  evidence = XA .. "Biên bản kiểm tra của Văn phòng HĐND và UBND huyện",
}
fact "ho_so_tthc" {
  type = "integer", description = "Số hồ sơ TTHC xã tiếp nhận trong năm", measure = "hồ sơ", min = 0,
  office = "xa-mot-cua", evidence = XA .. "Hệ thống thông tin giải quyết TTHC của tỉnh",
}
fact "ho_so_qua_han" {
  type = "integer", description = "Số hồ sơ TTHC giải quyết quá hạn", measure = "hồ sơ", min = 0,
  office = "xa-mot-cua", evidence = XA .. "Hệ thống thông tin giải quyết TTHC của tỉnh",
}
fact "ho_so_truc_tuyen" {
  type = "integer", description = "Số hồ sơ TTHC nộp trực tuyến", measure = "hồ sơ", min = 0,
  office = "xa-van-phong", evidence = XA .. "Cổng dịch vụ công của tỉnh",
}
fact "can_bo_chua_dat_chuan" {
  type = "integer", description = "Số cán bộ, công chức xã chưa đạt chuẩn", measure = "người", min = 0,
  office = "xa-van-phong", evidence = XA .. "Báo cáo chất lượng cán bộ, công chức xã",
}
fact "ty_le_hai_long" {
  type = "number", description = "Tỷ lệ người dân, tổ chức hài lòng", measure = "%", min = 0, max = 100,
  office = "xa-mot-cua", evidence = XA .. "Kết quả khảo sát mức độ hài lòng của huyện",
}

-- Điểm thưởng, điểm trừ (01_tieu_chi.lua: T1, T2, P1)
fact "sang_kien_cchc_duoc_cong_nhan" {
  type = "list", description = "Các sáng kiến, giải pháp CCHC của xã được UBND huyện công nhận trong năm",
  office = "xa-van-phong", evidence = XA .. "Quyết định công nhận sáng kiến của UBND huyện", optional = true,
  fields = {
    { name = "ten", type = "text", description = "Tên sáng kiến, giải pháp" },
    { name = "quyet_dinh", type = "text", description = "Quyết định công nhận (số, ngày)" },
  },
}
fact "khen_thuong_cchc" {
  type = "text", description = "Hình thức khen thưởng về CCHC của tập thể xã trong năm (để trống: không có)",
  office = "xa-van-phong", evidence = XA .. "Quyết định khen thưởng", optional = true,
}
fact "can_bo_bi_ky_luat" {
  type = "integer", description = "Số cán bộ, công chức xã bị kỷ luật do vi phạm trong thực thi công vụ",
  measure = "người", min = 0, office = "xa-van-phong", evidence = XA .. "Quyết định kỷ luật", optional = true,
}
