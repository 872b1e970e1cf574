package io.careloop.engine.privacy;

import io.careloop.engine.attachment.TicketAttachments;
import io.careloop.engine.audit.AuditRedaction;
import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.background.Ticker;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.RegulatedRecords;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention policy at work: erases the texts of closed tickets past their retention period
 * ({@link RetentionPolicy}) and rewrites the audit events about them, ticket by ticket.
 *
 * <p>Crash-safe: each ticket is anonymised, and its audit line written, in one transaction of its
 * own, and the next run picks up where a crashed one stopped (it selects tickets not anonymised
 * yet). Once across nodes: the daily run starts only on the node that moves the one
 * {@code retention_run} row's start time (one UPDATE; the others find it moved); a manual run and a
 * daily run at the same time cannot anonymise a ticket twice (the UPDATE requires
 * {@code anonymised_at IS NULL}, under the ticket's row lock).
 */
public final class Retention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 100;
    /** The daily run starts at most once in this long, whichever node asks. */
    static final Duration TURN = Duration.ofHours(23);

    /** What a run found (and did, unless a dry run). */
    public record Report(boolean dryRun, Instant closedBefore, Instant regulatedClosedBefore, long due, long regulatedDue,
                         int anonymised, int auditEventsRedacted) {
    }

    private final Transactions tx;
    private final AuditRedaction redaction;
    private final AuditTrail audit;
    private final Clock clock;
    private final RetentionPolicy policy;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private Ticker scheduler;

    private final ProcessDataScrub processData;

    private final TicketAttachments attachments;

    public Retention(Transactions tx, AuditRedaction redaction, AuditTrail audit, ProcessDataScrub processData,
                     TicketAttachments attachments, Clock clock, RetentionPolicy policy) {
        this.tx = tx;
        this.attachments = attachments;
        this.processData = processData;
        this.redaction = redaction;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /** Runs now: counts what is due and, unless {@code dryRun}, anonymises it. */
    public Report run(boolean dryRun, String actor) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(policy.closedTickets());
        Instant regulatedCutoff = policy.regulated() == null ? null : now.minus(policy.regulated());
        long due = count(cutoff, false);
        long regulatedDue = regulatedCutoff == null ? 0 : count(regulatedCutoff, true);
        if (dryRun) {
            return new Report(true, cutoff, regulatedCutoff, due, regulatedDue, 0, 0);
        }
        int[] done = anonymiseAll(cutoff, false, policy.closedTickets(), actor);
        if (regulatedCutoff != null) {
            int[] regulated = anonymiseAll(regulatedCutoff, true, policy.regulated(), actor);
            done[0] += regulated[0];
            done[1] += regulated[1];
        }
        Report report = new Report(false, cutoff, regulatedCutoff, due, regulatedDue, done[0], done[1]);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("closedBefore", cutoff.toString());
        summary.put("regulatedClosedBefore", regulatedCutoff == null ? null : regulatedCutoff.toString());
        summary.put("anonymised", done[0]);
        summary.put("auditEventsRedacted", done[1]);
        tx.write(t -> {
            audit.record(t, actor, "retention.run", "retention", now.toString(), null, summary, "retention policy");
            return null;
        });
        LOG.info("retention.run anonymised={} auditRedacted={} by={}", done[0], done[1], actor);
        return report;
    }

    /** Schedules the daily run: checked every hour, started on one node a day. */
    public synchronized void start() {
        if (scheduler != null || !policy.scheduled()) {
            return;
        }
        scheduler = Ticker.start("retention", Duration.ofMinutes(5), Duration.ofHours(1), this::runIfOurTurn);
    }

    /** Runs when this node takes the day's turn; answers whether it did. */
    public boolean runIfOurTurn() {
        try {
            Instant now = clock.instant();
            int taken = tx.write(t -> t.mapper(PrivacyMapper.class).takeRetentionTurn(now, now.minus(TURN), node));
            if (taken == 1) {
                run(false, "retention");
                return true;
            }
        } catch (RuntimeException e) {
            LOG.warn("retention.failed (the next run continues)", e);
        }
        return false;
    }

    private long count(Instant cutoff, boolean regulated) {
        return tx.read(s -> s.getMapper(PrivacyMapper.class).countRetentionDue(cutoff, regulated, RegulatedRecords.CATEGORIES));
    }

    private int[] anonymiseAll(Instant cutoff, boolean regulated, Duration period, String actor) {
        int[] done = new int[2];
        while (true) {
            List<Ticket> batch = tx.read(s -> s.getMapper(PrivacyMapper.class)
                    .retentionDue(cutoff, regulated, RegulatedRecords.CATEGORIES, BATCH));
            int before = done[0];
            for (Ticket t : batch) {
                int redacted = anonymise(t.number(), period, actor);
                if (redacted >= 0) {
                    done[0]++;
                    done[1] += redacted;
                }
            }
            if (batch.size() < BATCH || done[0] == before) {
                return done;
            }
        }
    }

    /** One ticket in one transaction; -1 when another run got there first. */
    private int anonymise(String number, Duration period, String actor) {
        return tx.write(t -> {
            Ticket ticket = t.mapper(TicketMapper.class).findByNumberForUpdate(number);
            Instant now = clock.instant();
            Scrub scrub = Scrub.anonymous();
            if (!Erasure.rewriteTicket(t, ticket, scrub, true, now)) {
                return -1;
            }
            processData.rewrite(t, number, scrub, true);
            attachments.scrub(t, ticket.id(), true, UnaryOperator.identity());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("closedAt", ticket.closedAt() == null ? null : ticket.closedAt().toString());
            summary.put("retention", period.toString());
            AuditRedaction.Result r = redaction.redact(t, List.of(new AuditRedaction.Entity("ticket", number)),
                    new AuditRedaction.Rewrite() {
                        @Override
                        public String snapshot(AuditRedaction.Entity about, String json) {
                            return scrub.snapshot(json, true);
                        }

                        @Override
                        public String reason(AuditRedaction.Entity about, String reason) {
                            return scrub.erase(reason);
                        }
                    }, actor, "ticket.anonymised", "ticket", number, summary,
                    "retention: closed longer than " + period);
            return r.redacted().size();
        });
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }
}
