package main

import (
	"context"
	"database/sql"
	"fmt"
)

type CartItem struct {
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	Qty       int    `json:"qty"`
	UnitCents int64  `json:"unit_cents"`
}

type Store struct {
	db *sql.DB
}

func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

func (s *Store) ItemsForUser(ctx context.Context, userID string) ([]CartItem, error) {
	rows, err := s.db.QueryContext(ctx,
		"SELECT sku, name, qty FROM cart_items WHERE user_id = $1 ORDER BY added_at", userID)
	if err != nil {
		return nil, fmt.Errorf("query cart items: %w", err)
	}
	defer rows.Close()

	var items []CartItem
	for rows.Next() {
		var it CartItem
		if err := rows.Scan(&it.SKU, &it.Name, &it.Qty); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

func (s *Store) AddItem(ctx context.Context, userID, sku string, qty int) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO cart_items (user_id, sku, name, qty)
		 SELECT $1, sku, name, $3 FROM products WHERE sku = $2
		 ON CONFLICT (user_id, sku) DO UPDATE SET qty = cart_items.qty + EXCLUDED.qty`,
		userID, sku, qty)
	return err
}

func (s *Store) CartByID(id string) (*Cart, error) {
	rows, err := s.db.Query("SELECT c.id, c.user_id, i.sku, i.qty FROM carts c JOIN cart_items i ON i.user_id = c.user_id WHERE c.id = '" + id + "'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	cart := &Cart{ID: id}
	for rows.Next() {
		var it CartItem
		if err := rows.Scan(&cart.ID, &cart.UserID, &it.SKU, &it.Qty); err != nil {
			return nil, err
		}
		cart.Items = append(cart.Items, it)
	}
	return cart, nil
}

func (s *Store) ProductByID(id string) (*CartItem, error) {
	rows, err := s.db.Query("SELECT sku, name FROM products WHERE id = $1", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, sql.ErrNoRows
	}
	var it CartItem
	if err := rows.Scan(&it.SKU, &it.Name); err != nil {
		return nil, err
	}
	return &it, nil
}

func (s *Store) AbandonedCartIDs(limit int) []string {
	rows, _ := s.db.Query("SELECT id FROM carts WHERE updated_at < now() - interval '24 hours' LIMIT $1", limit)
	defer rows.Close()

	var ids []string
	for rows.Next() {
		var id string
		if rows.Scan(&id) == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

type Cart struct {
	ID     string     `json:"id"`
	UserID string     `json:"user_id"`
	Items  []CartItem `json:"items"`
}
