package io.careloop.plugins.phonelog;

import io.careloop.plugin.api.CallRecord;
import io.careloop.plugin.api.CallRecord.Direction;
import io.careloop.plugin.api.CallRecord.Disposition;
import io.careloop.plugins.support.CsvInput;
import io.careloop.plugins.support.RowProblem;
import java.time.Instant;
import java.util.Locale;

/**
 * FreeSWITCH mod_cdr_csv with its default template: no header row; caller_id_name,
 * caller_id_number, destination_number, context, start_stamp, answer_stamp, end_stamp,
 * duration, billsec, hangup_cause, uuid, bleg_uuid, accountcode, read_codec, write_codec. The
 * uuid is the call id; an empty answer_stamp is an unanswered call, USER_BUSY a busy one.
 */
final class FreeSwitchFormat implements CallFormat {

    static final int COLUMNS = 11;

    private final CallTimes times;

    FreeSwitchFormat(CallTimes times) {
        this.times = times;
    }

    /** True when a first row looks like the default template (a hangup cause in column 10). */
    static boolean looksLike(CsvInput.Row row) {
        return row.size() >= COLUMNS && row.get(9) != null && row.get(9).matches("[A-Z][A-Z_]+")
                && row.get(10) != null;
    }

    @Override
    public CallRecord read(CsvInput.Row row) throws RowProblem {
        if (row.size() < COLUMNS) {
            throw new RowProblem(null, "a FreeSWITCH CDR row has at least 11 columns, this one " + row.size());
        }
        String uuid = row.get(10);
        if (uuid == null) {
            throw new RowProblem("uuid", "the call has no uuid");
        }
        Instant start = times.parse(row.get(4), "start_stamp");
        if (start == null) {
            throw new RowProblem("start_stamp", "the call has no start time");
        }
        Instant answer = times.parse(row.get(5), "answer_stamp");
        Instant end = times.parse(row.get(6), "end_stamp");
        long duration = CallTimes.seconds(row.get(7), "duration");
        String cause = row.get(9).toUpperCase(Locale.ROOT);
        Disposition d;
        if (answer != null) {
            d = Disposition.ANSWERED;
        } else if (cause.equals("USER_BUSY")) {
            d = Disposition.BUSY;
        } else if (cause.equals("NO_ANSWER") || cause.equals("NO_USER_RESPONSE") || cause.equals("ORIGINATOR_CANCEL")
                || cause.equals("NORMAL_CLEARING") || cause.equals("ALLOTTED_TIMEOUT")) {
            d = Disposition.NO_ANSWER;
        } else {
            d = Disposition.FAILED;
        }
        String context = row.get(3) == null ? "" : row.get(3).toLowerCase(Locale.ROOT);
        Direction direction = context.equals("default") ? Direction.OUTBOUND : Direction.INBOUND;
        String name = row.get(0);
        if (name != null && (name.equals(row.get(1)) || name.equalsIgnoreCase("anonymous"))) {
            name = null;
        }
        return new CallRecord(uuid, direction, row.get(1), row.get(2), name, null, start, answer, end, duration, d, null);
    }
}
