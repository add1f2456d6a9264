-- the rule API functions cannot be replaced
-- expect: assignment to global 'criterion'
criterion = function() end
