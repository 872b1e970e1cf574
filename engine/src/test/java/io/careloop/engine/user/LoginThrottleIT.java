package io.careloop.engine.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Login throttling is cluster-wide: two throttles on one database (two nodes) share the counts per
 * account and per address; the window and the limits come from the configuration.
 */
class LoginThrottleIT {

    private static final LoginPolicy POLICY = new LoginPolicy(Duration.ofMinutes(10), 3, 5);

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void failuresOnTwoNodesAddUpAndLockTheAccountOnBothUntilTheWindowEnds(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        LoginThrottle node1 = new LoginThrottle(careLoop.transactions(), clock, POLICY);
        LoginThrottle node2 = new LoginThrottle(careLoop.transactions(), clock, POLICY);
        String user = "li.wei-" + db;

        node1.failed(user, "10.0.0.1");
        node2.failed(user, "10.0.0.2");
        assertThat(node1.blocked(user, "10.0.0.3")).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        node2.failed(user.toUpperCase(), "10.0.0.3");

        assertThat(node1.blocked(user, "10.0.0.9")).hasValueSatisfying(wait ->
                assertThat(wait).isEqualTo(Duration.ofMinutes(8)));
        assertThat(node2.blocked(user, "10.0.0.9")).isPresent();
        assertThat(node2.blocked("someone-else-" + db, "10.0.0.9")).isEmpty();

        clock.advance(Duration.ofMinutes(8));
        assertThat(node1.blocked(user, "10.0.0.9")).isEmpty();
        // the next failure opens a new window with a count of one
        node1.failed(user, "10.0.0.9");
        assertThat(node2.blocked(user, "10.0.0.8")).isEmpty();
    }

    @OnEveryDatabase
    void oneAddressTryingManyAccountsIsLockedOutOnEveryNode(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        LoginThrottle node1 = new LoginThrottle(careLoop.transactions(), clock, POLICY);
        LoginThrottle node2 = new LoginThrottle(careLoop.transactions(), clock, POLICY);
        String address = "192.0.2.7-" + db;

        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? node1 : node2).failed("guess-" + i, address);
        }

        assertThat(node2.blocked("zhou-" + db, address)).isPresent();
        assertThat(node1.blocked("zhou-" + db, "192.0.2.8")).isEmpty();
    }

    @OnEveryDatabase
    void aSuccessfulLoginClearsItsAccountsCountButNotItsAddresss(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        LoginThrottle node = new LoginThrottle(careLoop.transactions(), careLoops.clock(db), POLICY);
        String user = "sun-" + db;
        String address = "198.51.100.1-" + db;
        node.failed(user, address);
        node.failed(user, address);

        node.succeeded(user);
        node.failed(user, address);
        node.failed(user, address);

        assertThat(node.blocked(user, "elsewhere")).isEmpty();
        assertThat(Rows.count(careLoop, "SELECT failures FROM login_failure WHERE throttle_key = ?", "addr:" + address))
                .isEqualTo(4);
    }

    @OnEveryDatabase
    void concurrentFailuresOnSeveralNodesAreAllCounted(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        LoginPolicy wide = new LoginPolicy(Duration.ofMinutes(10), 1000, 1000);
        String user = "race-" + db.name().toLowerCase(java.util.Locale.ROOT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LoginThrottle node = new LoginThrottle(careLoop.transactions(), clock, wide);
            done.add(pool.submit(() -> node.failed(user, "203.0.113.5-" + db)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : done) {
            f.get();
        }

        assertThat(Rows.count(careLoop, "SELECT failures FROM login_failure WHERE throttle_key = ?", "user:" + user))
                .isEqualTo(40);
    }

    @Test
    void theWindowAndTheLimitsAreConfigurable() {
        LoginPolicy p = SettingsLoader.loginPolicy(Map.of("CARELOOP_LOGIN_WINDOW", "PT1H",
                "CARELOOP_LOGIN_MAX_FAILURES_PER_ACCOUNT", "10", "CARELOOP_LOGIN_MAX_FAILURES_PER_ADDRESS", "100"));

        assertThat(p).isEqualTo(new LoginPolicy(Duration.ofHours(1), 10, 100));
        assertThat(SettingsLoader.loginPolicy(Map.of())).isEqualTo(LoginPolicy.DEFAULTS);
    }
}
