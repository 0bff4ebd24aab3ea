package payments

import (
	"context"
	"errors"
	"net/http"
	"time"
)

type Client struct {
	httpClient *http.Client
	base       string
}

func (c *Client) Charge(ctx context.Context, req *http.Request) (*http.Response, error) {
	// ruleid: retry-loop-no-backoff
	for i := 0; i < 5; i++ {
		resp, err := c.httpClient.Do(req)
		if err != nil {
			continue
		}
		return resp, nil
	}
	return nil, errors.New("payments unavailable")
}

func (c *Client) Refund(req *http.Request) (*http.Response, error) {
	// ruleid: retry-loop-no-backoff
	for {
		resp, err := c.httpClient.Do(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

func (c *Client) Ping() error {
	// ruleid: retry-loop-no-backoff
	for {
		resp, err := http.Get(c.base + "/health")
		if err != nil {
			continue
		}
		resp.Body.Close()
		break
	}
	return nil
}

func (c *Client) Capture(req *http.Request) (*http.Response, error) {
	backoff := 100 * time.Millisecond
	// ok: retry-loop-no-backoff
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.httpClient.Do(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(backoff)
		backoff *= 2
	}
	return nil, errors.New("payments unavailable")
}

func (c *Client) NotifyAll(reqs []*http.Request) {
	// ok: retry-loop-no-backoff
	for _, r := range reqs {
		resp, err := c.httpClient.Do(r)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

func (c *Client) Walk(reqs []*http.Request) {
	// ok: retry-loop-no-backoff
	for i := 0; i < len(reqs); i++ {
		resp, err := c.httpClient.Do(reqs[i])
		if err != nil {
			return
		}
		resp.Body.Close()
	}
}
