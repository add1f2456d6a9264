-- table.unpack of a huge range is a clean error
-- expect: too many results to unpack
local a = table.unpack({}, 1, 1e8)
