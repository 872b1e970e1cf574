package io.careloop.engine.user;

import java.time.Duration;

/**
 * How many failed logins lock out an account or a client address, and for how long:
 * {@code careloop.login.window} (PT15M), {@code careloop.login.max-failures-per-account} (5),
 * {@code careloop.login.max-failures-per-address} (50); see {@code SettingsLoader.loginPolicy}.
 */
public record LoginPolicy(Duration window, int perAccount, int perAddress) {

    public static final LoginPolicy DEFAULTS = new LoginPolicy(Duration.ofMinutes(15), 5, 50);

    public LoginPolicy {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("careloop.login.window must be a positive duration");
        }
        if (perAccount < 1 || perAddress < 1) {
            throw new IllegalArgumentException("careloop.login.max-failures-per-account/-address must be at least 1");
        }
    }
}
