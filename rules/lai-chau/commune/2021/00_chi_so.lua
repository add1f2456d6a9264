-- Chỉ số cải cách hành chính các xã, thị trấn huyện Mường Tè năm 2021
--
-- MINH HỌA (xem ../2022/00_chi_so.lua): bộ quy tắc năm 2021 = năm 2022, chỉ khác
-- tên chỉ số và điểm tối đa của hai lĩnh vực (1: 25; 3: 15), để báo cáo của một xã
-- có năm trước để so sánh. Không phải bộ tiêu chí thật của huyện Mường Tè.

extends "../2022"

change_index { name = "Chỉ số cải cách hành chính các xã, thị trấn huyện Mường Tè năm 2021 (minh họa)" }

change_component "1" { max = 25 }
change_component "3" { max = 15 }
