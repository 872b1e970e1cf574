package io.careloop.plugin.testkit;

import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.PluginSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/**
 * One uploaded file as the host hands it to {@code importStream}: the bytes, the file name, the
 * preset the user chose (or null) and the plugin's settings; it keeps the preamble the plugin
 * reports and the last progress it gave.
 */
public final class BytesImport implements ImportContext {

    private final byte[] bytes;
    private final String fileName;
    private final String preset;
    private final PluginSettings settings;
    private final RecordingSink sink;
    private String preamble;
    private long progressDone = -1;

    public BytesImport(byte[] bytes, String fileName, String preset, Map<String, String> settings, RecordingSink sink) {
        this(bytes, fileName, preset, new PluginSettings(settings), sink);
    }

    public BytesImport(byte[] bytes, String fileName, String preset, PluginSettings settings, RecordingSink sink) {
        this.bytes = bytes.clone();
        this.fileName = fileName;
        this.preset = preset;
        this.settings = settings;
        this.sink = sink;
    }

    /** An import with its own fresh {@link RecordingSink}. */
    public BytesImport(byte[] bytes, String fileName, String preset, Map<String, String> settings) {
        this(bytes, fileName, preset, settings, new RecordingSink());
    }

    @Override
    public InputStream input() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String fileName() {
        return fileName;
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
    public RecordingSink sink() {
        return sink;
    }

    @Override
    public void preamble(String text) {
        preamble = text;
    }

    @Override
    public void progress(long done, long total) {
        progressDone = done;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** What the plugin reported as the file's preamble (lines before the records), or null. */
    public String preamble() {
        return preamble;
    }

    /** The last progress the plugin reported (bytes or records done), -1 when it reported none. */
    public long progressDone() {
        return progressDone;
    }
}
