package sessions

import (
	"sync"
	"time"
)

// ruleid: global-mutable-state
var sessions = map[string]Session{}

// ruleid: global-mutable-state
var recent []string

var (
	// ruleid: global-mutable-state
	counters = make(map[string]int)
	// ok: global-mutable-state
	handlers = map[string]Handler{}
)

// ok: global-mutable-state
var defaultTTL = 30 * time.Minute

// ok: global-mutable-state
var allowed = map[string]bool{"admin": true, "support": true}

var mu sync.Mutex

// ok: global-mutable-state
var guarded = map[string]int{}

func init() {
	handlers["login"] = Login
}

func Login(user string) Session {
	s := Session{User: user, Expires: time.Now().Add(defaultTTL)}
	sessions[s.ID()] = s
	recent = append(recent, user)
	counters[user]++
	return s
}

func Allowed(role string) bool { return allowed[role] }

func Track(user string) {
	mu.Lock()
	defer mu.Unlock()
	guarded[user]++
}
