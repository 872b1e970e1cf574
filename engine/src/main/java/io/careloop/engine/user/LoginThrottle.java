package io.careloop.engine.user;

import io.careloop.engine.process.Transactions;
import io.careloop.engine.text.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.exceptions.PersistenceException;

/**
 * Slows password guessing across the cluster: after {@link LoginPolicy#perAccount} failed logins for
 * one username, or {@link LoginPolicy#perAddress} from one client address, within
 * {@link LoginPolicy#window}, further logins for it are refused (429, without checking the password)
 * until the window of the first failure has passed. The counts live in the database
 * ({@code login_failure}, V16), so every node sees every node's failures and a restart forgets
 * nothing. Unknown usernames count like known ones; a successful login clears its account's count
 * (not its address's). Counting is one atomic UPDATE per key (an INSERT the first time; a node that
 * loses that race counts again), so concurrent failures on several nodes are all counted.
 */
public final class LoginThrottle {

    /** Passed windows are deleted every this many failures (per node). */
    static final int PURGE_EVERY = 200;
    private static final int MAX_KEY = 300;

    private final Transactions tx;
    private final Clock clock;
    private final LoginPolicy policy;
    private final AtomicLong failuresSeen = new AtomicLong();

    public LoginThrottle(Transactions tx, Clock clock, LoginPolicy policy) {
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
    }

    public LoginPolicy policy() {
        return policy;
    }

    /** How long the caller must wait before trying again, or empty when they may try now. */
    public Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Instant expired = now.minus(policy.window());
        return tx.read(s -> s.getMapper(LoginThrottleMapper.class).lockedSince(accountKey(username), policy.perAccount(),
                        addressKey(address), policy.perAddress(), expired)).stream()
                .map(since -> Duration.between(now, since.plus(policy.window())))
                .filter(d -> !d.isNegative() && !d.isZero())
                .max(Duration::compareTo);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        Instant expired = now.minus(policy.window());
        count(accountKey(username), now, expired);
        count(addressKey(address), now, expired);
        if (failuresSeen.incrementAndGet() % PURGE_EVERY == 0) {
            tx.read(s -> s.getMapper(LoginThrottleMapper.class).purge(expired));
        }
    }

    public void succeeded(String username) {
        tx.read(s -> s.getMapper(LoginThrottleMapper.class).clear(accountKey(username)));
    }

    private void count(String key, Instant now, Instant expired) {
        for (int attempt = 0; attempt < 3; attempt++) {
            boolean counted = tx.read(s -> {
                LoginThrottleMapper m = s.getMapper(LoginThrottleMapper.class);
                if (m.count(key, now, expired) > 0) {
                    return true;
                }
                try {
                    m.open(key, now);
                    return true;
                } catch (PersistenceException anotherNodeFirst) {
                    return false;
                }
            });
            if (counted) {
                return;
            }
        }
        throw new IllegalStateException("cannot count a failed login for " + key.substring(0, 5));
    }

    static String accountKey(String username) {
        return key("user:", username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return key("addr:", address == null ? "" : address);
    }

    /** Long values (a 10 kB "username") are kept as their SHA-256. */
    private static String key(String prefix, String value) {
        if (prefix.length() + value.length() <= MAX_KEY) {
            return prefix + value;
        }
        return prefix + "sha256:" + Sha256.hex(value);
    }
}
