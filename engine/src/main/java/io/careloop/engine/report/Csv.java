package io.careloop.engine.report;

import io.careloop.engine.text.CsvCell;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (so Chinese shows right), CRLF lines,
 * RFC 4180 quoting. A text cell that a spreadsheet would run as a formula (it starts with
 * {@code = + - @}, a tab or a carriage return, after any spaces) is prefixed with {@code '}
 * ({@link CsvCell}), so a ticket subject like {@code =HYPERLINK(...)} stays text. Numbers are
 * written as numbers.
 */
public final class Csv implements AutoCloseable {

    private static final char[] BOM = {'\uFEFF'};

    private final Writer out;

    public Csv(OutputStream stream) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        write(() -> out.write(BOM));
    }

    public Csv row(List<?> cells) {
        write(() -> {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        });
        return this;
    }

    /** One cell as written: numbers as numbers, text through {@link CsvCell} (formula-safe, quoted when it must be). */
    static String cell(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        return CsvCell.of(value == null ? null : value.toString());
    }

    @Override
    public void close() {
        write(out::flush);
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void write(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
