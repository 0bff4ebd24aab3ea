package main

import (
	"crypto/tls"
	"net/http"
)

func transports(insecure bool, pool *x509.CertPool) []*http.Transport {
	// ruleid: go-tls-insecure-skip-verify
	a := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	cfg := &tls.Config{
		MinVersion: tls.VersionTLS12,
		// ruleid: go-tls-insecure-skip-verify
		InsecureSkipVerify: true, // TODO remove before prod
	}
	// ruleid: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = true
	// ruleid: go-tls-insecure-skip-verify
	b := tls.Config{ServerName: "pricing", InsecureSkipVerify: true}
	// ok: go-tls-insecure-skip-verify
	c := &tls.Config{InsecureSkipVerify: false, RootCAs: pool}
	// ok: go-tls-insecure-skip-verify
	d := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	// ok: go-tls-insecure-skip-verify
	e := &tls.Config{InsecureSkipVerify: insecure}
	// ok: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = false
	_, _, _, _ = b, c, d, e
	return []*http.Transport{a, {TLSClientConfig: cfg}}
}
