module github.com/nx-dockerize/examples/catalog-go

go 1.26

require github.com/google/uuid v1.6.0
