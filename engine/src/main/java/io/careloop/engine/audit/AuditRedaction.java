package io.careloop.engine.audit;

import io.careloop.engine.process.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Rewrites the personal data in the audit events about some records (erasure of a person, the
 * retention policy) and records that as one audit event naming every event it rewrote
 * ({@code after_state.redactedEvents}). Only sealed events of hash form 2 can be rewritten (see
 * {@link AuditChain}): their hash covers digests, so the chain still verifies, and the verifier
 * accepts a rewritten event only if a later redaction event names it. Events sealed before
 * migration V12 (form 1) or not sealed yet are left as they are and counted.
 */
public final class AuditRedaction {

    /** An audited record: entity type and id as the audit trail writes them. */
    public record Entity(String type, String id) {
    }

    /** How to rewrite one event's snapshots and reason, by the record it is about. */
    public interface Rewrite {
        String snapshot(Entity about, String json);

        String reason(Entity about, String reason);
    }

    /**
     * @param eventId    the id of the event that recorded the redaction
     * @param redacted   the events rewritten
     * @param notRedacted events about the records that could not be rewritten (sealed before V12 or unsealed)
     */
    public record Result(long eventId, List<Long> redacted, int notRedacted) {
    }

    private final AuditTrail audit;

    public AuditRedaction(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * Rewrites the events about {@code entities} and records the redaction as {@code action} on
     * {@code recordType}/{@code recordId} with {@code summary} (no personal data in it) and {@code reason}.
     */
    public Result redact(Tx t, List<Entity> entities, Rewrite rewrite, String actor, String action, String recordType,
                         String recordId, Map<String, Object> summary, String reason) {
        AuditMapper m = t.mapper(AuditMapper.class);
        Map<ChainRow, Entity> redactable = new LinkedHashMap<>();
        int notRedacted = 0;
        for (Entity e : entities) {
            for (ChainRow row : m.chainRowsFor(e.type(), e.id())) {
                if (row.hashForm() != null && row.hashForm() == AuditChain.DIGEST_FORM) {
                    redactable.put(row, e);
                } else {
                    notRedacted++;
                }
            }
        }
        List<Long> ids = new ArrayList<>(redactable.keySet().stream().map(ChainRow::id).toList());
        Map<String, Object> after = new LinkedHashMap<>(summary);
        after.put("redactedEvents", ids);
        after.put("notRedactedEvents", notRedacted);
        long eventId = audit.recordReturningId(t, actor, action, recordType, recordId, after, reason);
        redactable.forEach((row, about) -> m.redact(row.id(), rewrite.snapshot(about, row.beforeState()),
                rewrite.snapshot(about, row.afterState()), rewrite.reason(about, row.reason()), eventId));
        return new Result(eventId, List.copyOf(ids), notRedacted);
    }

}
