-- Chỉ số cải cách hành chính (PAR INDEX) các huyện, thành phố tỉnh Lai Châu
-- Năm đánh giá: 2021.
--
-- Bộ quy tắc năm 2021 = bộ quy tắc năm 2022 với các thay đổi dưới đây (kế
-- thừa: `extends`). Chỉ ghi những gì khác năm 2022: tên chỉ số, điểm tối đa
-- của 7 lĩnh vực (14; 6; 14; 7; 6,5; 7,5; 12; lĩnh vực 8 giữ 33) và, trong
-- 01_tieu_chi.lua, điểm được chuyển giữa các tiêu chí đã có (không thêm tiêu
-- chí mới): 1.6 +0,5; 2.1 +0,5; 2.3 +0,5; 3.4 +0,5; 4.2 −0,5; 5.1 −0,5;
-- 5.4 −0,5; 5.5 −0,5; 6.4 +0,5; 7.3 −0,5.
-- Xem mọi khác biệt: parindex rules diff rules/lai-chau/district/2021 rules/lai-chau/district/2022
--
-- TÁI DỰNG. Bộ tiêu chí, thang điểm chi tiết của tỉnh cho cấp huyện năm 2021
-- chưa được công bố. Báo cáo phân tích PAR INDEX năm 2022 của UBND huyện Mường
-- Tè chỉ công bố điểm từng lĩnh vực năm 2021 (không nêu nội dung bị trừ điểm):
-- điểm tối đa từng tiêu chí, tham số và dữ kiện năm 2021 được chọn để khớp
-- đúng các tổng điểm đó.

extends "../2022"

change_index { name = "Chỉ số cải cách hành chính các huyện, thành phố tỉnh Lai Châu năm 2021" }

change_component "1" { max = 14 }
change_component "2" { max = 6 }
change_component "3" { max = 14 }
change_component "4" { max = 7 }
change_component "5" { max = 6.5 }
change_component "6" { max = 7.5 }
change_component "7" { max = 12 }
