package io.careloop.engine.live;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The workspace's cluster tables: ticket viewers and the live feed (V18). */
public interface LiveMapper {

    @Update("UPDATE ticket_viewer SET node = #{node}, last_heartbeat = #{at} "
            + "WHERE ticket_number = #{ticket} AND username = #{username}")
    int touchViewer(@Param("ticket") String ticket, @Param("username") String username, @Param("node") String node,
                    @Param("at") Instant at);

    @Insert("INSERT INTO ticket_viewer (ticket_number, username, node, last_heartbeat) "
            + "VALUES (#{ticket}, #{username}, #{node}, #{at})")
    void insertViewer(@Param("ticket") String ticket, @Param("username") String username, @Param("node") String node,
                      @Param("at") Instant at);

    @Select("SELECT username FROM ticket_viewer WHERE ticket_number = #{ticket} AND last_heartbeat >= #{since} ORDER BY username")
    List<String> viewers(@Param("ticket") String ticket, @Param("since") Instant since);

    @Delete("DELETE FROM ticket_viewer WHERE last_heartbeat < #{before}")
    int deleteViewersBefore(Instant before);

    @Insert("INSERT INTO live_event (node, kind, ticket_number, event_type, actor, occurred_at) "
            + "VALUES (#{node}, #{kind}, #{ticketNumber}, #{eventType}, #{actor}, #{occurredAt})")
    void insertEvent(LiveEvent e);

    @Select("SELECT id, node, kind, ticket_number, event_type, actor, occurred_at FROM live_event "
            + "WHERE id > #{afterId} AND node <> #{node} ORDER BY id FETCH FIRST 500 ROWS ONLY")
    List<LiveEvent> eventsAfter(@Param("afterId") long afterId, @Param("node") String node);

    @Select("SELECT COALESCE(MAX(id), 0) FROM live_event")
    long lastEventId();

    @Delete("DELETE FROM live_event WHERE occurred_at < #{before}")
    int deleteEventsBefore(Instant before);
}
