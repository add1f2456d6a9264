-- Chỉ số cải cách hành chính (PAR INDEX) các huyện, thành phố tỉnh Lai Châu
-- Năm đánh giá: 2022 (công bố tại Quyết định số 701/QĐ-UBND ngày 24/5/2023
-- của UBND tỉnh Lai Châu).
--
-- TÁI DỰNG. Bộ tiêu chí, thang điểm chi tiết của tỉnh cho cấp huyện năm 2022
-- chưa được công bố. Bộ quy tắc này được tái dựng ngược từ Báo cáo phân tích
-- PAR INDEX năm 2022 của UBND huyện Mường Tè: điểm tối đa của 8 lĩnh vực là
-- điểm đã công bố; điểm tối đa của từng tiêu chí và cách chấm là một phương
-- án hợp lý, khớp đúng mọi điểm số và mọi nội dung bị trừ điểm mà báo cáo nêu.
--
-- Tệp này khai báo chỉ số và 8 lĩnh vực (chỉ số thành phần); các tệp
-- 01_ ... 08_ khai báo tiêu chí của từng lĩnh vực.

index {
  name      = "Chỉ số cải cách hành chính các huyện, thành phố tỉnh Lai Châu năm 2022",
  total     = 100,
  appraisal = { "1", "2", "3", "4", "5", "6", "7" },  -- điểm Hội đồng thẩm định cấp tỉnh
  survey    = { "8" },                                 -- điểm điều tra xã hội học
}

component "1" {
  name  = "Công tác chỉ đạo điều hành về cải cách hành chính",
  max   = 13.5,
  owner = "noi-vu",
}

component "2" {
  name  = "Cải cách thể chế",
  max   = 5,
  owner = "tu-phap",
}

component "3" {
  name  = "Cải cách thủ tục hành chính",
  max   = 13.5,
  owner = "van-phong",
}

component "4" {
  name  = "Cải cách tổ chức bộ máy hành chính",
  max   = 7.5,
  owner = "noi-vu",
}

component "5" {
  name  = "Cải cách chế độ công vụ",
  max   = 8,
  owner = "noi-vu",
}

component "6" {
  name  = "Cải cách tài chính công",
  max   = 7,
  owner = "tai-chinh-ke-hoach",
}

component "7" {
  name  = "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
  max   = 12.5,
  owner = "van-hoa-thong-tin",
}

component "8" {
  name  = "Tác động của cải cách hành chính đến người dân, tổ chức và các chỉ tiêu phát triển kinh tế - xã hội",
  max   = 33,
  owner = "van-phong",
}

-- Xếp loại theo tổng điểm PAR INDEX: mỗi đơn vị nhận mức có 'min' cao nhất
-- không vượt quá tổng điểm của mình. Các ngưỡng này do bộ quy tắc đặt ra
-- (quyết định công bố của tỉnh chỉ xếp hạng, không xếp loại); sửa ở đây,
-- không cần biên dịch lại.
bands {
  { min = 80, name = "Tốt" },
  { min = 70, name = "Khá" },
  { min = 60, name = "Trung bình" },
  { min = 0,  name = "Yếu" },
}
