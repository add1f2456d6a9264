-- Danh mục dữ kiện (catalogue of facts) của bộ quy tắc năm 2022: mọi dữ kiện
-- mà các tiêu chí đọc (u.fact, u.has, u.records), với kiểu, mô tả, đơn vị
-- tính, khoảng giá trị, phòng cung cấp và tài liệu kiểm chứng.
--
-- `parindex rules check` báo mọi khóa dữ kiện được đọc mà không khai báo ở
-- đây; `parindex facts check` đối chiếu dữ kiện của các đơn vị với danh mục;
-- `parindex facts template` lập biểu mẫu để các phòng điền và gửi lại.
-- optional = true: dữ kiện không bắt buộc (tiêu chí đọc bằng u.has hoặc có giá
-- trị mặc định). Danh mục được kế thừa (extends): năm 2021 dùng nguyên danh
-- mục này (change_fact / remove_fact cho những gì khác).

fact "ke_hoach_cchc_nhiem_vu" {
  type        = "integer",
  description = "Số nhiệm vụ trong Kế hoạch CCHC năm của UBND huyện",
  measure     = "nhiệm vụ",
  min = 0,
  office      = "noi-vu",
  evidence    = "Kế hoạch CCHC năm của UBND huyện; báo cáo CCHC năm",
}

fact "ke_hoach_cchc_nhiem_vu_hoan_thanh" {
  type        = "integer",
  description = "Số nhiệm vụ của Kế hoạch CCHC năm đã hoàn thành",
  measure     = "nhiệm vụ",
  min = 0,
  office      = "noi-vu",
  evidence    = "Báo cáo kết quả thực hiện Kế hoạch CCHC năm",
}

fact "bao_cao_khong_dung_han" {
  type        = "list",
  description = "Các báo cáo CCHC gửi không đúng hạn trong năm (mỗi dòng một báo cáo)",
  office      = "noi-vu",
  evidence    = "Hệ thống báo cáo Chính phủ; văn bản nhắc nhở, thông báo của Sở Nội vụ về báo cáo chậm",
  optional    = true,
  fields = {
    { name = "ten", type = "text", description = "Tên báo cáo" },
    { name = "han", type = "date", description = "Hạn gửi theo quy định (gửi từ ngày này trở đi là chậm)", optional = true },
    { name = "gui", type = "date", description = "Ngày gửi thực tế", optional = true },
    { name = "khong_dung_han", type = "boolean", description = "Không đúng hạn (khi không có ngày hạn, ngày gửi)", optional = true },
    { name = "can_cu", type = "text", description = "Văn bản làm căn cứ đánh giá không đúng hạn", optional = true },
    { name = "phu_trach", type = "text", description = "Mã phòng chủ trì báo cáo (ví dụ van-phong, tu-phap)", optional = true },
  },
}

fact "so_co_quan_xa_duoc_kiem_tra_cchc" {
  type        = "integer",
  description = "Số cơ quan chuyên môn và UBND xã, thị trấn được kiểm tra công tác CCHC trong năm",
  measure     = "cơ quan, xã",
  min = 0,
  office      = "noi-vu",
  evidence    = "Kế hoạch kiểm tra CCHC; biên bản, thông báo kết quả kiểm tra",
}

fact "tong_so_co_quan_xa" {
  type        = "integer",
  description = "Tổng số cơ quan chuyên môn thuộc UBND huyện và UBND xã, thị trấn",
  measure     = "cơ quan, xã",
  min = 0,
  office      = "noi-vu",
  evidence    = "Quyết định thành lập, tổ chức lại các cơ quan chuyên môn; danh sách đơn vị hành chính cấp xã",
}

fact "co_ke_hoach_tuyen_truyen_cchc" {
  type        = "boolean",
  description = "Có ban hành Kế hoạch tuyên truyền CCHC năm",
  office      = "noi-vu",
  evidence    = "Kế hoạch tuyên truyền CCHC năm của UBND huyện",
}

fact "tuyen_truyen_cchc_thuc_hien_day_du" {
  type        = "boolean",
  description = "Thực hiện đầy đủ các nhiệm vụ của Kế hoạch tuyên truyền CCHC",
  office      = "noi-vu",
  evidence    = "Báo cáo kết quả tuyên truyền CCHC năm",
}

fact "co_sang_kien_cchc_duoc_cong_nhan" {
  type        = "boolean",
  description = "Có sáng kiến, giải pháp mới về CCHC được UBND tỉnh công nhận trong năm",
  office      = "noi-vu",
  evidence    = "Quyết định công nhận sáng kiến, giải pháp của UBND tỉnh",
}

fact "nhiem_vu_tinh_giao_qua_han" {
  type        = "integer",
  description = "Số nhiệm vụ UBND tỉnh giao về CCHC hoàn thành quá hạn hoặc chưa hoàn thành",
  measure     = "nhiệm vụ",
  min = 0,
  office      = "van-phong",
  evidence    = "Hệ thống theo dõi nhiệm vụ của UBND tỉnh; báo cáo tình hình thực hiện nhiệm vụ được giao",
}

fact "quyet_dinh_chuc_nang_nhiem_vu_cham" {
  type        = "list",
  description = "Các cơ quan chuyên môn chậm ban hành quy định chức năng, nhiệm vụ, quyền hạn (mỗi dòng một cơ quan)",
  office      = "noi-vu",
  evidence    = "Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của cơ quan; văn bản đôn đốc",
  optional    = true,
  fields = {
    { name = "co_quan", type = "text", description = "Tên cơ quan chậm ban hành" },
  },
}

fact "ho_so_tra_qua_han" {
  type        = "integer",
  description = "Số hồ sơ TTHC trả kết quả quá hạn trong năm",
  measure     = "hồ sơ",
  min = 0,
  office      = "van-phong",
  evidence    = "Hệ thống thông tin giải quyết TTHC của tỉnh (thống kê hồ sơ quá hạn)",
}

fact "co_lanh_dao_cap_phong_bi_ky_luat" {
  type        = "boolean",
  description = "Có lãnh đạo cấp phòng và tương đương bị kỷ luật trong năm",
  office      = "noi-vu",
  evidence    = "Quyết định kỷ luật cán bộ, công chức",
}

fact "so_dvsn_tang_muc_tu_chu" {
  type        = "integer",
  description = "Số đơn vị sự nghiệp công lập tăng mức độ tự chủ tài chính trong năm",
  measure     = "đơn vị",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Quyết định giao quyền tự chủ tài chính cho đơn vị sự nghiệp công lập",
}

fact "da_thuc_hien_thanh_toan_truc_tuyen" {
  type        = "boolean",
  description = "Đã có hồ sơ TTHC thanh toán trực tuyến (phí, lệ phí) trong năm",
  office      = "van-phong",
  evidence    = "Thống kê thanh toán trực tuyến trên Cổng dịch vụ công",
}

fact "co_ke_hoach_theo_doi_thi_hanh_phap_luat" {
  type        = "boolean",
  description = "Có ban hành Kế hoạch theo dõi tình hình thi hành pháp luật năm",
  office      = "tu-phap",
  evidence    = "Kế hoạch theo dõi tình hình thi hành pháp luật của UBND huyện",
}

fact "da_kiem_tra_thi_hanh_phap_luat" {
  type        = "boolean",
  description = "Đã kiểm tra, điều tra, khảo sát tình hình thi hành pháp luật trong năm",
  office      = "tu-phap",
  evidence    = "Quyết định, kế hoạch và báo cáo kết quả kiểm tra tình hình thi hành pháp luật",
}

fact "co_ke_hoach_ra_soat_van_ban_qppl" {
  type        = "boolean",
  description = "Có ban hành Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật",
  office      = "tu-phap",
  evidence    = "Kế hoạch rà soát, hệ thống hóa văn bản QPPL của UBND huyện",
}

fact "van_ban_qppl_sau_ra_soat_chua_xu_ly" {
  type        = "integer",
  description = "Số văn bản QPPL phải xử lý sau rà soát nhưng chưa được xử lý",
  measure     = "văn bản",
  min = 0,
  office      = "tu-phap",
  evidence    = "Báo cáo kết quả rà soát, hệ thống hóa văn bản QPPL",
}

fact "van_ban_trai_phap_luat_chua_xu_ly" {
  type        = "integer",
  description = "Số văn bản trái pháp luật được phát hiện nhưng chưa được xử lý",
  measure     = "văn bản",
  min = 0,
  office      = "tu-phap",
  evidence    = "Báo cáo kết quả kiểm tra, xử lý văn bản QPPL",
}

fact "co_de_xuat_phuong_an_don_gian_hoa_tthc" {
  type        = "boolean",
  description = "Có đề xuất phương án đơn giản hóa TTHC sau rà soát",
  office      = "van-phong",
  evidence    = "Văn bản đề xuất phương án đơn giản hóa TTHC gửi UBND tỉnh",
}

fact "noi_niem_yet_tthc_chua_day_du" {
  type        = "integer",
  description = "Số nơi tiếp nhận, giải quyết TTHC niêm yết, công khai TTHC chưa đầy đủ",
  measure     = "nơi",
  min = 0,
  office      = "van-phong",
  evidence    = "Biên bản kiểm tra việc niêm yết, công khai TTHC",
}

fact "quy_che_bo_phan_mot_cua_ban_hanh_dung_han" {
  type        = "boolean",
  description = "Ban hành đúng hạn Quy chế hoạt động của Bộ phận Một cửa",
  office      = "van-phong",
  evidence    = "Quyết định ban hành Quy chế hoạt động của Bộ phận Một cửa",
}

fact "tong_ho_so_tthc_da_giai_quyet" {
  type        = "integer",
  description = "Tổng số hồ sơ TTHC đã giải quyết trong năm",
  measure     = "hồ sơ",
  min = 0,
  office      = "van-phong",
  evidence    = "Hệ thống thông tin giải quyết TTHC của tỉnh (thống kê hồ sơ đã giải quyết)",
}

fact "ho_so_qua_han_chua_xin_loi_kip_thoi" {
  type        = "integer",
  description = "Số hồ sơ trả quá hạn chưa có văn bản xin lỗi người dân, tổ chức kịp thời",
  measure     = "hồ sơ",
  min = 0,
  office      = "van-phong",
  evidence    = "Văn bản xin lỗi trên Hệ thống thông tin giải quyết TTHC",
}

fact "pakn_tthc_xu_ly_qua_han" {
  type        = "integer",
  description = "Số phản ánh, kiến nghị về TTHC xử lý quá hạn",
  measure     = "phản ánh, kiến nghị",
  min = 0,
  office      = "van-phong",
  evidence    = "Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị; sổ theo dõi",
}

fact "nhiem_vu_tthc_tinh_giao_qua_han" {
  type        = "integer",
  description = "Số nhiệm vụ về kiểm soát TTHC do UBND tỉnh giao hoàn thành quá hạn",
  measure     = "nhiệm vụ",
  min = 0,
  office      = "van-phong",
  evidence    = "Báo cáo tình hình thực hiện nhiệm vụ kiểm soát TTHC",
}

fact "co_quan_vuot_so_luong_lanh_dao" {
  type        = "integer",
  description = "Số cơ quan, đơn vị có số lượng cấp phó vượt quy định",
  measure     = "cơ quan",
  min = 0,
  office      = "noi-vu",
  evidence    = "Quyết định bổ nhiệm; báo cáo số lượng lãnh đạo cấp phòng",
}

fact "bien_che_su_dung_vuot_so_giao" {
  type        = "boolean",
  description = "Số biên chế sử dụng vượt số được giao",
  office      = "noi-vu",
  evidence    = "Quyết định giao biên chế của UBND tỉnh; báo cáo tình hình sử dụng biên chế",
}

fact "dat_ty_le_tinh_gian_bien_che" {
  type        = "boolean",
  description = "Đạt tỷ lệ tinh giản biên chế theo lộ trình",
  office      = "noi-vu",
  evidence    = "Đề án, báo cáo kết quả tinh giản biên chế",
}

fact "thuc_hien_quy_dinh_phan_cap" {
  type        = "boolean",
  description = "Thực hiện đúng các quy định về phân cấp quản lý",
  office      = "noi-vu",
  evidence    = "Báo cáo thực hiện phân cấp quản lý nhà nước",
}

fact "kiem_tra_nhiem_vu_phan_cap" {
  type        = "boolean",
  description = "Có kiểm tra việc thực hiện các nhiệm vụ được phân cấp",
  office      = "noi-vu",
  evidence    = "Kế hoạch, báo cáo kết quả kiểm tra nhiệm vụ phân cấp",
}

fact "ra_soat_vi_tri_viec_lam" {
  type        = "boolean",
  description = "Đã rà soát, điều chỉnh đề án vị trí việc làm",
  office      = "noi-vu",
  evidence    = "Quyết định phê duyệt, điều chỉnh vị trí việc làm",
}

fact "tuyen_dung_dung_quy_dinh" {
  type        = "boolean",
  description = "Tuyển dụng công chức, viên chức đúng quy định",
  office      = "noi-vu",
  evidence    = "Kế hoạch, quyết định và kết quả tuyển dụng",
}

fact "nang_ngach_thang_hang_bo_nhiem_dung_quy_dinh" {
  type        = "boolean",
  description = "Nâng ngạch, thăng hạng, bổ nhiệm đúng quy định",
  office      = "noi-vu",
  evidence    = "Quyết định nâng ngạch, thăng hạng, bổ nhiệm",
}

fact "thuc_hien_ke_hoach_dao_tao_boi_duong" {
  type        = "boolean",
  description = "Thực hiện đầy đủ Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
  office      = "noi-vu",
  evidence    = "Kế hoạch và báo cáo kết quả đào tạo, bồi dưỡng",
}

fact "cong_chuc_xa_chua_dat_chuan" {
  type        = "integer",
  description = "Số công chức cấp xã chưa đạt chuẩn",
  measure     = "người",
  min = 0,
  office      = "noi-vu",
  evidence    = "Báo cáo chất lượng đội ngũ cán bộ, công chức cấp xã",
}

fact "co_ccvc_khong_hoan_thanh_nhiem_vu" {
  type        = "boolean",
  description = "Có cán bộ, công chức, viên chức bị đánh giá không hoàn thành nhiệm vụ",
  office      = "noi-vu",
  evidence    = "Kết quả đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
}

fact "ket_luan_thanh_tra_co_sai_pham" {
  type        = "list",
  description = "Các kết luận thanh tra, kiểm tra phát hiện sai phạm về tài chính của cơ quan, đơn vị (mỗi dòng một kết luận)",
  office      = "tai-chinh-ke-hoach",
  evidence    = "Kết luận thanh tra, kiểm tra, kiểm toán",
  optional    = true,
  fields = {
    { name = "van_ban", type = "text", description = "Số, ký hiệu văn bản kết luận" },
    { name = "noi_dung", type = "text", description = "Nội dung sai phạm" },
  },
}

fact "so_dvsn_tu_bao_dam_chi" {
  type        = "integer",
  description = "Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên",
  measure     = "đơn vị",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Quyết định giao quyền tự chủ tài chính",
}

fact "tong_so_dvsn" {
  type        = "integer",
  description = "Tổng số đơn vị sự nghiệp công lập thuộc UBND huyện",
  measure     = "đơn vị",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Danh sách đơn vị sự nghiệp công lập",
}

fact "ty_le_giai_ngan_von_dau_tu_cong" {
  type        = "number",
  description = "Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch được giao",
  measure     = "%",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Báo cáo tình hình giải ngân vốn đầu tư công; số liệu Kho bạc Nhà nước",
}

fact "kien_nghi_thanh_tra_kiem_toan_chua_thuc_hien" {
  type        = "integer",
  description = "Số kiến nghị sau thanh tra, kiểm toán về tài chính chưa thực hiện",
  measure     = "kiến nghị",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Báo cáo thực hiện kết luận, kiến nghị thanh tra, kiểm toán",
}

fact "tong_co_so_nha_dat" {
  type        = "integer",
  description = "Tổng số cơ sở nhà, đất thuộc diện sắp xếp lại, xử lý",
  measure     = "cơ sở",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Phương án sắp xếp lại, xử lý nhà, đất được phê duyệt",
}

fact "co_so_nha_dat_da_sap_xep" {
  type        = "integer",
  description = "Số cơ sở nhà, đất đã sắp xếp lại, xử lý",
  measure     = "cơ sở",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Báo cáo kết quả sắp xếp lại, xử lý nhà, đất",
}

fact "ke_hoach_chuyen_doi_so_ban_hanh_dung_han" {
  type        = "boolean",
  description = "Ban hành đúng hạn Kế hoạch chuyển đổi số năm",
  office      = "van-hoa-thong-tin",
  evidence    = "Kế hoạch chuyển đổi số năm của UBND huyện",
}

fact "nhiem_vu_chuyen_doi_so_hoan_thanh" {
  type        = "integer",
  description = "Số nhiệm vụ của Kế hoạch chuyển đổi số đã hoàn thành",
  measure     = "nhiệm vụ",
  min = 0,
  office      = "van-hoa-thong-tin",
  evidence    = "Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số",
}

fact "nhiem_vu_chuyen_doi_so_tong" {
  type        = "integer",
  description = "Tổng số nhiệm vụ của Kế hoạch chuyển đổi số",
  measure     = "nhiệm vụ",
  min = 0,
  office      = "van-hoa-thong-tin",
  evidence    = "Kế hoạch chuyển đổi số năm của UBND huyện",
}

fact "ty_le_co_quan_xa_su_dung_he_thong_qlvb" {
  type        = "number",
  description = "Tỷ lệ cơ quan, đơn vị, UBND xã, thị trấn gửi, nhận văn bản qua Hệ thống quản lý văn bản và điều hành",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-hoa-thong-tin",
  evidence    = "Thống kê của Hệ thống quản lý văn bản và điều hành",
}

fact "ty_le_van_ban_dien_tu_ky_so" {
  type        = "number",
  description = "Tỷ lệ văn bản điện tử được ký số",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-hoa-thong-tin",
  evidence    = "Thống kê của Hệ thống quản lý văn bản và điều hành",
}

fact "ty_le_tthc_phat_sinh_ho_so_truc_tuyen" {
  type        = "number",
  description = "Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-phong",
  evidence    = "Thống kê trên Cổng dịch vụ công, Hệ thống thông tin giải quyết TTHC",
}

fact "ty_le_so_hoa_ho_so_ket_qua_tthc" {
  type        = "number",
  description = "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-phong",
  evidence    = "Thống kê trên Hệ thống thông tin giải quyết TTHC",
}

fact "trang_thong_tin_dien_tu_day_du" {
  type        = "boolean",
  description = "Trang thông tin điện tử của huyện cung cấp đầy đủ thông tin theo quy định",
  office      = "van-hoa-thong-tin",
  evidence    = "Biên bản kiểm tra Trang thông tin điện tử",
}

fact "sipas_chi_so_hai_long_chung" {
  type        = "number",
  description = "Chỉ số hài lòng chung của người dân, tổ chức về sự phục vụ hành chính (SIPAS)",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-phong",
  evidence    = "Báo cáo kết quả điều tra SIPAS của tỉnh",
}

fact "sipas_tiep_can_dich_vu" {
  type        = "number",
  description = "SIPAS: chỉ số hài lòng về tiếp cận dịch vụ",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-phong",
  evidence    = "Báo cáo kết quả điều tra SIPAS của tỉnh",
  optional    = true,
}

fact "sipas_to_chuc_giai_quyet_tthc" {
  type        = "number",
  description = "SIPAS: chỉ số hài lòng về tổ chức giải quyết TTHC",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-phong",
  evidence    = "Báo cáo kết quả điều tra SIPAS của tỉnh",
  optional    = true,
}

fact "sipas_cong_chuc" {
  type        = "number",
  description = "SIPAS: chỉ số hài lòng về công chức trực tiếp giải quyết công việc",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-phong",
  evidence    = "Báo cáo kết quả điều tra SIPAS của tỉnh",
  optional    = true,
}

fact "sipas_ket_qua_giai_quyet_tthc" {
  type        = "number",
  description = "SIPAS: chỉ số hài lòng về kết quả giải quyết TTHC",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-phong",
  evidence    = "Báo cáo kết quả điều tra SIPAS của tỉnh",
  optional    = true,
}

fact "sipas_tiep_nhan_xu_ly_pakn" {
  type        = "number",
  description = "SIPAS: chỉ số hài lòng về tiếp nhận, xử lý phản ánh, kiến nghị",
  measure     = "%",
  min = 0, max = 100,
  office      = "van-phong",
  evidence    = "Báo cáo kết quả điều tra SIPAS của tỉnh",
  optional    = true,
}

fact "dtxhh_can_bo_lanh_dao_ty_le" {
  type        = "number",
  description = "Tỷ lệ điểm điều tra xã hội học đối với cán bộ, công chức, lãnh đạo và đại biểu",
  measure     = "%",
  min = 0, max = 100,
  office      = "noi-vu",
  evidence    = "Báo cáo kết quả điều tra xã hội học của Sở Nội vụ",
}

fact "thu_ngan_sach_thuc_hien" {
  type        = "integer",
  description = "Tổng thu ngân sách nhà nước trên địa bàn thực hiện trong năm",
  measure     = "triệu đồng",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Báo cáo quyết toán thu ngân sách; số liệu Kho bạc Nhà nước",
}

fact "thu_ngan_sach_ke_hoach" {
  type        = "integer",
  description = "Tổng thu ngân sách nhà nước trên địa bàn theo kế hoạch được giao",
  measure     = "triệu đồng",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Quyết định giao dự toán thu ngân sách của UBND tỉnh",
}

fact "chi_tieu_ktxh_dat" {
  type        = "integer",
  description = "Số chỉ tiêu chủ yếu về phát triển kinh tế - xã hội đạt kế hoạch",
  measure     = "chỉ tiêu",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm",
}

fact "chi_tieu_ktxh_tong" {
  type        = "integer",
  description = "Tổng số chỉ tiêu chủ yếu về phát triển kinh tế - xã hội do UBND tỉnh giao",
  measure     = "chỉ tiêu",
  min = 0,
  office      = "tai-chinh-ke-hoach",
  evidence    = "Quyết định giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội của UBND tỉnh",
}

fact "htx_hkd_dat_chi_tieu_phat_trien" {
  type        = "boolean",
  description = "Đạt chỉ tiêu phát triển hợp tác xã, hộ kinh doanh cá thể được giao",
  office      = "tai-chinh-ke-hoach",
  evidence    = "Báo cáo tình hình phát triển kinh tế tập thể, hộ kinh doanh",
}
