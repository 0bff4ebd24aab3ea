package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) Order(ctx context.Context, id int64) (*sql.Row, error) {
	// ruleid: sql-select-star
	row := s.db.QueryRowContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return row, nil
}

func (s *Store) Recent(ctx context.Context, customer int64) (*sql.Rows, error) {
	// ruleid: sql-select-star
	return s.db.QueryContext(ctx, `select *
		from orders
		where customer_id = $1 order by created_at desc limit 20`, customer)
}

func (s *Store) ByStatus(ctx context.Context, status string) (*sql.Rows, error) {
	// ruleid: sql-select-star
	q := "SELECT DISTINCT * " +
		"FROM order_items WHERE status = $1"
	return s.db.QueryContext(ctx, q, status)
}

func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	// ok: sql-select-star
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM orders").Scan(&n)
	return n, err
}

func (s *Store) HasOpen(ctx context.Context, customer int64) (bool, error) {
	var ok bool
	// ok: sql-select-star
	err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT * FROM orders WHERE customer_id = $1 AND status = 'open')", customer).Scan(&ok)
	return ok, err
}

func (s *Store) Latest(ctx context.Context) (*sql.Rows, error) {
	// ok: sql-select-star
	return s.db.QueryContext(ctx, "SELECT * FROM (SELECT id, total FROM orders ORDER BY id DESC LIMIT 10) t")
}

func (s *Store) Totals(ctx context.Context) (*sql.Rows, error) {
	// ok: sql-select-star
	return s.db.QueryContext(ctx, "SELECT id, status, total_cents FROM orders WHERE total_cents > 2 * 100")
}
