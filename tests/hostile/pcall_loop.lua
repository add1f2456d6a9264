-- pcall is not offered: a rule cannot swallow a budget or memory error
-- expect: pcall is blocked
pcall(function() while true do end end)
