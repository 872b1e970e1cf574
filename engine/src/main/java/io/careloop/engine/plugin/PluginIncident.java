package io.careloop.engine.plugin;

import java.time.Instant;

/**
 * A plugin call that failed: it threw ({@code error}) or ran past its time limit and was
 * interrupted ({@code timeout}).
 */
public record PluginIncident(Long id, String pluginId, String operation, String kind, String message,
                             Instant occurredAt) {
}
