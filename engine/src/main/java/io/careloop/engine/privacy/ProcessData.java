package io.careloop.engine.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Reads what Camunda holds for a ticket, for the person's access request: every process instance
 * whose business key is the ticket number (lifecycle, feedback loop, adverse-event and quality
 * cases), with its runtime variables (ACT_RU_VARIABLE: case values pharmacovigilance entered, survey
 * comments, follow-up notes) and its history of variables (ACT_HI_VARINST, ACT_HI_DETAIL; empty at
 * the activity history level CareLoop runs, kept for a higher one). The same data
 * {@link ProcessDataScrub} rewrites on erasure, so the export shows what erasure would change.
 */
public final class ProcessData {

    /** A process instance of the ticket and the values it holds. */
    public record Instance(String id, String processKey, String state, Instant startedAt, Instant endedAt,
                           List<Value> variables, List<Value> history) {
    }

    /**
     * One value: its variable name, the value as stored (strings, numbers, booleans, maps, lists,
     * instants; anything else as its text), where it lives (the process, or the task or activity that
     * holds it), and for history when it was written.
     */
    public record Value(String name, Object value, String scope, Instant at) {
    }

    private final ProcessEngine engine;

    public ProcessData(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The process instances of ticket {@code number}, oldest first. */
    public List<Instance> of(String number) {
        List<Instance> out = new ArrayList<>();
        for (HistoricProcessInstance pi : engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).orderByProcessInstanceStartTime().asc().list()) {
            List<Value> variables = new ArrayList<>();
            for (VariableInstance v : engine.getRuntimeService().createVariableInstanceQuery()
                    .processInstanceIdIn(pi.getId()).orderByVariableName().asc().list()) {
                variables.add(new Value(v.getName(), readable(v::getValue), scope(v.getTaskId(), v.getActivityInstanceId(),
                        pi.getId()), null));
            }
            List<Value> history = new ArrayList<>();
            for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(pi.getId()).orderByVariableName().asc().list()) {
                history.add(new Value(v.getName(), readable(v::getValue), scope(v.getTaskId(), v.getActivityInstanceId(),
                        pi.getId()), instant(v.getCreateTime())));
            }
            for (HistoricDetail d : engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId())
                    .variableUpdates().orderByTime().asc().list()) {
                HistoricVariableUpdate u = (HistoricVariableUpdate) d;
                history.add(new Value(u.getVariableName(), readable(u::getValue), scope(u.getTaskId(),
                        u.getActivityInstanceId(), pi.getId()), instant(u.getTime())));
            }
            out.add(new Instance(pi.getId(), pi.getProcessDefinitionKey(), pi.getState(), instant(pi.getStartTime()),
                    instant(pi.getEndTime()), List.copyOf(variables), List.copyOf(history)));
        }
        return List.copyOf(out);
    }

    private static String scope(String taskId, String activityInstanceId, String processInstanceId) {
        if (taskId != null) {
            return "task " + taskId;
        }
        return activityInstanceId == null || activityInstanceId.equals(processInstanceId) ? "process" : activityInstanceId;
    }

    /** JSON-friendly: plain values, maps and lists as they are, dates as instants, anything else as text. */
    private static Object readable(java.util.function.Supplier<Object> read) {
        Object value;
        try {
            value = read.get();
        } catch (RuntimeException unreadable) {
            return "[unreadable: " + unreadable.getClass().getSimpleName() + "]";
        }
        return plain(value);
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProcessData::plain).toList();
        }
        return String.valueOf(value);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
