package io.careloop.engine.live;

import io.careloop.engine.process.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;

/**
 * Who views which ticket, in the database so every node sees the viewers of every other: each open
 * ticket view sends a heartbeat; a viewer whose last heartbeat is older than {@link #TTL} has left.
 * Presence is a hint, not a record: no audit, and rows that expired are deleted now and then.
 */
public final class TicketViewers {

    public static final Duration TTL = Duration.ofSeconds(30);

    /** What a heartbeat answers: everyone viewing now (sorted), and whether this viewer just arrived. */
    public record Heartbeat(List<String> viewers, boolean arrived) {
    }

    private final Transactions tx;
    private final Clock clock;

    public TicketViewers(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Records that {@code username} views ticket {@code number} through {@code node}. */
    public Heartbeat heartbeat(String number, String username, String node) {
        Instant now = clock.instant();
        boolean arrived = !viewing(number).contains(username);
        tx.autoCommit(s -> {
            LiveMapper m = s.getMapper(LiveMapper.class);
            if (m.touchViewer(number, username, node, now) == 0) {
                try {
                    m.insertViewer(number, username, node, now);
                } catch (PersistenceException raced) {
                    // the same user's other tab inserted the row first: it is there, keep it fresh
                    m.touchViewer(number, username, node, now);
                }
            }
            return null;
        });
        return new Heartbeat(viewing(number), arrived);
    }

    /** Everyone whose heartbeat for ticket {@code number} is recent, on any node, sorted. */
    public List<String> viewing(String number) {
        Instant since = clock.instant().minus(TTL);
        return tx.read(s -> s.getMapper(LiveMapper.class).viewers(number, since));
    }

    /** Deletes viewers long gone; answers how many. */
    public int forgetExpired() {
        Instant before = clock.instant().minus(TTL.multipliedBy(2));
        return tx.autoCommit(s -> s.getMapper(LiveMapper.class).deleteViewersBefore(before));
    }
}
