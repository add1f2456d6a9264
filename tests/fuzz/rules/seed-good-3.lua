criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p)
  local s = 0
  for i, rec in ipairs(u.records("items")) do s = s + rec.n end
  if percent(s, 4) < 50 then u.lose(2, "%s%%", percent(s, 4)) end
end }
