package io.careloop.engine.live;

import io.careloop.engine.process.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The live feed in the database: a node appends what its users did, every node polls what the
 * others appended (a polling fallback that works on H2 and PostgreSQL alike). Rows are hints for
 * browsers to refetch, kept for {@link #KEEP}.
 */
public final class LiveFeed {

    public static final Duration KEEP = Duration.ofMinutes(10);

    private final Transactions tx;
    private final Clock clock;

    public LiveFeed(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public void append(String node, String kind, String ticketNumber, String eventType, String actor) {
        LiveEvent e = new LiveEvent(null, node, kind, ticketNumber, eventType, actor, clock.instant());
        tx.autoCommit(s -> {
            s.getMapper(LiveMapper.class).insertEvent(e);
            return null;
        });
    }

    /** Rows other nodes than {@code node} appended after {@code afterId}, oldest first (at most 500). */
    public List<LiveEvent> othersAfter(long afterId, String node) {
        return tx.read(s -> s.getMapper(LiveMapper.class).eventsAfter(afterId, node));
    }

    public long lastId() {
        return tx.read(s -> s.getMapper(LiveMapper.class).lastEventId());
    }

    /** Deletes rows older than {@link #KEEP}; answers how many. */
    public int prune() {
        return tx.autoCommit(s -> s.getMapper(LiveMapper.class).deleteEventsBefore(clock.instant().minus(KEEP)));
    }
}
