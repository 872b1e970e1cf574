package io.careloop.plugins.example;

import io.careloop.plugin.api.FieldType;
import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.RawRecord;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.pf4j.Extension;

/**
 * The example of docs/plugins.md: a file of lines {@code id|subject|description} becomes one
 * ticket per line. The id is the source key, so importing the file again changes nothing; a
 * line without a subject is quarantined with its line number.
 */
@Extension
public class LineTicketSource implements InboundSource {

    @Override
    public String channel() {
        return "web";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return SettingsSchema.of(SettingsField.of("separator", FieldType.TEXT, "分隔符", "Separator").withDefault("|"));
    }

    @Override
    public boolean imports() {
        return true;
    }

    @Override
    public void importStream(ImportContext context) throws Exception {
        String separator = context.settings().get("separator", "|");
        BufferedReader in = new BufferedReader(new InputStreamReader(context.input(), StandardCharsets.UTF_8));
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            RawRecord raw = new RawRecord(number, line);
            String[] parts = line.split(java.util.regex.Pattern.quote(separator), 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                context.sink().reject(raw, "subject", "a line is id" + separator + "subject" + separator + "description");
                continue;
            }
            String description = parts.length > 2 ? parts[2] : "";
            context.sink().accept(new NewTicket(parts[0].strip(), parts[1].strip(), description, "web", null, null, null,
                    null, null, null), raw);
        }
    }
}
