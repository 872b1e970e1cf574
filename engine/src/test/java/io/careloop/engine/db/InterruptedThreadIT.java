package io.careloop.engine.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it works on the H2 file database (a plugin call past its time limit, a
 * background build stopped at shutdown) must not close the database under every other thread. With
 * H2's default file system an interrupt during file I/O closes the file channel and the database with
 * it ("The database has been closed"); {@link Database} opens H2 files through H2's {@code retry:}
 * file system, which reopens the channel and goes on.
 */
class InterruptedThreadIT {

    @TempDir
    Path dir;

    @Test
    void interruptingAThreadInTheMiddleOfItsDatabaseWorkLeavesTheDatabaseWorking() throws Exception {
        // CareLoop's own H2 settings (WRITE_DELAY=0: each commit writes on the committing thread), and a
        // small page cache so that reads go to the file too
        String url = "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath() + SettingsLoader.H2_OPTIONS + ";CACHE_SIZE=512";
        Settings settings = new Settings(0, dir, url, "sa", "", 8, dir.resolve("plugins"), false, null, false,
                Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofHours(12), 4);
        try (CareLoop careLoop = CareLoop.start(settings, Clock.systemUTC())) {
            AtomicInteger taken = new AtomicInteger();
            try (var c = careLoop.database().dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE TABLE scratch (id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(200))");
            }
            for (int round = 0; round < 6; round++) {
                Thread worker = new Thread(() -> {
                    // a thread writing through the pool, committing often: interrupted in the middle of it
                    try (var c = careLoop.database().dataSource().getConnection();
                         var insert = c.prepareStatement("INSERT INTO scratch (v) VALUES (?)")) {
                        c.setAutoCommit(false);
                        for (int i = 0; i < 100_000; i++) {
                            insert.setString(1, "row " + i + " of a thread that will be interrupted");
                            insert.executeUpdate();
                            if (i % 50 == 0) {
                                c.commit();
                                taken.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        // the interrupted thread's own work may fail; what matters is everything after it
                    }
                });
                worker.start();
                Thread.sleep(100);
                worker.interrupt();
                worker.join(60_000);

                String number = careLoop.intake().intake(Drafts.ticket(Drafts.unique("after"), Category.SERVICE_PROCESS, Severity.LOW), "api", null, "test")
                        .ticket().number();
                assertThat(careLoop.tickets().find(number).number()).as("round %d", round).isEqualTo(number);
            }
            assertThat(taken.get()).as("commits made by the interrupted threads").isPositive();
        }
    }
}
