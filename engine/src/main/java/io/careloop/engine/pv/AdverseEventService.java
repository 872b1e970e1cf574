package io.careloop.engine.pv;

import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketService;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Adverse event cases (adverse-event-case.bpmn): opened when pharmacovigilance confirms a
 * possible adverse event; the regulatory clock counts calendar time from Day 0, the moment the
 * company first learned of it (the ticket's receivedAt), and never pauses. Everything the case
 * does shows on the ticket: its regulatoryDue, reminders, follow-up attempts, escalation, submission.
 */
public final class AdverseEventService {

    public static final String PROCESS_KEY = "adverse-event-case";
    static final Set<String> SERIOUSNESS = Set.of("death", "serious", "new", "other");
    static final Map<String, String> STEPS = Map.of("assess", "assess", "follow-up", "follow-up", "submit", "submit-report");

    private final Transactions tx;
    private final ProcessEngine engine;
    private final TicketService tickets;

    public AdverseEventService(Transactions tx, ProcessEngine engine, TicketService tickets) {
        this.tx = tx;
        this.engine = engine;
        this.tickets = tickets;
    }

    public static void bind(AdverseEventBean bean, AdverseEventService service) {
        bean.bind(service);
    }

    /**
     * Pharmacovigilance completes a step of the case: {@code assess} (seriousness, market,
     * causality, the four minimum criteria), {@code follow-up} (followUpNote and the criteria as
     * known now) or {@code submit} (submissionRef).
     */
    public void completeStep(String ticketNumber, String step, Map<String, Object> values, String actor) {
        String taskKey = STEPS.get(step);
        if (taskKey == null) {
            throw new InvalidInputException("step", "step must be assess, follow-up or submit");
        }
        Map<String, Object> vars = new HashMap<>(values == null ? Map.of() : values);
        if (taskKey.equals("assess") && !SERIOUSNESS.contains(String.valueOf(vars.get("seriousness")))) {
            throw new InvalidInputException("seriousness", "seriousness must be death, serious, new or other");
        }
        if (taskKey.equals("submit-report") && (!(vars.get("submissionRef") instanceof String ref) || ref.isBlank())) {
            throw new InvalidInputException("submissionRef", "the submission reference is required");
        }
        if (!taskKey.equals("submit-report")) {
            for (String c : List.of("patientIdentifiable", "reporterIdentifiable", "suspectProduct", "adverseEventDescribed")) {
                vars.putIfAbsent(c, false);
                if (!(vars.get(c) instanceof Boolean)) {
                    throw new InvalidInputException(c, c + " must be true or false");
                }
            }
        }
        vars.put("caseActor", actor);
        tx.write(t -> {
            Task task = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(ticketNumber).taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new ConflictException("the adverse event case of " + ticketNumber + " is not waiting for '" + step + "'");
            }
            engine.getTaskService().complete(task.getId(), vars);
            return null;
        });
    }

    /** The open step of the ticket's case (assess, follow-up, submit), or null. */
    public String openStep(String ticketNumber) {
        Task task = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(ticketNumber).singleResult();
        if (task == null) {
            return null;
        }
        return STEPS.entrySet().stream().filter(e -> e.getValue().equals(task.getTaskDefinitionKey()))
                .map(Map.Entry::getKey).findFirst().orElse(task.getTaskDefinitionKey());
    }

    // ---- called by the bean, in the process's transaction ----

    void open(String ticketNumber) {
        Ticket t = tickets.find(ticketNumber);
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, ticketNumber,
                Map.of("ticketNumber", ticketNumber, "day0", Date.from(t.receivedAt())));
    }

    void clockSet(String ticketNumber, Instant due, String seriousness, String market, Duration within) {
        tickets.setRegulatoryDue(ticketNumber, due, "report within " + within + " of Day 0 (" + seriousness + ", "
                + (market == null ? "CN" : market) + ")");
    }

    void followUpRecorded(String ticketNumber, String note) {
        tickets.recordProcessStep(ticketNumber, "ticket.adverse-event-follow-up",
                "follow-up attempt for missing case information" + (note == null ? "" : ": " + note));
    }

    void reminder(String ticketNumber, int percent, Instant due) {
        tickets.recordProcessStep(ticketNumber, "ticket.regulatory-reminder",
                percent + " % of the regulatory clock used; report due " + due);
    }

    void breached(String ticketNumber, Instant due) {
        tickets.escalateForRegulatoryBreach(ticketNumber, "regulatory deadline passed (due " + due + ")");
    }

    void submitted(String ticketNumber, String ref) {
        tickets.recordProcessStep(ticketNumber, "ticket.adverse-event-submitted", "case submitted, reference " + ref);
    }
}
