criterion "1.2" {
  name = "c12", max = 2, owner = "noi-vu", params = { k = 1, t = { 1 } },
  score = function(u, p)
    local f = load("\27Lua\84\0\25\147\13\10\26\10", "x", "b")
  end,
}
