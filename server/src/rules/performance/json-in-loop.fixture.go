package notify

import (
	"encoding/json"
	"net/http"
	"strings"
)

type Template struct{ Subject, Body string }

func SendAll(c *http.Client, urls []string, tpl Template, meta map[string]string) error {
	for _, u := range urls {
		// ruleid: json-in-loop
		body, err := json.Marshal(tpl)
		if err != nil {
			return err
		}
		// ruleid: json-in-loop
		extra, _ := json.MarshalIndent(meta, "", "  ")
		_, _ = c.Post(u, "application/json", strings.NewReader(string(body)+string(extra)))
	}
	raw := []byte(`{"retries":3}`)
	for i := 0; i < len(urls); i++ {
		var cfg map[string]int
		// ruleid: json-in-loop
		_ = json.Unmarshal(raw, &cfg)
	}
	return nil
}

func SendEach(c *http.Client, msgs []Template) {
	for _, m := range msgs {
		// ok: json-in-loop
		body, _ := json.Marshal(m)
		_, _ = c.Post("/notify", "application/json", strings.NewReader(string(body)))
	}
	state := Template{}
	for _, m := range msgs {
		state.Subject = m.Subject
		// ok: json-in-loop
		snapshot, _ := json.Marshal(state)
		_ = snapshot
	}
	tpl := Template{Subject: "hi"}
	// ok: json-in-loop
	body, _ := json.Marshal(tpl)
	for range msgs {
		_, _ = c.Post("/notify", "application/json", strings.NewReader(string(body)))
	}
}
