-- the string library is read-only for everybody
-- expect: string is read-only
string.upper = nil
