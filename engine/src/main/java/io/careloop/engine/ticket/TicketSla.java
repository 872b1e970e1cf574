package io.careloop.engine.ticket;

import io.careloop.engine.error.ConflictException;
import io.careloop.engine.process.TicketProcess;
import io.careloop.engine.process.Tx;
import io.careloop.engine.sla.Calendars;
import io.careloop.engine.sla.DueDateCalculator;
import io.careloop.engine.sla.SlaClock;
import io.careloop.engine.sla.SlaTimers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The SLA clocks of a ticket and its escalation ladder: due dates in business time from the
 * classification, pause and resume (timers moved by the remaining business time, never
 * recreated), and the steps agent → supervisors (L2) → department heads (L3).
 */
final class TicketSla {

    /**
     * The candidate group each escalation level adds to the handling task (level 1, level 2) when
     * escalation-ladder.dmn has no row for the ticket's queue; the table decides otherwise.
     */
    static final List<String> ESCALATION_GROUPS = Ticket.ESCALATION_GROUPS;
    static final int MAX_LEVEL = ESCALATION_GROUPS.size();
    static final String FIRST_RESPONSE = "first-response";
    static final String RESOLUTION = "resolution";

    /** Due dates and timer dates of one classification, and the calendar they were counted on. */
    record Plan(SlaTimers timers, String calendarCode) {
    }

    private final Calendars calendars;
    private final TicketProcess process;

    TicketSla(Calendars calendars, TicketProcess process) {
        this.calendars = calendars;
        this.process = process;
    }

    /**
     * Both clocks started at {@code start}, counted on the calendar of the classification's queue
     * (the default calendar when the queue has none); the warnings at the policy's fraction of each target.
     */
    Plan plan(Tx t, Classification c, Instant firstResponseStart, Instant resolutionStart) {
        DueDateCalculator time = calendars.calculatorForQueue(t, c.slaMode(), c.queue());
        Duration fr = c.firstResponseTarget();
        Duration res = c.resolutionTarget();
        SlaTimers timers = new SlaTimers(
                time.addBusinessTime(firstResponseStart, fraction(fr, c.warningFraction())),
                time.addBusinessTime(firstResponseStart, fr),
                time.addBusinessTime(resolutionStart, fraction(res, c.warningFraction())),
                time.addBusinessTime(resolutionStart, res));
        return new Plan(timers, time.calendar().map(cal -> cal.code()).orElse(null));
    }

    /**
     * A new classification for a ticket whose clocks have been running (reclassification): the
     * time each clock has already used, counted as the old classification counted it, is charged
     * against the new target, so time spent waiting on the customer stays credited and a reopened
     * ticket's resolution clock keeps its reopen start (counting again from receipt would lose
     * both). Counted from {@code now}, or from the pause while the ticket waits (resume moves it on).
     * A clock already past its new target gets a due date in the past by the overrun (calendar time).
     */
    Plan replan(Tx t, Ticket before, Classification old, Classification c, Instant now) {
        // used time counts on the calendar the clocks ran on, the time left on the new queue's calendar
        DueDateCalculator was = timeOf(t, before);
        DueDateCalculator time = calendars.calculatorForQueue(t, c.slaMode(), c.queue());
        Instant from = before.slaPaused() ? before.slaPausedAt() : now;
        Duration frLeft = c.firstResponseTarget().minus(used(old.firstResponseTarget(), before.firstResponseDue(), from, was));
        Duration resLeft = c.resolutionTarget().minus(used(old.resolutionTarget(), before.resolutionDue(), from, was));
        SlaTimers timers = new SlaTimers(
                at(from, frLeft.minus(c.firstResponseTarget().minus(fraction(c.firstResponseTarget(), c.warningFraction()))), time),
                at(from, frLeft, time),
                at(from, resLeft.minus(c.resolutionTarget().minus(fraction(c.resolutionTarget(), c.warningFraction()))), time),
                at(from, resLeft, time));
        return new Plan(timers, time.calendar().map(cal -> cal.code()).orElse(null));
    }

    /** How much of {@code target} a clock due at {@code due} has used by {@code at}. */
    private static Duration used(Duration target, Instant due, Instant at, DueDateCalculator time) {
        return due == null ? Duration.ZERO : target.minus(time.businessTimeBetween(at, due));
    }

    private static Instant at(Instant from, Duration left, DueDateCalculator time) {
        return left.isNegative() ? from.minus(left.negated()) : time.addBusinessTime(from, left);
    }

    /** The counting of a ticket already classified (its mode and calendar as stored on it). */
    DueDateCalculator timeOf(Tx t, Ticket ticket) {
        return calendars.calculator(t, "calendar".equals(ticket.slaMode())
                ? io.careloop.engine.sla.SlaMode.CALENDAR : io.careloop.engine.sla.SlaMode.BUSINESS, ticket.slaCalendar());
    }

    /** Stops both clocks and every SLA timer where they stand. */
    Ticket pause(Ticket before, Instant now) {
        if (before.slaPaused()) {
            throw new ConflictException("ticket " + before.number() + " is already waiting on the customer");
        }
        process.pauseSlaTimers(before.processInstanceId());
        return before.withStatus(TicketStatus.WAITING, now).withSla(before.firstResponseDue(), before.resolutionDue(),
                now, before.slaState(), now);
    }

    /**
     * Restarts the clocks with the business time that was left at the pause: each due date and
     * each timer job moves by the same amount of working time, so nothing counts twice or is lost.
     */
    Ticket resume(Tx t, Ticket before, Instant now) {
        if (!before.slaPaused()) {
            throw new ConflictException("ticket " + before.number() + " is not waiting on the customer");
        }
        DueDateCalculator time = timeOf(t, before);
        Instant pausedAt = before.slaPausedAt();
        SlaTimers at = process.slaTimerDates(before.processInstanceId());
        SlaTimers moved = new SlaTimers(
                resumed(at.firstResponseWarning(), pausedAt, now, time),
                resumed(at.firstResponseDue(), pausedAt, now, time),
                resumed(at.resolutionWarning(), pausedAt, now, time),
                resumed(at.resolutionDue(), pausedAt, now, time));
        process.moveSlaTimers(before.processInstanceId(), moved, false);
        TicketStatus back = before.escalationLevel() > 0 ? TicketStatus.ESCALATED
                : before.assignee() != null || before.firstRespondedAt() != null ? TicketStatus.OPEN : TicketStatus.NEW;
        return before.withStatus(back, now).withSla(
                resumed(before.firstResponseDue(), pausedAt, now, time),
                resumed(before.resolutionDue(), pausedAt, now, time), null, before.slaState(), now);
    }

    /** One step up the ladder, or null when the ticket is already at the top. */
    Ticket escalate(Ticket before, String newState, Instant now) {
        int level = before.escalationLevel();
        if (level >= MAX_LEVEL) {
            return null;
        }
        process.addCandidateGroup(before.processInstanceId(),
                process.escalationGroup(before.queue(), level + 1, ESCALATION_GROUPS.get(level)));
        Priority priority = level == 0 ? raise(before.priority()) : Priority.URGENT;
        TicketStatus status = switch (before.status()) {
            case NEW, OPEN, REOPENED -> TicketStatus.ESCALATED;
            default -> before.status();
        };
        return before.withEscalation(level + 1, priority, status, newState, now);
    }

    static String describeLevel(int level) {
        return level == 1 ? "supervisors (L2)" : "department heads / specialists (L3)";
    }

    private static Priority raise(Priority p) {
        if (p == null) {
            return Priority.HIGH;
        }
        return switch (p) {
            case LOW -> Priority.NORMAL;
            case NORMAL -> Priority.HIGH;
            case HIGH, URGENT -> Priority.URGENT;
        };
    }

    private static Instant resumed(Instant due, Instant pausedAt, Instant now, DueDateCalculator time) {
        if (due == null) {
            return null;
        }
        return SlaClock.running(due).pause(pausedAt, time).resume(now, time).due();
    }


    private static Duration fraction(Duration target, double f) {
        return Duration.ofSeconds(Math.round(target.toSeconds() * f));
    }

}
