package storage

import (
	"database/sql"
	"log"

	"github.com/jmoiron/sqlx"
)

type Store struct {
	db      *sql.DB
	reports *sqlx.DB
}

func Open(dsn, reportsDSN string) (*Store, error) {
	// ruleid: go-sql-unbounded-pool
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	// ruleid: go-sql-unbounded-pool
	reports, err := sqlx.Connect("postgres", reportsDSN)
	if err != nil {
		return nil, err
	}
	return &Store{db: db, reports: reports}, nil
}

func MustOpenAudit(dsn string) *sqlx.DB {
	// ruleid: go-sql-unbounded-pool
	audit := sqlx.MustConnect("postgres", dsn)
	log.Printf("audit db ready")
	go keepAlive(audit)
	return nil
}

func OpenRaw(dsn string) (*sql.DB, error) {
	// ok: go-sql-unbounded-pool
	return sql.Open("pgx", dsn)
}

func OpenForCaller(dsn string) (*sql.DB, error) {
	// ok: go-sql-unbounded-pool
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	return db, db.Ping()
}

func ValidateDSN(dsn string) error {
	// ok: go-sql-unbounded-pool
	if _, err := sql.Open("pgx", dsn); err != nil {
		return err
	}
	return nil
}

func Drivers() []string {
	// ok: go-sql-unbounded-pool
	return sql.Drivers()
}

func keepAlive(db *sqlx.DB) { _ = db.Ping() }
