package io.careloop.plugins.phonelog;

import io.careloop.plugin.api.CallRecord;
import io.careloop.plugin.api.FieldType;
import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.ImportPreset;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import io.careloop.plugins.support.CsvInput;
import io.careloop.plugins.support.RowLoop;
import io.careloop.plugins.support.TextSniffer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import org.pf4j.Extension;

/**
 * Imports call logs as {@link CallRecord}s: Asterisk Master.csv, FreeSWITCH mod_cdr_csv
 * (default template), a call-centre export with a header row, or the integrator's saved column
 * mapping. Encoding and delimiter are detected unless set. The file is streamed row by row;
 * a row that cannot be read is quarantined with its row number, field and reason, the rest go on.
 */
@Extension
public class PhoneLogSource implements InboundSource {

    static final String ASTERISK = "asterisk";
    static final String FREESWITCH = "freeswitch";
    static final String CALLCENTER = "callcenter";
    static final String MAPPING = "mapping";

    @Override
    public String channel() {
        return "phone";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return SettingsSchema.of(
                SettingsField.of("timeZone", FieldType.TEXT, "话单时区", "Time zone of the logs").withDefault("Asia/Shanghai")
                        .withHelp("话单中的本地时间所在时区", "Local times in the logs are read in this zone"),
                SettingsField.select("encoding", "文件编码", "File encoding", List.of("auto", "UTF-8", "GB18030"))
                        .withDefault("auto"),
                SettingsField.select("delimiter", "分隔符", "Delimiter", List.of("auto", "comma", "semicolon", "tab"))
                        .withDefault("auto"),
                SettingsField.of("columnMapping", FieldType.MULTILINE, "列映射", "Column mapping")
                        .withHelp("每行 字段=列名，例如 callId=通话编号；字段：callId, start, caller, called, direction, "
                                        + "duration, result, agent, name, notes, answered, end",
                                "One field=Header per line, e.g. callId=Call Ref; fields: callId, start, caller, called, "
                                        + "direction, duration, result, agent, name, notes, answered, end"));
    }

    @Override
    public boolean imports() {
        return true;
    }

    @Override
    public List<ImportPreset> presets() {
        return List.of(
                new ImportPreset(ASTERISK, "Asterisk 话单 (Master.csv)", "Asterisk CDR (Master.csv)"),
                new ImportPreset(FREESWITCH, "FreeSWITCH 话单 (mod_cdr_csv)", "FreeSWITCH CDR (mod_cdr_csv)"),
                new ImportPreset(CALLCENTER, "呼叫中心导出（带表头）", "Call-centre export (header row)"),
                new ImportPreset(MAPPING, "已保存的列映射", "Saved column mapping"));
    }

    @Override
    public void importStream(ImportContext context) throws Exception {
        CallTimes times = new CallTimes(zone(context.settings().get("timeZone", "Asia/Shanghai")));
        String mapping = context.settings().get("columnMapping");
        String preset = context.preset();
        if (MAPPING.equals(preset) && (mapping == null || mapping.isBlank())) {
            throw new IllegalArgumentException("preset 'mapping' needs the setting columnMapping");
        }
        IntakeSink sink = context.sink();
        try (CsvInput csv = CsvInput.open(context.input(), TextSniffer.named(context.settings().get("encoding")),
                TextSniffer.delimiterNamed(context.settings().get("delimiter")))) {
            Iterator<CsvInput.Row> rows = csv.iterator();
            if (!rows.hasNext()) {
                return;
            }
            CsvInput.Row first = rows.next();
            CallFormat format = choose(preset, first, mapping, times);
            boolean headed = format instanceof HeaderFormat;
            if (headed) {
                context.preamble(csv.raw(first));
            } else {
                RowLoop.take(csv, first, sink, format::read);
            }
            RowLoop.run(csv, rows, sink, format::read);
        }
    }

    /** The preset's format, or the one the first row reveals. */
    static CallFormat choose(String preset, CsvInput.Row first, String mapping, CallTimes times) {
        if (ASTERISK.equals(preset)) {
            return new AsteriskFormat(times);
        }
        if (FREESWITCH.equals(preset)) {
            return new FreeSwitchFormat(times);
        }
        if (CALLCENTER.equals(preset) || MAPPING.equals(preset)) {
            HeaderFormat f = HeaderFormat.of(first, MAPPING.equals(preset) ? mapping : null, times);
            if (f == null) {
                throw new IllegalArgumentException("the header row names no call id and start time column: " + first.values());
            }
            return f;
        }
        HeaderFormat headed = HeaderFormat.of(first, mapping, times);
        if (headed != null) {
            return headed;
        }
        if (AsteriskFormat.looksLike(first)) {
            return new AsteriskFormat(times);
        }
        if (FreeSwitchFormat.looksLike(first)) {
            return new FreeSwitchFormat(times);
        }
        throw new IllegalArgumentException("cannot tell the format of this call log; choose a preset ("
                + String.join(", ", ASTERISK, FREESWITCH, CALLCENTER, MAPPING) + ")");
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("setting timeZone '" + id + "' is not a time zone");
        }
    }
}
