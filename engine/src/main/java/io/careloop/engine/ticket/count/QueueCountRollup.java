package io.careloop.engine.ticket.count;

import io.careloop.engine.background.Ticker;
import io.careloop.engine.process.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the delta rows ticket writes leave ({@link QueueCountMarker}) into the open-ticket counts of
 * V21, in the background on every node. One node folds at a time (the row lock of
 * {@code queue_count_fold}); a fold reads a batch of deltas, adds each key's sum to its count row and
 * deletes exactly the rows it read (not "every id up to the largest": on PostgreSQL a smaller id can
 * commit after a larger one and would be lost). Counts are read from the count rows plus the deltas
 * not folded yet, so folding changes how fast a count is read, never what it says.
 */
public final class QueueCountRollup {

    private static final Logger LOG = LoggerFactory.getLogger(QueueCountRollup.class);
    private static final int BATCH = 5_000;
    private static final int DELETE_CHUNK = 500;

    private final Transactions tx;
    private final Clock clock;
    private Ticker ticker;

    public QueueCountRollup(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Folds the deltas there are now; returns how many were folded. */
    public int fold() {
        int total = 0;
        int n;
        do {
            n = foldBatch();
            total += n;
        } while (n == BATCH);
        return total;
    }

    private int foldBatch() {
        return tx.write(t -> {
            QueueCountMapper m = t.mapper(QueueCountMapper.class);
            m.lockFold();
            List<QueueCountMapper.Delta> deltas = m.deltas(BATCH);
            if (deltas.isEmpty()) {
                return 0;
            }
            Map<QueueCountMapper.Key, Long> sums = new LinkedHashMap<>();
            List<Long> ids = new ArrayList<>(deltas.size());
            for (QueueCountMapper.Delta d : deltas) {
                sums.merge(d.key(), (long) d.delta(), Long::sum);
                ids.add(d.id());
            }
            sums.forEach((key, n) -> {
                if (n != 0 && m.addToCount(key, n) == 0) {
                    m.insertCount(key, n);
                }
            });
            m.deleteEmptyCounts();
            for (int i = 0; i < ids.size(); i += DELETE_CHUNK) {
                m.deleteDeltas(ids.subList(i, Math.min(ids.size(), i + DELETE_CHUNK)));
            }
            m.markFolded(clock.instant());
            return deltas.size();
        });
    }

    /**
     * Counts every open ticket again, as V21's back-fill did: after tickets were written without
     * CareLoop's mappers (a bulk load). Run it while nobody writes tickets.
     */
    public void rebuild() {
        tx.write(t -> {
            QueueCountMapper m = t.mapper(QueueCountMapper.class);
            m.lockFold();
            m.deleteAllDeltas();
            m.deleteAllCounts();
            m.countAllOpen();
            m.markFolded(clock.instant());
            return null;
        });
    }

    /** Folds every {@code every} in the background. */
    public synchronized void start(Duration every) {
        if (ticker != null) {
            return;
        }
        ticker = Ticker.start("careloop-queue-counts", every, every, () -> {
            int n = fold();
            if (n > 0) {
                LOG.debug("queue-counts.folded deltas={}", n);
            }
        });
    }

    public synchronized void close() {
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
    }
}
