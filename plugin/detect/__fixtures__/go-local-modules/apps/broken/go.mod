module example.com/broken

go 1.26

require github.com/google/uuid
