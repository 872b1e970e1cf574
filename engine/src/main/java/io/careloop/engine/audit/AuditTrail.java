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

    public AuditTrail(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records one change. {@code before} and {@code after} are snapshots serialised as JSON (null
     * when the record did not exist before, or no longer exists after).
     */
    public void record(Tx tx, String actor, String action, String entityType, String entityId,
                       Object before, Object after, String reason) {
        tx.mapper(AuditMapper.class).insert(new AuditEvent(null, clock.instant(), actor, action, entityType, entityId,
                toJson(before), toJson(after), reason));
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
