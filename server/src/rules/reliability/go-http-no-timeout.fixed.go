package main

import (
	"net/http"
	"time"
)

var good = &http.Client{Timeout: 5 * time.Second}

func fetch(url string) error {
	// ruleid: go-http-no-timeout
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	// ruleid: go-http-no-timeout
	_, err = (&http.Client{Timeout: 10 * time.Second}).Post(url, "application/json", nil)
	// ruleid: go-http-no-timeout
	_, err = (&http.Client{Timeout: 10 * time.Second}).Do(nil)
	// ruleid: go-http-no-timeout
	c := &http.Client{Timeout: 10 * time.Second}
	// ruleid: go-http-no-timeout
	c2 := http.Client{Timeout: 10 * time.Second, Transport: http.DefaultTransport}
	// ok: go-http-no-timeout
	c3 := &http.Client{Timeout: 2 * time.Second, Transport: http.DefaultTransport}
	// ok: go-http-no-timeout
	_, err = good.Get(url)
	// ok: go-http-no-timeout
	req, _ := http.NewRequest("GET", url, nil)
	// ok: go-http-no-timeout
	_ = httpx.Get(url)
	_, _, _, _ = c, c2, c3, req
	return err
}
