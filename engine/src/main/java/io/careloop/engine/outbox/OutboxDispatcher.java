package io.careloop.engine.outbox;

import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of messages to customers: agents' replies, survey invitations and reminders.
 * {@link #enqueue} writes a row in the transaction that decided the message (the reply, the
 * resolution that starts the feedback loop), so a message that commits is never lost and one that
 * rolls back is never sent, and the caller never waits for the channel. After commit, and
 * every few seconds where background work runs, {@link #dispatchDue} sends what is due through the
 * {@link Sender} (the plugin that serves the ticket's channel): it first claims the row (a
 * compare-and-set on state and attempt count, so two nodes never send the same row at once), then
 * marks it sent, or queues it again with exponential back-off, or gives up after the last attempt.
 * A crash between the channel's hand-over and "sent" leaves the row in {@code sending}; after the
 * lease it is sent again with the same idempotency key, which the channel turns into the same
 * Message-ID, so the receiver sees one message, not two.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** Sends one message; throws when it could not be handed over (the dispatcher retries). */
    @FunctionalInterface
    public interface Sender {
        Sent send(OutboxMessage message) throws Exception;
    }

    /** Where a message went: the plugin and the id the message carries. */
    public record Sent(String pluginId, String messageId) {
    }

    /**
     * How often and how long to try.
     *
     * @param attempts how many attempts before the message is failed
     * @param first    the wait after the first failed attempt; doubled each time up to {@code longest}
     * @param lease    how long a claimed send may take before the row counts as left behind by a crash
     */
    public record Policy(int attempts, Duration first, Duration longest, Duration lease) {

        public static final Policy DEFAULTS = new Policy(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(10));

        Duration backoff(int attempt) {
            Duration d = first.multipliedBy(1L << Math.min(attempt - 1, 20));
            return d.compareTo(longest) > 0 ? longest : d;
        }
    }

    private final Transactions tx;
    private final Sender sender;
    private final ChannelCheck channels;
    private final Clock clock;
    private final Policy policy;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile AfterSent afterSent = (t, m, sent) -> { };

    /** Whether any loaded plugin serves a channel (checked when a reply is queued). */
    @FunctionalInterface
    public interface ChannelCheck {
        boolean served(String channel);
    }

    public OutboxDispatcher(Transactions tx, Sender sender, ChannelCheck channels, Clock clock, Policy policy) {
        this.tx = tx;
        this.sender = sender;
        this.channels = channels;
        this.clock = clock;
        this.policy = policy;
    }

    /** Work done in the transaction that marks a message sent (the survey's "invited" fact and audit event). */
    @FunctionalInterface
    public interface AfterSent {
        void sent(Tx t, OutboxMessage message, Sent sent);
    }

    /** HOOK: what else is recorded when a message has gone out (wired by the composition root). */
    public void recordSentWith(AfterSent hook) {
        this.afterSent = hook;
    }

    /**
     * Queues a reply in the caller's transaction: {@code not-sent} at once when no plugin serves the
     * channel (a web or phone ticket's reply is read in the portal or said on the phone).
     */
    public void enqueue(Tx t, String ticketNumber, long interactionId, String channel) {
        enqueue(t, OutboxMessage.REPLY, ticketNumber, interactionId, channel);
    }

    /**
     * Queues a message of {@code kind} (an {@link OutboxMessage} constant) whose text is the
     * interaction {@code interactionId}, in the caller's transaction, as {@link #enqueue(Tx, String, long, String)}.
     */
    public void enqueue(Tx t, String kind, String ticketNumber, long interactionId, String channel) {
        Instant now = clock.instant();
        boolean served = channels.served(channel);
        t.mapper(OutboxMapper.class).insert(new OutboxMessage(null, kind + "-" + UUID.randomUUID(), ticketNumber,
                interactionId, channel, served ? OutboxMessage.QUEUED : OutboxMessage.NOT_SENT, 0, now,
                served ? null : "no plugin serves channel " + channel, null, null, now, now, null, kind));
        if (served) {
            t.afterCommit(this::wake);
        }
    }

    /** Whether a loaded plugin serves {@code channel}, so that a message queued for it will be tried. */
    public boolean serves(String channel) {
        return channels.served(channel);
    }

    /** Sends what is due soon, on the dispatcher's thread (several wakes in a row make one pass). */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakePending.set(false);
                safely();
            });
        }
    }

    /** Passes over the outbox every {@code every} (on the nodes that run background work). */
    public void start(Duration every) {
        executor.scheduleWithFixedDelay(this::safely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safely() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warn("outbox.pass-failed cause={}", e.toString());
        }
    }

    /** One pass: sends every due message; answers how many went out. */
    public synchronized int dispatchDue() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxMessage> due = tx.read(s -> s.getMapper(OutboxMapper.class).due(now, now.minus(policy.lease()), 20));
            int claimedAny = 0;
            for (OutboxMessage m : due) {
                if (!claim(m)) {
                    continue;
                }
                claimedAny++;
                if (attempt(m)) {
                    sent++;
                }
            }
            if (due.size() < 20 || claimedAny == 0) {
                return sent;
            }
        }
    }

    private boolean claim(OutboxMessage m) {
        return tx.write(t -> t.mapper(OutboxMapper.class).claim(m.id(), m.state(), m.attempts(), clock.instant())) == 1;
    }

    private boolean attempt(OutboxMessage m) {
        int attempt = m.attempts() + 1;
        Sent sent;
        try {
            sent = sender.send(m);
        } catch (Exception e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            error = error.length() > 2000 ? error.substring(0, 2000) : error;
            boolean last = attempt >= policy.attempts();
            Instant now = clock.instant();
            Instant next = now.plus(policy.backoff(attempt));
            String state = last ? OutboxMessage.FAILED : OutboxMessage.QUEUED;
            String why = error;
            tx.write(t -> t.mapper(OutboxMapper.class).markAttemptFailed(m.id(), state, why, next, now));
            LOG.warn("outbox.attempt-failed ticket={} message={} attempt={} state={} next={} cause={}", m.ticketNumber(),
                    m.id(), attempt, state, last ? null : next, why);
            return false;
        }
        tx.write(t -> {
            OutboxMapper mapper = t.mapper(OutboxMapper.class);
            if (mapper.markSent(m.id(), sent.pluginId(), sent.messageId(), clock.instant()) == 0) {
                return null; // a node that took the row over after the lease recorded it
            }
            if (sent.messageId() != null) {
                mapper.recordMessageId(m.interactionId(), sent.messageId());
            }
            afterSent.sent(t, m, sent);
            return null;
        });
        LOG.info("outbox.sent ticket={} message={} kind={} plugin={} attempt={}", m.ticketNumber(), m.id(), m.kind(),
                sent.pluginId(), attempt);
        return true;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
