package orders

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
	"time"
)

type Service struct {
	db     *sql.DB
	client *http.Client
}

func (s *Service) Customers(ctx context.Context, orders []Order) (map[int64]string, error) {
	names := map[int64]string{}
	for _, o := range orders {
		var name string
		// ruleid: call-in-loop
		if err := s.db.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", o.CustomerID).Scan(&name); err != nil {
			return nil, err
		}
		names[o.CustomerID] = name
	}
	return names, nil
}

func (s *Service) Notify(ctx context.Context, hooks []string) {
	for i := 0; i < len(hooks); i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, hooks[i], nil)
		// ruleid: call-in-loop
		resp, err := s.client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
	}
}

func (s *Service) Archive(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		func() {
			// ruleid: call-in-loop
			_, _ = tx.ExecContext(ctx, "UPDATE orders SET archived = true WHERE id = $1", id)
		}()
	}
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM orders WHERE status = 'new'")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		// ruleid: call-in-loop
		_, _ = http.Get("https://fraud.internal/check?order=" + string(rune(id)))
	}
	return nil
}

func (s *Service) WaitReady(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		// ok: call-in-loop
		if err = s.db.PingContext(ctx); err == nil {
			return nil
		}
		// ok: call-in-loop
		_, err = s.db.ExecContext(ctx, "SELECT 1")
		time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
	}
	return err
}

func (s *Service) Names(ctx context.Context, ids []int64) (*sql.Rows, error) {
	// ok: call-in-loop
	return s.db.QueryContext(ctx, "SELECT id, name FROM customers WHERE id = ANY($1)", ids)
}

func (s *Service) Warm(ctx context.Context, urls []string) {
	for _, u := range urls {
		go func(u string) {
			// ok: call-in-loop
			resp, err := http.Get(u)
			if err == nil {
				resp.Body.Close()
			}
		}(u)
	}
	var bufs sync.Pool
	for range urls {
		// ok: call-in-loop
		b := bufs.Get()
		bufs.Put(b)
	}
	cache := map[string]string{}
	for _, u := range urls {
		// ok: call-in-loop
		if v, ok := cache[u]; ok || s.client == nil {
			_ = v
		}
	}
}
