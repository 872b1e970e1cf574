package io.careloop.engine.feedback;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.event.DomainEvent;
import io.careloop.engine.event.DomainEvents;
import io.careloop.engine.intake.ImportLedgerMapper;
import io.careloop.engine.intake.LedgerEntry;
import io.careloop.engine.interaction.Interaction;
import io.careloop.engine.interaction.InteractionMapper;
import io.careloop.engine.outbox.OutboxDispatcher;
import io.careloop.engine.outbox.OutboxMessage;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.report.ReportMapper;
import io.careloop.engine.process.Tx;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.ticket.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed loop after resolution (解决与反馈 → 跟踪与闭环): starts feedback-loop.bpmn, records
 * survey responses on the ticket and hands them to the process as message {@code survey-response},
 * and records what the loop did (invitation, no response, follow-up call, reopen). Invitations and
 * reminders go out through the outbox, after the transaction that decided them commits.
 */
public final class FeedbackService {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);
    public static final String PROCESS_KEY = "feedback-loop";
    public static final String MESSAGE = "survey-response";
    public static final String FOLLOW_UP_TASK = "follow-up-call";
    static final String SOURCE = "survey";
    /**
     * Defaults when survey-policy.dmn gives nothing usable: one reminder after 3 days, the window
     * closes 7 days after the invitation. The table decides per channel, category and tier.
     */
    public static final Duration DEFAULT_REMINDER_AFTER = Duration.ofDays(3);
    public static final Duration DEFAULT_RESPONSE_WINDOW = Duration.ofDays(7);

    private final Transactions tx;
    private final ProcessEngine engine;
    private final TicketService tickets;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final Clock clock;
    private final SurveyPolicy policy;
    private volatile OutboxDispatcher outbox;

    public FeedbackService(Transactions tx, ProcessEngine engine, TicketService tickets, AuditTrail audit,
                           DomainEvents events, Clock clock, Duration reminderAfter, Duration responseWindow) {
        this.tx = tx;
        this.engine = engine;
        this.tickets = tickets;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.policy = new SurveyPolicy(engine, new SurveyPolicy.Window(reminderAfter, responseWindow));
    }

    /**
     * HOOK: the outbox survey invitations and reminders are queued in (wired by the composition
     * root); without one every survey message is noted as not sent.
     */
    public void sendSurveysThrough(OutboxDispatcher o) {
        this.outbox = o;
    }

    /** Connects the BPMN beans to this service (they are registered before the service exists). */
    public static void bind(FeedbackBean feedbackBean, OutboundBean outboundBean, FeedbackService service) {
        feedbackBean.bind(service);
        outboundBean.bind(service);
    }

    /**
     * Records one survey response on the ticket (an inbound {@code survey} interaction) and, when
     * it is complete, correlates message {@code survey-response} by ticket number: to the newest
     * waiting feedback loop, or, when none waits any more (the loop closed), to a new instance
     * started at its message start event, so a late response still gets its follow-up.
     * The survey importer plugin and {@code POST /api/v1/tickets/{number}/survey-responses} call this.
     *
     * @return true when recorded now, false when {@code sourceKey} was recorded before
     */
    public boolean recordSurveyResponse(String ticketNumber, Integer csat, Integer nps, String comment,
                                        Boolean problemPersists, boolean completed, String sourceKey) {
        return recordSurveyResponse(ticketNumber, csat, nps, comment, problemPersists, completed, sourceKey, null);
    }

    /**
     * The same, with the time the customer submitted the response (a survey export carries it; null
     * = now). Joins the caller's transaction when there is one (the plugin path's ledger entry).
     */
    public boolean recordSurveyResponse(String ticketNumber, Integer csat, Integer nps, String comment,
                                        Boolean problemPersists, boolean completed, String sourceKey,
                                        Instant submittedAt) {
        SurveyResponse r = new SurveyResponse(csat, nps, comment, problemPersists, completed, sourceKey);
        validate(r);
        Instant at = submittedAt != null ? submittedAt : clock.instant();
        return tx.write(t -> {
            Ticket ticket = t.mapper(TicketMapper.class).findByNumber(ticketNumber);
            if (ticket == null) {
                throw new NotFoundException("no ticket " + ticketNumber);
            }
            if (sourceKey != null) {
                if (t.mapper(ImportLedgerMapper.class).find(SOURCE, sourceKey) != null) {
                    return false;
                }
                t.mapper(ImportLedgerMapper.class).insert(new LedgerEntry(null, SOURCE, sourceKey, "accepted",
                        ticketNumber, null, clock.instant()));
            }
            t.mapper(InteractionMapper.class).insert(new Interaction(null, ticket.id(), "survey", "inbound", "customer",
                    summary(r), sourceKey, at));
            t.mapper(ReportMapper.class).insertSurveyFact(ticket.id(), completed ? "response" : "partial", csat, nps, at);
            Map<String, Object> snapshot = TicketService.auditSnapshot(ticket);
            Map<String, Object> after = new HashMap<>(snapshot);
            after.putAll(answers(r));
            audit.record(t, "customer", "ticket.survey-response", "ticket", ticketNumber, snapshot, after, null);
            if (completed) {
                correlate(ticketNumber, r);
            }
            publish(t, "ticket.survey-response", ticketNumber, "customer");
            return true;
        });
    }

    /** The supervisor reports the follow-up call (回访): completes the newest open follow-up task. */
    public void completeFollowUp(String ticketNumber, String note, String actor) {
        if (note == null || note.isBlank() || note.length() > 10_000) {
            throw new InvalidInputException("note", "say what the customer said (1 to 10000 characters)");
        }
        tx.write(t -> {
            List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticketNumber)
                    .processDefinitionKey(PROCESS_KEY).taskDefinitionKey(FOLLOW_UP_TASK).orderByTaskCreateTime().desc().list();
            if (open.isEmpty()) {
                throw new ConflictException("ticket " + ticketNumber + " has no follow-up call to record");
            }
            engine.getTaskService().complete(open.get(0).getId(), Map.of("followUpNote", note.trim(), "followUpBy", actor));
            return null;
        });
    }

    /** Whether a follow-up call (回访) waits for the ticket. */
    public boolean followUpOpen(String ticketNumber) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticketNumber)
                .processDefinitionKey(PROCESS_KEY).taskDefinitionKey(FOLLOW_UP_TASK).count() > 0;
    }

    // ---- called by the beans, inside the process's transaction ----

    /** Starts the loop with the survey window survey-policy.dmn gives for the ticket. */
    void startLoop(String ticketNumber, String channel, String category, String tier) {
        SurveyPolicy.Window window = policy.windowFor(ticketNumber, channel, category, tier);
        Map<String, Object> vars = new HashMap<>();
        vars.put("ticketNumber", ticketNumber);
        vars.put("channel", channel);
        vars.put("surveyReminderAfter", window.reminderAfter().toString());
        vars.put("surveyWaitAfterReminder", window.waitAfterReminder().toString());
        vars.put("surveyResponseWindow", window.responseWindow().toString());
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, ticketNumber, vars);
    }

    /**
     * The loop's invitation or reminder ({@code kind}, an {@link OutboxMessage} constant), in the
     * process's transaction: on the timeline as an outbound message and in the outbox, which sends it
     * after commit; or, when no plugin serves the ticket's channel, a note that it is not sent.
     */
    void queueSurveyMessage(String ticketNumber, String kind) {
        OutboxDispatcher o = outbox;
        tx.write(t -> {
            Ticket ticket = t.mapper(TicketMapper.class).findByNumber(ticketNumber);
            if (ticket == null) {
                throw new NotFoundException("no ticket " + ticketNumber);
            }
            String channel = ticket.channel().code();
            if (o == null || !o.serves(channel)) {
                LOG.info("survey.not-sent ticket={} kind={} channel={}", ticketNumber, kind, channel);
                note(ticketNumber, "survey", "outbound", "process", kind + " not sent: no plugin serves channel " + channel,
                        "ticket." + kind + "-not-sent");
                return null;
            }
            GeneratedKey key = new GeneratedKey();
            t.mapper(InteractionMapper.class).insertReturningKey(new Interaction(null, ticket.id(),
                    "email".equals(channel) ? "email" : "reply", "outbound", "process",
                    SurveyMessage.body(ticketNumber, kind), null, clock.instant()), key);
            o.enqueue(t, kind, ticketNumber, key.getId(), channel);
            Map<String, Object> snapshot = TicketService.auditSnapshot(ticket);
            audit.record(t, "process", "ticket." + kind + "-queued", "ticket", ticketNumber, snapshot, snapshot, null);
            publish(t, "ticket." + kind + "-queued", ticketNumber, "process");
            return null;
        });
    }

    /**
     * The outbox's record of a survey message that went out, in the transaction that marks it sent:
     * an invitation counts for the reports (survey fact {@code invited}); both are audited.
     */
    public void recordSent(Tx t, OutboxMessage m, OutboxDispatcher.Sent sent) {
        if (!SurveyMessage.isSurvey(m.kind())) {
            return;
        }
        Ticket ticket = t.mapper(TicketMapper.class).findByNumber(m.ticketNumber());
        boolean invitation = OutboxMessage.SURVEY_INVITATION.equals(m.kind());
        if (invitation) {
            t.mapper(ReportMapper.class).insertSurveyFact(ticket.id(), "invited", null, null, clock.instant());
        }
        String action = invitation ? "ticket.survey-invited" : "ticket.survey-reminded";
        Map<String, Object> snapshot = TicketService.auditSnapshot(ticket);
        audit.record(t, "plugin:" + sent.pluginId(), action, "ticket", m.ticketNumber(), snapshot, snapshot,
                m.kind() + " sent through plugin " + sent.pluginId() + (sent.messageId() == null ? "" : " as " + sent.messageId()));
        publish(t, action, m.ticketNumber(), "plugin:" + sent.pluginId());
    }

    /** The window closed; {@code window} is the instance's surveyResponseWindow (null on instances started before it). */
    void noResponse(String ticketNumber, String window) {
        Duration within = window == null ? policy.defaults().responseWindow() : Duration.parse(window);
        note(ticketNumber, "survey", "internal", "process", "no survey response in " + within.toDays()
                + " days; the feedback loop is closed", "ticket.survey-no-response");
    }

    void followUpDone(String ticketNumber, String by, String note) {
        note(ticketNumber, "call", "outbound", by == null ? "process" : by, note == null ? "follow-up call done" : note,
                "ticket.followed-up");
    }

    /** The customer says the problem persists: a resolved ticket is reopened; a closed one keeps a note. */
    void reopenForPersistingProblem(String ticketNumber, String comment) {
        Ticket t = tickets.find(ticketNumber);
        String reason = "survey: the customer says the problem persists"
                + (comment == null || comment.isBlank() ? "" : " (" + abbreviate(comment, 200) + ")");
        if (t.status() == TicketStatus.RESOLVED) {
            tickets.reopen(ticketNumber, reason, "process", null);
        } else {
            tickets.note(ticketNumber, reason + "; the ticket is " + t.status().code() + ", not reopened", "process");
        }
    }

    private void note(String ticketNumber, String kind, String direction, String author, String body, String action) {
        tx.write(t -> {
            Ticket ticket = t.mapper(TicketMapper.class).findByNumber(ticketNumber);
            if (ticket == null) {
                throw new NotFoundException("no ticket " + ticketNumber);
            }
            t.mapper(InteractionMapper.class).insert(new Interaction(null, ticket.id(), kind, direction, author, body,
                    null, clock.instant()));
            Map<String, Object> snapshot = TicketService.auditSnapshot(ticket);
            audit.record(t, author, action, "ticket", ticketNumber, snapshot, snapshot, body);
            publish(t, action, ticketNumber, author);
            return null;
        });
    }

    private void correlate(String ticketNumber, SurveyResponse r) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("csat", r.csat());
        vars.put("nps", r.nps());
        vars.put("comment", r.comment());
        vars.put("problemPersists", r.problemPersists());
        vars.put("surveyCompleted", r.completed());
        List<Execution> waiting = engine.getRuntimeService().createExecutionQuery()
                .processInstanceBusinessKey(ticketNumber).messageEventSubscriptionName(MESSAGE).list();
        if (waiting.isEmpty()) {
            engine.getRuntimeService().createMessageCorrelation(MESSAGE).processInstanceBusinessKey(ticketNumber)
                    .setVariables(vars).correlateStartMessage();
            LOG.info("survey-response started a late feedback loop ticket={}", ticketNumber);
            return;
        }
        // after a reopen and a second resolution two loops may wait: the newest one answers
        String newest = waiting.stream().map(Execution::getProcessInstanceId).distinct()
                .map(id -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult())
                .max(Comparator.comparing(HistoricProcessInstance::getStartTime).thenComparing(HistoricProcessInstance::getId))
                .map(HistoricProcessInstance::getId).orElseThrow();
        engine.getRuntimeService().createMessageCorrelation(MESSAGE).processInstanceId(newest).setVariables(vars).correlate();
    }

    private void publish(Tx t, String type, String ticketNumber, String actor) {
        DomainEvent e = new DomainEvent(type, "ticket", ticketNumber, actor, clock.instant(), Map.of());
        t.afterCommit(() -> events.publish(e));
    }

    private static void validate(SurveyResponse r) {
        if (r.csat() != null && (r.csat() < 1 || r.csat() > 5)) {
            throw new InvalidInputException("csat", "CSAT is 1 to 5");
        }
        if (r.nps() != null && (r.nps() < 0 || r.nps() > 10)) {
            throw new InvalidInputException("nps", "NPS is 0 to 10");
        }
        if (r.comment() != null && r.comment().length() > 10_000) {
            throw new InvalidInputException("comment", "the comment is longer than 10000 characters");
        }
        if (r.sourceKey() != null && (r.sourceKey().isBlank() || r.sourceKey().length() > 500)) {
            throw new InvalidInputException("sourceKey", "a source key is 1 to 500 characters");
        }
    }

    private static String summary(SurveyResponse r) {
        StringBuilder sb = new StringBuilder(r.completed() ? "Survey response" : "Partial survey response");
        sb.append(": CSAT ").append(r.csat() == null ? "-" : r.csat()).append(", NPS ").append(r.nps() == null ? "-" : r.nps());
        if (r.problemPersists() != null) {
            sb.append(r.problemPersists() ? ", problem persists" : ", problem solved");
        }
        if (r.comment() != null && !r.comment().isBlank()) {
            sb.append(". ").append(r.comment());
        }
        return sb.toString();
    }

    private static Map<String, Object> answers(SurveyResponse r) {
        Map<String, Object> m = new HashMap<>();
        m.put("csat", r.csat());
        m.put("nps", r.nps());
        m.put("problemPersists", r.problemPersists());
        m.put("completed", r.completed());
        return m;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
