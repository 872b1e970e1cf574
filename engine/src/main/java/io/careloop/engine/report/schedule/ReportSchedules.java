package io.careloop.engine.report.schedule;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.report.ReportFilter;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** The weekly reports' schedules: read, created and changed by editors with {@code report.schedule}, audited. */
public final class ReportSchedules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,<>\"]+@[^@\\s,<>\"]+\\.[^@\\s,<>\"]+");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    static final int MAX_RECIPIENTS = 50;

    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public ReportSchedules(Transactions tx, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ReportSchedule> all() {
        return tx.read(s -> s.getMapper(ScheduleMapper.class).all());
    }

    public ReportSchedule get(long id) {
        ReportSchedule s = tx.read(x -> x.getMapper(ScheduleMapper.class).find(id));
        if (s == null) {
            throw new NotFoundException("no report schedule " + id);
        }
        return s;
    }

    /** The deliveries of a schedule, newest first: what was sent, what failed and why, what is retried when. */
    public List<ReportDelivery> deliveries(long id) {
        get(id);
        return tx.read(s -> s.getMapper(ScheduleMapper.class).deliveries(id));
    }

    public ReportSchedule create(ScheduleInput in, String actor) {
        Instant now = clock.instant();
        ReportSchedule s = valid(in, null, actor, now, now, 1);
        return tx.write(t -> {
            GeneratedKey key = new GeneratedKey();
            t.mapper(ScheduleMapper.class).insert(s, key);
            ReportSchedule saved = t.mapper(ScheduleMapper.class).find(key.getId());
            audit.record(t, actor, "report-schedule.created", "report-schedule", saved.id().toString(), null, saved, null);
            return saved;
        });
    }

    public ReportSchedule update(long id, ScheduleInput in, String actor) {
        if (in.version() == null) {
            throw new InvalidInputException("version", "version is required: the version you read");
        }
        return tx.write(t -> {
            ReportSchedule before = t.mapper(ScheduleMapper.class).find(id);
            if (before == null) {
                throw new NotFoundException("no report schedule " + id);
            }
            ReportSchedule s = valid(in, id, before.createdBy(), before.createdAt(), clock.instant(), in.version());
            if (t.mapper(ScheduleMapper.class).update(s) != 1) {
                throw new ConflictException("report schedule " + id + " changed since version " + in.version()
                        + " (now " + before.version() + "): read it again");
            }
            ReportSchedule after = t.mapper(ScheduleMapper.class).find(id);
            audit.record(t, actor, "report-schedule.updated", "report-schedule", Long.toString(id), before, after, null);
            return after;
        });
    }

    private static ReportSchedule valid(ScheduleInput in, Long id, String createdBy, Instant createdAt, Instant updatedAt,
                                        int version) {
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "name is required (at most 200 characters)");
        }
        if (in.dayOfWeek() == null || in.dayOfWeek() < 1 || in.dayOfWeek() > 7) {
            throw new InvalidInputException("dayOfWeek", "dayOfWeek must be 1 (Monday) to 7 (Sunday)");
        }
        if (in.time() == null || !TIME.matcher(in.time()).matches()) {
            throw new InvalidInputException("time", "time must be HH:MM (24 h), got '" + in.time() + "'");
        }
        try {
            LocalTime.parse(in.time());
            ZoneId.of(in.timeZone() == null ? "" : in.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "timeZone must be an IANA zone such as Asia/Shanghai, got '"
                    + in.timeZone() + "'");
        }
        List<String> to = in.recipients() == null ? List.of()
                : in.recipients().stream().map(r -> r == null ? "" : r.strip()).filter(r -> !r.isEmpty()).distinct().toList();
        if (to.isEmpty() || to.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("recipients", "recipients: 1 to " + MAX_RECIPIENTS + " e-mail addresses");
        }
        for (String r : to) {
            if (!EMAIL.matcher(r).matches() || r.length() > 254) {
                throw new InvalidInputException("recipients", "not an e-mail address: '" + r + "'");
            }
        }
        // the dashboard's own checks (unknown category or tier: 400 naming it)
        LocalDate day = LocalDate.of(2026, 1, 1);
        ReportFilter f;
        try {
            f = ReportFilter.parse(day.toString(), day.toString(), in.team(), in.queue(), null, in.category(),
                    in.product(), in.tier());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("time", e.getMessage());
        }
        return new ReportSchedule(id, name, in.dayOfWeek(), in.time(), in.timeZone(), String.join(",", to), f.team(),
                f.queue(), f.category() == null ? null : f.category().code(), f.product(),
                f.tier() == null ? null : f.tier().code(), in.enabled() == null || in.enabled(), createdBy, createdAt,
                updatedAt, version);
    }
}
