// fixture-options: {"required": true}
package pricing

import (
	"context"
	"net/http"
	"time"
)

type Client struct {
	httpClient *http.Client
	base       string
	cache      map[string]int
}

func (c *Client) Price(req *http.Request) (*http.Response, error) {
	// ruleid: outbound-call-no-retry
	return c.httpClient.Do(req)
}

func Health(url string) error {
	// ruleid: outbound-call-no-retry
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) Stock(ctx context.Context, req *http.Request) (*http.Response, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		// ok: outbound-call-no-retry
		resp, err := c.httpClient.Do(req)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		time.Sleep(time.Duration(1<<attempt) * 100 * time.Millisecond)
	}
	// ruleid: outbound-call-no-retry
	return c.httpClient.Do(req.WithContext(ctx))
}

func (c *Client) Cached(key string) int {
	// ok: outbound-call-no-retry
	v := c.cache[key]
	// ok: outbound-call-no-retry
	_ = http.StatusText(v)
	return v
}
