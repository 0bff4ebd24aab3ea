package main

import (
	"crypto/tls"
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"

	_ "github.com/lib/pq"
)

type server struct {
	store         *Store
	pricingURL    string
	loyaltyClient *http.Client
	couponClient  *http.Client
}

func main() {
	dsn := os.Getenv("CART_DATABASE_URL")
	if dsn == "" {
		dsn = "postgres://cart:cart@localhost:5432/cart?sslmode=disable"
	}

	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatalf("open db: %v", err)
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxLifetime(5 * time.Minute)

	loyaltyTransport := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}

	s := &server{
		store:      NewStore(db),
		pricingURL: envOr("PRICING_URL", "http://pricing.shop.svc.cluster.local:8080"),
		loyaltyClient: &http.Client{Transport: loyaltyTransport},
		couponClient: &http.Client{Timeout: 2 * time.Second},
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", s.handleHealth)
	mux.HandleFunc("/cart", s.handleGetCart)
	mux.HandleFunc("/cart/by-id", s.handleCartByID)
	mux.HandleFunc("/cart/abandoned", s.handleAbandoned)
	mux.HandleFunc("/cart/items", s.handleAddItem)
	mux.HandleFunc("/cart/search", s.handleSearch)
	mux.HandleFunc("/cart/discount", s.handleDiscount)

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      10 * time.Second,
	}
	log.Printf("cart listening on %s", srv.Addr)
	log.Fatal(srv.ListenAndServe())
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
