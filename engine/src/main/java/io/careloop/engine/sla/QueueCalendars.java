package io.careloop.engine.sla;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.Transactions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which business calendar each queue's SLA clocks count on: a team in Berlin works the queues it
 * owns on Berlin's hours and holidays, one in Shanghai on Shanghai's. A queue without an
 * assignment counts on the default calendar. A change applies to due dates computed from then on
 * (intake, reclassification into the queue, reopen); a ticket keeps counting on the calendar it
 * was planned on until one of those happens.
 */
public final class QueueCalendars {

    private static final Pattern QUEUE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public QueueCalendars(Transactions tx, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<QueueCalendar> list() {
        return tx.read(s -> s.getMapper(CalendarMapper.class).queueCalendars());
    }

    /**
     * Assigns calendar {@code calendarCode} to {@code queue}; null removes the assignment (the queue
     * counts on the default calendar again). Audited. Answers the queue's assignments afterwards.
     */
    public List<QueueCalendar> assign(String queue, String calendarCode, String reason, String actor) {
        if (queue == null || !QUEUE.matcher(queue).matches()) {
            throw new InvalidInputException("queue", "a queue name is 1 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        String code = calendarCode == null || calendarCode.isBlank() ? null : calendarCode.strip();
        tx.write(t -> {
            CalendarMapper m = t.mapper(CalendarMapper.class);
            if (code != null && m.find(code) == null) {
                throw new InvalidInputException("calendar", "no calendar " + code + " (GET /api/v1/calendars lists them)");
            }
            String before = m.calendarOfQueue(queue);
            QueueCalendar row = new QueueCalendar(queue, code, clock.instant(), actor);
            if (code == null) {
                m.deleteQueueCalendar(queue);
            } else if (m.updateQueueCalendar(row) == 0) {
                m.insertQueueCalendar(row);
            }
            audit.record(t, actor, "queue.calendar-assigned", "queue", queue, snapshot(queue, before),
                    snapshot(queue, code), reason == null || reason.isBlank() ? null : reason.strip());
            return null;
        });
        return list();
    }

    private static Map<String, Object> snapshot(String queue, String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queue", queue);
        m.put("calendar", code);
        return m;
    }
}
