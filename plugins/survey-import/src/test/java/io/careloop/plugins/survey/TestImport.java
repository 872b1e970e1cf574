package io.careloop.plugins.survey;

import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.PluginSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/** An {@link ImportContext} over bytes, as the host gives one. */
final class TestImport implements ImportContext {

    final RecordingSink sink = new RecordingSink();
    private final byte[] bytes;
    private final String preset;
    private final PluginSettings settings;
    String preamble;

    TestImport(byte[] bytes, String preset, Map<String, String> settings) {
        this.bytes = bytes;
        this.preset = preset;
        this.settings = new PluginSettings(settings);
    }

    @Override
    public InputStream input() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String fileName() {
        return "survey.csv";
    }

    @Override
    public long size() {
        return bytes.length;
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
        preamble = text;
    }

    @Override
    public void progress(long done, long total) {
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
