criterion "1.2" {
  name = "c12", max = 2, owner = "noi-vu", params = { k = 1, t = { 1 } },
  score = function(u, p)
    local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end
  end,
}
