-- error() with a table names the file and line
-- expect: error object is a table value
error({code = 1})
