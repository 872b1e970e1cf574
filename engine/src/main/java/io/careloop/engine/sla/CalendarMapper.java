package io.careloop.engine.sla;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Business calendars (table business_calendar): the definition is a JSON document, see {@link Calendars}. */
public interface CalendarMapper {

    String COLUMNS = "code, name, zone, definition, is_default, updated_at, version";

    @Select("SELECT " + COLUMNS + " FROM business_calendar ORDER BY code")
    List<CalendarRow> all();

    @Select("SELECT " + COLUMNS + " FROM business_calendar WHERE code = #{code}")
    CalendarRow find(String code);

    @Select("SELECT " + COLUMNS + " FROM business_calendar WHERE is_default = TRUE ORDER BY code FETCH FIRST 1 ROWS ONLY")
    CalendarRow findDefault();

    @Insert("INSERT INTO business_calendar (" + COLUMNS + ") "
            + "VALUES (#{c.code}, #{c.name}, #{c.zone}, #{c.definition}, #{c.isDefault}, #{c.updatedAt}, 0)")
    void insert(@Param("c") CalendarRow row);

    @Update("UPDATE business_calendar SET name = #{c.name}, zone = #{c.zone}, definition = #{c.definition}, "
            + "is_default = #{c.isDefault}, updated_at = #{c.updatedAt}, version = version + 1 "
            + "WHERE code = #{c.code} AND version = #{expectedVersion}")
    int update(@Param("c") CalendarRow row, @Param("expectedVersion") int expectedVersion);

    @Update("UPDATE business_calendar SET is_default = FALSE, version = version + 1 WHERE is_default = TRUE AND code <> #{code}")
    int clearDefaultExcept(String code);

    @Select("SELECT calendar_code FROM queue_calendar WHERE queue = #{queue}")
    String calendarOfQueue(String queue);

    @Select("SELECT queue, calendar_code, updated_at, updated_by FROM queue_calendar ORDER BY queue")
    List<QueueCalendar> queueCalendars();

    @Insert("INSERT INTO queue_calendar (queue, calendar_code, updated_at, updated_by) "
            + "VALUES (#{q.queue}, #{q.calendarCode}, #{q.updatedAt}, #{q.updatedBy})")
    void insertQueueCalendar(@Param("q") QueueCalendar row);

    @Update("UPDATE queue_calendar SET calendar_code = #{q.calendarCode}, updated_at = #{q.updatedAt}, "
            + "updated_by = #{q.updatedBy} WHERE queue = #{q.queue}")
    int updateQueueCalendar(@Param("q") QueueCalendar row);

    @org.apache.ibatis.annotations.Delete("DELETE FROM queue_calendar WHERE queue = #{queue}")
    int deleteQueueCalendar(String queue);

    /** A row as stored. */
    record CalendarRow(String code, String name, String zone, String definition, Boolean isDefault,
                       java.time.Instant updatedAt, Integer version) {
    }
}
