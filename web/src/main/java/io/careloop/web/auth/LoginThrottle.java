package io.careloop.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code perAccount} failed logins for one username, or
 * {@code perAddress} from one client address, within {@code window}, further logins for it are
 * refused (429, without checking the password) until the window of the first failure has passed.
 * Unknown usernames count like known ones, so the answer tells nothing about who exists. A
 * successful login clears its account's count (not its address's).
 *
 * <p>Counts live in this node's memory: a cluster of N nodes allows N times the attempts, and a
 * restart forgets them; bcrypt's cost bounds the rate either way. The map is bounded: expired
 * entries are dropped when it grows past {@link #MAX_KEYS}.
 */
public final class LoginThrottle {

    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** Five failures per account or fifty per address within fifteen minutes. */
    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(clock, Duration.ofMinutes(15), 5, 50);
    }

    /** How long the caller must wait before trying again, or empty when they may try now. */
    public Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Duration account = wait(accountKey(username), perAccount, now);
        Duration addr = wait(addressKey(address), perAddress, now);
        Duration longer = account.compareTo(addr) >= 0 ? account : addr;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> !now.isBefore(f.since.plus(window)));
        }
        count(accountKey(username), now);
        count(addressKey(address), now);
    }

    public void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    private void count(String key, Instant now) {
        failures.compute(key, (k, f) -> f == null || !now.isBefore(f.since.plus(window))
                ? new Failures(now, 1) : new Failures(f.since, f.count + 1));
    }

    private Duration wait(String key, int limit, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.since.plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String accountKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }

    private record Failures(Instant since, int count) {
    }
}
