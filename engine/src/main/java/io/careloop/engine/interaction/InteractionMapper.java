package io.careloop.engine.interaction;

import java.util.List;
import io.careloop.engine.db.GeneratedKey;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface InteractionMapper {

    @Insert("INSERT INTO interaction (ticket_id, kind, direction, author, body, external_id, created_at) "
            + "VALUES (#{ticketId}, #{kind}, #{direction}, #{author}, #{body}, #{externalId}, #{createdAt})")
    void insert(Interaction interaction);

    /** As {@link #insert}, answering the new row's id (a reply's outbox row refers to it). */
    @Insert("INSERT INTO interaction (ticket_id, kind, direction, author, body, external_id, created_at) "
            + "VALUES (#{i.ticketId}, #{i.kind}, #{i.direction}, #{i.author}, #{i.body}, #{i.externalId}, #{i.createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertReturningKey(@Param("i") Interaction interaction, @Param("key") GeneratedKey key);

    @Select("SELECT id, ticket_id, kind, direction, author, body, external_id, created_at FROM interaction "
            + "WHERE ticket_id = #{ticketId} ORDER BY created_at, id")
    List<Interaction> forTicket(long ticketId);
}
