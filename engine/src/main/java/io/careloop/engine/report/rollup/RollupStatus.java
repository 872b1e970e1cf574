package io.careloop.engine.report.rollup;

import java.time.LocalDate;

/**
 * How far the KPI roll-up is (docs/reports.md, "Building the roll-up"): {@code ready}, or {@code building}
 * with the days done of the days to build (newest first). Days from {@code builtFrom} on are complete;
 * a period that starts earlier is answered from the ticket rows until the build gets there.
 */
public record RollupStatus(String state, String zone, int daysDone, int daysTotal, Double percent, LocalDate builtFrom) {

    public static final String READY = "ready";
    public static final String BUILDING = "building";

    static RollupStatus of(KpiMapper.State s, java.time.ZoneId z) {
        if (s.built() && z.getId().equals(s.zone())) {
            int total = s.buildFirst() == null ? 0 : days(s.buildFirst(), s.buildLast());
            return new RollupStatus(READY, z.getId(), total, total, 100.0, null);
        }
        if (!s.building(z)) {
            // not begun yet for this zone: nothing is built
            return new RollupStatus(BUILDING, z.getId(), 0, 0, 0.0, null);
        }
        int total = days(s.buildFirst(), s.buildLast());
        int done = days(s.buildNext().plusDays(1), s.buildLast());
        return new RollupStatus(BUILDING, z.getId(), done, total, Math.floor(done * 1000.0 / total) / 10.0,
                s.buildNext().plusDays(1));
    }

    public boolean ready() {
        return READY.equals(state);
    }

    /** True when every day the roll-up needs for a period starting on {@code from} is built. */
    public boolean covers(LocalDate from) {
        return ready() || (builtFrom != null && !from.isBefore(builtFrom));
    }

    private static int days(LocalDate first, LocalDate last) {
        return Math.max(0, (int) (last.toEpochDay() - first.toEpochDay() + 1));
    }
}
