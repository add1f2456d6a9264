-- a criterion's params are read-only, also nested tables
-- expect: params is read-only
-- top: undefined global 'p'
p.t[1] = 3
