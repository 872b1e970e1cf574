package io.careloop.engine.process;

import io.careloop.engine.error.ConflictException;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Classification;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.sla.SlaTimers;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
    static final String REVIEW_TASK = "pv-review";
    /** Where a paused SLA timer waits: a due date no clock reaches. */
    public static final java.time.Instant PARKED = java.time.Instant.parse("9999-01-01T00:00:00Z");
    /** The SLA timer boundary events of "handle" and the date variables they read. */
    static final Map<String, String> SLA_TIMER_VARIABLES = Map.of(
            "first-response-warning", "firstResponseWarningAt",
            "first-response-breach", "firstResponseDueAt",
            "resolution-warning", "resolutionWarningAt",
            "resolution-breach", "resolutionDueAt");

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
        classification.put("slaMode", c.slaMode().name().toLowerCase(java.util.Locale.ROOT));
        classification.put("warningFraction", c.warningFraction());
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

    /** Back to "handle", whose SLA timers are then set to {@code timers}. */
    public void reopen(String processInstanceId, SlaTimers timers) {
        engine.getRuntimeService().setVariables(processInstanceId, timerVariables(timers));
        correlate(processInstanceId, MESSAGE_REOPENED);
    }

    /** The date variables the SLA timers of "handle" read when the task is created. */
    public static Map<String, Object> timerVariables(SlaTimers t) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("firstResponseWarningAt", Date.from(t.firstResponseWarning()));
        vars.put("firstResponseDueAt", Date.from(t.firstResponseDue()));
        vars.put("resolutionWarningAt", Date.from(t.resolutionWarning()));
        vars.put("resolutionDueAt", Date.from(t.resolutionDue()));
        return vars;
    }

    /**
     * Moves the SLA timers that have not fired yet to new dates (a reclassification, a resume),
     * keeping the jobs: a timer is moved, never recreated. The date variables keep the dates too.
     * While {@code paused}, the variables take the new dates but the jobs stay parked.
     */
    public void moveSlaTimers(String processInstanceId, SlaTimers timers, boolean paused) {
        Map<String, Object> vars = timerVariables(timers);
        engine.getRuntimeService().setVariables(processInstanceId, vars);
        if (paused) {
            return;
        }
        ManagementService management = engine.getManagementService();
        for (Map.Entry<String, Job> e : slaTimerJobs(processInstanceId).entrySet()) {
            management.setJobDuedate(e.getValue().getId(), (Date) vars.get(SLA_TIMER_VARIABLES.get(e.getKey())));
        }
    }

    /**
     * Parks the SLA timers (the ticket waits on the customer): their jobs move to {@link #PARKED},
     * so they cannot fire; the date variables keep the dates they had, from which resume moves them
     * back by the remaining business time. (Suspending the jobs instead clashes with moving them
     * in the same command: the bulk activation and the job update conflict.)
     */
    public void pauseSlaTimers(String processInstanceId) {
        for (Job job : slaTimerJobs(processInstanceId).values()) {
            engine.getManagementService().setJobDuedate(job.getId(), Date.from(PARKED));
        }
    }

    /** The SLA timer dates as the process keeps them (the dates of the variables, also while parked). */
    public SlaTimers slaTimerDates(String processInstanceId) {
        Map<String, Object> v = engine.getRuntimeService().getVariables(processInstanceId,
                List.copyOf(SLA_TIMER_VARIABLES.values()));
        return new SlaTimers(instant(v.get("firstResponseWarningAt")), instant(v.get("firstResponseDueAt")),
                instant(v.get("resolutionWarningAt")), instant(v.get("resolutionDueAt")));
    }

    private static java.time.Instant instant(Object date) {
        return date == null ? null : ((Date) date).toInstant();
    }

    /** The SLA timer jobs of "handle" that have not fired yet, with their current due dates. */
    public Map<String, Job> slaTimerJobs(String processInstanceId) {
        Map<String, Job> jobs = new HashMap<>();
        for (String activity : SLA_TIMER_VARIABLES.keySet()) {
            Job job = engine.getManagementService().createJobQuery()
                    .processInstanceId(processInstanceId)
                    .activityId(activity)
                    .singleResult();
            if (job != null) {
                jobs.put(activity, job);
            }
        }
        return jobs;
    }

    /** Adds a group to the candidates of the open "handle" task (an escalation). */
    /**
     * The candidate group escalation level {@code level} (1 = L2, 2 = L3) adds for {@code queue}:
     * escalation-ladder.dmn, which supervisors edit; {@code fallback} when no row matches.
     */
    public String escalationGroup(String queue, int level, String fallback) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("queue", queue);
        vars.put("level", level);
        var result = engine.getDecisionService().evaluateDecisionByKey("escalation-ladder").variables(vars).evaluate();
        Object group = result.isEmpty() ? null : result.getSingleResult().getSingleEntry();
        return group instanceof String g && !g.isBlank() ? g : fallback;
    }

    public void addCandidateGroup(String processInstanceId, String group) {
        Task task = handleTask(processInstanceId);
        if (task != null) {
            engine.getTaskService().addCandidateGroup(task.getId(), group);
        }
    }

    /**
     * A ticket reclassified into a safety category after intake gets the review intake would have
     * given it: a token starts before {@code pv-review} (the review path ends on its own, it joins
     * nothing), and {@code adverseEventSuspected} makes auto-close wait for it.
     */
    public void requestReview(String processInstanceId) {
        if (reviewTask(processInstanceId) != null) {
            return;
        }
        engine.getRuntimeService().setVariable(processInstanceId, "adverseEventSuspected", true);
        engine.getRuntimeService().createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(REVIEW_TASK).execute();
    }

    /** Whether the pharmacovigilance review of the ticket is still open. */
    public boolean reviewOpen(String processInstanceId) {
        return reviewTask(processInstanceId) != null;
    }

    /** Completes the pharmacovigilance review; the process then calls {@code ticketProcess.pvReviewed}. */
    public void completeReview(String processInstanceId, String outcome, String reviewer) {
        Task task = reviewTask(processInstanceId);
        if (task == null) {
            throw new ConflictException("the ticket has no open pharmacovigilance review");
        }
        engine.getTaskService().complete(task.getId(), Map.of("pvOutcome", outcome, "pvReviewer", reviewer));
    }

    private Task reviewTask(String processInstanceId) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(REVIEW_TASK)
                .singleResult();
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
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            // inside a command (every ticket change and SLA timer): the task manager's plain select by
            // process instance, through the command's entity cache, instead of the task query, whose
            // dynamic SQL (OGNL over Camunda's largest mapping) cost a tenth of an SLA timer's CPU
            return command.getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
                    .filter(t -> HANDLE_TASK.equals(t.getTaskDefinitionKey()))
                    .findFirst().orElse(null);
        }
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
