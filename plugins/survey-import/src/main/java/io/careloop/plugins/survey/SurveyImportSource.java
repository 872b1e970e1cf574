package io.careloop.plugins.survey;

import io.careloop.plugin.api.FieldType;
import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.ImportPreset;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import io.careloop.plugin.api.SurveyResponse;
import io.careloop.plugins.support.CsvInput;
import io.careloop.plugins.support.RowLoop;
import io.careloop.plugins.support.TextSniffer;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * Imports satisfaction survey exports as {@link SurveyResponse}s for the feedback loop: 问卷星
 * (Wenjuanxing, often GBK), Qualtrics, SurveyMonkey and generic CSV (columns by name or a saved
 * mapping). A partial response is handed in as not completed (it is recorded, the loop stays
 * open). A row that cannot be read is quarantined with its field and reason; one for an unknown
 * ticket or with a score out of range is refused by the engine and quarantined the same way.
 */
@Extension
public class SurveyImportSource implements InboundSource {

    @Override
    public String channel() {
        return "survey";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return SettingsSchema.of(
                SettingsField.of("surveyTimeZone", FieldType.TEXT, "问卷时间时区", "Time zone of survey times")
                        .withDefault("Asia/Shanghai"),
                SettingsField.select("surveyEncoding", "文件编码", "File encoding", List.of("auto", "UTF-8", "GB18030"))
                        .withDefault("auto"),
                SettingsField.of("surveyColumnMapping", FieldType.MULTILINE, "列映射（通用格式）", "Column mapping (generic)")
                        .withHelp("每行 字段=列名；字段：" + String.join(", ", Mapping.FIELDS),
                                "One field=Header per line; fields: " + String.join(", ", Mapping.FIELDS)));
    }

    @Override
    public boolean imports() {
        return true;
    }

    @Override
    public List<ImportPreset> presets() {
        return List.of(
                new ImportPreset(Layouts.WENJUANXING, "问卷星导出", "Wenjuanxing export"),
                new ImportPreset(Layouts.QUALTRICS, "Qualtrics 导出", "Qualtrics CSV export"),
                new ImportPreset(Layouts.SURVEYMONKEY, "SurveyMonkey 导出", "SurveyMonkey export"),
                new ImportPreset(Layouts.GENERIC, "通用 CSV（按列名或列映射）", "Generic CSV (by header or mapping)"));
    }

    @Override
    public void importStream(ImportContext context) throws Exception {
        ZoneId zone = ZoneId.of(context.settings().get("surveyTimeZone", "Asia/Shanghai"));
        IntakeSink sink = context.sink();
        try (CsvInput csv = CsvInput.open(context.input(), TextSniffer.named(context.settings().get("surveyEncoding")), null)) {
            Iterator<CsvInput.Row> rows = csv.iterator();
            if (!rows.hasNext()) {
                return;
            }
            Layouts.Found found = Layouts.find(context.preset(), rows, zone, context.settings().get("surveyColumnMapping"));
            context.preamble(found.header().stream().map(csv::raw).collect(Collectors.joining("\r\n")));
            RowLoop.run(csv, rows, sink, found.layout()::read);
        }
    }
}
