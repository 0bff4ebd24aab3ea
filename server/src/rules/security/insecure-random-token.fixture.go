package session

import (
	crand "crypto/rand"
	"encoding/hex"
	"math/rand"
	"time"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func newSessionID() string {
	b := make([]byte, 32)
	for i := range b {
		// ruleid: insecure-random-token
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

func resetToken() string {
	b := make([]byte, 16)
	// ruleid: insecure-random-token
	rand.Read(b)
	return hex.EncodeToString(b)
}

func generatePassword(n int) string {
	out := make([]byte, n)
	for i := range out {
		// ruleid: insecure-random-token
		out[i] = letters[rand.Int63()%int64(len(letters))]
	}
	return string(out)
}

func apiToken() (string, error) {
	b := make([]byte, 32)
	// ok: insecure-random-token
	if _, err := crand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func retryDelay(attempt int) time.Duration {
	// ok: insecure-random-token
	jitter := time.Duration(rand.Int63n(int64(100 * time.Millisecond)))
	return time.Duration(attempt)*time.Second + jitter
}

func pickReplica(replicas []string) string {
	// ok: insecure-random-token
	return replicas[rand.Intn(len(replicas))]
}
