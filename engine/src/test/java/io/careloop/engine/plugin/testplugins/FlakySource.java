package io.careloop.engine.plugin.testplugins;

import io.careloop.plugin.api.FieldType;
import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.RawRecord;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;

/**
 * An importer whose file share is away for the first {@code failures} attempts (an I/O error, a
 * transient failure), and that refuses a file starting with {@code POISON} outright (unusable input).
 * The attempts are counted in the file named by setting {@code counter}.
 */
@Extension
public class FlakySource implements InboundSource {

    @Override
    public String channel() {
        return "web";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(List.of(SettingsField.of("counter", FieldType.TEXT, "计数文件", "Counter file"),
                SettingsField.of("failures", FieldType.INTEGER, "失败次数", "Failures")));
    }

    @Override
    public boolean imports() {
        return true;
    }

    @Override
    public void importStream(ImportContext context) throws IOException {
        Path counter = Path.of(context.settings().get("counter", ""));
        int attempt = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).strip()) + 1 : 1;
        Files.writeString(counter, Integer.toString(attempt));
        BufferedReader in = new BufferedReader(new InputStreamReader(context.input(), StandardCharsets.UTF_8));
        String line;
        long row = 0;
        while ((line = in.readLine()) != null) {
            row++;
            if (line.startsWith("POISON")) {
                throw new IllegalArgumentException("not a file this importer reads: row " + row + " is " + line);
            }
            if (attempt <= context.settings().getInt("failures", 0) && row == 2) {
                throw new UncheckedIOException(new IOException("the file share is unreachable (attempt " + attempt + ")"));
            }
            context.sink().accept(new NewTicket(line, "Flaky " + line, "", "web", null, null, null, null, null, null),
                    new RawRecord(row, line));
        }
    }
}
