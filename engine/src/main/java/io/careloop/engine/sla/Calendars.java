package io.careloop.engine.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import io.careloop.engine.sla.CalendarMapper.CalendarRow;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business calendars as data: read, created and replaced through the API, and turned into
 * {@link DueDateCalculator}s for the SLA clocks. Calculators are cached for {@link #CACHE_TTL},
 * because every intake needs one and calendars change a few times a year; a change made on
 * another node is seen here within that time, a change made here at once.
 */
public final class Calendars {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private record Cached(DueDateCalculator calculator, Instant loadedAt) {
    }

    /** The JSON document in business_calendar.definition. */
    record Definition(Map<DayOfWeek, List<WorkingPeriod>> weeklyHours, Set<LocalDate> holidays,
                      Set<MakeUpDay> makeUpDays) {
    }

    private final Transactions tx;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile Cached defaultCalendar;

    public Calendars(Transactions tx, ObjectMapper json, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    public List<StoredCalendar> list() {
        return tx.read(s -> s.getMapper(CalendarMapper.class).all().stream().map(this::toStored).toList());
    }

    public StoredCalendar get(String code) {
        CalendarRow row = tx.read(s -> s.getMapper(CalendarMapper.class).find(code));
        if (row == null) {
            throw new NotFoundException("no calendar " + code);
        }
        return toStored(row);
    }

    /** Creates or replaces calendar {@code code}; with a version, only if it is still that version. */
    public StoredCalendar put(String code, CalendarInput input, String actor) {
        if (input == null) {
            throw new InvalidInputException("body", "a calendar is required");
        }
        BusinessCalendar calendar = toCalendar(code, input);
        StoredCalendar stored = tx.write(t -> {
            CalendarMapper m = t.mapper(CalendarMapper.class);
            CalendarRow before = m.find(code);
            boolean makeDefault = input.isDefault() != null ? input.isDefault() : before != null && before.isDefault();
            CalendarRow row = new CalendarRow(code, calendar.name(), calendar.zone().getId(), definitionJson(calendar),
                    makeDefault, clock.instant(), null);
            if (before == null) {
                if (input.version() != null && input.version() != 0) {
                    throw new ConflictException("calendar " + code + " does not exist (you sent version " + input.version() + ")");
                }
                m.insert(row);
            } else {
                int expected = input.version() != null ? input.version() : before.version();
                if (m.update(row, expected) == 0) {
                    throw new ConflictException("calendar " + code + " was changed by someone else (version "
                            + before.version() + ", you sent " + expected + "); reload and try again");
                }
            }
            if (makeDefault) {
                m.clearDefaultExcept(code);
            } else if (before != null && before.isDefault()) {
                throw new InvalidInputException("isDefault", "make another calendar the default first");
            }
            audit.record(t, actor, before == null ? "calendar.created" : "calendar.updated", "calendar", code,
                    before == null ? null : snapshot(before), snapshot(m.find(code)), null);
            return toStored(m.find(code));
        });
        cache.clear();
        defaultCalendar = null;
        return stored;
    }

    /**
     * The calculator of an SLA clock: plain elapsed time in calendar mode, else the working hours
     * of calendar {@code code} (null = the default calendar). Reads through {@code t} when the
     * cache is stale, so it joins the caller's transaction.
     */
    public DueDateCalculator calculator(Tx t, SlaMode mode, String code) {
        if (mode == SlaMode.CALENDAR) {
            return DueDateCalculator.calendarTime();
        }
        Instant now = clock.instant();
        if (code == null) {
            Cached d = defaultCalendar;
            if (d == null || d.loadedAt().plus(CACHE_TTL).isBefore(now)) {
                CalendarRow row = t.mapper(CalendarMapper.class).findDefault();
                if (row == null) {
                    throw new IllegalStateException("no default business calendar: mark one with isDefault");
                }
                d = new Cached(DueDateCalculator.businessTime(toStored(row).calendar()), now);
                defaultCalendar = d;
            }
            return d.calculator();
        }
        Cached c = cache.get(code);
        if (c == null || c.loadedAt().plus(CACHE_TTL).isBefore(now)) {
            CalendarRow row = t.mapper(CalendarMapper.class).find(code);
            if (row == null) {
                throw new IllegalStateException("the SLA policy names calendar " + code + ", which does not exist");
            }
            c = new Cached(DueDateCalculator.businessTime(toStored(row).calendar()), now);
            cache.put(code, c);
        }
        return c.calculator();
    }

    /**
     * The calculator of an SLA clock of a ticket in {@code queue}: the calendar assigned to the queue
     * (see {@link QueueCalendars}), else the default calendar. One primary-key read in {@code t}.
     */
    public DueDateCalculator calculatorForQueue(Tx t, SlaMode mode, String queue) {
        if (mode == SlaMode.CALENDAR) {
            return DueDateCalculator.calendarTime();
        }
        return calculator(t, mode, queue == null ? null : t.mapper(CalendarMapper.class).calendarOfQueue(queue));
    }

    private StoredCalendar toStored(CalendarRow row) {
        try {
            Definition d = json.readValue(row.definition(), Definition.class);
            BusinessCalendar c = new BusinessCalendar(row.code(), row.name(), ZoneId.of(row.zone()), d.weeklyHours(),
                    d.holidays(), d.makeUpDays());
            return new StoredCalendar(c, Boolean.TRUE.equals(row.isDefault()), row.updatedAt(),
                    row.version() == null ? 0 : row.version());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("calendar " + row.code() + " has an unreadable definition", e);
        }
    }

    private String definitionJson(BusinessCalendar c) {
        try {
            return json.writeValueAsString(new Definition(c.weeklyHours(), c.holidays(), c.makeUpDays()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write calendar " + c.code(), e);
        }
    }

    private static Map<String, Object> snapshot(CalendarRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", row.code());
        m.put("name", row.name());
        m.put("zone", row.zone());
        m.put("definition", row.definition());
        m.put("isDefault", row.isDefault());
        m.put("version", row.version());
        return m;
    }

    /** Validates the administrator's input, naming the field of the first error. */
    static BusinessCalendar toCalendar(String code, CalendarInput in) {
        ZoneId zone;
        try {
            zone = in.zone() == null || in.zone().isBlank() ? BusinessCalendar.DEFAULT_ZONE : ZoneId.of(in.zone().trim());
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone", "unknown time zone '" + in.zone() + "' (e.g. Asia/Shanghai)");
        }
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        if (in.weeklyHours() == null) {
            throw new InvalidInputException("weeklyHours", "weeklyHours is required, e.g. {\"MONDAY\": [{\"start\": \"09:00\", \"end\": \"18:00\"}]}");
        }
        for (var e : in.weeklyHours().entrySet()) {
            DayOfWeek day = weekday(e.getKey(), "weeklyHours");
            List<WorkingPeriod> periods = new ArrayList<>();
            for (Map<String, String> p : e.getValue() == null ? List.<Map<String, String>>of() : e.getValue()) {
                periods.add(new WorkingPeriod(time(p.get("start"), "weeklyHours." + day), time(p.get("end"), "weeklyHours." + day)));
            }
            week.put(day, periods);
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String h : in.holidays() == null ? List.<String>of() : in.holidays()) {
            holidays.add(date(h, "holidays"));
        }
        Set<MakeUpDay> makeUps = new HashSet<>();
        for (Map<String, String> m : in.makeUpDays() == null ? List.<Map<String, String>>of() : in.makeUpDays()) {
            makeUps.add(new MakeUpDay(date(m.get("date"), "makeUpDays"), weekday(m.get("worksLike"), "makeUpDays")));
        }
        return new BusinessCalendar(code, in.name(), zone, week, holidays, makeUps);
    }

    private static DayOfWeek weekday(String s, String field) {
        try {
            return DayOfWeek.valueOf(String.valueOf(s).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + s + "' is not a weekday (MONDAY … SUNDAY)");
        }
    }

    private static LocalTime time(String s, String field) {
        try {
            return LocalTime.parse(String.valueOf(s).trim());
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "'" + s + "' is not a time of day (HH:mm; 00:00 as an end means midnight)");
        }
    }

    private static LocalDate date(String s, String field) {
        try {
            return LocalDate.parse(String.valueOf(s).trim());
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "'" + s + "' is not a date (yyyy-MM-dd)");
        }
    }
}
