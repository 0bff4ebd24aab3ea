package api

import (
	"encoding/json"
	"io"
	"io/ioutil"
	"net/http"
)

func (s *Server) Import(w http.ResponseWriter, r *http.Request) {
	// ruleid: read-whole-body
	data, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.store.Import(data)
}

func (c *Client) Report(id string) ([]byte, error) {
	resp, err := c.http.Get(c.base + "/reports/" + id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	// ruleid: read-whole-body
	return ioutil.ReadAll(resp.Body)
}

func (c *Client) Export(req *http.Request) ([]byte, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	// ruleid: read-whole-body
	body, err := io.ReadAll(resp.Body)
	return body, err
}

func (s *Server) ImportLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	// ok: read-whole-body
	data, err := io.ReadAll(r.Body)
	if err == nil {
		s.store.Import(data)
	}
}

func (c *Client) ReportLimited(resp *http.Response) ([]byte, error) {
	// ok: read-whole-body
	return io.ReadAll(io.LimitReader(resp.Body, 10<<20))
}

func (c *Client) Decode(resp *http.Response, v any) error {
	// ok: read-whole-body
	return json.NewDecoder(resp.Body).Decode(v)
}
