package payments

import (
	"database/sql"
	"os"
)

// ruleid: hard-coded-secret
const stripeKey = "sk_live_51HqLzKJ8mXo2VbN4cT7eR9wQ"

const (
	// ok: hard-coded-secret
	passwordEnv = "DB_PASSWORD"
	// ok: hard-coded-secret
	tokenURL = "https://auth.internal/oauth/token"
)

// ok: hard-coded-secret
const ErrCodeInvalidToken = "InvalidTokenException"

type Config struct {
	Password string
	APIKey   string
}

func connect() (*sql.DB, error) {
	// ruleid: hard-coded-secret
	dbPassword := "Pr0d-Cart!2024"
	// ruleid: hard-coded-secret
	cfg := Config{APIKey: "9f8e7d6c5b4a39281706f5e4d3c2b1a0"}
	// ruleid: hard-coded-secret
	awsKey := "AKIAQ3EGRJ7TWZ4XKM2P"
	// ruleid: hard-coded-secret
	os.Setenv("SLACK_TOKEN", "xoxb-2048163957-4097325186402-Hk3Lm9QpR2sT5vW8xY1zA4bC")
	// ok: hard-coded-secret
	cfg.Password = os.Getenv(passwordEnv)
	// ok: hard-coded-secret
	placeholder := Config{Password: "changeme", APIKey: "<your-api-key>"}
	// ok: hard-coded-secret
	fallback := Config{Password: "${DB_PASSWORD}"}
	// ok: hard-coded-secret
	secretName := "prod/cart/db-credentials"
	_, _, _, _, _ = dbPassword, awsKey, placeholder, fallback, secretName
	return sql.Open("postgres", "host=db user=cart password="+cfg.Password)
}
