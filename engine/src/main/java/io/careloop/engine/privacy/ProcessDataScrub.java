package io.careloop.engine.privacy;

import io.careloop.engine.process.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * The one place that rewrites a person's data held by Camunda for a ticket (every process instance
 * whose business key is the ticket number: lifecycle, feedback loop, adverse-event and quality
 * cases). Business keys are ticket numbers, which carry no personal data, and stay.
 * <ul>
 * <li>Runtime variables (ACT_RU_VARIABLE, serialized values in ACT_GE_BYTEARRAY) through Camunda's
 * API: each string, and each string inside a map or list value, is rewritten and set again on its
 * own scope (execution or task), so the engine replaces its byte arrays and bumps the revision.</li>
 * <li>History (ACT_HI_VARINST, ACT_HI_DETAIL): Camunda has no API to change a historic value, so
 * their string values are rewritten by SQL ({@link PrivacyMapper#historicTexts}). At the history
 * level CareLoop runs (activity) the engine records no variables there; this covers a higher level.</li>
 * </ul>
 * Runs inside the caller's transaction (a Camunda command), so it commits with the erasure.
 */
public final class ProcessDataScrub {

    /** Variables that hold free text (what the customer or staff wrote), erased with the ticket's texts. */
    static final Set<String> FREE_TEXT = Set.of("text", "comment", "followUpNote", "note", "capaAction", "subject",
            "description", "body", "resolution", "reason", "investigation", "findings");

    private final ProcessEngine engine;

    public ProcessDataScrub(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Erases ({@code eraseTexts}) or pseudonymises the ticket's process data; the number of values rewritten. */
    int rewrite(Tx t, String ticketNumber, Scrub scrub, boolean eraseTexts) {
        int changed = 0;
        List<String> instances = new ArrayList<>();
        for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ticketNumber).list()) {
            instances.add(pi.getId());
        }
        if (!instances.isEmpty()) {
            for (VariableInstance v : engine.getRuntimeService().createVariableInstanceQuery()
                    .processInstanceIdIn(instances.toArray(String[]::new)).list()) {
                Object value = v.getValue();
                Object rewritten = rewrite(v.getName(), value, scrub, eraseTexts);
                if (!Objects.equals(value, rewritten)) {
                    if (v.getTaskId() != null) {
                        engine.getTaskService().setVariableLocal(v.getTaskId(), v.getName(), rewritten);
                    } else {
                        engine.getRuntimeService().setVariableLocal(v.getExecutionId(), v.getName(), rewritten);
                    }
                    changed++;
                }
            }
        }
        PrivacyMapper m = t.mapper(PrivacyMapper.class);
        for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            for (Map<String, Object> row : m.historicTexts(table, ticketNumber)) {
                String id = String.valueOf(ChannelKeys.column(row, "ID_"));
                String name = String.valueOf(ChannelKeys.column(row, "NAME_"));
                String text = (String) ChannelKeys.column(row, "TEXT_");
                Object rewritten = rewrite(name, text, scrub, eraseTexts);
                if (!Objects.equals(text, rewritten)) {
                    changed += m.rewriteHistoricText(table, id, (String) rewritten);
                }
            }
        }
        return changed;
    }

    private static Object rewrite(String name, Object value, Scrub scrub, boolean eraseTexts) {
        if (value instanceof String s) {
            return eraseTexts && FREE_TEXT.contains(name) ? scrub.erase(s) : scrub.pseudonymise(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, rewrite(String.valueOf(k), v, scrub, eraseTexts)));
            return out.equals(map) ? value : new java.util.HashMap<>(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(rewrite(name, v, scrub, eraseTexts)));
            return out.equals(list) ? value : out;
        }
        return value;
    }
}
