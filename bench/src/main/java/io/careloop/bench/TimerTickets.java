package io.careloop.bench;

import io.careloop.engine.CareLoop;
import io.careloop.engine.intake.IntakeResult;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import java.sql.Connection;
import java.time.Duration;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * The tickets of {@link TimerBench}: real tickets opened through CareLoop's intake (ledger, ticket row,
 * audit event, ticket-lifecycle started up to "Handle ticket" with its four SLA boundary timer jobs),
 * {@value #BATCH} intakes per transaction so that 100,000 timers are made in minutes instead of an hour
 * of one commit per ticket. Then a chosen SLA timer of some tickets is made due at one moment with the
 * engine's own {@link ManagementService#setJobDuedate} (what an SLA clock that moved does), so that the
 * job that fires is the real one and runs the real delegate (ticket update, escalation, audit).
 */
final class TimerTickets {

    static final int BATCH = 100;
    /** The four SLA timers of ticket-lifecycle (boundary events of "Handle ticket"). */
    static final List<String> SLA_TIMERS = List.of("first-response-warning", "first-response-breach",
            "resolution-warning", "resolution-breach");

    /** A ticket and its process instance. */
    record Made(String number, String processInstanceId) {
    }

    private static final Category[] CATEGORIES = {Category.SERVICE_PROCESS, Category.CUSTOMER_RELATIONSHIP,
            Category.MEDICAL_INQUIRY};
    private static final Severity[] SEVERITIES = {Severity.LOW, Severity.MEDIUM, Severity.HIGH};

    private final CareLoop careLoop;
    private final CommandExecutor commands;
    private final AtomicInteger made = new AtomicInteger();

    TimerTickets(CareLoop careLoop) {
        this.careLoop = careLoop;
        this.commands = ((ProcessEngineConfigurationImpl) careLoop.processEngine().getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /**
     * Opens {@code count} tickets, {@value #BATCH} per transaction, on {@code threads} threads (a batch
     * that fails is tried again whole). Categories without a follow-on process (service process,
     * customer relationship, medical inquiry), so each ticket holds exactly its four SLA timers, due
     * hours or days ahead. Answers the tickets in the order of their batches.
     */
    List<Made> open(int count, int threads) throws Exception {
        int base = made.getAndAdd(count);
        List<Future<List<Made>>> batches = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int from = 0; from < count; from += BATCH) {
                int first = base + from;
                int n = Math.min(BATCH, count - from);
                batches.add(pool.submit(() -> batch(first, n)));
            }
            List<Made> out = new ArrayList<>(count);
            for (Future<List<Made>> f : batches) {
                out.addAll(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Made> batch(int first, int n) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.execute(ctx -> {
                    List<Made> batch = new ArrayList<>(n);
                    for (int k = first; k < first + n; k++) {
                        TicketDraft draft = new TicketDraft("timer bench ticket " + k, "Order " + k
                                + " was delivered late; please call back.", Channel.EMAIL, CATEGORIES[k % CATEGORIES.length],
                                SEVERITIES[(k / 3) % SEVERITIES.length], null, null, null, null, null);
                        IntakeResult r = careLoop.intake().intake(draft, "bench", "timer-" + k, "bench");
                        batch.add(new Made(r.ticket().number(), r.ticket().processInstanceId()));
                    }
                    return batch;
                });
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Makes the timer {@code timerOf(i)} of ticket {@code i} due at {@code dueAtOf(i)}, 500 per transaction;
     * answers the process instance ids whose timer was moved, each with its new due date, in ticket order.
     */
    Map<String, Date> makeDue(List<Made> tickets, java.util.function.IntFunction<String> timerOf,
                              java.util.function.IntFunction<Date> dueAtOf) throws SQLException {
        List<String> jobIds = new ArrayList<>(tickets.size());
        List<Date> dueDates = new ArrayList<>(tickets.size());
        Map<String, Date> instances = new java.util.LinkedHashMap<>();
        try (Connection c = careLoop.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT j.ID_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ "
                     + "WHERE j.PROCESS_INSTANCE_ID_ = ? AND d.ACT_ID_ = ?")) {
            for (int i = 0; i < tickets.size(); i++) {
                ps.setString(1, tickets.get(i).processInstanceId());
                ps.setString(2, timerOf.apply(i));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Date due = dueAtOf.apply(i);
                        jobIds.add(rs.getString(1));
                        dueDates.add(due);
                        instances.put(tickets.get(i).processInstanceId(), due);
                    }
                }
            }
        }
        ManagementService management = careLoop.processEngine().getManagementService();
        for (int from = 0; from < jobIds.size(); from += 500) {
            int start = from;
            int end = Math.min(jobIds.size(), from + 500);
            commands.execute(ctx -> {
                for (int j = start; j < end; j++) {
                    management.setJobDuedate(jobIds.get(j), dueDates.get(j));
                }
                return null;
            });
        }
        return instances;
    }

    /**
     * The shortcut for the active timers that never fall due in the bench: {@code count} copies of the
     * SLA timer jobs of the tickets opened so far, inserted by JDBC, 1,000 per commit. Every column is
     * the real job's (job definition, handler, exclusive, retries, suspension state) but the id, the
     * due date (spread over the next 2 to 30 days, as the real ones) and the process instance and
     * execution ids, which name no execution: the rows the acquisition query reads, without the
     * minutes of process starts behind them. They are never due while the bench runs.
     */
    void copyTimers(int count) throws SQLException {
        try (Connection c = careLoop.database().dataSource().getConnection()) {
            List<Map<String, Object>> templates = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ACT_RU_JOB WHERE TYPE_ = 'timer' LIMIT 400");
                 ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnName(i).toUpperCase(java.util.Locale.ROOT));
                }
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.put(columns.get(i - 1), rs.getObject(i));
                    }
                    templates.add(row);
                }
            }
            if (templates.isEmpty()) {
                throw new IllegalStateException("no timer job to copy");
            }
            String sql = "INSERT INTO ACT_RU_JOB (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            try (PreparedStatement ins = c.prepareStatement(sql)) {
                for (int n = 0; n < count; n++) {
                    Map<String, Object> row = new LinkedHashMap<>(templates.get(n % templates.size()));
                    String instance = "bench-copy-" + (n / 4);
                    row.put("ID_", java.util.UUID.randomUUID().toString());
                    row.put("REV_", 1);
                    row.put("PROCESS_INSTANCE_ID_", instance);
                    row.put("ROOT_PROC_INST_ID_", instance);
                    row.put("EXECUTION_ID_", instance + "-" + (n % 4));
                    row.put("LOCK_OWNER_", null);
                    row.put("LOCK_EXP_TIME_", null);
                    row.put("DUEDATE_", new java.sql.Timestamp(now + Duration.ofDays(2).toMillis()
                            + (long) n * Duration.ofDays(28).toMillis() / Math.max(1, count)));
                    int i = 1;
                    for (String col : columns) {
                        ins.setObject(i++, row.get(col));
                    }
                    ins.addBatch();
                    if (n % 1000 == 999 || n == count - 1) {
                        ins.executeBatch();
                        c.commit();
                    }
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Timer jobs in the table now. */
    long timerJobs() {
        return careLoop.processEngine().getManagementService().createJobQuery().timers().count();
    }
}
