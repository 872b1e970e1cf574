package io.careloop.engine.attachment;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

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

    /** Erasure or retention: the row keeps its size and date, loses its name and content. */
    @Update("UPDATE ticket_attachment SET file_name = #{fileName}, declared_type = NULL, sha256 = NULL, state = 'erased', "
            + "reason = #{reason} WHERE id = #{id}")
    int erase(@Param("id") long id, @Param("fileName") String fileName, @Param("reason") String reason);

    /** Erasure of a regulated record's person: the content stays, the name loses their identifiers. */
    @Update("UPDATE ticket_attachment SET file_name = #{fileName} WHERE id = #{id}")
    int rename(@Param("id") long id, @Param("fileName") String fileName);

    /** Rows of any ticket still holding this content. */
    @Select("SELECT COUNT(*) FROM ticket_attachment WHERE sha256 = #{sha256}")
    int countUsing(String sha256);
}
