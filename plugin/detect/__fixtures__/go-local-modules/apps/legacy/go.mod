module example.com/legacy

go 1.26

require example.com/money v0.0.0

replace (
	example.com/money => ../../libs/money
	example.com/gone => ../../libs/gone
)
