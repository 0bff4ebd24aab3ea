package auth

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

func userFromToken(raw string) (string, error) {
	claims := jwt.MapClaims{}
	// ruleid: jwt-no-verify
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	if err != nil {
		return "", err
	}
	sub, _ := claims["sub"].(string)
	return sub, nil
}

func roleFromToken(p *jwt.Parser, raw string) (string, error) {
	claims := jwt.MapClaims{}
	// ruleid: jwt-no-verify
	if _, _, err := p.ParseUnverified(raw, claims); err != nil {
		return "", err
	}
	role, _ := claims["role"].(string)
	return role, nil
}

func insecureKey(t *jwt.Token) (interface{}, error) {
	// ruleid: jwt-no-verify
	return jwt.UnsafeAllowNoneSignatureType, nil
}

func verified(raw string, keys map[string][]byte) (*jwt.Token, error) {
	// ok: jwt-no-verify
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Header["kid"].(string)
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if key, ok := keys[kid]; ok {
			return key, nil
		}
		return nil, errors.New("unknown kid")
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func parse(raw string, key []byte) (*jwt.Token, error) {
	// ok: jwt-no-verify
	return jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

func method() jwt.SigningMethod {
	// ok: jwt-no-verify
	return jwt.SigningMethodHS256
}
