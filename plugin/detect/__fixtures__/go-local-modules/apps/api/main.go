package main

import (
	"fmt"

	"example.com/money"
	"github.com/google/uuid"
)

func main() { fmt.Println(money.Format(1), uuid.NewString()) }
