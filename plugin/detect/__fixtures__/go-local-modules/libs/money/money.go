package money

import "example.com/fx/rates"

func Format(cents int) string { return rates.Symbol() }
