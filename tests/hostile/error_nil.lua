-- error() with nil still names the file and line
-- expect: error object is a nil value
error()
