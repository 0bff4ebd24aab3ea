package gateway

import (
	"crypto/tls"
	"net/http"
)

func servers(cert tls.Certificate) []*http.Server {
	// ruleid: weak-tls-version
	legacy := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS10}
	partner := &tls.Config{
		Certificates: []tls.Certificate{cert},
		// ruleid: weak-tls-version
		MinVersion: tls.VersionTLS11,
	}
	capped := &tls.Config{
		MinVersion: tls.VersionTLS12,
		// ok: weak-tls-version
		MaxVersion: tls.VersionTLS13,
	}
	// ruleid: weak-tls-version
	capped.MinVersion = tls.VersionSSL30
	// ok: weak-tls-version
	modern := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	// ok: weak-tls-version
	strict := &tls.Config{MinVersion: tls.VersionTLS13}
	// ok: weak-tls-version
	version := tls.VersionTLS10 // only named in a log line below
	_ = version
	return []*http.Server{{TLSConfig: legacy}, {TLSConfig: partner}, {TLSConfig: capped}, {TLSConfig: modern}, {TLSConfig: strict}}
}
