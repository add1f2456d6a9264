-- the unit object of the rule API is read-only
-- expect: u is read-only
-- top: undefined global 'u'
u.lose = function() end
