package checkout

import (
	"errors"
	"net/http"
	"strings"
)

// ruleid: function-too-complex
func ValidateOrder(o *Order) error {
	if o == nil || o.ID == "" {
		return errors.New("missing order")
	}
	if o.Customer == nil || (o.Customer.Email == "" && o.Customer.Phone == "") {
		return errors.New("no contact")
	}
	for _, it := range o.Items {
		if it.Qty <= 0 || it.Qty > 100 {
			return errors.New("bad quantity")
		}
		if it.Price < 0 && !it.Refund {
			return errors.New("bad price")
		}
	}
	switch o.Country {
	case "US", "CA":
		if o.Zip == "" {
			return errors.New("zip required")
		}
	case "GB":
		if !strings.Contains(o.Postcode, " ") {
			return errors.New("postcode")
		}
	case "DE":
	default:
		return errors.New("unsupported country")
	}
	if o.Coupon != "" && o.Total < 10 {
		return errors.New("coupon minimum")
	}
	return nil
}

// ruleid: function-too-complex
func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost && r.Method != http.MethodPut {
		w.WriteHeader(405)
		return
	}
	tok := r.Header.Get("Authorization")
	if tok == "" || !strings.HasPrefix(tok, "Bearer ") {
		w.WriteHeader(401)
		return
	}
	for i := 0; i < 3; i++ {
		if err := s.store.Ping(); err == nil {
			break
		} else if i == 2 {
			w.WriteHeader(503)
			return
		}
	}
	select {
	case <-r.Context().Done():
		return
	case job := <-s.jobs:
		if job == nil || job.Done {
			return
		}
	}
	if s.readOnly || s.draining || s.limiter != nil && !s.limiter.Allow() {
		w.WriteHeader(429)
	}
}

// ok: function-too-complex
func shippingCost(o *Order) int {
	cost := 500
	if o.Express {
		cost += 1000
	}
	for _, it := range o.Items {
		if it.Heavy || it.Fragile {
			cost += 200
		}
	}
	switch o.Country {
	case "US":
	case "CA":
		cost += 300
	default:
		cost += 900
	}
	return cost
}

// ok: function-too-complex
func Routes(s *Server) map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"/a": func(w http.ResponseWriter, r *http.Request) {
			if r.Method == "GET" || r.Method == "HEAD" {
				w.WriteHeader(200)
			}
		},
		"/b": func(w http.ResponseWriter, r *http.Request) {
			if r.Method == "POST" && s.open {
				w.WriteHeader(201)
			} else if s.draining {
				w.WriteHeader(503)
			}
		},
	}
}

// ok: function-too-complex
func discount(o *Order) int {
	if o.Coupon == "" {
		return 0
	}
	if o.Customer != nil && o.Customer.VIP {
		return 20
	}
	return 5
}

func run(items []Item) {
	// ruleid: function-too-complex
	process := func(it Item) error {
		if it.Qty <= 0 || it.Qty > 100 || it.Price < 0 || it.SKU == "" || it.Name == "" {
			return errors.New("bad item")
		}
		if it.Heavy && it.Fragile || it.Hazmat && !it.Ground || it.Cold && !it.Insulated {
			return errors.New("cannot ship")
		}
		for _, tag := range it.Tags {
			if tag == "" || tag == "none" || tag == "-" {
				continue
			}
		}
		return nil
	}
	for _, it := range items {
		_ = process(it)
	}
}
