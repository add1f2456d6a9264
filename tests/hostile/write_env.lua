-- writes through _ENV are refused like any new global
-- expect: assignment to global 'x'
_ENV.x = 1
