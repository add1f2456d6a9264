-- a declaration while scoring would change the criteria being evaluated
-- expect: declarations are only allowed while the rule files load
-- top: criterion 9.9: unknown component
local c = criterion "9.9" { name = "x", max = 0, owner = "noi-vu", score = function() end }
