-- xpcall is not offered
-- expect: xpcall is blocked
xpcall(function() end, function() end)
