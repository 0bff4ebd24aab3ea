package api

import (
	"net/http"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	rscors "github.com/rs/cors"
)

func router(allowed []string) *gin.Engine {
	r := gin.New()
	// ruleid: permissive-cors
	r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowMethods: []string{"GET"}}))
	// ok: permissive-cors
	r.Use(cors.New(cors.Config{AllowOrigins: allowed, AllowCredentials: true}))
	return r
}

func handler(h http.Handler) http.Handler {
	c := rscors.New(rscors.Options{
		// ruleid: permissive-cors
		AllowedOrigins:   []string{"*"},
		AllowCredentials: true,
	})
	return c.Handler(h)
}

func open(h http.Handler) http.Handler {
	// ruleid: permissive-cors
	return rscors.AllowAll().Handler(h)
}

func profile(w http.ResponseWriter, r *http.Request) {
	// ruleid: permissive-cors
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func shop(h http.Handler) http.Handler {
	// ok: permissive-cors
	return rscors.New(rscors.Options{AllowedOrigins: []string{"https://shop.example.com"}}).Handler(h)
}

func vary(w http.ResponseWriter) {
	// ok: permissive-cors
	w.Header().Set("Access-Control-Allow-Origin", "https://shop.example.com")
}
