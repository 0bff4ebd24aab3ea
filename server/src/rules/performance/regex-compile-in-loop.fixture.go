package main

import (
	"net/http"
	"regexp"
)

var skuPattern = regexp.MustCompile(`^[A-Z]{3}-\d{4,6}$`)

func search(terms []string, items []CartItem, rules map[string]string) []CartItem {
	var matches []CartItem
	for _, term := range terms {
		// ruleid: regex-compile-in-loop
		re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(term))
		for _, it := range items {
			// ruleid: regex-compile-in-loop
			if ok, _ := regexp.MatchString(term, it.Name); ok || re.MatchString(it.Name) {
				matches = append(matches, it)
			}
		}
	}
	for i := 0; i < len(items); i++ {
		// ruleid: regex-compile-in-loop
		if regexp.MustCompile(`^[A-Z]{3}-\d{4,6}$`).MatchString(items[i].SKU) {
			continue
		}
	}
	for _, it := range items {
		func() {
			// ruleid: regex-compile-in-loop
			r, err := regexp.Compile(it.Name)
			_, _ = r, err
		}()
	}
	// ok: regex-compile-in-loop
	byTerm := regexp.MustCompile(`(?i)shoe`)
	compiled := make([]*regexp.Regexp, 0, len(terms))
	cache := map[string]*regexp.Regexp{}
	for k, r := range rules {
		// ok: regex-compile-in-loop
		compiled = append(compiled, regexp.MustCompile(r))
		// ok: regex-compile-in-loop
		cache[k] = regexp.MustCompile(r)
	}
	byName := make(map[string]*regexp.Regexp, len(rules))
	for name, r := range rules {
		// ok: regex-compile-in-loop
		re, err := regexp.Compile(r)
		if err != nil {
			continue
		}
		byName[name] = re
	}
	for _, route := range []string{"/a", "/b"} {
		http.HandleFunc(route, func(w http.ResponseWriter, r *http.Request) {
			// ok: regex-compile-in-loop
			q := regexp.MustCompile(r.URL.Query().Get("q"))
			_ = q
		})
	}
	// ok: regex-compile-in-loop
	for _, m := range regexp.MustCompile(`\d+`).FindAllString("a1b22", -1) {
		_ = m
	}
	_, _ = byTerm, cache
	return matches
}
