package io.careloop.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.privacy.PersonalData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The classification table of docs/security.md is the one in code ({@link PersonalData}). */
class PersonalDataClassificationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+\\.[a-z.-]+)` \\| (.+?) \\| ([a-z]+) \\| (.+?) \\|\\s*$");

    @Test
    void theDocumentedClassificationIsTheOneInCode() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(securityDoc(), StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.put(m.group(1), List.of(m.group(2), m.group(3), m.group(4)));
            }
        }
        Map<String, List<String>> inCode = new LinkedHashMap<>();
        for (PersonalData p : PersonalData.values()) {
            inCode.put(p.code(), List.of(p.where(), p.dataClass().code(), p.exposure().label()));
        }

        assertThat(documented).isEqualTo(inCode);
    }

    private static Path securityDoc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/security.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/security.md above the working directory").isNotNull();
        return dir.resolve("docs/security.md");
    }
}
