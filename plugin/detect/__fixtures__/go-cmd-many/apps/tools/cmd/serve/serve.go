package main

import "os"

func main() { _ = os.Getenv("PORT"); _ = "7070" }
