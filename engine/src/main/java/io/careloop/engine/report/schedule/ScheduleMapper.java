package io.careloop.engine.report.schedule;

import io.careloop.engine.db.GeneratedKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Weekly report schedules and their deliveries (V15); the same SQL on H2 and PostgreSQL. */
public interface ScheduleMapper {

    String SCHEDULE = "id, name, day_of_week, send_time, time_zone, recipients, filter_team, filter_queue, "
            + "filter_category, filter_product, filter_tier, enabled, created_by, created_at, updated_at, version";
    String DELIVERY = "id, schedule_id, due_at, period_from, period_to, status, attempts, claimed_by, claimed_until, "
            + "next_attempt_at, last_error, message_id, sent_at";

    @Select("SELECT " + SCHEDULE + " FROM report_schedule ORDER BY id")
    List<ReportSchedule> all();

    @Select("SELECT " + SCHEDULE + " FROM report_schedule WHERE id = #{id}")
    ReportSchedule find(@Param("id") long id);

    @Insert("INSERT INTO report_schedule (name, day_of_week, send_time, time_zone, recipients, filter_team, filter_queue, "
            + "filter_category, filter_product, filter_tier, enabled, created_by, created_at, updated_at, version) VALUES "
            + "(#{s.name}, #{s.dayOfWeek}, #{s.sendTime}, #{s.timeZone}, #{s.recipients}, #{s.filterTeam}, #{s.filterQueue}, "
            + "#{s.filterCategory}, #{s.filterProduct}, #{s.filterTier}, #{s.enabled}, #{s.createdBy}, #{s.createdAt}, "
            + "#{s.updatedAt}, 1)")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insert(@Param("s") ReportSchedule s, @Param("key") GeneratedKey key);

    @Update("UPDATE report_schedule SET name = #{s.name}, day_of_week = #{s.dayOfWeek}, send_time = #{s.sendTime}, "
            + "time_zone = #{s.timeZone}, recipients = #{s.recipients}, filter_team = #{s.filterTeam}, "
            + "filter_queue = #{s.filterQueue}, filter_category = #{s.filterCategory}, filter_product = #{s.filterProduct}, "
            + "filter_tier = #{s.filterTier}, enabled = #{s.enabled}, updated_at = #{s.updatedAt}, version = version + 1 "
            + "WHERE id = #{s.id} AND version = #{s.version}")
    int update(@Param("s") ReportSchedule s);

    @Select("SELECT " + DELIVERY + " FROM report_delivery WHERE schedule_id = #{scheduleId} ORDER BY due_at DESC, id DESC")
    List<ReportDelivery> deliveries(@Param("scheduleId") long scheduleId);

    @Select("SELECT " + DELIVERY + " FROM report_delivery WHERE id = #{id}")
    ReportDelivery delivery(@Param("id") long id);

    /** The claim of a new due time: one row per schedule and due time, so of two nodes one inserts and one fails. */
    @Insert("INSERT INTO report_delivery (schedule_id, due_at, period_from, period_to, status, attempts, claimed_by, "
            + "claimed_until) SELECT #{scheduleId}, #{dueAt}, #{from}, #{to}, 'sending', 1, #{node}, #{until} FROM report_schedule "
            + "WHERE id = #{scheduleId} AND NOT EXISTS (SELECT 1 FROM report_delivery d WHERE d.schedule_id = #{scheduleId} "
            + "AND d.due_at = #{dueAt})")
    int claimNew(@Param("scheduleId") long scheduleId, @Param("dueAt") Instant dueAt, @Param("from") LocalDate from,
                 @Param("to") LocalDate to, @Param("node") String node, @Param("until") Instant until);

    @Select("SELECT id FROM report_delivery WHERE schedule_id = #{scheduleId} AND due_at = #{dueAt} AND claimed_by = #{node} "
            + "AND status = 'sending'")
    Long claimedId(@Param("scheduleId") long scheduleId, @Param("dueAt") Instant dueAt, @Param("node") String node);

    /** Deliveries to try again: failed and due for a retry, or held by a node that did not finish in time. */
    @Select("SELECT " + DELIVERY + " FROM report_delivery WHERE (status = 'failed' AND next_attempt_at <= #{now}) "
            + "OR (status = 'sending' AND claimed_until < #{now}) ORDER BY id")
    List<ReportDelivery> retryable(@Param("now") Instant now);

    /** Takes a retry, if no other node took it since it was read (status and attempts unchanged). */
    @Update("UPDATE report_delivery SET status = 'sending', attempts = attempts + 1, claimed_by = #{node}, "
            + "claimed_until = #{until} WHERE id = #{id} AND status = #{status} AND attempts = #{attempts}")
    int claimRetry(@Param("id") long id, @Param("status") String status, @Param("attempts") int attempts,
                   @Param("node") String node, @Param("until") Instant until);

    @Update("UPDATE report_delivery SET status = 'sent', message_id = #{messageId}, sent_at = #{at}, claimed_until = NULL, "
            + "next_attempt_at = NULL, last_error = NULL WHERE id = #{id} AND claimed_by = #{node} AND status = 'sending'")
    int markSent(@Param("id") long id, @Param("node") String node, @Param("messageId") String messageId,
                 @Param("at") Instant at);

    @Update("UPDATE report_delivery SET status = #{status}, last_error = #{error}, next_attempt_at = #{next}, "
            + "claimed_until = NULL WHERE id = #{id} AND claimed_by = #{node} AND status = 'sending'")
    int markFailed(@Param("id") long id, @Param("node") String node, @Param("status") String status,
                   @Param("error") String error, @Param("next") Instant next);
}
