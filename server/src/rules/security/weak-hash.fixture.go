package auth

import (
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"io"
	"os"
)

func hashPassword(password, salt string) string {
	// ruleid: weak-hash
	sum := md5.Sum([]byte(salt + password))
	return hex.EncodeToString(sum[:])
}

func signRequest(body []byte, secret string) []byte {
	// ruleid: weak-hash
	h := sha1.New()
	h.Write([]byte(secret))
	h.Write(body)
	return h.Sum(nil)
}

func storeResetToken(token string) string {
	// ruleid: weak-hash
	digest := sha1.Sum([]byte(token))
	return hex.EncodeToString(digest[:])
}

func fileChecksum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	// ok: weak-hash
	h := md5.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func etagFor(body []byte) string {
	// ok: weak-hash
	sum := md5.Sum(body)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

func cacheKey(userID, query string) string {
	// ok: weak-hash
	sum := sha1.Sum([]byte(userID + "|" + query))
	return hex.EncodeToString(sum[:])
}
