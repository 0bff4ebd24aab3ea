package shop.sessions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

public class SessionStore {
    // ruleid: global-mutable-state
    private static final Map<String, Session> SESSIONS = new HashMap<>();
    // ruleid: global-mutable-state
    private static List<String> recent = new ArrayList<>();
    // ruleid: global-mutable-state
    private static int logins;
    // ok: global-mutable-state
    private static final Map<String, Session> SHARED = new ConcurrentHashMap<>();
    // ok: global-mutable-state
    private static final int MAX_SESSIONS = 10_000;
    // ok: global-mutable-state
    private static final Logger LOG = Logger.getLogger("sessions");
    // ok: global-mutable-state
    private static final Map<String, Boolean> ALLOWED = Map.of("admin", true);

    public Session login(String user) {
        Session s = new Session(user);
        SESSIONS.put(user, s);
        recent.add(user);
        logins++;
        SHARED.put(user, s);
        LOG.info(user + MAX_SESSIONS);
        return s;
    }

    public boolean allowed(String role) {
        return ALLOWED.getOrDefault(role, false);
    }
}
