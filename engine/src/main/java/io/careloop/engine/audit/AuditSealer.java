package io.careloop.engine.audit;

import io.careloop.engine.process.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends the audit chain. Why a sealer rather than hashing at insert: hashing at insert needs the
 * previous event's hash, so every transaction that audits anything (every intake) would queue on one
 * lock from its audit insert to its commit, Camunda's flush included; parallel intakes would run one
 * at a time. Instead transactions insert events unsealed, and this sealer, after their commit,
 * takes the lock on the chain head (the one audit_chain row, SELECT … FOR UPDATE, so sealers on
 * several nodes take turns), reads the committed unsealed events in id order and links each to the
 * last: the chain follows commit order, a late commit with a lower id is simply sealed later.
 * Verification seals what is pending first, so it covers every committed event.
 *
 * <p>Runs shortly after each commit that wrote audit events (coalesced on one thread), every
 * {@link #SWEEP_SECONDS} seconds (events of a node that died before sealing), and on demand.
 */
public final class AuditSealer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);
    static final int BATCH = 500;
    static final long SWEEP_SECONDS = 10;
    /** How long a seal waits for more events after the first request. */
    static final long SEAL_DELAY_MS = 200;

    private final Transactions tx;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean requested = new AtomicBoolean();

    public AuditSealer(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-sealer");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::sealQuietly, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Asks for a seal soon ({@link #SEAL_DELAY_MS} after the first request), on the sealer's thread; the
     * requests until it runs make one seal. The delay gathers the events of many intakes into one seal
     * transaction: sealing right after each commit cost a second commit per ticket (on H2 each commit
     * writes every page it touched), and a busy node sealed a few events at a time.
     */
    public void requestSeal() {
        if (requested.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    requested.set(false);
                    sealQuietly();
                }, SEAL_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                requested.set(false);
            }
        }
    }

    /** Seals every committed unsealed event now, in batches; answers how many. */
    public int sealPending() {
        int total = 0;
        int n;
        do {
            n = tx.write(t -> {
                AuditMapper m = t.mapper(AuditMapper.class);
                ChainHead head = m.lockHead();
                List<ChainRow> batch = m.unsealed(BATCH);
                long seq = head.lastSeq();
                String prev = head.lastHash();
                for (ChainRow unsealed : batch) {
                    ChainRow e = unsealed.withDigests();
                    seq++;
                    String hash = AuditChain.hash(seq, e, prev);
                    m.seal(e, seq, prev, hash);
                    prev = hash;
                }
                if (!batch.isEmpty()) {
                    m.moveHead(seq, prev, clock.instant());
                }
                return batch.size();
            });
            total += n;
        } while (n == BATCH);
        if (total > 0) {
            LOG.debug("audit.sealed events={}", total);
        }
        return total;
    }

    private void sealQuietly() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            LOG.warn("audit.seal-failed (will retry)", e);
        }
    }

    /** Stops the thread after a seal in progress has finished (call before the database closes). */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
