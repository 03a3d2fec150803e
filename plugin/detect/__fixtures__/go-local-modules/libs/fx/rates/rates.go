package rates

func Symbol() string { return "EUR" }
