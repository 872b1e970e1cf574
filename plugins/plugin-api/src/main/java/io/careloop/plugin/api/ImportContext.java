package io.careloop.plugin.api;

import java.io.InputStream;
import java.time.Clock;

/**
 * What the host gives one {@link InboundSource#importStream} call: the upload as a stream, the
 * chosen preset, the plugin's settings, the sink, and a way to report progress.
 *
 * <p>The host counts every item handed to the sink (and every {@link IntakeSink#reject}) as
 * read, and keeps the counts of accepted, duplicate and rejected items for the run. It also
 * derives a byte progress from how much of {@link #input()} was consumed; a plugin that knows
 * better (rows of a known total) may report it with {@link #progress}.
 */
public interface ImportContext {

    /** The uploaded bytes. Read it once, as a stream; the host closes it after the call. */
    InputStream input();

    /** The uploaded file's name as the client sent it, or null. */
    String fileName();

    /** The size of the upload in bytes, or -1 when unknown. */
    long size();

    /** The preset the upload named, or null when it named none (detect the format). */
    String preset();

    /** The plugin's current settings (e.g. a saved column mapping), secrets decrypted. */
    PluginSettings settings();

    /** Where to hand the items read. */
    IntakeSink sink();

    /**
     * Gives the lines that precede the data (a CSV header), so that the host can replay one
     * quarantined record later as a small file of its own: preamble followed by the record's
     * (possibly corrected) raw text. Call it once, before the first item; omit it when records
     * stand alone.
     */
    void preamble(String text);

    /**
     * Reports progress as work done of work total (e.g. rows), overriding the byte progress.
     * Cheap; call it as often as you like.
     */
    void progress(long done, long total);

    /** The host's clock. */
    Clock clock();
}
