-- Chỉ số cải cách hành chính (PAR INDEX) các huyện, thành phố tỉnh Lai Châu
-- Năm đánh giá: 2021.
--
-- Bộ quy tắc năm 2021 là bản sao của bộ quy tắc năm 2022, với điểm tối đa của
-- lĩnh vực năm 2021 (14; 6; 14; 7; 6,5; 7,5; 12; 33). Điểm được chuyển giữa các
-- tiêu chí đã có (không thêm tiêu chí mới): 1.6 +0,5; 2.1 +0,5; 2.3 +0,5;
-- 3.4 +0,5; 4.2 −0,5; 5.1 −0,5; 5.4 −0,5; 5.5 −0,5; 6.4 +0,5; 7.3 −0,5.
--
-- TÁI DỰNG. Bộ tiêu chí, thang điểm chi tiết của tỉnh cho cấp huyện năm 2021
-- chưa được công bố. Báo cáo phân tích PAR INDEX năm 2022 của UBND huyện Mường
-- Tè chỉ công bố điểm từng lĩnh vực năm 2021 (không nêu nội dung bị trừ điểm):
-- điểm tối đa từng tiêu chí, tham số và dữ kiện năm 2021 được chọn để khớp
-- đúng các tổng điểm đó.
--
-- Tệp này khai báo chỉ số và 8 lĩnh vực (chỉ số thành phần); các tệp
-- 01_ ... 08_ khai báo tiêu chí của từng lĩnh vực.

index {
  name      = "Chỉ số cải cách hành chính các huyện, thành phố tỉnh Lai Châu năm 2021",
  total     = 100,
  appraisal = { "1", "2", "3", "4", "5", "6", "7" },  -- điểm Hội đồng thẩm định cấp tỉnh
  survey    = { "8" },                                 -- điểm điều tra xã hội học
}

component "1" {
  name  = "Công tác chỉ đạo điều hành về cải cách hành chính",
  max   = 14,
  owner = "noi-vu",
}

component "2" {
  name  = "Cải cách thể chế",
  max   = 6,
  owner = "tu-phap",
}

component "3" {
  name  = "Cải cách thủ tục hành chính",
  max   = 14,
  owner = "van-phong",
}

component "4" {
  name  = "Cải cách tổ chức bộ máy hành chính",
  max   = 7,
  owner = "noi-vu",
}

component "5" {
  name  = "Cải cách chế độ công vụ",
  max   = 6.5,
  owner = "noi-vu",
}

component "6" {
  name  = "Cải cách tài chính công",
  max   = 7.5,
  owner = "tai-chinh-ke-hoach",
}

component "7" {
  name  = "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
  max   = 12,
  owner = "van-hoa-thong-tin",
}

component "8" {
  name  = "Tác động của cải cách hành chính đến người dân, tổ chức và các chỉ tiêu phát triển kinh tế - xã hội",
  max   = 33,
  owner = "van-phong",
}
