package io.careloop.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.process.Tx;
import java.time.Clock;
import java.util.List;
import org.apache.ibatis.session.SqlSession;

/** Writes and reads the audit trail. Writes join the caller's transaction. */
public final class AuditTrail {

    private final ObjectMapper json;
    private final Clock clock;
    private final AuditSealer sealer;

    public AuditTrail(ObjectMapper json, Clock clock) {
        this(json, clock, null);
    }

    /** With a sealer: each transaction that wrote events asks it, once committed, to link them into the chain. */
    public AuditTrail(ObjectMapper json, Clock clock, AuditSealer sealer) {
        this.json = json;
        this.clock = clock;
        this.sealer = sealer;
    }

    /**
     * Records one change. {@code before} and {@code after} are snapshots serialised as JSON (null
     * when the record did not exist before, or no longer exists after).
     */
    public void record(Tx tx, String actor, String action, String entityType, String entityId,
                       Object before, Object after, String reason) {
        tx.mapper(AuditMapper.class).insert(new AuditEvent(null, clock.instant(), actor, action, entityType, entityId,
                toJson(before), toJson(after), reason));
        if (sealer != null) {
            tx.afterCommit(sealer::requestSeal);
        }
    }

    /** As {@link #record} (no before snapshot), answering the new event's id. */
    public long recordReturningId(Tx tx, String actor, String action, String entityType, String entityId, Object after,
                                  String reason) {
        io.careloop.engine.db.GeneratedKey key = new io.careloop.engine.db.GeneratedKey();
        tx.mapper(AuditMapper.class).insertReturningKey(new AuditEvent(null, clock.instant(), actor, action, entityType,
                entityId, null, toJson(after), reason), key);
        if (sealer != null) {
            tx.afterCommit(sealer::requestSeal);
        }
        return key.getId();
    }

    /** Records one event in a transaction of its own (reads of personal data, which change nothing else). */
    public void recordAlone(io.careloop.engine.process.Transactions transactions, String actor, String action,
                            String entityType, String entityId) {
        transactions.write(t -> {
            record(t, actor, action, entityType, entityId, null, null, null);
            return null;
        });
    }

    public List<AuditEvent> forEntity(SqlSession session, String entityType, String entityId) {
        return session.getMapper(AuditMapper.class).forEntity(entityType, entityId);
    }

    private String toJson(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit snapshot of " + o.getClass().getSimpleName(), e);
        }
    }
}
