package io.careloop.plugins.phonelog;

import io.careloop.plugin.api.CallRecord;
import io.careloop.plugin.api.CallRecord.Direction;
import io.careloop.plugin.api.CallRecord.Disposition;
import io.careloop.plugins.support.ColumnMapping;
import io.careloop.plugins.support.CsvInput;
import io.careloop.plugins.support.RowProblem;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A call-centre export with a header row, columns found by name: the usual Chinese and English
 * headers (通话ID, 开始时间, 主叫号码, … / Call ID, Start time, Caller, …), or the names an
 * integrator saved as a column mapping ({@code field=Header} per line, e.g.
 * {@code callId=Call Ref}). Call id and start time are required columns.
 */
final class HeaderFormat implements CallFormat {

    /** The fields a column can fill. */
    enum Field {
        callId, start, caller, called, direction, duration, result, agent, name, notes, answered, end
    }

    private static final Map<Field, List<String>> ALIASES = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.callId, List.of("通话id", "通话编号", "呼叫id", "话单id", "callid", "call_id", "uniqueid", "id")),
            Map.entry(Field.start, List.of("开始时间", "呼叫时间", "通话开始时间", "来电时间", "start", "starttime", "start_time",
                    "started", "calldate")),
            Map.entry(Field.caller, List.of("主叫号码", "主叫", "来电号码", "caller", "from", "callernumber", "ani", "src")),
            Map.entry(Field.called, List.of("被叫号码", "被叫", "callee", "to", "called", "callednumber", "dnis", "dst")),
            Map.entry(Field.direction, List.of("方向", "呼叫方向", "呼叫类型", "direction", "type")),
            Map.entry(Field.duration, List.of("时长(秒)", "通话时长(秒)", "通话时长", "时长", "duration", "duration(s)", "talktime")),
            Map.entry(Field.result, List.of("结果", "通话结果", "呼叫结果", "状态", "result", "status", "disposition")),
            Map.entry(Field.agent, List.of("坐席", "坐席工号", "客服", "agent")),
            Map.entry(Field.name, List.of("客户姓名", "客户名称", "姓名", "customer", "customername", "name")),
            Map.entry(Field.notes, List.of("备注", "通话备注", "通话小记", "小记", "notes", "note", "comment", "remarks")),
            Map.entry(Field.answered, List.of("接听时间", "应答时间", "answered", "answertime", "answer")),
            Map.entry(Field.end, List.of("结束时间", "挂机时间", "end", "endtime", "end_time"))));

    private final Map<Field, Integer> columns;
    private final CallTimes times;

    private HeaderFormat(Map<Field, Integer> columns, CallTimes times) {
        this.columns = columns;
        this.times = times;
    }

    /**
     * The format for this header row, or null when it does not name the required columns.
     *
     * @param mapping saved {@code field=Header} lines, or null
     */
    static HeaderFormat of(CsvInput.Row header, String mapping, CallTimes times) {
        Map<Field, String> saved = parseMapping(mapping);
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (int i = 0; i < header.size(); i++) {
            String h = normal(header.values().get(i));
            for (Field f : Field.values()) {
                if (columns.containsKey(f)) {
                    continue;
                }
                String mapped = saved.get(f);
                boolean hit = mapped != null ? normal(mapped).equals(h) : ALIASES.get(f).contains(h);
                if (hit) {
                    columns.put(f, i);
                    break;
                }
            }
        }
        return columns.containsKey(Field.callId) && columns.containsKey(Field.start) ? new HeaderFormat(columns, times) : null;
    }

    /** Reads {@code field=Header} lines ({@link ColumnMapping}); an unknown field is an error the integrator must see. */
    static Map<Field, String> parseMapping(String mapping) {
        Map<Field, String> out = new LinkedHashMap<>();
        List<String> names = java.util.Arrays.stream(Field.values()).map(Field::name).toList();
        ColumnMapping.parse(mapping, names).forEach((field, header) -> out.put(Field.valueOf(field), header));
        return out;
    }

    private static String normal(String header) {
        return header == null ? "" : header.replace('（', '(').replace('）', ')').replace(" ", "").replace("\u3000", "")
                .strip().toLowerCase(Locale.ROOT);
    }

    private String value(CsvInput.Row row, Field f) {
        Integer i = columns.get(f);
        return i == null ? null : row.get(i);
    }

    @Override
    public CallRecord read(CsvInput.Row row) throws RowProblem {
        String callId = value(row, Field.callId);
        if (callId == null) {
            throw new RowProblem("callId", "the call has no call id");
        }
        Instant start = times.parse(value(row, Field.start), "start");
        if (start == null) {
            throw new RowProblem("start", "the call has no start time");
        }
        long duration = CallTimes.seconds(value(row, Field.duration), "duration");
        Direction direction = direction(value(row, Field.direction));
        Disposition disposition = disposition(value(row, Field.result), duration);
        return new CallRecord(callId, direction, value(row, Field.caller), value(row, Field.called), value(row, Field.name),
                value(row, Field.agent), start, times.parse(value(row, Field.answered), "answered"),
                times.parse(value(row, Field.end), "end"), duration, disposition, value(row, Field.notes));
    }

    private static Direction direction(String v) throws RowProblem {
        if (v == null) {
            return Direction.INBOUND;
        }
        String s = v.toLowerCase(Locale.ROOT);
        if (s.equals("呼入") || s.equals("来电") || s.startsWith("in")) {
            return Direction.INBOUND;
        }
        if (s.equals("呼出") || s.equals("去电") || s.startsWith("out")) {
            return Direction.OUTBOUND;
        }
        throw new RowProblem("direction", "'" + v + "' is neither 呼入/inbound nor 呼出/outbound");
    }

    private static Disposition disposition(String v, long duration) throws RowProblem {
        if (v == null) {
            return duration > 0 ? Disposition.ANSWERED : Disposition.NO_ANSWER;
        }
        String s = v.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
        return switch (s) {
            case "已接通", "接通", "已接", "已接听", "answered", "connected" -> Disposition.ANSWERED;
            case "未接通", "未接", "未接听", "无人接听", "未接来电", "noanswer", "missed", "unanswered" -> Disposition.NO_ANSWER;
            case "忙", "占线", "用户忙", "busy" -> Disposition.BUSY;
            case "失败", "呼叫失败", "failed", "congestion" -> Disposition.FAILED;
            default -> throw new RowProblem("result", "'" + v + "' is not a call result this importer knows "
                    + "(已接通, 未接通, 忙, 失败 / answered, no answer, busy, failed)");
        };
    }
}
