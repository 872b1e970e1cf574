package io.careloop.engine.attachment;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface AttachmentMapper {

    @Insert("INSERT INTO ticket_attachment (ticket_id, file_name, declared_type, content_type, size_bytes, sha256, state, "
            + "reason, source, created_at) VALUES (#{ticketId}, #{fileName}, #{declaredType}, #{contentType}, #{sizeBytes}, "
            + "#{sha256}, #{state}, #{reason}, #{source}, #{createdAt})")
    void insert(StoredAttachment attachment);

    @Select("SELECT id, ticket_id, file_name, declared_type, content_type, size_bytes, sha256, state, reason, source, "
            + "created_at FROM ticket_attachment WHERE ticket_id = #{ticketId} ORDER BY id")
    List<StoredAttachment> forTicket(long ticketId);

    @Select("SELECT a.id, a.ticket_id, a.file_name, a.declared_type, a.content_type, a.size_bytes, a.sha256, a.state, "
            + "a.reason, a.source, a.created_at FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id "
            + "WHERE t.number = #{number} AND a.id = #{id}")
    StoredAttachment find(@Param("number") String ticketNumber, @Param("id") long id);

    /** Bytes stored for the ticket so far (its share of the per-ticket limit). */
    @Select("SELECT COALESCE(SUM(size_bytes), 0) FROM ticket_attachment WHERE ticket_id = #{ticketId} AND state = 'stored'")
    long storedBytes(long ticketId);

    @Select("SELECT COUNT(*) FROM ticket_attachment WHERE ticket_id = #{ticketId} AND sha256 = #{sha256}")
    int countWithHash(@Param("ticketId") long ticketId, @Param("sha256") String sha256);
}
