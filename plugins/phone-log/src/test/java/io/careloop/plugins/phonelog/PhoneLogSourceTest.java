package io.careloop.plugins.phonelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.plugin.api.CallRecord;
import io.careloop.plugin.api.CallRecord.Direction;
import io.careloop.plugin.api.CallRecord.Disposition;
import io.careloop.plugin.testkit.BytesImport;
import io.careloop.plugin.testkit.RecordingSink;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneLogSourceTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void readsTheAsteriskSampleWithNotesNamesAgentsAndMissedCalls() throws Exception {
        BytesImport run = run(sample("asterisk-Master.csv"), null, Map.of());
        assertThat(run.sink().rejected).isEmpty();
        List<CallRecord> calls = calls(run);
        assertThat(calls).hasSize(8);
        CallRecord first = calls.get(0);
        assertThat(first.callId()).isEqualTo("1762045272.1");
        assertThat(first.callerNumber()).isEqualTo("13800138000");
        assertThat(first.callerName()).isEqualTo("张医生");
        assertThat(first.agent()).isEqualTo("8001");
        assertThat(first.direction()).isEqualTo(Direction.INBOUND);
        assertThat(first.disposition()).isEqualTo(Disposition.ANSWERED);
        // local time of the call centre (Asia/Shanghai by default)
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2026-11-02T01:01:12Z"));
        assertThat(first.durationSeconds()).isEqualTo(393);
        assertThat(first.notes()).isEqualTo("患者服用阿托伐他汀后出现肌肉疼痛,询问是否停药");
        assertThat(calls).extracting(CallRecord::disposition).containsExactly(Disposition.ANSWERED, Disposition.ANSWERED,
                Disposition.NO_ANSWER, Disposition.ANSWERED, Disposition.BUSY, Disposition.ANSWERED, Disposition.ANSWERED,
                Disposition.FAILED);
        assertThat(calls.get(2).answeredAt()).isNull();
        assertThat(calls.get(2).callerName()).isNull();
        assertThat(run.preamble()).isNull();
        assertThat(run.sink().acceptedRaw.get(0).position()).isEqualTo(1);
    }

    @Test
    void readsTheCallCentreSampleWithBomCrlfAndAMultiLineNote() throws Exception {
        BytesImport run = run(sample("callcenter-export.csv"), null, Map.of());
        assertThat(run.sink().rejected).isEmpty();
        List<CallRecord> calls = calls(run);
        assertThat(calls).extracting(CallRecord::callId)
                .containsExactly("C20261104-0001", "C20261104-0002", "C20261104-0003", "C20261104-0004", "C20261104-0005");
        assertThat(calls.get(1).disposition()).isEqualTo(Disposition.NO_ANSWER);
        assertThat(calls.get(1).notes()).isNull();
        CallRecord outbound = calls.get(2);
        assertThat(outbound.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(outbound.customerNumber()).isEqualTo("13911112222");
        assertThat(calls.get(3).notes()).isEqualTo("父亲服药后出现皮疹、呼吸困难,已送急诊。\n家属要求公司给出说明");
        assertThat(calls.get(3).callerName()).isEqualTo("刘先生");
        assertThat(calls.get(3).agent()).isEqualTo("陈晨");
        assertThat(run.preamble()).startsWith("通话ID,开始时间");
        // row 5 of the spreadsheet: the header is row 1
        assertThat(run.sink().acceptedRaw.get(3).position()).isEqualTo(5);
        assertThat(run.sink().acceptedRaw.get(3).text()).contains("呼吸困难").startsWith("C20261104-0004,");
    }

    @Test
    void detectsGbkWithoutBomAndSemicolonsAndQuarantinesMalformedRowsWithTheirField() throws Exception {
        String csv = "通话ID;开始时间;主叫号码;被叫号码;方向;时长(秒);结果;坐席;客户姓名;备注\r\n"
                + "G-1;2026-11-04 09:00:05;13800138000;4008001234;呼入;320;已接通;周敏;张医生;\"说明书更新; 适应症\"\r\n"
                + "G-2;04.11.2026 9h;13522223333;4008001234;呼入;0;未接通;;;\r\n"
                + "G-3;2026-11-04 10:00:00;13522223333;4008001234;呼入;abc;已接通;;;\r\n"
                + "G-4;2026-11-04 10:05:00;13522223333;4008001234;呼入;12;挂断了;;;\r\n"
                + "G-1;2026-11-04 09:00:05;13800138000;4008001234;呼入;320;已接通;周敏;张医生;\"说明书更新; 适应症\"\r\n"
                + ";2026-11-04 10:06:00;13522223333;4008001234;呼入;12;忙;;;\r\n";
        BytesImport run = run(csv.getBytes(GBK), null, Map.of());
        assertThat(calls(run)).singleElement().satisfies(c -> {
            assertThat(c.callerName()).isEqualTo("张医生");
            assertThat(c.notes()).isEqualTo("说明书更新; 适应症");
        });
        assertThat(run.sink().duplicates).hasSize(1);
        assertThat(run.sink().rejected).extracting(r -> r.raw().position(), RecordingSink.Rejected::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "start"),
                        org.assertj.core.groups.Tuple.tuple(4L, "duration"),
                        org.assertj.core.groups.Tuple.tuple(5L, "result"),
                        org.assertj.core.groups.Tuple.tuple(7L, "callId"));
        assertThat(run.sink().rejected.get(0).message()).contains("04.11.2026 9h");
        assertThat(run.sink().rejected.get(0).raw().text()).isEqualTo("G-2;04.11.2026 9h;13522223333;4008001234;呼入;0;未接通;;;");
        assertThat(run.preamble()).contains(";开始时间;");
    }

    @Test
    void readsTabSeparatedFreeSwitchCdrsByPreset() throws Exception {
        String csv = "\"Dr Wu\"\t\"13800138000\"\t\"4008001234\"\t\"public\"\t\"2026-11-05 08:00:00\"\t\"2026-11-05 08:00:06\"\t"
                + "\"2026-11-05 08:03:00\"\t\"180\"\t\"174\"\t\"NORMAL_CLEARING\"\t\"a1b2-uuid\"\t\"\"\t\"\"\t\"PCMA\"\t\"PCMA\"\n"
                + "\"13600002222\"\t\"13600002222\"\t\"4008001234\"\t\"public\"\t\"2026-11-05 08:10:00\"\t\"\"\t"
                + "\"2026-11-05 08:10:20\"\t\"20\"\t\"0\"\t\"USER_BUSY\"\t\"c3d4-uuid\"\t\"\"\t\"\"\t\"PCMA\"\t\"PCMA\"\n";
        BytesImport run = run(csv.getBytes(StandardCharsets.UTF_8), "freeswitch", Map.of());
        assertThat(run.sink().rejected).isEmpty();
        assertThat(calls(run)).extracting(CallRecord::callId, CallRecord::disposition, CallRecord::callerName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a1b2-uuid", Disposition.ANSWERED, "Dr Wu"),
                        org.assertj.core.groups.Tuple.tuple("c3d4-uuid", Disposition.BUSY, null));
        // and detected without the preset
        assertThat(calls(run(csv.getBytes(StandardCharsets.UTF_8), null, Map.of()))).hasSize(2);
    }

    @Test
    void aSavedColumnMappingReadsAnyHeaderNames() throws Exception {
        String csv = "Ref,When,From number,Outcome,Memo\n"
                + "X-9,2026-11-05T10:00:00+08:00,13044445555,answered,Asked about the recall\n";
        String mapping = "callId=Ref\nstart=When\ncaller=From number\nresult=Outcome\nnotes=Memo\n";
        BytesImport run = run(csv.getBytes(StandardCharsets.UTF_8), "mapping", Map.of("columnMapping", mapping));
        assertThat(calls(run)).singleElement().satisfies(c -> {
            assertThat(c.callId()).isEqualTo("X-9");
            assertThat(c.startedAt()).isEqualTo(Instant.parse("2026-11-05T02:00:00Z"));
            assertThat(c.notes()).isEqualTo("Asked about the recall");
        });
        assertThatThrownBy(() -> run(csv.getBytes(StandardCharsets.UTF_8), "mapping", Map.of()))
                .hasMessageContaining("columnMapping");
        assertThatThrownBy(() -> run(csv.getBytes(StandardCharsets.UTF_8), "mapping", Map.of("columnMapping", "caller_no=From")))
                .hasMessageContaining("unknown field");
    }

    @Test
    void anUnknownLayoutAsksForAPreset() {
        assertThatThrownBy(() -> run("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), null, Map.of()))
                .hasMessageContaining("choose a preset");
    }

    @Test
    void anAsteriskRowThatIsTooShortIsQuarantinedAndTheRestRead() throws Exception {
        String csv = new String(sample("asterisk-Master.csv"), StandardCharsets.UTF_8);
        String broken = csv.replaceFirst("\"13911112222\",\"4008001234\",\"from-pstn\",", "");
        BytesImport run = run(broken.getBytes(StandardCharsets.UTF_8), "asterisk", Map.of());
        assertThat(calls(run)).hasSize(7);
        assertThat(run.sink().rejected).singleElement().satisfies(r -> {
            assertThat(r.raw().position()).isEqualTo(2);
            assertThat(r.message()).contains("16 columns");
        });
    }

    private static BytesImport run(byte[] bytes, String preset, Map<String, String> settings) throws Exception {
        BytesImport ctx = new BytesImport(bytes, "calls.csv", preset, settings);
        new PhoneLogSource().importStream(ctx);
        return ctx;
    }

    private static List<CallRecord> calls(BytesImport run) {
        return run.sink().accepted.stream().map(CallRecord.class::cast).toList();
    }

    private static byte[] sample(String name) throws Exception {
        try (InputStream in = PhoneLogSourceTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
