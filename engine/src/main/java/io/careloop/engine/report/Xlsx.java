package io.careloop.engine.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The KPI tables as one XLSX workbook, a sheet per table, written with org.dhatim:fastexcel
 * (streaming, no Apache POI). Text cells are typed as text, so nothing in them runs as a formula.
 */
public final class Xlsx {

    private Xlsx() {
    }

    public static void write(List<KpiTable> tables, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "CareLoop", "1.0");
            for (KpiTable t : tables) {
                Worksheet ws = wb.newWorksheet(t.name());
                for (int c = 0; c < t.columns().size(); c++) {
                    ws.value(0, c, t.columns().get(c));
                    ws.style(0, c).bold().set();
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof Number n) {
                            ws.value(r + 1, c, n);
                        } else if (v != null) {
                            ws.value(r + 1, c, v.toString());
                        }
                    }
                }
                ws.finish();
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
