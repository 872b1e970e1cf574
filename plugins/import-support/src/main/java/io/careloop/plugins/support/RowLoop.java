package io.careloop.plugins.support;

import io.careloop.plugin.api.InboundItem;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.RawRecord;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The row loop of a CSV importer: each data row read into an item and handed to the sink with
 * its raw text and row number, a row that cannot be read quarantined with its field and reason,
 * an unterminated quote (after which no row boundary is reliable) reported once and the file
 * ended there, and the loop stopped when the host interrupts the call.
 */
public final class RowLoop {

    /** Reads one data row into an item, or names the field that is wrong. */
    @FunctionalInterface
    public interface RowReader {
        InboundItem read(CsvInput.Row row) throws RowProblem;
    }

    private RowLoop() {
    }

    /** Takes every remaining row of {@code rows}. */
    public static void run(CsvInput csv, Iterator<CsvInput.Row> rows, IntakeSink sink, RowReader reader)
            throws InterruptedException {
        while (true) {
            CsvInput.Row row;
            try {
                if (!rows.hasNext()) {
                    return;
                }
                row = rows.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                sink.reject(new RawRecord(0, ""), null, "the file cannot be read past this point: " + e.getMessage());
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("import interrupted");
            }
            take(csv, row, sink, reader);
        }
    }

    /** Takes one row: accepted as read, or rejected with the field ({@link RowProblem}) or the reason. */
    public static void take(CsvInput csv, CsvInput.Row row, IntakeSink sink, RowReader reader) {
        RawRecord raw = new RawRecord(row.number(), csv.raw(row));
        InboundItem item;
        try {
            item = reader.read(row);
        } catch (RowProblem p) {
            sink.reject(raw, p.field(), p.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            sink.reject(raw, null, e.getMessage());
            return;
        }
        sink.accept(item, raw);
    }
}
