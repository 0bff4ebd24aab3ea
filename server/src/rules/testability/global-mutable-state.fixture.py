import threading

# ruleid: global-mutable-state
_sessions = {}
# ruleid: global-mutable-state
recent_users = []
# ruleid: global-mutable-state
seen = set()
# ok: global-mutable-state
HANDLERS = {}
# ok: global-mutable-state
ALLOWED_ROLES = {"admin", "support"}
# ok: global-mutable-state
_guarded = {}
_lock = threading.Lock()


def register(name):
    def wrap(fn):
        HANDLERS[name] = fn
        return fn
    return wrap


def login(user):
    _sessions[user] = {"user": user}
    recent_users.append(user)
    seen.add(user)
    return _sessions[user]


def allowed(role):
    return role in ALLOWED_ROLES


def track(user):
    with _lock:
        _guarded[user] = _guarded.get(user, 0) + 1
