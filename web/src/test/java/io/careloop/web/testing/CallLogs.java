package io.careloop.web.testing;

import java.nio.charset.StandardCharsets;

/**
 * Call-centre exports (the phone-log plugin's "callcenter" preset) of any size: every row an
 * answered inbound call with notes from a caller of its own, so each row becomes one ticket.
 */
public final class CallLogs {

    private CallLogs() {
    }

    /**
     * {@code calls} rows with call ids {@code prefix-0 … prefix-(calls-1)} and callers
     * {@code phonePrefix000 …} (an 8-digit prefix; up to 1,000 rows).
     */
    public static byte[] export(String prefix, long phonePrefix, int calls) {
        if (calls > 1000 || phonePrefix < 10_000_000L || phonePrefix > 99_999_999L) {
            throw new IllegalArgumentException("up to 1,000 calls behind an 8-digit phone prefix");
        }
        StringBuilder csv = new StringBuilder("\uFEFF通话ID,开始时间,主叫号码,被叫号码,方向,时长(秒),结果,坐席,客户姓名,备注\r\n");
        for (int i = 0; i < calls; i++) {
            csv.append(prefix).append('-').append(i).append(",2026-11-04 09:").append(String.format("%02d", i % 60))
                    .append(":05,").append(phonePrefix * 1000 + i).append(",4008001234,呼入,120,已接通,周敏,客户").append(i)
                    .append(",询问订单 SO-").append(i).append(" 的配送时间\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
