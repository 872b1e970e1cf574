package io.careloop.engine.plugin.testplugins;

import io.careloop.plugin.api.FieldType;
import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.ImportPreset;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.PollContext;
import io.careloop.plugin.api.RawRecord;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;

/**
 * A well-behaved test source, packed into a plugin jar by the tests: it imports lines
 * {@code key;subject} after a header line, and each poll hands in one new ticket numbered from
 * its saved state.
 */
@Extension
public class LineSource implements InboundSource {

    @Override
    public String channel() {
        return "web";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return SettingsSchema.of(
                SettingsField.of("prefix", FieldType.TEXT, "前缀", "Prefix").withDefault("poll"),
                SettingsField.of("token", FieldType.TEXT, "令牌", "Token").asSecret(),
                SettingsField.of("every", FieldType.DURATION, "间隔", "Interval").withDefault("PT1M"));
    }

    @Override
    public Duration pollInterval(PluginSettings settings) {
        return settings.getDuration("every", null);
    }

    @Override
    public void poll(PollContext context) {
        String n = context.state().get("next");
        int next = n == null ? 1 : Integer.parseInt(n);
        String prefix = context.settings().get("prefix", "poll");
        context.sink().newTicket(new NewTicket(prefix + "-" + next, "Polled item " + next, "token set: "
                + (context.settings().get("token") != null), "web", null, null, null, null, null, null));
        context.state().put("next", Integer.toString(next + 1));
    }

    @Override
    public boolean imports() {
        return true;
    }

    @Override
    public List<ImportPreset> presets() {
        return List.of(new ImportPreset("lines", "行", "Lines"));
    }

    @Override
    public void importStream(ImportContext context) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(context.input(), StandardCharsets.UTF_8));
        String header = in.readLine();
        context.preamble(header);
        long row = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            row++;
            RawRecord raw = new RawRecord(row, line);
            String[] parts = line.split(";", -1);
            if (parts.length != 2 || parts[1].isBlank()) {
                context.sink().reject(raw, "subject", "a line is key;subject and the subject is missing");
                continue;
            }
            context.sink().accept(new NewTicket(parts[0], parts[1], "", "web", null, null, null, null, null, null), raw);
        }
    }
}
