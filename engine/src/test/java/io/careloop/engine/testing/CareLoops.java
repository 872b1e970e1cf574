package io.careloop.engine.testing;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One CareLoop per database for a whole test class: started on first use (a start costs seconds),
 * closed after the class. Each runs on a fresh database with the job executor off and a
 * {@link MutableClock}, so tests move time instead of waiting for it. Tests of one class share
 * the instance: they use keys and customers of their own and compare counts before and after.
 * <pre>
 * &#64;RegisterExtension
 * static final CareLoops careLoops = new CareLoops();
 *
 * &#64;OnEveryDatabase
 * void somethingHappens(Kind db) {
 *     CareLoop careLoop = careLoops.on(db);
 * </pre>
 */
public final class CareLoops implements BeforeAllCallback, AfterAllCallback {

    /** Where every test clock starts: a Monday morning in Beijing. */
    public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    private final Map<TestDatabases.Kind, CareLoop> running = new EnumMap<>(TestDatabases.Kind.class);
    private final Map<TestDatabases.Kind, MutableClock> clocks = new EnumMap<>(TestDatabases.Kind.class);
    private String name = "careloop";

    @Override
    public void beforeAll(ExtensionContext context) {
        name = context.getRequiredTestClass().getSimpleName();
    }

    /** The CareLoop of this class on {@code kind}, started now if it is not running yet. */
    public synchronized CareLoop on(TestDatabases.Kind kind) {
        return running.computeIfAbsent(kind, k -> {
            MutableClock clock = new MutableClock(START);
            clocks.put(k, clock);
            Settings settings = TestCareLoop.settings(k, name);
            return CareLoop.start(settings, clock);
        });
    }

    /** The clock of the CareLoop on {@code kind}. */
    public synchronized MutableClock clock(TestDatabases.Kind kind) {
        on(kind);
        return clocks.get(kind);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        running.values().forEach(CareLoop::close);
        running.clear();
        clocks.clear();
    }
}
