-- io.open must not create or truncate a file
-- expect: io.open is blocked
local f = io.open("store.db", "w")
