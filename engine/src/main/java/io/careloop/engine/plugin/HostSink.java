package io.careloop.engine.plugin;

import io.careloop.engine.inbound.InboundItems;
import io.careloop.plugin.api.InboundItem;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.RawRecord;
import java.util.function.Supplier;

/**
 * The engine's {@link IntakeSink} for one plugin call: hands each item to {@link InboundItems}
 * under the plugin's id (the ledger's source), and counts and quarantines through the call's
 * run. A poll's run is made on its first item, so that an empty poll leaves no trace.
 */
final class HostSink implements IntakeSink {

    private final String pluginId;
    private final InboundItems inbound;
    private final Supplier<RunRecorder> run;
    private RunRecorder recorder;

    HostSink(String pluginId, InboundItems inbound, Supplier<RunRecorder> run) {
        this.pluginId = pluginId;
        this.inbound = inbound;
        this.run = run;
    }

    @Override
    public IntakeOutcome accept(InboundItem item, RawRecord raw) {
        if (item == null) {
            return reject(raw, null, "no item");
        }
        if (Thread.currentThread().isInterrupted()) {
            // the host gave up on this call (time limit): take nothing more in
            throw new IllegalStateException("the call was interrupted by the host");
        }
        IntakeOutcome outcome = inbound.accept(pluginId, item, "plugin:" + pluginId);
        recorder().count(outcome, raw);
        return outcome;
    }

    @Override
    public IntakeOutcome reject(RawRecord raw, String field, String message) {
        IntakeOutcome outcome = IntakeOutcome.rejected(field, message == null || message.isBlank() ? "unreadable" : message);
        recorder().count(outcome, raw);
        return outcome;
    }

    @Override
    public void ignored(RawRecord raw, String reason, String detail) {
        recorder().ignore(reason);
    }

    @Override
    public void deliveryFailed(String channel, String address, String bouncedMessageId, String reason) {
        if (channel != null && address != null) {
            inbound.deliveryFailed(channel, address, bouncedMessageId, reason, "plugin:" + pluginId);
        }
    }

    /** The run this sink counted into, or null when nothing was handed in. */
    RunRecorder used() {
        return recorder;
    }

    private RunRecorder recorder() {
        if (recorder == null) {
            recorder = run.get();
        }
        return recorder;
    }
}
