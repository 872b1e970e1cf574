package io.careloop.engine.plugin;

import io.careloop.plugin.api.ImportPreset;
import java.time.Instant;
import java.util.List;

/**
 * A plugin as the API lists it.
 *
 * @param state       PF4J's state in lower case: created, disabled, resolved, started, stopped, failed
 * @param channels    the channel codes its sources and outbound channels serve
 * @param polls       it has a source that polls with the current settings
 * @param imports     it has a source that imports uploaded files
 * @param failures    consecutive failed calls (polls) since the last success
 * @param lastError   the last failure's message, or null
 * @param nextPollAt  when it polls next (later after failures: back-off), or null
 * @param missingSettings required settings that are not set yet
 * @param sha256      the SHA-256 of its archive in the plugins directory (null without one)
 */
public record PluginInfo(String id, String version, String state, boolean enabled, String description,
                         String provider, String requires, List<String> channels, boolean polls, boolean imports,
                         List<ImportPreset> presets, int failures, String lastError, Instant nextPollAt,
                         List<String> missingSettings, String sha256) {
}
