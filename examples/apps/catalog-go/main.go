// catalog-go: a small catalog service (net/http, one tiny dependency) for nx-dockerize's examples.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/google/uuid"
)

type item struct {
	SKU   string `json:"sku"`
	Name  string `json:"name"`
	Price int    `json:"priceCents"`
}

var catalog = []item{
	{SKU: "tea-01", Name: "Green tea", Price: 450},
	{SKU: "cup-02", Name: "Ceramic cup", Price: 1200},
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// probe is the image's HEALTHCHECK: distroless has no shell or curl, so the binary asks itself.
func probe(port string) int {
	client := http.Client{Timeout: 3 * time.Second}
	res, err := client.Get("http://127.0.0.1:" + port + "/health")
	if err != nil || res.StatusCode != http.StatusOK {
		return 1
	}
	return 0
}

func main() {
	healthcheck := flag.Bool("healthcheck", false, "probe GET /health on PORT and exit 0 when it answers 200")
	flag.Parse()

	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	if *healthcheck {
		os.Exit(probe(port))
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "service": "catalog-go"})
	})
	mux.HandleFunc("GET /catalog", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"requestId": uuid.NewString(), "items": catalog})
	})
	log.Printf("catalog-go listening on :%s", port)
	log.Fatal(http.ListenAndServe(":"+port, mux))
}
