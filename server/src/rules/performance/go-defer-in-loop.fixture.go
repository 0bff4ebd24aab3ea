package importer

import (
	"bufio"
	"database/sql"
	"net/http"
	"os"
	"sync"
)

func CountLines(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return 0, err
		}
		// ruleid: go-defer-in-loop
		defer f.Close()
		s := bufio.NewScanner(f)
		for s.Scan() {
			total++
		}
	}
	return total, nil
}

func FetchAll(client *http.Client, urls []string) error {
	for i := 0; i < len(urls); i++ {
		resp, err := client.Get(urls[i])
		if err != nil {
			return err
		}
		// ruleid: go-defer-in-loop
		defer resp.Body.Close()
	}
	return nil
}

type Cache struct {
	mu    sync.Mutex
	items map[string]string
}

func (c *Cache) Fill(db *sql.DB, keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		// ruleid: go-defer-in-loop
		defer c.mu.Unlock()
		if rows, err := db.Query("SELECT v FROM kv WHERE k = $1", k); err == nil {
			for rows.Next() {
				// ruleid: go-defer-in-loop
				defer rows.Close()
			}
		}
	}
}

func CountLinesFixed(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		err := func() error {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			// ok: go-defer-in-loop
			defer f.Close()
			s := bufio.NewScanner(f)
			for s.Scan() {
				total++
			}
			return s.Err()
		}()
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}

func Warm(c *Cache, keys []string) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			// ok: go-defer-in-loop
			defer wg.Done()
			c.mu.Lock()
			c.items[k] = ""
			c.mu.Unlock()
		}(k)
	}
	wg.Wait()
}

func Export(db *sql.DB) error {
	rows, err := db.Query("SELECT id FROM orders")
	if err != nil {
		return err
	}
	// ok: go-defer-in-loop
	defer rows.Close()
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	return rows.Err()
}

func Fetch(client *http.Client, urls []string) (*http.Response, error) {
	for _, u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			continue
		}
		if resp.StatusCode != http.StatusOK {
			// ok: go-defer-in-loop
			defer resp.Body.Close()
			return nil, err
		}
		return resp, nil
	}
	return nil, nil
}

func Merge(groups []Group) []Group {
	for i := range groups {
		if i == len(groups)-1 {
			// ok: go-defer-in-loop
			defer func() { groups = append(groups, Group{}) }()
		}
	}
	return groups
}

func LockAll(locks []*sync.Mutex) {
	for _, l := range locks {
		l.Lock()
		// ruleid: go-defer-in-loop
		defer func() { l.Unlock() }()
	}
}
