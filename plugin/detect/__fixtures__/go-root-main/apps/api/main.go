package main

import (
	"flag"
	"net/http"
	"os"
)

func main() {
	check := flag.Bool("healthcheck", false, "probe")
	flag.Parse()
	port := os.Getenv("PORT")
	if port == "" {
		port = "9000"
	}
	_ = check
	_ = http.ListenAndServe(":"+port, nil)
}
