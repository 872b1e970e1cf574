package io.careloop.engine.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts SLA time: due dates from a start and a target, and the time that counts between two
 * instants. In {@link SlaMode#BUSINESS} only the working hours of a {@link BusinessCalendar}
 * count; in {@link SlaMode#CALENDAR} every instant does ("business time" then means all time).
 *
 * <p>Decisions, all following from one definition — {@code addBusinessTime(start, d)} is the
 * <em>earliest</em> instant by which {@code d} of business time has passed since {@code start}:
 * <ul>
 *   <li>a start outside working hours counts from the next working instant: Saturday + 1 h is
 *       Monday 10:00;</li>
 *   <li>a target used up exactly at the end of a period is due at that end (Friday 18:00), not
 *       at the next opening (Monday 09:00): the office closed with the work undone, and a breach
 *       timer at Monday 09:00 would report it a weekend late. So a due date for a positive
 *       target lies inside a working period or at its end, never at its start;</li>
 *   <li>a zero target is due at {@code start} itself, even outside working hours. It is the
 *       identity of the arithmetic, which keeps {@code add(add(s, a), b) == add(s, a + b)} for
 *       every a and b (moving it to the next opening would turn Friday 18:00 + 0 into Monday
 *       09:00), and a target of zero means "due now", not "due when the office opens".</li>
 * </ul>
 * Thread-safe and immutable; build one per calendar and reuse it.
 */
public final class DueDateCalculator {

    private final SlaMode mode;
    private final BusinessCalendar calendar;
    private final BusinessTimeline timeline;

    private DueDateCalculator(SlaMode mode, BusinessCalendar calendar) {
        this.mode = mode;
        this.calendar = calendar;
        this.timeline = calendar == null ? null : new BusinessTimeline(calendar);
    }

    public static DueDateCalculator businessTime(BusinessCalendar calendar) {
        return new DueDateCalculator(SlaMode.BUSINESS, Objects.requireNonNull(calendar, "calendar"));
    }

    public static DueDateCalculator calendarTime() {
        return new DueDateCalculator(SlaMode.CALENDAR, null);
    }

    /** As a policy names it; the calendar is only needed, and only used, in business mode. */
    public static DueDateCalculator of(SlaMode mode, BusinessCalendar calendar) {
        return switch (Objects.requireNonNull(mode, "mode")) {
            case BUSINESS -> businessTime(calendar);
            case CALENDAR -> calendarTime();
        };
    }

    public SlaMode mode() {
        return mode;
    }

    /** The calendar counted on; empty in calendar mode. */
    public Optional<BusinessCalendar> calendar() {
        return Optional.ofNullable(calendar);
    }

    /** The earliest instant by which {@code amount} of business time has passed since {@code start}. */
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("an SLA target cannot be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        return timeline == null ? start.plus(amount) : timeline.add(start, amount);
    }

    /**
     * Business time in [from, to). Negative when {@code to} is before {@code from}, so that
     * "time left until due" turns negative once a ticket is overdue.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        if (to.equals(from)) {
            return Duration.ZERO;
        }
        return timeline == null ? Duration.between(from, to) : timeline.between(from, to);
    }

    /** Whether {@code t} lies in a working period; a period's end belongs to the break after it. */
    public boolean isWorkingTime(Instant t) {
        Objects.requireNonNull(t, "t");
        return timeline == null || timeline.isWorkingTime(t);
    }

    /** {@code t} itself when it is working time, else the start of the next working period. */
    public Instant nextWorkingInstant(Instant t) {
        Objects.requireNonNull(t, "t");
        return timeline == null ? t : timeline.nextWorkingInstant(t);
    }
}
