package orders

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestWorkerProcessesQueue(t *testing.T) {
	q := NewQueue()
	w := StartWorker(q)
	defer w.Stop()
	q.Push(Order{ID: 1})
	// ruleid: sleep-in-test
	time.Sleep(500 * time.Millisecond)
	if got := w.Processed(); got != 1 {
		t.Fatalf("processed %d, want 1", got)
	}
}

func TestCacheExpiry(t *testing.T) {
	t.Run("expires after ttl", func(t *testing.T) {
		c := NewCache(50 * time.Millisecond)
		c.Set("k", "v")
		// ruleid: sleep-in-test
		time.Sleep(100 * time.Millisecond)
		if _, ok := c.Get("k"); ok {
			t.Fatal("still cached")
		}
	})
}

func waitForServer() {
	// ruleid: sleep-in-test
	time.Sleep(time.Second)
}

func TestClientTimeout(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// ok: sleep-in-test
		time.Sleep(200 * time.Millisecond)
	}))
	defer slow.Close()
	client := &http.Client{Timeout: 50 * time.Millisecond}
	if _, err := client.Get(slow.URL); err == nil {
		t.Fatal("expected a timeout")
	}
	waitForServer()
}

type slowReader struct{ delay time.Duration }

func (r *slowReader) Read(b []byte) (int, error) {
	// ok: sleep-in-test
	time.Sleep(r.delay)
	return 0, nil
}

func TestWorkerEventually(t *testing.T) {
	q := NewQueue()
	w := StartWorker(q)
	defer w.Stop()
	q.Push(Order{ID: 1})
	deadline := time.Now().Add(5 * time.Second)
	for w.Processed() < 1 && time.Now().Before(deadline) {
		// ok: sleep-in-test
		time.Sleep(10 * time.Millisecond)
	}
	go func() {
		// ok: sleep-in-test
		time.Sleep(20 * time.Millisecond)
		q.Close()
	}()
	// ok: sleep-in-test
	time.Sleep(0)
}
