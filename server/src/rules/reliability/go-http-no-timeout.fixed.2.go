package inventory

import (
	"net/http"
	"time"
)

func ping(url string) (*http.Response, error) {
	// ruleid: go-http-no-timeout
	return (&http.Client{Timeout: 10 * time.Second}).Head(url)
}

func client() *http.Client {
	// ruleid: go-http-no-timeout
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: http.DefaultTransport,
	}
}

func request(url string) (*http.Request, error) {
	// ok: go-http-no-timeout
	return http.NewRequest(http.MethodGet, url, nil)
}
