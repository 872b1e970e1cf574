package io.careloop.engine.process;

import io.careloop.engine.error.ConflictException;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Classification;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.customer.Tier;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The ticket-lifecycle process as the ticket service sees it. Call it inside
 * {@link Transactions#write}: each call then joins the caller's transaction.
 */
public final class TicketProcess {

    public static final String PROCESS_KEY = "ticket-lifecycle";
    static final String HANDLE_TASK = "handle";
    static final String MESSAGE_REOPENED = "ticket-reopened";
    static final String MESSAGE_CLOSED = "ticket-closed";

    private final ProcessEngine engine;
    private final Duration autoCloseAfter;

    public TicketProcess(ProcessEngine engine, Duration autoCloseAfter) {
        this.engine = engine;
        this.autoCloseAfter = autoCloseAfter;
    }

    /** Starts the lifecycle; it runs synchronously through classification to the "handle" task. */
    public String start(String ticketNumber, Category category, Severity severity, Tier tier, String channel, String text) {
        VariableMap vars = Variables.createVariables()
                .putValue("ticketNumber", ticketNumber)
                .putValue("category", category == null ? null : category.code())
                .putValue("severity", severity == null ? null : severity.code())
                .putValue("tier", tier == null ? null : tier.code())
                .putValue("channel", channel)
                .putValue("text", text)
                .putValue("autoCloseAfter", autoCloseAfter.toString());
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, ticketNumber, vars);
        return pi.getId();
    }

    /** Evaluates classify-ticket.dmn for a reclassification. */
    public Classification classify(Category category, Severity severity, Tier tier) {
        Map<String, Object> result = engine.getDecisionService().evaluateDecisionByKey("classify-ticket")
                .variables(Variables.createVariables()
                        .putValue("category", category.code())
                        .putValue("severity", severity.code())
                        .putValue("tier", tier == null ? null : tier.code()))
                .evaluate()
                .getSingleResult()
                .getEntryMap();
        return TicketProcessBean.toClassification(category.code(), severity.code(), result);
    }

    /** Records a new classification in the process and moves the open task to the new queue. */
    public void reclassified(String processInstanceId, Classification c) {
        Map<String, Object> classification = new HashMap<>();
        classification.put("priority", c.priority().code());
        classification.put("queue", c.queue());
        classification.put("firstResponseTarget", c.firstResponseTarget().toString());
        classification.put("resolutionTarget", c.resolutionTarget().toString());
        engine.getRuntimeService().setVariables(processInstanceId, Map.of(
                "category", c.category().code(),
                "severity", c.severity().code(),
                "classification", classification));
        Task task = handleTask(processInstanceId);
        if (task != null) {
            engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .forEach(l -> engine.getTaskService().deleteCandidateGroup(task.getId(), l.getGroupId()));
            engine.getTaskService().addCandidateGroup(task.getId(), c.queue());
        }
    }

    /** Assigns the open task; the variable makes a reopened ticket's new task go to the same agent. */
    public void assign(String processInstanceId, String assignee) {
        engine.getRuntimeService().setVariable(processInstanceId, "assignee", assignee);
        engine.getTaskService().setAssignee(requireHandleTask(processInstanceId).getId(), assignee);
    }

    /** Completes "handle": the process waits for a reopen, a close or the auto-close timer. */
    public void resolve(String processInstanceId) {
        engine.getTaskService().complete(requireHandleTask(processInstanceId).getId());
    }

    public void reopen(String processInstanceId) {
        correlate(processInstanceId, MESSAGE_REOPENED);
    }

    public void close(String processInstanceId) {
        correlate(processInstanceId, MESSAGE_CLOSED);
    }

    /** The activities the process instance is in now; empty once it has ended. */
    public List<String> activeActivities(String processInstanceId) {
        ActivityInstance tree = engine.getRuntimeService().getActivityInstance(processInstanceId);
        if (tree == null) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        collect(tree, out);
        return out;
    }

    private static void collect(ActivityInstance ai, List<String> out) {
        if (ai.getChildActivityInstances().length == 0 && ai.getChildTransitionInstances().length == 0) {
            out.add(ai.getActivityId());
        }
        for (ActivityInstance child : ai.getChildActivityInstances()) {
            collect(child, out);
        }
        for (var ti : ai.getChildTransitionInstances()) {
            out.add(ti.getActivityId());
        }
    }

    private void correlate(String processInstanceId, String message) {
        try {
            engine.getRuntimeService().createMessageCorrelation(message)
                    .processInstanceId(processInstanceId)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("the ticket's process is not waiting for '" + message + "'", e);
        }
    }

    private Task handleTask(String processInstanceId) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(HANDLE_TASK)
                .singleResult();
    }

    private Task requireHandleTask(String processInstanceId) {
        Task t = handleTask(processInstanceId);
        if (t == null) {
            throw new ConflictException("the ticket has no open handling task");
        }
        return t;
    }
}
