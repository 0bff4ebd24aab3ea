package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

type Server struct {
	db    *sql.DB
	audit func(ctx context.Context, event string)
}

func (s *Server) GetOrder(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-context-background-in-handler
	row := s.db.QueryRowContext(context.Background(), "SELECT total FROM orders WHERE id = $1", r.URL.Query().Get("id"))
	var total int
	if err := row.Scan(&total); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	// ruleid: go-context-background-in-handler
	ctx, cancel := context.WithTimeout(context.TODO(), 2*time.Second)
	defer cancel()
	s.audit(ctx, "order viewed")
	_ = json.NewEncoder(w).Encode(map[string]int{"total": total})
}

func (s *Server) Routes(r *gin.Engine) {
	r.GET("/stock/:sku", func(c *gin.Context) {
		var n int
		// ruleid: go-context-background-in-handler
		err := s.db.QueryRowContext(context.Background(), "SELECT n FROM stock WHERE sku = $1", c.Param("sku")).Scan(&n)
		if err != nil {
			c.AbortWithStatus(http.StatusNotFound)
			return
		}
		c.JSON(http.StatusOK, gin.H{"n": n})
	})
}

func (s *Server) PostOrder(w http.ResponseWriter, r *http.Request) {
	// ok: go-context-background-in-handler
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	go func() {
		// ok: go-context-background-in-handler
		s.audit(context.Background(), "order placed")
	}()
	// ok: go-context-background-in-handler
	_, _ = s.db.ExecContext(ctx, "INSERT INTO orders DEFAULT VALUES")
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) Warmup() error {
	// ok: go-context-background-in-handler
	return s.db.PingContext(context.Background())
}

type tokenTransport struct{ next http.RoundTripper }

func (t *tokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// ok: go-context-background-in-handler
	ctx := context.WithValue(context.Background(), "client", t.next)
	_ = ctx
	return t.next.RoundTrip(req)
}
