package io.careloop.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** What a spreadsheet user gets from the exports: CSV that Excel opens safely, XLSX with a sheet per table. */
class ExportsTest {

    @TempDir
    Path dir;

    @Test
    void csvStartsWithABomAndDefusesFormulas() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Csv csv = new Csv(out)) {
            csv.row(List.of("subject", "n"));
            csv.row(List.of("=HYPERLINK(\"http://x\")", -3));
            csv.row(List.of("+1", "-2", "@SUM(A1)", "\tx", "\rx", "退货, 批号 L1", "  =cmd|'/c calc'!A1"));
        }
        byte[] bytes = out.toByteArray();

        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("subject,n\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",-3\r\n"
                // plain numbers stay numbers; a formula behind spaces is defused too (CsvCell)
                + "+1,-2,'@SUM(A1),'\tx,\"'\rx\",\"退货, 批号 L1\",'  =cmd|'/c calc'!A1\r\n");
    }

    @Test
    void xlsxHasASheetPerKpiTableWithItsRows() throws IOException {
        Kpis k = new Kpis(new Kpis.Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), "Asia/Shanghai", Map.of()),
                new Kpis.Volume(new Kpis.Count("received", 8), new Kpis.Count("out", 6)),
                new Kpis.Backlog("backlog", "2026-04-30T16:00:00Z", 4, 1218600L, 3160800L,
                        List.of(new Kpis.AgeBucket("under-1-day", 0))),
                new DurationStats(6, 4950L, 2700L, 14400L), new DurationStats(0, null, null, null),
                new Kpis.SlaCompliance(Kpis.Rate.of("first-response-met", 4, 7), Kpis.Rate.of("resolution-met", 0, 0)),
                new Kpis.Escalations(new Kpis.Count("escalated", 2), 1, 1, 25.0), Kpis.Rate.of("reopened", 1, 5),
                Kpis.Rate.of("resolved", 5, 8), new Kpis.Csat("surveyed", 0, null, Map.of(1, 0L)),
                new Kpis.Nps("surveyed", 0, 0, 0, 0, null, Map.of(0, 0L)), Kpis.Rate.of("surveyed", 0, 0),
                List.of(new Kpis.Complaint("阿莫西林 Amoxil 500", "=L2401", 3L)), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Xlsx.write(KpiTable.all(k), out);

        Map<String, String> parts = unzip(out.toByteArray());
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"summary\"", "name=\"complaints\"",
                "name=\"adverse-events\"", "name=\"csat-distribution\"");
        String strings = parts.get("xl/sharedStrings.xml");
        // fastexcel writes non-ASCII as XML character references: &#x963f; is 阿
        assertThat(strings).contains("&#x963f;&#x83ab;&#x897f;&#x6797; Amoxil 500", "=L2401", "SLA first response met %");
        // the formula-looking lot is a string cell, never a formula
        assertThat(String.join("", parts.values())).doesNotContain("<f>");
    }

    /** Read as a spreadsheet program does: through the zip's central directory. */
    private Map<String, String> unzip(byte[] zip) throws IOException {
        Path file = dir.resolve("kpis.xlsx");
        Files.write(file, zip);
        Map<String, String> parts = new HashMap<>();
        try (ZipFile z = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }
}
