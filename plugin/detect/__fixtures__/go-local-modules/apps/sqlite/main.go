package main

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
	"github.com/google/gopacket/pcap"
)

func main() { _, _ = sql.Open("sqlite3", ":memory:"); _ = pcap.Version() }
