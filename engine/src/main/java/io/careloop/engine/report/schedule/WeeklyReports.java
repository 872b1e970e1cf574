package io.careloop.engine.report.schedule;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.background.Ticker;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.report.KpiTable;
import io.careloop.engine.report.Kpis;
import io.careloop.engine.report.ReportFilter;
import io.careloop.engine.report.ReportService;
import io.careloop.engine.report.Xlsx;
import io.careloop.engine.ticket.TicketScope;
import io.careloop.plugin.api.Attachment;
import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.Notification;
import io.careloop.plugin.api.OutboundMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the weekly reports. Every node ticks each minute; a due report is sent by the one node
 * that inserts its {@code report_delivery} row (unique per schedule and due time), a failed send
 * by the one node whose UPDATE takes the retry (status and attempts unchanged since it read them).
 * A node that dies while sending leaves the row {@code sending} until {@code claimed_until}; then
 * another node takes it again. The KPI summary is the mail's text and every KPI table its XLSX
 * attachment; each send and each failure is an audit event on the schedule.
 *
 * <p>Exactly once as far as the database can tell: a crash between the channel's hand-over and
 * the commit of {@code sent} sends again after {@link #CLAIM}; the notification's key (schedule and
 * due day) is the e-mail's Message-ID, so a mail system can drop that second copy.
 */
public final class WeeklyReports implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReports.class);
    /** How long a node holds a delivery it is sending (the plugin call limit is far below). */
    static final Duration CLAIM = Duration.ofMinutes(10);
    /** After this many failed attempts a delivery stays failed ({@code gave-up}); the API shows it. */
    public static final int MAX_ATTEMPTS = 6;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Transactions tx;
    private final ReportService reports;
    private final AuditTrail audit;
    private final NotificationPort port;
    private final Clock clock;
    private final String node;
    private Ticker scheduler;

    public WeeklyReports(Transactions tx, ReportService reports, AuditTrail audit, NotificationPort port, Clock clock) {
        this(tx, reports, audit, port, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    /** As the other constructor, with the name this node claims deliveries by (tests run two "nodes" in one JVM). */
    public WeeklyReports(Transactions tx, ReportService reports, AuditTrail audit, NotificationPort port, Clock clock,
                         String node) {
        this.tx = tx;
        this.reports = reports;
        this.audit = audit;
        this.port = port;
        this.clock = clock;
        this.node = node;
    }

    /** Ticks every minute on this node. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Ticker.start("weekly-reports", Duration.ofSeconds(1), Duration.ofMinutes(1), this::tickQuietly);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("weekly-reports.tick-failed (the next tick goes on)", e);
        }
    }

    /** Sends what is due and retries what failed; answers how many this node sent. */
    public int tick() {
        Instant now = clock.instant();
        int sent = 0;
        for (ReportSchedule s : tx.read(x -> x.getMapper(ScheduleMapper.class).all())) {
            if (!Boolean.TRUE.equals(s.enabled())) {
                continue;
            }
            Instant due = s.lastDueAt(now);
            if (due.isBefore(s.createdAt())) {
                continue; // created after that week's time: its first report is next week's
            }
            Long id = claimNew(s, due, now);
            if (id != null && send(s, id)) {
                sent++;
            }
        }
        for (ReportDelivery d : tx.read(x -> x.getMapper(ScheduleMapper.class).retryable(now))) {
            int taken = tx.write(t -> t.mapper(ScheduleMapper.class).claimRetry(d.id(), d.status(), d.attempts(), node,
                    now.plus(CLAIM)));
            if (taken == 1 && send(tx.read(x -> x.getMapper(ScheduleMapper.class).find(d.scheduleId())), d.id())) {
                sent++;
            }
        }
        return sent;
    }

    private Long claimNew(ReportSchedule s, Instant due, Instant now) {
        try {
            return tx.write(t -> {
                ScheduleMapper m = t.mapper(ScheduleMapper.class);
                if (m.claimNew(s.id(), due, s.periodFrom(due), s.periodTo(due), node, now.plus(CLAIM)) != 1) {
                    return null;
                }
                return m.claimedId(s.id(), due, node);
            });
        } catch (RuntimeException e) {
            // the other node inserted the same (schedule, due) between our check and our insert
            LOG.debug("weekly-reports.claim-lost schedule={} due={}", s.id(), due);
            return null;
        }
    }

    /** Sends one claimed delivery and records the outcome with its audit event; answers whether it went out. */
    private boolean send(ReportSchedule s, long deliveryId) {
        ReportDelivery d = tx.read(x -> x.getMapper(ScheduleMapper.class).delivery(deliveryId));
        DeliveryReceipt receipt;
        try {
            receipt = port.send(notification(s, d));
        } catch (Exception e) {
            failed(s, d, e);
            return false;
        }
        Instant at = clock.instant();
        String messageId = receipt == null ? null : receipt.messageId();
        tx.write(t -> {
            if (t.mapper(ScheduleMapper.class).markSent(d.id(), node, messageId, at) == 1) {
                audit.record(t, "system", "report.weekly-sent", "report-schedule", s.id().toString(), null,
                        facts(s, d, Map.of("messageId", String.valueOf(messageId))), null);
            }
            return null;
        });
        LOG.info("weekly-reports.sent schedule={} due={} attempt={} message={}", s.id(), d.dueAt(), d.attempts(), messageId);
        return true;
    }

    private void failed(ReportSchedule s, ReportDelivery d, Exception e) {
        String error = (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        String cut = error.length() > 2000 ? error.substring(0, 2000) : error;
        boolean giveUp = d.attempts() >= MAX_ATTEMPTS;
        Instant next = giveUp ? null : clock.instant().plus(backoff(d.attempts()));
        tx.write(t -> {
            if (t.mapper(ScheduleMapper.class).markFailed(d.id(), node, giveUp ? "gave-up" : "failed", cut, next) == 1) {
                audit.record(t, "system", "report.weekly-failed", "report-schedule", s.id().toString(), null,
                        facts(s, d, Map.of("error", cut, "nextAttemptAt", String.valueOf(next))), null);
            }
            return null;
        });
        LOG.warn("weekly-reports.failed schedule={} due={} attempt={} next={}: {}", s.id(), d.dueAt(), d.attempts(), next, cut);
    }

    /** 5 min, 15 min, 45 min, … after attempt 1, 2, 3 …, at most 6 h. */
    static Duration backoff(int attempt) {
        long minutes = 5L * (long) Math.pow(3, Math.max(0, attempt - 1));
        return Duration.ofMinutes(Math.min(minutes, 360));
    }

    private static Map<String, Object> facts(ReportSchedule s, ReportDelivery d, Map<String, String> more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("delivery", d.id());
        m.put("dueAt", d.dueAt().toString());
        m.put("period", d.periodFrom() + ".." + d.periodTo());
        m.put("attempt", d.attempts());
        m.put("recipients", s.recipientList().size());
        m.putAll(more);
        return m;
    }

    /** The mail: the KPI summary as text, every KPI table in the XLSX. */
    Notification notification(ReportSchedule s, ReportDelivery d) throws IOException {
        ReportFilter f = ReportFilter.parse(d.periodFrom().toString(), d.periodTo().toString(), s.filterTeam(),
                s.filterQueue(), null, s.filterCategory(), s.filterProduct(), s.filterTier());
        Kpis k = reports.kpis(f, TicketScope.ALL);
        List<KpiTable> tables = KpiTable.all(k);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Xlsx.write(tables, xlsx);
        byte[] bytes = xlsx.toByteArray();
        String filters = k.period().filters().isEmpty() ? "" : "\n" + k.period().filters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        String body = "CareLoop 周报 / weekly report: " + s.name() + "\n" + f.from() + " – " + f.to() + " ("
                + k.period().zone() + ")" + filters + "\n\n" + summary(tables.get(0))
                + "\n每个表格见附件 XLSX / every table is in the attached XLSX.\n";
        String subject = "CareLoop 周报 / weekly report " + s.name() + " " + f.from() + " – " + f.to();
        String key = "weekly-report-" + s.id() + "-" + d.dueAt().atZone(java.time.ZoneId.of(s.timeZone())).toLocalDate();
        return new Notification(key, s.recipientList().stream().map(r -> new OutboundMessage.Recipient(null, r, null)).toList(),
                subject, body, List.of(new Attachment("careloop-weekly-" + f.from() + "_" + f.to() + ".xlsx", XLSX,
                        bytes.length, null, () -> new ByteArrayInputStream(bytes))));
    }

    /** One line per KPI of the summary table: "kpi: value (count of of)". */
    static String summary(KpiTable t) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> row : t.rows()) {
            sb.append(row.get(0)).append(": ").append(row.get(1) == null ? "—" : row.get(1));
            if (row.get(2) != null) {
                sb.append(" (").append(row.get(2)).append(row.get(3) == null ? "" : " / " + row.get(3)).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }
}
