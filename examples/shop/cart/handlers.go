package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var skuPattern = regexp.MustCompile(`^[A-Z]{3}-\d{4,6}$`)

type priceQuote struct {
	SKU       string `json:"sku"`
	UnitCents int64  `json:"unit_cents"`
}

type discountResponse struct {
	Code      string    `json:"code"`
	Percent   int       `json:"percent"`
	ExpiresAt time.Time `json:"expires_at"`
}

func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	fmt.Fprintln(w, "ok")
}

func (s *server) handleGetCart(w http.ResponseWriter, r *http.Request) {
	userID := r.URL.Query().Get("user")
	items, err := s.store.ItemsForUser(r.Context(), userID)
	if err != nil {
		http.Error(w, "could not load cart", http.StatusInternalServerError)
		return
	}

	for i := range items {
		q, err := s.fetchPrice(items[i].SKU)
		if err != nil {
			log.Printf("pricing unavailable for %s: %v", items[i].SKU, err)
			continue
		}
		items[i].UnitCents = q.UnitCents
	}

	points := s.loyaltyPoints(userID)

	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"items": items, "loyalty_points": points})
}

func (s *server) loyaltyPoints(userID string) int {
	resp, err := s.loyaltyClient.Get("https://loyalty.internal.example.com/v2/points/" + userID)
	if err != nil {
		log.Printf("loyalty lookup failed: %v", err)
		return 0
	}
	defer resp.Body.Close()
	var body struct {
		Points int `json:"points"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return 0
	}
	return body.Points
}

func (s *server) fetchPrice(sku string) (*priceQuote, error) {
	url := s.pricingURL + "/v1/prices/" + sku
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("pricing returned %d for %s", resp.StatusCode, sku)
	}
	var q priceQuote
	if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
		return nil, err
	}
	return &q, nil
}

func (s *server) handleCartByID(w http.ResponseWriter, r *http.Request) {
	cart, err := s.store.CartByID(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, "cart not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(cart); err != nil {
		log.Printf("encode cart: %v", err)
	}
}

func (s *server) handleAbandoned(w http.ResponseWriter, r *http.Request) {
	ids := s.store.AbandonedCartIDs(100)
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(ids); err != nil {
		log.Printf("encode abandoned carts: %v", err)
	}
}

func (s *server) handleAddItem(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var req struct {
		UserID string `json:"user_id"`
		SKU    string `json:"sku"`
		Qty    int    `json:"qty"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if !skuPattern.MatchString(req.SKU) {
		http.Error(w, "invalid sku", http.StatusBadRequest)
		return
	}
	if err := s.store.AddItem(r.Context(), req.UserID, req.SKU, req.Qty); err != nil {
		http.Error(w, "could not add item", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (s *server) handleSearch(w http.ResponseWriter, r *http.Request) {
	userID := r.URL.Query().Get("user")
	terms := strings.Fields(r.URL.Query().Get("q"))
	items, err := s.store.ItemsForUser(r.Context(), userID)
	if err != nil {
		http.Error(w, "could not load cart", http.StatusInternalServerError)
		return
	}

	var matches []CartItem
	for _, term := range terms {
		re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(term))
		for _, it := range items {
			if re.MatchString(it.Name) {
				matches = append(matches, it)
			}
		}
	}

	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(matches); err != nil {
		log.Printf("encode search response: %v", err)
	}
}

func (s *server) handleDiscount(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	percent, err := strconv.Atoi(r.URL.Query().Get("percent"))
	if err != nil || percent <= 0 || percent > 50 {
		http.Error(w, "invalid percent", http.StatusBadRequest)
		return
	}

	resp, err := s.couponClient.Get(s.pricingURL + "/v1/coupons/" + code)
	if err != nil {
		http.Error(w, "coupon service unavailable", http.StatusBadGateway)
		return
	}
	resp.Body.Close()

	expires := time.Now().Add(48 * time.Hour)
	out := discountResponse{Code: code, Percent: percent, ExpiresAt: expires}

	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(out); err != nil {
		log.Printf("encode discount response: %v", err)
	}
}
