-- error() with a date (a C object with __tostring) does not run its __tostring
-- expect: error object is a userdata value
error(date(2022, 1, 1))
