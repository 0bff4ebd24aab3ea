package preview

import (
	"context"
	"net/http"
	"net/url"
)

var allowedHosts = map[string]bool{"images.example.com": true}

func fetchPreview(w http.ResponseWriter, r *http.Request) {
	// ruleid: ssrf-request-url
	resp, err := http.Get(r.URL.Query().Get("url"))
	if err == nil {
		resp.Body.Close()
	}
}

func webhook(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("callback")
	// ruleid: ssrf-request-url
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, target, nil)
	_ = req
}

func proxy(w http.ResponseWriter, r *http.Request) {
	// ruleid: ssrf-request-url
	req, _ := http.NewRequest(http.MethodGet, r.Header.Get("X-Upstream"), nil)
	_ = req
}

func product(w http.ResponseWriter, r *http.Request) {
	// ok: ssrf-request-url
	resp, err := http.Get("https://catalog.internal/products/" + r.URL.Query().Get("id"))
	if err == nil {
		resp.Body.Close()
	}
}

func checked(ctx context.Context, w http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query().Get("url")
	u, err := url.Parse(raw)
	if err != nil || !allowedHosts[u.Hostname()] {
		http.Error(w, "host not allowed", http.StatusBadRequest)
		return
	}
	// ok: ssrf-request-url
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	_ = req
}

func health() {
	// ok: ssrf-request-url
	resp, err := http.Get("http://localhost:8080/healthz")
	if err == nil {
		resp.Body.Close()
	}
}
