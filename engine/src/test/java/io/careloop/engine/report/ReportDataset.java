package io.careloop.engine.report;

import io.careloop.engine.CareLoop;
import io.careloop.engine.sla.CalendarInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The known dataset of {@link ReportServiceIT}: eleven tickets around April 2026 on the China
 * office calendar (Mon–Fri 09:00–18:00 Asia/Shanghai, UTC+8), with Monday 6 April a holiday and
 * Saturday 11 April a make-up working day (调休) that works like a Monday. Rows are written
 * as they stand after the fact, with plain JDBC, so every instant below is the one the expected
 * numbers of the test were worked out from (local Beijing time in the comments).
 */
public final class ReportDataset {

    static final Map<String, List<Map<String, String>>> OFFICE_HOURS = Map.of(
            "MONDAY", List.of(Map.of("start", "09:00", "end", "18:00")),
            "TUESDAY", List.of(Map.of("start", "09:00", "end", "18:00")),
            "WEDNESDAY", List.of(Map.of("start", "09:00", "end", "18:00")),
            "THURSDAY", List.of(Map.of("start", "09:00", "end", "18:00")),
            "FRIDAY", List.of(Map.of("start", "09:00", "end", "18:00")));

    private ReportDataset() {
    }

    public static void load(CareLoop careLoop) {
        careLoop.calendars().put("cn-office", new CalendarInput("中国办公时间 / China office hours", "Asia/Shanghai",
                OFFICE_HOURS, List.of("2026-04-06"), List.of(Map.of("date", "2026-04-11", "worksLike", "MONDAY")),
                true, null), "admin");
        try (Connection c = careLoop.database().dataSource().getConnection()) {
            c.setAutoCommit(true);
            long tierA = customer(c, "A");
            long tierB = customer(c, "B");
            long vip = customer(c, "VIP");
            exec(c, "INSERT INTO team (code, name) VALUES ('front', 'Front desk')");
            exec(c, "INSERT INTO team_queue (team_id, queue) SELECT id, 'service' FROM team WHERE code = 'front'");

            // T1 Friday evening: received Fri 3 Apr 19:00 (after hours), answered Tue 7 Apr 10:00 (Mon 6 is a holiday),
            // resolved Tue 15:00. Due: first response Tue 11:00, resolution Wed 8 Apr 18:00.
            ticket(c, "RP-01", "service-process", "service", "alice", tierA, null, null, "resolved",
                    "2026-04-03T11:00:00Z", "2026-04-07T02:00:00Z", "2026-04-07T07:00:00Z",
                    "2026-04-07T03:00:00Z", "2026-04-08T10:00:00Z", 0, 0, false, null, null, null);
            // T2 make-up day: received Fri 10 Apr 17:00, answered Sat 11 Apr 10:00 (调休, works like a Monday),
            // resolved Mon 13 Apr 09:30, closed later. Due: first response Fri 18:00 (missed), resolution Mon 12:00.
            ticket(c, "RP-02", "product-quality", "quality", null, tierB, "Amoxil 500", "L2401", "closed",
                    "2026-04-10T09:00:00Z", "2026-04-11T02:00:00Z", "2026-04-13T01:30:00Z",
                    "2026-04-10T10:00:00Z", "2026-04-13T04:00:00Z", 0, 0, false, null, null, null);
            exec(c, "UPDATE ticket SET closed_at = TIMESTAMP WITH TIME ZONE '2026-04-20 02:00:00+00' WHERE number = 'RP-02'");
            // T3 waiting on the customer: received Wed 15 Apr 09:00, answered 09:30, waited Wed 10:00 to Thu 14:00,
            // resolved Thu 16 Apr 16:00. Due: first response Wed 11:00, resolution Fri 17 Apr 12:00.
            ticket(c, "RP-03", "product-quality", "quality", null, vip, "Amoxil 500", "L2402", "resolved",
                    "2026-04-15T01:00:00Z", "2026-04-15T01:30:00Z", "2026-04-16T08:00:00Z",
                    "2026-04-15T03:00:00Z", "2026-04-17T04:00:00Z", 0, 0, false, null, null, null);
            audit(c, "RP-03", "ticket.waiting", "2026-04-15T02:00:00Z");
            audit(c, "RP-03", "ticket.resumed", "2026-04-16T06:00:00Z");
            // T4 reopened and escalated once: received Thu 16 Apr 09:00, answered 13:00 (due 11:00, missed), resolved
            // Thu 17:00, reopened Fri 10:00, resolved again Fri 17 Apr 12:00 (due Fri 17:00).
            ticket(c, "RP-04", "customer-relationship", "service", "bob", tierA, null, null, "resolved",
                    "2026-04-16T01:00:00Z", "2026-04-16T05:00:00Z", "2026-04-17T04:00:00Z",
                    "2026-04-16T03:00:00Z", "2026-04-17T09:00:00Z", 1, 1, false, null, null, null);
            // T5 escalated to L3, never answered: received Mon 20 Apr 09:00, both due dates long past.
            ticket(c, "RP-05", "medication-error", "service", null, null, null, null, "escalated",
                    "2026-04-20T01:00:00Z", null, null,
                    "2026-04-20T03:00:00Z", "2026-04-22T01:00:00Z", 0, 2, false, null, null, null);
            // T6 adverse event, regulatory clock running: received Wed 29 Apr 10:00, answered 10:30, open.
            ticket(c, "RP-06", "adverse-event", "pv", null, null, null, null, "open",
                    "2026-04-29T02:00:00Z", "2026-04-29T02:30:00Z", null,
                    "2026-04-29T04:00:00Z", "2026-05-15T00:00:00Z", 0, 0, true, "confirmed", "2026-05-14T02:00:00Z", null);
            // T7 adverse event submitted late: received Thu 2 Apr 09:00, answered 09:15, report due 17 Apr 09:00 and
            // submitted Mon 20 Apr 11:00; resolved Wed 22 Apr 10:00 after its resolution due date (10 Apr 18:00).
            ticket(c, "RP-07", "adverse-event", "pv", null, null, null, null, "resolved",
                    "2026-04-02T01:00:00Z", "2026-04-02T01:15:00Z", "2026-04-22T02:00:00Z",
                    "2026-04-02T03:00:00Z", "2026-04-10T10:00:00Z", 0, 0, true, "confirmed", "2026-04-17T01:00:00Z", null);
            audit(c, "RP-07", "ticket.adverse-event-submitted", "2026-04-20T03:00:00Z");
            // T8 possible adverse event awaiting review, waiting on the customer since Thu 23 Apr 10:00, never answered.
            ticket(c, "RP-08", "medical-inquiry", "medical", null, null, null, null, "waiting",
                    "2026-04-23T01:00:00Z", null, null,
                    "2026-04-23T03:00:00Z", "2026-04-25T01:00:00Z", 0, 0, true, "pending", null, "2026-04-23T02:00:00Z");
            audit(c, "RP-08", "ticket.waiting", "2026-04-23T02:00:00Z");
            // T9 received in March, resolved Wed 1 Apr 10:00: volume out, not in the cohort.
            ticket(c, "RP-09", "service-process", "service", null, null, null, null, "resolved",
                    "2026-03-20T01:00:00Z", "2026-03-20T02:00:00Z", "2026-04-01T02:00:00Z",
                    "2026-03-20T03:00:00Z", "2026-03-23T01:00:00Z", 0, 0, false, null, null, null);
            // T10 received Wed 25 Mar 10:00 and still open: backlog, not in the cohort.
            ticket(c, "RP-10", "service-process", "service", null, null, null, null, "open",
                    "2026-03-25T02:00:00Z", null, null, null, null, 0, 0, false, null, null, null);
            // T11 received in May: in nothing of April.
            ticket(c, "RP-11", "service-process", "service", null, null, null, null, "open",
                    "2026-05-02T02:00:00Z", null, null, null, null, 0, 0, false, null, null, null);

            survey(c, "RP-01", "invited", null, null, "2026-04-07T08:00:00Z");
            survey(c, "RP-01", "response", 5, 10, "2026-04-08T02:00:00Z");
            survey(c, "RP-02", "invited", null, null, "2026-04-13T02:00:00Z");
            survey(c, "RP-02", "response", 4, 9, "2026-04-14T02:00:00Z");
            survey(c, "RP-03", "invited", null, null, "2026-04-16T09:00:00Z");
            survey(c, "RP-03", "response", 2, 3, "2026-04-17T02:00:00Z");
            survey(c, "RP-04", "invited", null, null, "2026-04-17T05:00:00Z");
            survey(c, "RP-04", "partial", 1, null, "2026-04-18T02:00:00Z");
            survey(c, "RP-07", "invited", null, null, "2026-04-22T03:00:00Z");
            survey(c, "RP-07", "response", 3, 7, "2026-04-23T02:00:00Z");
            survey(c, "RP-09", "invited", null, null, "2026-04-01T03:00:00Z");
            survey(c, "RP-09", "response", 5, 8, "2026-04-02T02:00:00Z");
            survey(c, "RP-11", "response", 1, 0, "2026-05-03T02:00:00Z");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long customer(Connection c, String tier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer (type, tier, name, created_at, updated_at) "
                + "VALUES ('doctor', ?, '张医生', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, tier);
            ps.setObject(2, at("2026-01-01T00:00:00Z"));
            ps.setObject(3, at("2026-01-01T00:00:00Z"));
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static void ticket(Connection c, String number, String category, String queue, String assignee, Long customer,
                               String product, String lot, String status, String received, String responded,
                               String resolved, String firstResponseDue, String resolutionDue, int reopens, int level,
                               boolean suspected, String pvReview, String regulatoryDue, String pausedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (number, subject, description, channel, category, "
                + "severity, priority, status, queue, assignee, customer_id, product, lot, source, received_at, created_at, "
                + "first_response_due, resolution_due, first_responded_at, resolved_at, reopen_count, updated_at, "
                + "adverse_event_suspected, regulatory_due, sla_paused_at, escalation_level, sla_mode) "
                + "VALUES (?, ?, '患者张三的病历 (personal data)', 'email', ?, 'medium', 'normal', ?, ?, ?, ?, ?, ?, 'test', "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'business')")) {
            int i = 1;
            ps.setString(i++, number);
            ps.setString(i++, "=HYPERLINK(\"x\") 退货 " + number);
            ps.setString(i++, category);
            ps.setString(i++, status);
            ps.setString(i++, queue);
            ps.setString(i++, assignee);
            nullable(ps, i++, customer, java.sql.Types.BIGINT);
            ps.setString(i++, product);
            ps.setString(i++, lot);
            time(ps, i++, received);
            time(ps, i++, received);
            time(ps, i++, firstResponseDue);
            time(ps, i++, resolutionDue);
            time(ps, i++, responded);
            time(ps, i++, resolved);
            ps.setInt(i++, reopens);
            time(ps, i++, received);
            ps.setBoolean(i++, suspected);
            time(ps, i++, regulatoryDue);
            time(ps, i++, pausedAt);
            ps.setInt(i++, level);
            ps.executeUpdate();
        }
        if (pvReview != null) {
            exec(c, "UPDATE ticket SET pv_review = '" + pvReview + "' WHERE number = '" + number + "'");
        }
    }

    private static void audit(Connection c, String number, String action, String at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (occurred_at, actor, action, entity_type, "
                + "entity_id) VALUES (?, 'agent', ?, 'ticket', ?)")) {
            time(ps, 1, at);
            ps.setString(2, action);
            ps.setString(3, number);
            ps.executeUpdate();
        }
    }

    private static void survey(Connection c, String number, String kind, Integer csat, Integer nps, String at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO survey_fact (ticket_id, kind, csat, nps, occurred_at) "
                + "SELECT id, ?, ?, ?, ? FROM ticket WHERE number = ?")) {
            ps.setString(1, kind);
            nullable(ps, 2, csat, java.sql.Types.INTEGER);
            nullable(ps, 3, nps, java.sql.Types.INTEGER);
            time(ps, 4, at);
            ps.setString(5, number);
            ps.executeUpdate();
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static void time(PreparedStatement ps, int i, String iso) throws SQLException {
        nullable(ps, i, at(iso), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static void nullable(PreparedStatement ps, int i, Object value, int type) throws SQLException {
        if (value == null) {
            ps.setNull(i, type);
        } else {
            ps.setObject(i, value);
        }
    }

    private static java.time.OffsetDateTime at(String iso) {
        return iso == null ? null : Instant.parse(iso).atOffset(ZoneOffset.UTC);
    }
}
