package io.careloop.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeFileNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd|passwd",
            "..\\..\\windows\\system32\\cmd.exe|cmd.exe",
            "/abs/path/report.pdf|report.pdf",
            "C:\\Users\\x\\scan.jpg|scan.jpg",
            "..|attachment",
            ".bashrc|bashrc",
            "CON.txt|_CON.txt",
            "nul|_nul",
            "what?.pdf|what_.pdf",
            "a\u0000b.pdf|a_b.pdf",
            "invoice\u202Efdp.exe|invoice_fdp.exe",
            "处方 扫描.pdf|处方 扫描.pdf",
            "report.pdf.  |report.pdf"})
    void aNameFromOutsideBecomesOneSafeFileName(String hostile, String safe) {
        assertThat(SafeFileName.of(hostile)).isEqualTo(safe);
    }

    @Test
    void aMissingOrEmptyNameGetsTheFallback() {
        assertThat(SafeFileName.of(null)).isEqualTo("attachment");
        assertThat(SafeFileName.of("   ")).isEqualTo("attachment");
        assertThat(SafeFileName.of("/")).isEqualTo("attachment");
    }

    @Test
    void aLongNameIsCutKeepingItsExtension() {
        String safe = SafeFileName.of("x".repeat(500) + ".pdf");
        assertThat(safe).hasSize(SafeFileName.MAX).endsWith(".pdf");
    }

    @Test
    void resolvingStaysInsideTheDirectory(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThat(SafeFileName.resolveInside(dir, "../../etc/passwd")).isEqualTo(dir.toAbsolutePath().normalize().resolve("passwd"));
        assertThat(SafeFileName.resolveInside(dir, "..").getParent()).isEqualTo(dir.toAbsolutePath().normalize());
    }
}
