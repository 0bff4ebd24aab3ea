package events

import (
	"context"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

type Event struct {
	Name   string
	UserID uint64
}

func Store(ctx context.Context, conn driver.Conn, events []Event) error {
	for _, e := range events {
		// ruleid: analytics-insert-in-loop
		if err := conn.Exec(ctx, "INSERT INTO events (name, user_id) VALUES (?, ?)", e.Name, e.UserID); err != nil {
			return err
		}
	}
	return nil
}

func StoreEach(ctx context.Context, conn driver.Conn, events <-chan Event) {
	for e := range events {
		// ruleid: analytics-insert-in-loop
		_ = conn.Exec(ctx, `INSERT INTO events VALUES (?, ?)`, e.Name, e.UserID)
	}
}

func StoreRange(ctx context.Context, conn driver.Conn, events []Event) {
	for i := 0; i < len(events); i++ {
		// ruleid: analytics-insert-in-loop
		_ = conn.Exec(ctx, "insert into events (name, user_id) values (@name, @user)", events[i].Name, events[i].UserID)
	}
}

func StoreBatch(ctx context.Context, conn driver.Conn, events []Event) error {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
	if err != nil {
		return err
	}
	for _, e := range events {
		// ok: analytics-insert-in-loop
		if err := batch.Append(e.Name, e.UserID); err != nil {
			return err
		}
	}
	return batch.Send()
}

func Migrate(ctx context.Context, conn driver.Conn, tables []string) {
	for _, t := range tables {
		// ok: analytics-insert-in-loop
		_ = conn.Exec(ctx, "OPTIMIZE TABLE "+t+" FINAL")
	}
	// ok: analytics-insert-in-loop
	_ = conn.Exec(ctx, "INSERT INTO events_daily SELECT * FROM events_mv")
}
