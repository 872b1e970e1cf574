package io.careloop.plugins.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file read as a stream of records with Apache Commons CSV (quoted fields spanning lines,
 * doubled quotes, CRLF or LF), after {@link TextSniffer} chose encoding and delimiter unless the
 * caller fixed them. Every record keeps its values and its 1-based record number (the
 * spreadsheet row, header rows included), and can be written back as CSV text for quarantine.
 */
public final class CsvInput implements AutoCloseable, Iterable<CsvInput.Row> {

    /** One record: its row number and its values. */
    public record Row(long number, List<String> values) {

        /** The value at {@code index}, stripped, or null when the row is shorter or the value blank. */
        public String get(int index) {
            if (index < 0 || index >= values.size()) {
                return null;
            }
            String v = values.get(index);
            return v == null || v.isBlank() ? null : v.strip();
        }

        public int size() {
            return values.size();
        }
    }

    private final CSVParser parser;
    private final CSVFormat format;
    private final Charset charset;

    private CsvInput(CSVParser parser, CSVFormat format, Charset charset) {
        this.parser = parser;
        this.format = format;
        this.charset = charset;
    }

    /**
     * Opens {@code in} for reading.
     *
     * @param charset   null to detect
     * @param delimiter null to detect
     */
    public static CsvInput open(InputStream in, Charset charset, Character delimiter) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, TextSniffer.SAMPLE + 1);
        TextSniffer.Sniffed sniffed = TextSniffer.sniff(buffered);
        Charset cs = charset != null ? charset : sniffed.charset();
        if (charset == null || charset.equals(sniffed.charset())) {
            buffered.skipNBytes(sniffed.bomLength());
        }
        char d = delimiter != null ? delimiter : sniffed.delimiter();
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(d)
                .setIgnoreEmptyLines(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setTrim(false)
                .get();
        Reader reader = new InputStreamReader(buffered, cs);
        return new CsvInput(CSVParser.parse(reader, format), format, cs);
    }

    public Charset charset() {
        return charset;
    }

    public char delimiter() {
        return format.getDelimiterString().charAt(0);
    }

    /**
     * The records in order. A record the parser cannot read (an unterminated quote) ends the
     * iteration with an {@link UncheckedIOException} naming the line.
     */
    @Override
    public Iterator<Row> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                CSVRecord r = records.next();
                List<String> values = new ArrayList<>(r.size());
                r.forEach(values::add);
                return new Row(r.getRecordNumber(), values);
            }
        };
    }

    /** The row as CSV text in this file's delimiter, quoted as needed: what quarantine shows and replays. */
    public String raw(Row row) {
        return format.format(row.values().toArray());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
