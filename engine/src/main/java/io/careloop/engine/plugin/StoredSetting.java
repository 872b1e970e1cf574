package io.careloop.engine.plugin;

import java.time.Instant;

/** A row of plugin_setting; {@code value} is ciphertext when {@code secret}. */
public record StoredSetting(String pluginId, String settingKey, String settingValue, boolean secret, Instant updatedAt) {
}
