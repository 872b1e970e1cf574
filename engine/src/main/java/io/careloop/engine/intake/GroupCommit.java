package io.careloop.engine.intake;

import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of concurrent intakes: units of work handed in while others run wait in a queue,
 * and the next free runner takes up to {@code maxGroupSize} of them into ONE transaction, so that
 * N tickets cost one commit (on H2 with {@code WRITE_DELAY=0} the commit writes every B-tree page
 * the transaction touched, and the pages of N tickets in the same tables are mostly the same pages)
 * and one flush of the engine's rows instead of N.
 *
 * <p>Each member stays atomic: the group commits all of them or none. If anything in the group
 * fails (one bad item, a conflict with another transaction, a failed flush or commit), the group's
 * transaction rolls back as a whole, nothing of any member is left, and every member runs again
 * alone, on its own thread, by the single-item path with its own retries and its own error. So one
 * bad item never fails the others; it only costs them a second run. A member's caller returns only
 * after the transaction that holds its work has committed.
 *
 * <p>A thread alone (a plugin's sequential import) forms groups of one: the same work as before.
 * Inside a transaction already, the work joins that transaction and is not grouped.
 */
final class GroupCommit<R> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Groups of at most this many members. */
    static final int DEFAULT_MAX_GROUP_SIZE = 16;
    /** Groups in flight at once (each on the thread of one of its members). */
    static final int DEFAULT_MAX_RUNNING = 1;

    private final Transactions tx;
    private final int maxGroupSize;
    private final int maxRunning;
    private final ArrayDeque<Member<R>> waiting = new ArrayDeque<>();
    private int running;

    GroupCommit(Transactions tx, int maxGroupSize, int maxRunning) {
        if (maxGroupSize < 1 || maxRunning < 1) {
            throw new IllegalArgumentException("group size and groups in flight must be at least 1");
        }
        this.tx = tx;
        this.maxGroupSize = maxGroupSize;
        this.maxRunning = maxRunning;
    }

    /**
     * Runs {@code inGroup} in a transaction shared with other members, or, if that transaction
     * fails, {@code alone} (which opens its own transaction) on this thread.
     */
    R run(Function<Tx, R> inGroup, Supplier<R> alone) {
        if (tx.inTransaction()) {
            return alone.get();
        }
        Member<R> me = new Member<>(inGroup);
        try {
            return runAsMember(me, alone);
        } finally {
            if (me.interrupted) {
                // restored only now: an interrupt during JDBC work can close H2's file channel
                Thread.currentThread().interrupt();
            }
        }
    }

    private R runAsMember(Member<R> me, Supplier<R> alone) {
        synchronized (this) {
            waiting.add(me);
        }
        while (true) {
            List<Member<R>> group = null;
            synchronized (this) {
                while (!me.done && (running >= maxRunning || waiting.isEmpty())) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // the member may be in a group's transaction already: wait for its outcome
                        me.interrupted = true;
                    }
                }
                if (!me.done) {
                    running++;
                    group = new ArrayList<>(Math.min(maxGroupSize, waiting.size()));
                    while (group.size() < maxGroupSize && !waiting.isEmpty()) {
                        group.add(waiting.poll());
                    }
                }
            }
            if (group == null) {
                break;
            }
            try {
                if (group.size() == 1 && group.get(0) == me) {
                    // nobody to share the commit with: the single-item path, with its retries, in the slot
                    return alone.get();
                }
                runGroup(group);
            } finally {
                synchronized (this) {
                    running--;
                    notifyAll();
                }
            }
        }
        if (me.failure != null) {
            throw me.failure;
        }
        return me.alone ? alone.get() : me.result;
    }

    /** How many members wait for a group now (tests wait for a group to form). */
    synchronized int waiting() {
        return waiting.size();
    }

    /** One transaction for the whole group; on any failure, every member is sent back to run alone. */
    private void runGroup(List<Member<R>> group) {
        List<R> results;
        try {
            results = tx.write(t -> {
                List<R> out = new ArrayList<>(group.size());
                for (Member<R> m : group) {
                    out.add(m.work.apply(t));
                }
                return out;
            });
        } catch (RuntimeException e) {
            if (group.size() > 1) {
                LOG.debug("intake group rolled back, its {} members run alone cause={}", group.size(), e.toString());
            }
            finish(group, null, null);
            return;
        } catch (Error e) {
            finish(group, null, e);
            throw e;
        }
        finish(group, results, null);
    }

    private void finish(List<Member<R>> group, List<R> results, Error failure) {
        synchronized (this) {
            for (int i = 0; i < group.size(); i++) {
                Member<R> m = group.get(i);
                m.result = results == null ? null : results.get(i);
                m.alone = results == null && failure == null;
                m.failure = failure;
                m.done = true;
            }
            notifyAll();
        }
    }

    /** One caller's unit of work and, once its group has ended, the outcome. Guarded by the GroupCommit. */
    private static final class Member<R> {
        final Function<Tx, R> work;
        boolean done;
        boolean alone;
        boolean interrupted;
        R result;
        Error failure;

        Member(Function<Tx, R> work) {
            this.work = work;
        }
    }
}
