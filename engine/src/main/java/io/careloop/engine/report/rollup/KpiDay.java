package io.careloop.engine.report.rollup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code kpi_day}: the tickets received on {@code reportDay} (report zone) now in {@code queue}
 * and {@code category} ('' for none), and {@code outCount} of the tickets resolved on that day.
 * Clocks still running are kept as a count with the bounds of their due dates, so that "missed"
 * is decided at read time; durations are sorted business seconds ({@link Durations}).
 */
public record KpiDay(LocalDate reportDay, String queue, String category, int received, int resolved, int everResolved,
                     int reopened, int escalated, int escalatedL3, int frMet, int frLate, int frOpen,
                     Instant frOpenDueMin, Instant frOpenDueMax, int resMet, int resLate, int resOpen,
                     Instant resOpenDueMin, Instant resOpenDueMax, int aeNot, int aeAwaiting, int aeOnTime,
                     int aeLate, int aePending, Instant aeDueMin, Instant aeDueMax, int outCount, int openCount,
                     java.math.BigDecimal openEpochSum, Instant openMinReceived, Instant resolvedMax, byte[] frSeconds,
                     byte[] resSeconds) {
}
