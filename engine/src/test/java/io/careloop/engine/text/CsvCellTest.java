package io.careloop.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1",
            "\r=1", "  =1+1"})
    void aCellASpreadsheetWouldRunAsAFormulaStartsWithAQuote(String hostile) {
        assertThat(CsvCell.defuse(hostile)).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12", "+3", "4.5", "0", "Lipitor 20 mg", "王小明", "a=b", "", "   "})
    void numbersAndOrdinaryTextStayAsTheyAre(String text) {
        assertThat(CsvCell.defuse(text)).isEqualTo(text);
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(CsvCell.of("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCell.of("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCell.of("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvCell.of(null)).isEmpty();
    }

    @Test
    void aLineJoinsDefusedFields() {
        assertThat(CsvCell.line("CL-2026-000001", "=cmd", "3", null)).isEqualTo("CL-2026-000001,'=cmd,3,");
    }
}
