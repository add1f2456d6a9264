-- params nested 40 levels: a clear error, no stack overflow
-- expect: declarations are only allowed while the rule files load
-- top: nested more than 16 levels
local t = {} for i = 1, 40 do t = {t} end criterion "1.9" { name = "x", max = 0, owner = "noi-vu", params = { t = t }, score = function() end }
