package github

import (
	"context"
	"net/http"
	"testing"
)

func TestFetchRepo(t *testing.T) {
	// ruleid: network-in-unit-test
	resp, err := http.Get("https://api.github.com/repos/golang/go")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
}

func TestFetchWithContext(t *testing.T) {
	// ruleid: network-in-unit-test
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://status.example-payments.io/v1/health", nil)
	client := &http.Client{}
	if _, err := client.Do(req); err != nil {
		t.Fatal(err)
	}
	// ruleid: network-in-unit-test
	if _, err := client.Get("http://orders.internal:8080/v1/orders"); err == nil {
		t.Log("reachable")
	}
}

func TestLocal(t *testing.T) {
	// ok: network-in-unit-test
	resp, err := http.Get("http://127.0.0.1:8080/healthz")
	if err == nil {
		resp.Body.Close()
	}
	// ok: network-in-unit-test
	req, _ := http.NewRequest(http.MethodGet, "https://api.example.com/v1/orders", nil)
	_ = req
	// ok: network-in-unit-test
	want := "https://api.github.com/repos/golang/go"
	_ = want
}
