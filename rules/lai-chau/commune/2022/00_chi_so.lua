-- Chỉ số cải cách hành chính các xã, thị trấn huyện Mường Tè năm 2022
--
-- MINH HỌA. Bộ quy tắc nhỏ này không phải bộ tiêu chí thật của huyện Mường Tè:
-- quyết định của UBND huyện về bộ tiêu chí chấm điểm cấp xã chưa được công bố
-- ở đây. Nó minh họa cách một huyện chấm điểm các xã của mình bằng bộ tiêu
-- chí riêng (theo loại đơn vị): thang điểm 70 điểm thẩm định + 30 điểm điều tra
-- như nhiều tỉnh quy định cho cấp xã (ví dụ Hà Tĩnh, Quyết định 52/2019/QĐ-UBND),
-- nhưng chỉ với 4 lĩnh vực và 8 tiêu chí. Mọi dữ kiện chấm theo bộ này cũng là
-- dữ liệu minh họa (data/lai-chau/xa-muong-te-2022.json).

index {
  name      = "Chỉ số cải cách hành chính các xã, thị trấn huyện Mường Tè năm 2022 (minh họa)",
  total     = 100,
  appraisal = { "1", "2", "3" },   -- điểm Tổ thẩm định cấp huyện
  survey    = { "4" },             -- điểm điều tra mức độ hài lòng
  bonus_cap   = 2,                 -- tổng điểm thưởng (T1, T2) tối đa 2 điểm
  penalty_cap = 3,                 -- tổng điểm trừ (P1) tối đa 3 điểm
  exceed_total = false,            -- Chỉ số không vượt quá 100 điểm
  illustrative = "quyết định của UBND huyện Mường Tè về bộ tiêu chí chấm điểm cấp xã chưa được "
              .. "công bố ở đây; bộ này chỉ minh họa cách một huyện chấm điểm các xã bằng bộ tiêu chí riêng.",
}

component "1" {
  name  = "Công tác chỉ đạo điều hành cải cách hành chính",
  max   = 20,
  owner = "xa-van-phong",
}

component "2" {
  name  = "Cải cách thủ tục hành chính",
  max   = 30,
  owner = "xa-mot-cua",
}

component "3" {
  name  = "Chính quyền số và chế độ công vụ",
  max   = 20,
  owner = "xa-van-phong",
}

component "4" {
  name  = "Mức độ hài lòng của người dân, tổ chức",
  max   = 30,
  owner = "xa-mot-cua",
}

bands {
  { min = 80, name = "Tốt" },
  { min = 70, name = "Khá" },
  { min = 60, name = "Trung bình" },
  { min = 0,  name = "Yếu" },
}
