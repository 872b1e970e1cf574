package io.careloop.engine.plugin;

import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.PluginSettings;
import java.io.InputStream;
import java.time.Clock;

/** The host's {@link ImportContext} for one run. */
final class RunContext implements ImportContext {

    private static final int MAX_PREAMBLE = 20_000;

    private final InputStream input;
    private final String fileName;
    private final long size;
    private final String preset;
    private final PluginSettings settings;
    private final IntakeSink sink;
    private final RunRecorder recorder;
    private final Clock clock;

    RunContext(InputStream input, String fileName, long size, String preset, PluginSettings settings, IntakeSink sink,
               RunRecorder recorder, Clock clock) {
        this.input = input;
        this.fileName = fileName;
        this.size = size;
        this.preset = preset;
        this.settings = settings;
        this.sink = sink;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String preset() {
        return preset;
    }

    @Override
    public PluginSettings settings() {
        return settings;
    }

    @Override
    public IntakeSink sink() {
        return sink;
    }

    @Override
    public void preamble(String text) {
        recorder.preamble = text == null || text.length() <= MAX_PREAMBLE ? text : text.substring(0, MAX_PREAMBLE);
    }

    @Override
    public void progress(long done, long total) {
        recorder.pluginReportsProgress = true;
        recorder.progressDone.set(done);
        recorder.progressTotal.set(total);
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
