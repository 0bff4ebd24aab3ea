package config

import (
	"log"
	"os"
)

type Config struct{ Addr string }

func Load(path string) *Config {
	b, err := os.ReadFile(path)
	if err != nil {
		// ruleid: exit-in-library-code
		log.Fatalf("read config %s: %v", path, err)
	}
	if len(b) == 0 {
		// ruleid: exit-in-library-code
		os.Exit(2)
	}
	return &Config{Addr: string(b)}
}

func MustEnv(name string) string {
	v, ok := os.LookupEnv(name)
	if !ok {
		// ruleid: exit-in-library-code
		log.Fatal("missing ", name)
	}
	return v
}

// Fatalf logs and exits: the package's documented contract, like log.Fatalf.
func Fatalf(format string, args ...any) {
	log.Printf(format, args...)
	// ok: exit-in-library-code
	os.Exit(1)
}

// Abort prints the error and calls os.Exit(2).
func Abort(err error) {
	// ok: exit-in-library-code
	log.Fatal(err)
}

type ErrorHandling int

const (
	ContinueOnError ErrorHandling = iota
	ExitOnError
)

func Parse(mode ErrorHandling, err error) error {
	switch mode {
	case ExitOnError:
		// ok: exit-in-library-code
		os.Exit(2)
	}
	return err
}

func Check(c *Config, logger *log.Logger) error {
	if c.Addr == "" {
		// ok: exit-in-library-code
		log.Printf("empty addr")
		// ok: exit-in-library-code
		logger.Println("no addr")
		// ok: exit-in-library-code
		panic("config: empty address")
	}
	// ok: exit-in-library-code
	return os.ErrNotExist
}
