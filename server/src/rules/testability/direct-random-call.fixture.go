package experiments

import (
	"math/rand"
	"time"
)

type Variant string

type Cart struct{ Total int }

func (c *Cart) SurpriseDiscount() int {
	// ruleid: direct-random-call
	return c.Total * (5 + rand.Intn(10)) / 100
}

func Assign(userID string) Variant {
	// ruleid: direct-random-call
	if rand.Float64() < 0.1 {
		return "checkout-v2"
	}
	return "control"
}

func PickWarehouse(ws []string) string {
	// ruleid: direct-random-call
	return ws[rand.Intn(len(ws))]
}

type Sampler struct{ rng *rand.Rand }

func NewSampler() *Sampler {
	// ok: direct-random-call
	return &Sampler{rng: rand.New(rand.NewSource(time.Now().UnixNano()))}
}

func (s *Sampler) Keep(rate float64) bool {
	// ok: direct-random-call
	return s.rng.Float64() < rate
}

func backoffJitter(attempt int) time.Duration {
	// ok: direct-random-call
	return time.Duration(attempt*100+rand.Intn(100)) * time.Millisecond
}

func main() {
	// ok: direct-random-call
	rand.Seed(time.Now().UnixNano() + int64(rand.Intn(2)))
}
