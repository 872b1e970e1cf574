package io.careloop.engine.testing;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Starts a CareLoop for a test, on a fresh database of the asked kind, with the job executor off. */
public final class TestCareLoop {

    private TestCareLoop() {
    }

    public static Settings settings(TestDatabases.Kind kind, String name) {
        TestDatabases.Db db = TestDatabases.fresh(kind, name);
        return new Settings(0, Path.of("target", "test-data"), db.url(), db.user(), db.password(), 24,
                Path.of("target", "test-plugins"), false, null, false, Duration.ofDays(7), Duration.ofMinutes(30),
                Duration.ofHours(12), 4);
    }

    public static CareLoop start(TestDatabases.Kind kind, String name) {
        return CareLoop.start(settings(kind, name), Clock.systemUTC());
    }

    public static CareLoop start(TestDatabases.Kind kind, String name, Clock clock) {
        return CareLoop.start(settings(kind, name), clock);
    }
}
