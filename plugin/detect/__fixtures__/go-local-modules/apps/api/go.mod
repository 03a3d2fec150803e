module example.com/api

go 1.26

require (
	example.com/money v0.0.0-00010101000000-000000000000
	github.com/google/uuid v1.6.0
)

replace example.com/money => ../../libs/money
