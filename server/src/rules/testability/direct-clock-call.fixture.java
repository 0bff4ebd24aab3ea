package shop.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;

public class Reservations {
    private static final long RESERVATION_TTL_MS = 15 * 60 * 1000L;
    // ok: direct-clock-call
    private final Instant created = Instant.now();
    private final Clock clock;

    public Reservations(Clock clock) {
        this.clock = clock;
    }

    public long reserve(String sku) {
        // ruleid: direct-clock-call
        long expiresAt = System.currentTimeMillis() + RESERVATION_TTL_MS;
        return expiresAt;
    }

    public boolean expired(Instant at) {
        // ruleid: direct-clock-call
        return Instant.now().isAfter(at);
    }

    public String stamp() {
        // ruleid: direct-clock-call
        return LocalDateTime.now(ZoneOffset.UTC) + " " + new Date();
    }

    public boolean expiredInjected(Instant at) {
        // ok: direct-clock-call
        return Instant.now(clock).isAfter(at);
    }

    public long elapsed(long start) {
        // ok: direct-clock-call
        return System.nanoTime() - start;
    }

    public Date parse(long millis) {
        // ok: direct-clock-call
        return new Date(millis);
    }

    public static void main(String[] args) {
        // ok: direct-clock-call
        System.out.println("started " + Instant.now());
    }
}
