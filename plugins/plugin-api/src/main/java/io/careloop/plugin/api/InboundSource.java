package io.careloop.plugin.api;

import java.time.Duration;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A channel that brings items in: by polling (a mailbox, a feed) and/or by importing an
 * uploaded file (a call log, a survey export, an mbox). Implement it in a plugin class annotated
 * with {@code @Extension}; the host finds it through PF4J and never names the class.
 *
 * <p>How the host calls it:
 * <ul>
 *   <li>{@link #poll} on a schedule, every {@link #pollInterval} (skipped when that is null),
 *       one call at a time per source;</li>
 *   <li>{@link #importStream} once per upload ({@code POST /api/v1/plugins/{id}/imports}) when
 *       {@link #imports()} is true, on a worker thread, while the API reports the run's
 *       progress;</li>
 *   <li>each call has a time limit: past it the host interrupts the thread (so block in
 *       interruptible I/O, or check {@link Thread#interrupted()} between items) and reports the
 *       call as timed out. A call that throws is recorded and retried with back-off. Neither
 *       affects the engine or other plugins.</li>
 * </ul>
 * Implementations keep no state between calls in fields that matter for correctness: the host
 * may create the extension again after a reload. What must survive (the last UID seen) goes
 * into {@link PollContext#state()}.
 */
public interface InboundSource extends ExtensionPoint {

    /** The channel code of the items this source produces: email, phone, survey, web, chat, … */
    String channel();

    /** The settings this source needs; the host merges them into the plugin's settings form. */
    default SettingsSchema settingsSchema() {
        return SettingsSchema.none();
    }

    /**
     * How often to poll with these settings, or null when this source does not poll (or polling
     * is switched off in the settings).
     */
    default Duration pollInterval(PluginSettings settings) {
        return null;
    }

    /**
     * Reads what is new and hands each item to {@link PollContext#sink()}. Handing an item in
     * twice is harmless (the ledger answers duplicate), so on failure a poll may simply start
     * over from the last saved state.
     */
    default void poll(PollContext context) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not poll");
    }

    /** True when this source imports uploaded files through {@link #importStream}. */
    default boolean imports() {
        return false;
    }

    /**
     * The formats an upload may name with its {@code preset} parameter (e.g. {@code asterisk});
     * empty when the source detects the format itself.
     */
    default List<ImportPreset> presets() {
        return List.of();
    }

    /**
     * Reads one uploaded file as a stream (never the whole file into memory), and hands each
     * item to {@link ImportContext#sink()} with its {@link RawRecord}; input it cannot read goes
     * to {@link IntakeSink#reject}. Throws only when the file as a whole cannot be read (an
     * unknown preset, an unreadable encoding): the run then fails with that message.
     */
    default void importStream(ImportContext context) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not import files");
    }
}
