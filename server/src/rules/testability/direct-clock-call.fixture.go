package main

import (
	"log"
	"time"
)

var startedAt = time.Now()

type server struct {
	now func() time.Time
}

type realClock struct{}

// ok: direct-clock-call
func (realClock) Now() time.Time { return time.Now() }

func (s *server) handleDiscount(percent int) discountResponse {
	// ruleid: direct-clock-call
	expires := time.Now().Add(48 * time.Hour)
	// ok: direct-clock-call
	injected := s.now().Add(48 * time.Hour)
	return discountResponse{Percent: percent, ExpiresAt: expires, Issued: injected}
}

func isExpired(c coupon) bool {
	// ruleid: direct-clock-call
	return c.ExpiresAt.Before(time.Now())
}

func reserve(sku string) reservation {
	r := reservation{SKU: sku}
	go func() {
		// ruleid: direct-clock-call
		r.At = time.Now()
	}()
	return r
}

func timed(f func()) {
	// ok: direct-clock-call
	start := time.Now()
	f()
	log.Printf("took %s", time.Since(start))
}

func main() {
	// ok: direct-clock-call
	s := &server{now: time.Now}
	// ok: direct-clock-call
	log.Printf("up since %s", time.Now())
	_ = s
}
