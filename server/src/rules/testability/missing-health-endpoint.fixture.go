package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func servePublic(h *Handlers) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/orders", h.Orders)
	mux.HandleFunc("/v1/orders/{id}", h.Order)
	// ruleid: missing-health-endpoint
	return http.ListenAndServe(":8080", mux)
}

func serveAdmin(h *Handlers) error {
	mux := http.NewServeMux()
	mux.Handle("/admin/reindex", http.HandlerFunc(h.Reindex))
	srv := &http.Server{Addr: ":9090", Handler: mux}
	// ruleid: missing-health-endpoint
	return srv.ListenAndServe()
}

func serveGin(h *Handlers) error {
	r := gin.New()
	r.GET("/v1/carts/:id", h.Cart)
	r.POST("/v1/carts", h.NewCart)
	// ruleid: missing-health-endpoint
	return r.Run(":8081")
}

func servePublicWithProbes(h *Handlers) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/orders", h.Orders)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	// ok: missing-health-endpoint
	return http.ListenAndServe(":8080", mux)
}

func serveGinWithProbes(h *Handlers) error {
	r := gin.New()
	r.GET("/v1/carts/:id", h.Cart)
	registerReadiness(r, h)
	// ok: missing-health-endpoint
	return r.Run(":8081")
}

func serveMetrics(handler http.Handler) error {
	// ok: missing-health-endpoint
	return http.ListenAndServe(":9100", handler)
}
