package io.careloop.engine.interaction;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

public interface InteractionMapper {

    @Insert("INSERT INTO interaction (ticket_id, kind, direction, author, body, external_id, created_at) "
            + "VALUES (#{ticketId}, #{kind}, #{direction}, #{author}, #{body}, #{externalId}, #{createdAt})")
    void insert(Interaction interaction);

    @Select("SELECT id, ticket_id, kind, direction, author, body, external_id, created_at FROM interaction "
            + "WHERE ticket_id = #{ticketId} ORDER BY created_at, id")
    List<Interaction> forTicket(long ticketId);
}
