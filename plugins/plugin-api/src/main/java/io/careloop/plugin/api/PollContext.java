package io.careloop.plugin.api;

import java.time.Clock;

/** What the host gives a {@link InboundSource#poll} call. */
public interface PollContext {

    /** The plugin's current settings, secrets decrypted. */
    PluginSettings settings();

    /** Where to hand the items read. */
    IntakeSink sink();

    /** State that survives between polls and restarts, per plugin and source. */
    SourceState state();

    /** The host's clock; use it instead of {@code Instant.now()} so tests can move time. */
    Clock clock();
}
