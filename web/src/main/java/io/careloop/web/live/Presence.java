package io.careloop.web.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is looking at which ticket: each open ticket view sends a heartbeat; a viewer whose last
 * heartbeat is older than {@link #TTL} has left. Kept in memory: presence is a hint, not a record.
 */
public final class Presence {

    public static final Duration TTL = Duration.ofSeconds(30);

    private final Clock clock;
    private final Map<String, Map<String, Instant>> viewers = new ConcurrentHashMap<>();

    public Presence(Clock clock) {
        this.clock = clock;
    }

    /** Records that {@code username} views ticket {@code number}; answers everyone viewing it now, sorted. */
    public List<String> heartbeat(String number, String username) {
        viewers.computeIfAbsent(number, n -> new ConcurrentHashMap<>()).put(username, clock.instant());
        return viewing(number);
    }

    public List<String> viewing(String number) {
        Map<String, Instant> seen = viewers.get(number);
        if (seen == null) {
            return List.of();
        }
        Instant cutoff = clock.instant().minus(TTL);
        seen.values().removeIf(at -> at.isBefore(cutoff));
        if (seen.isEmpty()) {
            viewers.remove(number, seen);
        }
        return seen.keySet().stream().sorted().toList();
    }
}
