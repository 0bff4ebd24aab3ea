package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
)

type Store struct{ db *sql.DB }

func (s *Store) lookup(id string) (string, bool) { return id, true }

func (s *Store) load(id string) (*Cart, error) { return nil, nil }

func handle(w http.ResponseWriter, r *http.Request, s *Store, cache *sync.Map, f *os.File) {
	// ruleid: go-discarded-error
	rows, _ := s.db.Query("SELECT id FROM carts WHERE updated_at < now() - interval '24 hours' LIMIT $1", 100)
	defer rows.Close()
	// ruleid: go-discarded-error
	_ = json.NewEncoder(w).Encode(map[string]any{"items": 1})
	// ruleid: go-discarded-error
	n, _ := io.Copy(w, r.Body)
	var cart *Cart
	// ruleid: go-discarded-error
	cart, _ = s.load(r.URL.Query().Get("id"))
	// ruleid: go-discarded-error
	_ = f.Close()
	// ok: go-discarded-error
	v, _ := cache.Load("k")
	// ok: go-discarded-error
	home, _ := os.LookupEnv("HOME")
	// ok: go-discarded-error
	before, _, _ := strings.Cut("a=b", "=")
	// ok: go-discarded-error
	name, _ := s.lookup("x")
	// ok: go-discarded-error
	_, _ = fmt.Fprintln(w, "ok")
	// ok: go-discarded-error
	_ = r.URL.Query().Get("unused")
	m := map[string]int{}
	// ok: go-discarded-error
	count, _ := m["k"]
	// ok: go-discarded-error
	s2, _ := r.Context().Value("k").(string)
	// ok: go-discarded-error
	rows2, err := s.db.Query("SELECT 1")
	_, _, _, _, _, _, _, _, _, _ = n, cart, v, home, before, name, count, s2, rows2, err
}
