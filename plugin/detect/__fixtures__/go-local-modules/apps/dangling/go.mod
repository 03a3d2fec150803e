module example.com/dangling

go 1.26

require example.com/gone v0.0.0

replace example.com/gone => ../../libs/gone
