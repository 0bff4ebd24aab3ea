package inventory

import (
	"encoding/json"
	"io"
	"net/http"
)

type Client struct {
	http    *http.Client
	baseURL string
	cache   map[string]string
}

func (c *Client) Stock(sku string) (int, error) {
	// ruleid: go-response-body-not-closed
	resp, err := c.http.Get(c.baseURL + "/stock/" + sku)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct{ Count int }
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Count, err
}

func Ping(url string) error {
	// ruleid: go-response-body-not-closed
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return io.ErrUnexpectedEOF
	}
	return nil
}

func (c *Client) Reserve(req *http.Request) ([]byte, error) {
	var res *http.Response
	var err error
	// ruleid: go-response-body-not-closed
	res, err = c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

func Head(url string) int {
	// ruleid: go-response-body-not-closed
	resp, err := http.Head(url)
	if err == nil {
		return resp.StatusCode
	}
	return 0
}

func (c *Client) Release(req *http.Request) error {
	// ok: go-response-body-not-closed
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func (c *Client) Raw(req *http.Request) (*http.Response, error) {
	// ok: go-response-body-not-closed
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func (c *Client) Cached(key string) string {
	// ok: go-response-body-not-closed
	v, ok := c.cache.Get(key)
	if !ok {
		return ""
	}
	return v
}

func (c *Client) Drain(url string) error {
	// ok: go-response-body-not-closed
	resp, err := c.http.Get(url)
	if err != nil {
		return err
	}
	return drainAndClose(resp)
}

func (c *Client) Loop(urls []string) {
	for _, u := range urls {
		// ok: go-response-body-not-closed
		resp, err := c.http.Get(u)
		if err != nil {
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func drainAndClose(resp *http.Response) error {
	_, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return err
}

func (c *Client) Stream(url string) (io.ReadCloser, error) {
	// ok: go-response-body-not-closed
	resp, err := c.http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, io.ErrUnexpectedEOF
	}
	return resp.Body, nil
}
