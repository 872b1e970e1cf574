package io.careloop.engine.audit;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The audit trail is append-only: this mapper inserts and reads events; the only update fills in
 * an unsealed event's place in the chain, once (see AuditSealer).
 */
public interface AuditMapper {

    String CHAIN_COLUMNS = "id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason, "
            + "chain_seq, prev_hash, hash, hash_form, before_digest, after_digest, reason_digest, redacted_by";

    @Select("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1 FOR UPDATE")
    ChainHead lockHead();

    @Select("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1")
    ChainHead head();

    @Select("SELECT " + CHAIN_COLUMNS + " FROM audit_event WHERE chain_seq IS NULL ORDER BY id FETCH FIRST #{limit} ROWS ONLY")
    List<ChainRow> unsealed(int limit);

    @Update("UPDATE audit_event SET chain_seq = #{seq}, prev_hash = #{prev}, hash = #{hash}, hash_form = #{e.hashForm}, "
            + "before_digest = #{e.beforeDigest}, after_digest = #{e.afterDigest}, reason_digest = #{e.reasonDigest} "
            + "WHERE id = #{e.id} AND chain_seq IS NULL")
    int seal(@Param("e") ChainRow event, @Param("seq") long seq, @Param("prev") String prevHash, @Param("hash") String hash);

    @Update("UPDATE audit_chain SET last_seq = #{seq}, last_hash = #{hash}, sealed_at = #{at} WHERE id = 1")
    void moveHead(@Param("seq") long seq, @Param("hash") String hash, @Param("at") Instant at);

    @Select("SELECT " + CHAIN_COLUMNS + " FROM audit_event WHERE chain_seq > #{after} ORDER BY chain_seq "
            + "FETCH FIRST #{limit} ROWS ONLY")
    List<ChainRow> chainAfter(@Param("after") long afterSeq, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM audit_event WHERE chain_seq IS NULL")
    long countUnsealed();

    @Insert("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) "
            + "VALUES (#{occurredAt}, #{actor}, #{action}, #{entityType}, #{entityId}, #{beforeState}, #{afterState}, #{reason})")
    void insert(AuditEvent event);

    @Insert("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) "
            + "VALUES (#{e.occurredAt}, #{e.actor}, #{e.action}, #{e.entityType}, #{e.entityId}, #{e.beforeState}, "
            + "#{e.afterState}, #{e.reason})")
    @org.apache.ibatis.annotations.Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertReturningKey(@Param("e") AuditEvent event, @Param("key") io.careloop.engine.db.GeneratedKey key);

    /** The events about one record, with their chain columns (for redaction). */
    @Select("SELECT " + CHAIN_COLUMNS + " FROM audit_event WHERE entity_type = #{entityType} AND entity_id = #{entityId} ORDER BY id")
    List<ChainRow> chainRowsFor(@Param("entityType") String entityType, @Param("entityId") String entityId);

    /** Rewrites the personal data of a sealed form-2 event; its digests, and so its hash, stay. */
    @Update("UPDATE audit_event SET before_state = #{before}, after_state = #{after}, reason = #{reason}, "
            + "redacted_by = #{by} WHERE id = #{id} AND hash_form = 2")
    int redact(@Param("id") long id, @Param("before") String before, @Param("after") String after,
               @Param("reason") String reason, @Param("by") long redactedBy);

    @Select("SELECT id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason "
            + "FROM audit_event WHERE entity_type = #{entityType} AND entity_id = #{entityId} ORDER BY id")
    List<AuditEvent> forEntity(@Param("entityType") String entityType, @Param("entityId") String entityId);
}
