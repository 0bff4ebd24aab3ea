package pricing

import "testing"

// Tests for exported-function-untested.fixture.go: ParseSKU and TaxFor are covered, the others are not.

func TestParseSKU(t *testing.T) {
	if _, err := ParseSKU("ABC-1234"); err != nil {
		t.Fatal(err)
	}
}

func TestTax(t *testing.T) {
	if got := TaxFor("DE", 100); got != 19 {
		t.Fatalf("got %d", got)
	}
}
