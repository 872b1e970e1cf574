package io.careloop.engine.quality;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.db.Sql;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.engine.ticket.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Product-quality complaints (quality-complaint.bpmn): product, lot, expiry and sample return on
 * the ticket, the quality investigation, and recurrence detection: from N complaints about one
 * product and lot in a window (quality-complaint-policy.dmn) a CAPA links every complaint of the
 * cluster; a later complaint joins the open CAPA instead of opening a second one.
 */
public final class QualityComplaintService {

    public static final String PROCESS_KEY = "quality-complaint";
    private static final Logger LOG = LoggerFactory.getLogger(QualityComplaintService.class);
    /** API step name → user task id. */
    static final Map<String, String> STEPS = Map.of("details", "capture-details", "sample-return", "sample-return",
            "investigate", "investigate", "capa", "capa");
    private static final int ATTEMPTS = 4;

    private final Transactions tx;
    private final ProcessEngine engine;
    private final TicketService tickets;
    private final AuditTrail audit;
    private final Clock clock;

    public QualityComplaintService(Transactions tx, ProcessEngine engine, TicketService tickets, AuditTrail audit,
                                   Clock clock) {
        this.tx = tx;
        this.engine = engine;
        this.tickets = tickets;
        this.audit = audit;
        this.clock = clock;
    }

    public static void bind(QualityComplaintBean bean, QualityComplaintService service) {
        bean.bind(service);
    }

    /** What the recurrence check found: the CAPA the complaint is linked to (or null), and whether it opened it. */
    public record Recurrence(String capaNumber, boolean opened) {
    }

    /**
     * Records product, lot, expiry and whether the sample is asked back. The first time, this
     * completes the process's {@code capture-details} step, which checks recurrence in the same
     * transaction; later calls correct the record (the recurrence check is not repeated).
     */
    public QualityComplaintView recordDetails(String number, String product, String lot, String expiry,
                                              Boolean sampleRequested, String reason, String actor) {
        String why = QualityInput.requireReason(number, reason);
        String p = QualityInput.text("product", product, 200, true);
        String l = QualityInput.text("lot", lot, 100, true);
        LocalDate exp = QualityInput.date(expiry);
        boolean sample = Boolean.TRUE.equals(sampleRequested);
        retrying(() -> tx.write(t -> {
            QualityMapper m = t.mapper(QualityMapper.class);
            QualityComplaint before = complaintForUpdate(m, number);
            Task task = task(number, "capture-details");
            boolean first = task != null;
            QualityComplaint after = new QualityComplaint(before.ticketId(), number, p, QualityComplaint.productKey(p),
                    QualityComplaint.lotKey(l), exp, sample, first ? (sample ? "requested" : "none") : before.sampleStatus(),
                    before.sampleCondition(), before.investigation(), before.findings(), before.rootCause(),
                    before.capaId(), before.status(), before.receivedAt(), clock.instant());
            m.updateComplaint(after);
            audit.record(t, actor, "ticket.quality-details", "ticket", number, snapshot(before), snapshot(after), why);
            if (first) {
                Map<String, Object> vars = new HashMap<>();
                vars.put("product", p);
                vars.put("lot", after.lot());
                vars.put("expiry", exp == null ? null : exp.toString());
                vars.put("sampleRequested", sample);
                engine.getTaskService().complete(task.getId(), vars);
            }
            return null;
        }));
        return view(number);
    }

    /**
     * Quality completes a step: {@code sample-return} (sampleReceived, sampleCondition),
     * {@code investigate} (findings, rootCause, confirmed) or {@code capa} (capaAction; on any ticket
     * of the cluster it completes the cluster's one CAPA).
     */
    public QualityComplaintView completeStep(String number, String step, Map<String, Object> values, String reason,
                                             String actor) {
        String taskKey = STEPS.get(step);
        if (taskKey == null || taskKey.equals("capture-details")) {
            throw new InvalidInputException("step", "step must be sample-return, investigate or capa");
        }
        String why = QualityInput.requireReason(number, reason);
        Map<String, Object> in = values == null ? Map.of() : values;
        Map<String, Object> vars = new HashMap<>();
        switch (taskKey) {
            case "sample-return" -> {
                vars.put("sampleReceived", QualityInput.bool(in, "sampleReceived"));
                vars.put("sampleCondition", QualityInput.text("sampleCondition", in.get("sampleCondition"), 2000, false));
            }
            case "investigate" -> {
                vars.put("findings", QualityInput.text("findings", in.get("findings"), 10_000, true));
                vars.put("rootCause", QualityInput.text("rootCause", in.get("rootCause"), 2000, false));
                vars.put("confirmed", QualityInput.bool(in, "confirmed"));
            }
            default -> vars.put("capaAction", QualityInput.text("capaAction", in.get("capaAction"), 10_000, true));
        }
        tx.write(t -> {
            QualityMapper m = t.mapper(QualityMapper.class);
            QualityComplaint c = complaintForUpdate(m, number);
            String owner = number;
            if (taskKey.equals("capa")) {
                if (c.capaId() == null) {
                    throw new ConflictException("ticket " + number + " is linked to no CAPA");
                }
                owner = m.capa(c.capaId()).openedBy();
            }
            Task task = task(owner, taskKey);
            if (task == null) {
                throw new ConflictException("the quality complaint of " + number + " is not waiting for '" + step + "'");
            }
            Map<String, Object> after = new HashMap<>(vars);
            after.put("step", step);
            audit.record(t, actor, "ticket.quality-" + step, "ticket", number, snapshot(c), after, why);
            engine.getTaskService().complete(task.getId(), vars);
            return null;
        });
        return view(number);
    }

    /** The ticket's quality complaint with its open steps and its CAPA. */
    public QualityComplaintView view(String number) {
        return find(number).orElseThrow(() -> {
            tickets.find(number); // 404 for an unknown ticket
            return new ConflictException("ticket " + number + " is not a product-quality complaint");
        });
    }

    /** The ticket's quality complaint, or empty when the ticket has none (any other category). */
    public java.util.Optional<QualityComplaintView> find(String number) {
        return tx.read(s -> {
            QualityMapper m = s.getMapper(QualityMapper.class);
            QualityComplaint c = m.find(number);
            if (c == null) {
                return java.util.Optional.<QualityComplaintView>empty();
            }
            QualityComplaintView.CapaView capa = c.capaId() == null ? null : Capas.view(m, m.capa(c.capaId()));
            List<String> open = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(number).list().stream().map(Task::getTaskDefinitionKey)
                    .map(QualityComplaintService::stepOf).sorted().toList();
            return java.util.Optional.of(new QualityComplaintView(number, c.product(), c.lot(), c.expiry(),
                    Boolean.TRUE.equals(c.sampleRequested()), c.sampleStatus(), c.sampleCondition(), c.investigation(),
                    c.findings(), c.rootCause(), c.status(), open, capa));
        });
    }

    /**
     * Why the ticket cannot close yet: its quality-complaint process still runs (named with the
     * steps it waits for), or null when it has none or it has finished. Asks the process engine,
     * not our table, so it is true to the process state; joins the caller's transaction.
     */
    public String openWork(String number) {
        long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(number).count();
        if (running == 0) {
            return null;
        }
        List<String> steps = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(number).list().stream().map(Task::getTaskDefinitionKey)
                .map(QualityComplaintService::stepOf).distinct().sorted().toList();
        return "ticket " + number + " has a quality complaint still running" + (steps.isEmpty() ? ""
                : " (waiting for: " + String.join(", ", steps) + ")")
                + ": it cannot be closed until quality has finished the investigation";
    }

    /**
     * Opens the quality complaint of a ticket that became a product-quality ticket after intake
     * (reclassification), in the caller's transaction; nothing when it has one.
     */
    public void openIfAbsent(String number) {
        boolean exists = tx.write(t -> t.mapper(QualityMapper.class).find(number) != null);
        if (!exists) {
            open(number);
        }
    }

    // ---- called by the bean, in the process's transaction ----

    void open(String number) {
        tx.write(t -> {
            Ticket ticket = t.mapper(TicketMapper.class).findByNumber(number);
            Instant now = clock.instant();
            t.mapper(QualityMapper.class).insertComplaint(new QualityComplaint(ticket.id(), number, ticket.product(),
                    QualityComplaint.productKey(ticket.product()), QualityComplaint.lotKey(ticket.lot()),
                    null, false, "none", null, "pending", null, null, null, "open", ticket.receivedAt(), now));
            engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, number, Map.of("ticketNumber", number));
            return null;
        });
        tickets.recordProcessStep(number, "ticket.quality-complaint-opened",
                "quality complaint opened: product, lot, expiry and sample return to record");
    }

    Recurrence checkRecurrence(String number, int threshold, String window) {
        Duration within = Duration.parse(window);
        Instant now = clock.instant();
        Recurrence result = tx.write(t -> {
            QualityMapper m = t.mapper(QualityMapper.class);
            QualityComplaint c = m.find(number);
            if (m.lotExists(c.productKey(), c.lot()) == 0) {
                m.insertLot(c.productKey(), c.lot()); // a concurrent first complaint of the lot: the caller retries
            }
            m.lockLot(c.productKey(), c.lot());
            Capa open = m.openCapa(c.productKey() + "|" + c.lot());
            if (open != null) {
                m.link(open.id(), List.of(number), now);
                return new Recurrence(open.number(), false);
            }
            List<String> cluster = m.unlinkedSince(c.productKey(), c.lot(), now.minus(within));
            if (cluster.size() < threshold) {
                return new Recurrence(null, false);
            }
            GeneratedKey key = new GeneratedKey();
            m.insertCapa(new Capa(null, c.product(), c.productKey(), c.lot(), "open", number, now, null, null), key);
            m.link(key.getId(), cluster, now);
            LOG.info("quality.capa-opened capa={} ticket={} complaints={}", Capa.number(key.getId()), number, cluster.size());
            return new Recurrence(Capa.number(key.getId()), true);
        });
        if (result.capaNumber() == null) {
            tickets.recordProcessStep(number, "ticket.quality-recurrence-checked", "no recurrence: fewer than "
                    + threshold + " complaints about this product and lot in " + within.toDays() + " days");
        } else if (!result.opened()) {
            tickets.recordProcessStep(number, "ticket.capa-linked", "linked to open " + result.capaNumber()
                    + " (same product and lot)");
        } else {
            List<String> cluster = tx.write(t -> {
                QualityMapper m = t.mapper(QualityMapper.class);
                return m.linkedTickets(m.find(number).capaId());
            });
            for (String n : cluster) {
                tickets.recordProcessStep(n, "ticket.capa-linked", result.capaNumber() + " opened: " + cluster.size()
                        + " complaints about this product and lot in " + within.toDays() + " days (" + String.join(", ", cluster) + ")");
            }
        }
        return result;
    }

    void sampleOverdue(String number, String within) {
        tickets.recordProcessStep(number, "ticket.sample-overdue", "the returned sample has not arrived within " + within);
    }

    void sampleRecorded(String number, boolean received, String condition) {
        update(number, c -> new QualityComplaint(c.ticketId(), c.ticketNumber(), c.product(), c.productKey(), c.lot(),
                c.expiry(), c.sampleRequested(), received ? "received" : "not-returned", condition, c.investigation(),
                c.findings(), c.rootCause(), c.capaId(), c.status(), c.receivedAt(), clock.instant()));
        tickets.recordProcessStep(number, "ticket.sample-recorded", received
                ? "sample received" + (condition == null ? "" : ": " + condition) : "the sample was not returned");
    }

    void investigated(String number, boolean confirmed, String findings, String rootCause) {
        update(number, c -> new QualityComplaint(c.ticketId(), c.ticketNumber(), c.product(), c.productKey(), c.lot(),
                c.expiry(), c.sampleRequested(), c.sampleStatus(), c.sampleCondition(),
                confirmed ? "confirmed" : "not-confirmed", findings, rootCause, c.capaId(), c.status(), c.receivedAt(),
                clock.instant()));
        tickets.recordProcessStep(number, "ticket.quality-investigated", (confirmed ? "defect confirmed" : "defect not confirmed")
                + (rootCause == null ? "" : "; root cause: " + rootCause));
    }

    void capaDone(String number, String action) {
        List<String> linked = tx.write(t -> {
            QualityMapper m = t.mapper(QualityMapper.class);
            long capaId = m.find(number).capaId();
            m.closeCapa(capaId, action, clock.instant());
            return m.linkedTickets(capaId);
        });
        QualityComplaint c = tx.write(t -> t.mapper(QualityMapper.class).find(number));
        for (String n : linked) {
            tickets.recordProcessStep(n, "ticket.capa-closed", Capa.number(c.capaId()) + " closed: " + action);
        }
    }

    void closed(String number) {
        update(number, c -> new QualityComplaint(c.ticketId(), c.ticketNumber(), c.product(), c.productKey(), c.lot(),
                c.expiry(), c.sampleRequested(), c.sampleStatus(), c.sampleCondition(), c.investigation(), c.findings(),
                c.rootCause(), c.capaId(), "closed", c.receivedAt(), clock.instant()));
        tickets.recordProcessStep(number, "ticket.quality-complaint-closed", "quality complaint closed");
    }

    // ---- helpers ----

    private void update(String number, Function<QualityComplaint, QualityComplaint> change) {
        tx.write(t -> {
            QualityMapper m = t.mapper(QualityMapper.class);
            m.updateComplaint(change.apply(m.findForUpdate(number)));
            return null;
        });
    }

    private QualityComplaint complaintForUpdate(QualityMapper m, String number) {
        QualityComplaint c = m.findForUpdate(number);
        if (c == null) {
            tickets.find(number); // 404 for an unknown ticket
            throw new ConflictException("ticket " + number + " is not a product-quality complaint");
        }
        return c;
    }

    private Task task(String businessKey, String taskKey) {
        return engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    }

    /** Two complaints of a new lot at once both insert its lock row; the loser runs again and finds it. */
    private static void retrying(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (PersistenceException | org.camunda.bpm.engine.ProcessEngineException e) {
                boolean retriable = Sql.isUniqueViolation(e) || Sql.isLockConflict(e)
                        || e instanceof org.camunda.bpm.engine.OptimisticLockingException;
                if (!retriable || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("quality.details retried attempt={}", attempt);
            }
        }
    }

    private static String stepOf(String taskKey) {
        return STEPS.entrySet().stream().filter(e -> e.getValue().equals(taskKey)).map(Map.Entry::getKey)
                .findFirst().orElse(taskKey);
    }

    private static Map<String, Object> snapshot(QualityComplaint c) {
        Map<String, Object> m = new HashMap<>();
        m.put("product", c.product());
        m.put("lot", c.lot());
        m.put("expiry", c.expiry() == null ? null : c.expiry().toString());
        m.put("sampleRequested", c.sampleRequested());
        m.put("sampleStatus", c.sampleStatus());
        m.put("investigation", c.investigation());
        m.put("capaId", c.capaId());
        m.put("status", c.status());
        return m;
    }
}
