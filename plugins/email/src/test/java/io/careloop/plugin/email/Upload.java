package io.careloop.plugin.email;

import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.PluginSettings;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;

/** One upload as the host hands it to {@code importStream}. */
public record Upload(byte[] bytes, String fileName, PluginSettings settings, IntakeSink sink) implements ImportContext {

    @Override
    public InputStream input() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public String preset() {
        return null;
    }

    @Override
    public void preamble(String text) {
        // mail messages stand alone: no preamble
    }

    @Override
    public void progress(long done, long total) {
        // the host's byte progress is enough here
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
