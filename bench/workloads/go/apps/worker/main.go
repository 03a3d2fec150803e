// worker: a sibling service; the bench's "another project's dependency change" adds a module to it.
package main

import (
	"log"
	"time"
)

func main() {
	for {
		log.Println("worker tick")
		time.Sleep(time.Minute)
	}
}
