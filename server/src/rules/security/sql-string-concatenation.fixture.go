package main

import (
	"context"
	"database/sql"
	"fmt"
)

const CARTS_TABLE = "carts"

func queries(ctx context.Context, db *sql.DB, id, status string, limit int) error {
	// ruleid: sql-string-concatenation
	rows, err := db.Query("SELECT c.id FROM carts c WHERE c.id = '" + id + "'")
	// ruleid: sql-string-concatenation
	_, err = db.ExecContext(ctx, fmt.Sprintf("DELETE FROM carts WHERE status = '%s'", status))
	q := "SELECT id FROM carts WHERE user_id = $1"
	if status != "" {
		q += " AND status = '" + status + "'"
	}
	// ruleid: sql-string-concatenation
	row := db.QueryRowContext(ctx, q, id)
	// ruleid: sql-string-concatenation
	_, err = db.Exec(`UPDATE carts SET status = 'x' WHERE id = ` + id)
	// ok: sql-string-concatenation
	rows, err = db.Query("SELECT sku, name FROM products WHERE id = $1", id)
	// ok: sql-string-concatenation
	rows, err = db.QueryContext(ctx, "SELECT id FROM "+CARTS_TABLE+" WHERE id = $1", id)
	base := "SELECT id FROM carts"
	// ok: sql-string-concatenation
	rows, err = db.Query(base+" WHERE updated_at < now() LIMIT $1", limit)
	// ok: sql-string-concatenation
	_ = cache.Exec("key:" + id)
	// ok: sql-string-concatenation
	rows, err = db.Query(buildQuery(id))
	_, _ = rows, row
	return err
}
