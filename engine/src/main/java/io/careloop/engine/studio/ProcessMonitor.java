package io.careloop.engine.studio;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * What runs on a process version, per activity (the browser's heat map): active instances,
 * incidents, and the tickets waiting there by SLA state; the open incidents with their error, and
 * a retry of a failed job.
 */
public final class ProcessMonitor {

    /** Per activity id of one version. */
    public record ActivityState(String activityId, long active, long incidents, long onTrack, long atRisk,
                                long breached) {
    }

    /** An open incident: where, why, and whether it can be retried. */
    public record IncidentInfo(String id, String type, String message, String processKey, Integer processVersion,
                               String activityId, String processInstanceId, String ticketNumber,
                               java.time.Instant createdAt, boolean retryable) {
    }

    private final ProcessEngine engine;
    private final ProcessStudio studio;
    private final Transactions transactions;
    private final AuditTrail audit;

    public ProcessMonitor(ProcessEngine engine, ProcessStudio studio, Transactions transactions, AuditTrail audit) {
        this.engine = engine;
        this.studio = studio;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Map<String, Object> monitor(String key, Integer version) {
        ProcessVersion v = studio.version(key, version);
        if (!"process".equals(v.type())) {
            throw new ConflictException(key + " is a decision: it has no running instances");
        }
        Map<String, long[]> counts = new TreeMap<>();
        for (ActivityStatistics s : engine.getManagementService().createActivityStatisticsQuery(v.definitionId())
                .includeIncidents().list()) {
            long incidents = s.getIncidentStatistics().stream().mapToLong(IncidentStatistics::getIncidentCount).sum();
            long[] c = counts.computeIfAbsent(s.getId(), k -> new long[5]);
            c[0] = s.getInstances();
            c[1] = incidents;
        }
        for (StudioMapper.SlaCount s : transactions.read(x -> x.getMapper(StudioMapper.class).slaByActivity(v.definitionId()))) {
            long[] c = counts.computeIfAbsent(s.activityId(), k -> new long[5]);
            int slot = Ticket.BREACHED.equals(s.slaState()) ? 4 : Ticket.AT_RISK.equals(s.slaState()) ? 3 : 2;
            c[slot] += s.tickets();
        }
        List<ActivityState> activities = new ArrayList<>();
        counts.forEach((id, c) -> activities.add(new ActivityState(id, c[0], c[1], c[2], c[3], c[4])));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", key);
        out.put("version", v.version());
        out.put("definitionId", v.definitionId());
        out.put("runningInstances", v.runningInstances());
        out.put("activities", activities);
        return out;
    }

    /** Open incidents, newest first (at most {@code limit}). */
    public List<IncidentInfo> incidents(int limit) {
        List<IncidentInfo> out = new ArrayList<>();
        for (Incident i : engine.getRuntimeService().createIncidentQuery().orderByIncidentTimestamp().desc()
                .listPage(0, limit)) {
            out.add(info(i));
        }
        return out;
    }

    /** Gives a failed job one more try (the job executor runs it); audited. */
    public IncidentInfo retry(String incidentId, String actor) {
        Incident incident = engine.getRuntimeService().createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new NotFoundException("no open incident " + incidentId);
        }
        if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw new ConflictException("incident " + incidentId + " of type " + incident.getIncidentType()
                    + " is not a failed job: it cannot be retried, resolve its cause");
        }
        IncidentInfo info = info(incident);
        ManagementService management = engine.getManagementService();
        transactions.write(tx -> {
            management.setJobRetries(incident.getConfiguration(), 1);
            audit.record(tx, actor, "incident.retried", "incident", incidentId, null,
                    Map.of("job", incident.getConfiguration(), "processInstance", incident.getProcessInstanceId(),
                            "activity", String.valueOf(incident.getActivityId())), null);
            return null;
        });
        return info;
    }

    private IncidentInfo info(Incident i) {
        ProcessDefinition def = i.getProcessDefinitionId() == null ? null : engine.getRepositoryService()
                .getProcessDefinition(i.getProcessDefinitionId());
        var pi = i.getProcessInstanceId() == null ? null : engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(i.getProcessInstanceId()).singleResult();
        return new IncidentInfo(i.getId(), i.getIncidentType(), i.getIncidentMessage(),
                def == null ? null : def.getKey(), def == null ? null : def.getVersion(), i.getActivityId(),
                i.getProcessInstanceId(), pi == null ? null : pi.getBusinessKey(),
                i.getIncidentTimestamp() == null ? null : i.getIncidentTimestamp().toInstant(),
                Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType()));
    }
}
