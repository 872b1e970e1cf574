package io.careloop.engine.process;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelActivity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

/**
 * Camunda's "activity" history level (same id and name, so an existing database keeps working)
 * without the activity-instance rows of exclusive, inclusive and parallel gateways. A gateway
 * only routes: it takes no time, waits for nothing and nobody looks it up; yet ticket-lifecycle
 * passes eight of them at intake, each an insert and an update of {@code act_hi_actinst} and its
 * eight indexes inside the intake transaction. Everything else stays: process and task
 * instances, every task, event (start, boundary timers, messages, ends) and the event-based
 * gateway where a resolved ticket waits, so the monitor, incident diagnosis and the journey's
 * history read as before.
 */
final class ActivityHistoryWithoutGateways extends HistoryLevelActivity {

    static final Set<String> ROUTING_ONLY = Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway");

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if ((eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END)
                && entity instanceof PvmExecutionImpl execution) {
            PvmActivity activity = execution.getActivity();
            if (activity != null && ROUTING_ONLY.contains(activity.getProperty("type"))) {
                return false;
            }
        }
        return super.isHistoryEventProduced(eventType, entity);
    }
}
