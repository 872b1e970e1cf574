package io.careloop.engine.outbox;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface OutboxMapper {

    String COLUMNS = "id, idempotency_key, ticket_number, interaction_id, channel, state, attempts, next_attempt_at, "
            + "last_error, plugin_id, message_id, created_at, updated_at, sent_at, kind";

    @Insert("INSERT INTO outbound_message (idempotency_key, ticket_number, interaction_id, channel, state, attempts, "
            + "next_attempt_at, last_error, created_at, updated_at, kind) VALUES (#{idempotencyKey}, #{ticketNumber}, "
            + "#{interactionId}, #{channel}, #{state}, 0, #{nextAttemptAt}, #{lastError}, #{createdAt}, #{updatedAt}, #{kind})")
    void insert(OutboxMessage message);

    /** Queued messages whose time has come, and sends a crash left behind (sending, not touched since the lease). */
    @Select("SELECT " + COLUMNS + " FROM outbound_message WHERE (state = 'queued' AND next_attempt_at <= #{now}) "
            + "OR (state = 'sending' AND updated_at < #{staleBefore}) ORDER BY id LIMIT #{limit}")
    List<OutboxMessage> due(@Param("now") Instant now, @Param("staleBefore") Instant staleBefore, @Param("limit") int limit);

    /** Takes the message for one attempt; 0 rows when another dispatcher (or node) took it first. */
    @Update("UPDATE outbound_message SET state = 'sending', attempts = attempts + 1, updated_at = #{now} "
            + "WHERE id = #{id} AND state = #{state} AND attempts = #{attempts}")
    int claim(@Param("id") long id, @Param("state") String state, @Param("attempts") int attempts, @Param("now") Instant now);

    @Update("UPDATE outbound_message SET state = 'sent', plugin_id = #{pluginId}, message_id = #{messageId}, "
            + "last_error = NULL, sent_at = #{now}, updated_at = #{now} WHERE id = #{id} AND state = 'sending'")
    int markSent(@Param("id") long id, @Param("pluginId") String pluginId, @Param("messageId") String messageId,
                 @Param("now") Instant now);

    @Update("UPDATE outbound_message SET state = #{state}, last_error = #{error}, next_attempt_at = #{next}, "
            + "updated_at = #{now} WHERE id = #{id} AND state = 'sending'")
    int markAttemptFailed(@Param("id") long id, @Param("state") String state, @Param("error") String error,
                          @Param("next") Instant next, @Param("now") Instant now);

    /** The sent message's id on its interaction, so the customer's answer threads back to the ticket. */
    @Update("UPDATE interaction SET external_id = #{messageId} WHERE id = #{interactionId}")
    void recordMessageId(@Param("interactionId") long interactionId, @Param("messageId") String messageId);

    @Select("SELECT " + COLUMNS + " FROM outbound_message WHERE ticket_number = #{number} ORDER BY id")
    List<OutboxMessage> forTicket(String number);

    @Select("SELECT " + COLUMNS + " FROM outbound_message WHERE id = #{id}")
    OutboxMessage find(long id);

    @Select("SELECT body FROM interaction WHERE id = #{id}")
    String body(long interactionId);

    /** The newest message id the customer sent on the ticket (or the one that opened it): what a reply answers. */
    @Select("SELECT i.external_id FROM interaction i JOIN ticket t ON t.id = i.ticket_id WHERE t.number = #{number} "
            + "AND i.external_id IS NOT NULL AND i.direction <> 'outbound' ORDER BY i.id DESC LIMIT 1")
    String lastCustomerMessageId(String number);

    @Select("SELECT source_key FROM import_ledger WHERE ticket_number = #{number} ORDER BY id LIMIT 1")
    String openingKey(String number);
}
