-- next, rawget and rawlen see the table a read-only view shows
-- expect: next sees string, rawget sees function, rawlen 0
local k = next(string) error("next sees " .. type(k) .. ", rawget sees " .. type(rawget(string, "len")) .. ", rawlen " .. rawlen(string))
