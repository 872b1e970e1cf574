package io.careloop.engine.plugin;

import io.careloop.engine.CareLoop;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A plugin host of its own over a test's CareLoop, loading the plugins of {@code dir}, with the
 * given time limits: what CareLoop builds at start, on a directory the test fills.
 */
record Hosted(PluginHost host, PluginCalls calls, ImportRuns runs, PluginPoller poller) implements AutoCloseable {

    static Hosted over(CareLoop careLoop, Clock clock, Path dir, PluginHost.Limits limits) {
        Path data = dir.resolveSibling(dir.getFileName() + "-data");
        PluginSettingsStore store = new PluginSettingsStore(careLoop.transactions(), SecretBox.inDataDir(data), clock);
        PluginHost host = new PluginHost(dir, careLoop.transactions(), store, clock);
        host.loadAll();
        PluginCalls calls = new PluginCalls(careLoop.transactions(), clock);
        ImportRuns runs = new ImportRuns(host, calls, careLoop.inbound(), careLoop.transactions(), clock, data, limits);
        PluginPoller poller = new PluginPoller(host, calls, runs, careLoop.inbound(), careLoop.transactions(), clock, limits);
        return new Hosted(host, calls, runs, poller);
    }

    @Override
    public void close() {
        poller.close();
        runs.close();
        calls.close();
        host.close();
    }
}
