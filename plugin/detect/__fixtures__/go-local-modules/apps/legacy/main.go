package main

import "example.com/money"

func main() { _ = money.Format(1) }
