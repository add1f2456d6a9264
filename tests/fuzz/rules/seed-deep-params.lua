local t = 1
for i = 1, 15 do t = { t, n = i } end
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", params = { deep = t, list = { { 1, 2 }, { 3, { 4, { 5 } } } } },
  score = function(u, p)
    local x, n = p.deep, 0
    while type(x) == "table" do n = n + 1; x = x[1] end
    if n ~= 15 or p.list[2][2][2][1] ~= 5 then u.lose(2, "depth %d", n) end
  end }
