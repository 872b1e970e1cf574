package io.careloop.plugins.survey;

import java.util.Locale;

/** What a survey column asks, recognised from its question text or column name (Chinese or English). */
enum Question {
    TICKET, CSAT, NPS, COMMENT, SOLVED, OTHER;

    static Question of(String text) {
        if (text == null) {
            return OTHER;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("工单") || t.contains("ticket")) {
            return TICKET;
        }
        if (t.contains("推荐") || t.contains("recommend") || t.contains("nps") || t.contains("0-10") || t.contains("0～10")) {
            return NPS;
        }
        if (t.contains("解决") || t.contains("resolved") || t.contains("solved")) {
            return SOLVED;
        }
        if (t.contains("满意") || t.contains("satisf") || t.contains("csat") || t.contains("1-5")) {
            return CSAT;
        }
        if (t.contains("建议") || t.contains("意见") || t.contains("评论") || t.contains("其他") || t.contains("comment")
                || t.contains("anything else") || t.contains("feedback") || t.contains("suggest")) {
            return COMMENT;
        }
        return OTHER;
    }
}
