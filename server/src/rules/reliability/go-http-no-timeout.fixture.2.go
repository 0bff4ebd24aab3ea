package inventory

import (
	"net/http"
)

func ping(url string) (*http.Response, error) {
	// ruleid: go-http-no-timeout
	return http.Head(url)
}

func client() *http.Client {
	// ruleid: go-http-no-timeout
	return &http.Client{
		Transport: http.DefaultTransport,
	}
}

func request(url string) (*http.Request, error) {
	// ok: go-http-no-timeout
	return http.NewRequest(http.MethodGet, url, nil)
}
