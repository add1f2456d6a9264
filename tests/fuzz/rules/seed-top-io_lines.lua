-- an evil rule file
for l in io.lines("/etc/passwd") do end
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
