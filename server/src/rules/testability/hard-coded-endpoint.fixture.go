package payments

import (
	"database/sql"
	"net/http"
	"os"

	"github.com/redis/go-redis/v9"
)

// ruleid: hard-coded-endpoint
const fraudURL = "http://10.0.3.7:8080/v1/score"

func NewClients() (*redis.Client, *sql.DB, error) {
	rdb := redis.NewClient(&redis.Options{
		// ruleid: hard-coded-endpoint
		Addr: "redis.internal:6379",
	})
	// ruleid: hard-coded-endpoint
	db, err := sql.Open("postgres", "postgres://shop:secret@orders-db.svc.cluster.local:5432/shop?sslmode=require")
	return rdb, db, err
}

func Ledger(c *http.Client) (*http.Response, error) {
	// ruleid: hard-coded-endpoint
	return c.Get(`http://ledger:9000/balances`)
}

func env(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

func Config() (string, string, string) {
	// ok: hard-coded-endpoint
	stripe := "https://api.stripe.com/v1/charges"
	// ok: hard-coded-endpoint
	ledger := env("LEDGER_URL", "http://ledger:9000")
	// ok: hard-coded-endpoint
	listen := "0.0.0.0:8080"
	// ok: hard-coded-endpoint
	_ = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
	// ok: hard-coded-endpoint
	key := "order:" + os.Getenv("ORDER_ID")
	return stripe, ledger, listen + key + "http://localhost:8080"
}
