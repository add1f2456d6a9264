criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p)
  local r = u.records("items")
  if r[1].d < date(2022, 6, 1) then u.lose(0.5, "late: %s", r[1].d):task("tu-phap", "x %.2f", u.fact("b")) end
  if u.has("b") then u.lose(round2(linear(u.fact("b"), 50, 100, 1)), fmt("b %s", vn(u.fact("b"), 1))) end
end }
