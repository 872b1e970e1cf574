package io.careloop.engine.ticket.count;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The open-ticket counts of V21 (SQL in QueueCountMapper.xml, the same text on H2 and PostgreSQL). */
public interface QueueCountMapper {

    /**
     * What an open ticket is counted under: every column the queue counts group by, filter on or scope
     * by, '' for none. Null from {@link #keyOf} when the ticket is not open (not counted).
     */
    record Key(String queue, String assignee, String slaState, String category, String severity, String priority,
               String channel, String product, String tier) {
    }

    /** One delta row: {@code delta} open tickets more (or fewer) under its key. */
    record Delta(long id, String queue, String assignee, String slaState, String category, String severity,
                 String priority, String channel, String product, String tier, int delta) {

        Key key() {
            return new Key(queue, assignee, slaState, category, severity, priority, channel, product, tier);
        }
    }

    /** The key ticket {@code id} is counted under now, or null when it is not open. */
    Key keyOf(@Param("id") long ticketId);

    /** The stored tier of a customer (null: none). */
    String tierOf(@Param("id") long customerId);

    void insertDelta(@Param("k") Key key, @Param("delta") int delta);

    /** A delta for every open ticket of a customer, counted under {@code tier} (a customer's tier changed). */
    int insertCustomerDeltas(@Param("customerId") long customerId, @Param("tier") String tier, @Param("delta") int delta);

    /** Takes the fold's lock until the transaction ends. */
    Integer lockFold();

    /** The oldest {@code limit} deltas not folded yet. */
    List<Delta> deltas(@Param("limit") int limit);

    int addToCount(@Param("k") Key key, @Param("n") long n);

    void insertCount(@Param("k") Key key, @Param("n") long n);

    int deleteEmptyCounts();

    int deleteDeltas(@Param("ids") Collection<Long> ids);

    void markFolded(@Param("at") java.time.Instant at);

    void deleteAllCounts();

    void deleteAllDeltas();

    /** Counts every open ticket again (V21's back-fill). */
    int countAllOpen();
}
