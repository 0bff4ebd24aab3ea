package pricing

import (
	"errors"
	"strings"
)

type SKU struct {
	Prefix string
	Number int
}

// ok: exported-function-untested
func ParseSKU(s string) (SKU, error) {
	prefix, _, ok := strings.Cut(s, "-")
	if !ok {
		return SKU{}, errors.New("no dash")
	}
	return SKU{Prefix: prefix}, nil
}

// ruleid: exported-function-untested
func ApplyDiscount(total, percent int) int {
	return total - total*percent/100
}

// ruleid: exported-function-untested
func RoundToCents(amount float64) int64 {
	return int64(amount*100 + 0.5)
}

// ruleid: exported-function-untested
func FormatPrice(cents int64, currency string) string {
	return currency + " " + strings.TrimRight(strings.TrimRight(formatCents(cents), "0"), ".")
}

// ok: exported-function-untested
func TaxFor(region string, cents int64) int64 {
	return cents * rate(region) / 100
}

// ok: exported-function-untested
func formatCents(c int64) string {
	return strings.Repeat("0", int(c%10))
}

func rate(region string) int64 {
	if region == "DE" {
		return 19
	}
	return 0
}

type Cart struct{ items []SKU }

// ok: exported-function-untested
func (c *Cart) Add(s SKU) { c.items = append(c.items, s) }
