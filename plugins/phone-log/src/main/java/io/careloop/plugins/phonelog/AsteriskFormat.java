package io.careloop.plugins.phonelog;

import io.careloop.plugin.api.CallRecord;
import io.careloop.plugin.api.CallRecord.Direction;
import io.careloop.plugin.api.CallRecord.Disposition;
import io.careloop.plugins.support.CsvInput;
import io.careloop.plugins.support.RowProblem;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asterisk cdr_csv's Master.csv: no header row; 16 columns accountcode, src, dst, dcontext,
 * clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec,
 * disposition, amaflags, then optionally uniqueid, userfield, peeraccount, linkedid, sequence.
 * An unanswered call has an empty answer. The uniqueid is the call id; the userfield holds the
 * agent's notes. Calls placed from an internal context are outbound.
 */
final class AsteriskFormat implements CallFormat {

    static final int COLUMNS = 16;
    private static final Pattern CLID = Pattern.compile("^\\s*\"?(.*?)\"?\\s*<([^>]*)>\\s*$");
    private static final Pattern PEER = Pattern.compile("^[A-Za-z0-9]+/([^-]+)-.*$");

    private final CallTimes times;

    AsteriskFormat(CallTimes times) {
        this.times = times;
    }

    /** True when a first row looks like a Master.csv row. */
    static boolean looksLike(CsvInput.Row row) {
        return row.size() >= COLUMNS && row.get(14) != null
                && row.get(14).toUpperCase(Locale.ROOT).matches("ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION");
    }

    @Override
    public CallRecord read(CsvInput.Row row) throws RowProblem {
        if (row.size() < COLUMNS) {
            throw new RowProblem(null, "an Asterisk CDR row has at least 16 columns, this one " + row.size());
        }
        Instant start = times.parse(row.get(9), "start");
        if (start == null) {
            throw new RowProblem("start", "the call has no start time");
        }
        Instant answer = times.parse(row.get(10), "answer");
        Instant end = times.parse(row.get(11), "end");
        long duration = CallTimes.seconds(row.get(12), "duration");
        String uniqueId = row.get(16);
        String callId = uniqueId != null ? uniqueId : "asterisk:" + row.get(9) + ":" + row.get(5);
        if (uniqueId == null && row.get(5) == null) {
            throw new RowProblem("uniqueid", "the row has neither a uniqueid nor a channel to identify the call");
        }
        Disposition disposition = disposition(row.get(14), answer);
        String context = row.get(3) == null ? "" : row.get(3).toLowerCase(Locale.ROOT);
        Direction direction = context.contains("internal") || context.contains("outbound")
                ? Direction.OUTBOUND : Direction.INBOUND;
        return new CallRecord(callId, direction, row.get(1), row.get(2), callerName(row.get(4)), agent(row.get(6)), start,
                answer, end, duration, disposition, row.get(17));
    }

    private static Disposition disposition(String value, Instant answer) throws RowProblem {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        Disposition d = switch (v) {
            case "ANSWERED" -> Disposition.ANSWERED;
            case "NO ANSWER" -> Disposition.NO_ANSWER;
            case "BUSY" -> Disposition.BUSY;
            case "FAILED", "CONGESTION" -> Disposition.FAILED;
            default -> throw new RowProblem("disposition", "'" + value + "' is not an Asterisk disposition");
        };
        // an empty answer field is an unanswered call, whatever the disposition says
        return d == Disposition.ANSWERED && answer == null ? Disposition.NO_ANSWER : d;
    }

    /** The name in a caller id such as {@code "张医生" <13800138000>}, or null. */
    static String callerName(String clid) {
        if (clid == null) {
            return null;
        }
        Matcher m = CLID.matcher(clid);
        String name = m.matches() ? m.group(1) : clid;
        name = name.replace("\"", "").strip();
        return name.isEmpty() || name.equalsIgnoreCase("anonymous") ? null : name;
    }

    /** The extension of a channel such as {@code SIP/8001-00000002}, or null. */
    static String agent(String channel) {
        if (channel == null) {
            return null;
        }
        Matcher m = PEER.matcher(channel);
        return m.matches() ? m.group(1) : channel;
    }
}
