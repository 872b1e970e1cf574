package io.careloop.plugin.email;

import java.time.Clock;

/** Lets tests in other packages build the channel with a fixed clock. */
public final class EmailChannelAccess {

    private EmailChannelAccess() {
    }

    public static EmailChannel channel(Clock clock) {
        return new EmailChannel(clock);
    }
}
