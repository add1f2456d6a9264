-- table.unpack of a huge range is a clean error
-- expect: too many results to unpack | instruction budget exceeded
local a = table.unpack({}, 1, 1e8)
