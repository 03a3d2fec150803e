module example.com/shop/api/v2

go 1.25.0

toolchain go1.26.2

require github.com/google/uuid v1.6.0
