package io.careloop.engine.audit;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The audit trail is append-only: this mapper inserts and reads, nothing else. */
public interface AuditMapper {

    @Insert("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) "
            + "VALUES (#{occurredAt}, #{actor}, #{action}, #{entityType}, #{entityId}, #{beforeState}, #{afterState}, #{reason})")
    void insert(AuditEvent event);

    @Select("SELECT id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason "
            + "FROM audit_event WHERE entity_type = #{entityType} AND entity_id = #{entityId} ORDER BY id")
    List<AuditEvent> forEntity(@Param("entityType") String entityType, @Param("entityId") String entityId);
}
