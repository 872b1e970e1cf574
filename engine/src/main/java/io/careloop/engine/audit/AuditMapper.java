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
            + "chain_seq, prev_hash, hash";

    @Select("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1 FOR UPDATE")
    ChainHead lockHead();

    @Select("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1")
    ChainHead head();

    @Select("SELECT " + CHAIN_COLUMNS + " FROM audit_event WHERE chain_seq IS NULL ORDER BY id FETCH FIRST #{limit} ROWS ONLY")
    List<ChainRow> unsealed(int limit);

    @Update("UPDATE audit_event SET chain_seq = #{seq}, prev_hash = #{prev}, hash = #{hash} WHERE id = #{id} AND chain_seq IS NULL")
    int seal(@Param("id") long id, @Param("seq") long seq, @Param("prev") String prevHash, @Param("hash") String hash);

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

    @Select("SELECT id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason "
            + "FROM audit_event WHERE entity_type = #{entityType} AND entity_id = #{entityId} ORDER BY id")
    List<AuditEvent> forEntity(@Param("entityType") String entityType, @Param("entityId") String entityId);
}
