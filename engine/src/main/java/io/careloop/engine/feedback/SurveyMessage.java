package io.careloop.engine.feedback;

import io.careloop.engine.outbox.OutboxMessage;

/**
 * The words of a survey invitation and its reminder, in zh-CN and en. The body is written to the
 * ticket's timeline when the message is queued; the subject is added when the channel sends it.
 */
public final class SurveyMessage {

    private SurveyMessage() {
    }

    /** True for the outbox kinds the feedback loop queues. */
    public static boolean isSurvey(String kind) {
        return OutboxMessage.SURVEY_INVITATION.equals(kind) || OutboxMessage.SURVEY_REMINDER.equals(kind);
    }

    public static String body(String ticketNumber, String kind) {
        boolean reminder = OutboxMessage.SURVEY_REMINDER.equals(kind);
        return (reminder ? "提醒：" : "") + "您的工单 " + ticketNumber + " 已处理完毕，请花一分钟评价我们的服务。\n"
                + (reminder ? "Reminder: y" : "Y") + "our ticket " + ticketNumber
                + " has been resolved; please take a minute to rate our service.";
    }

    public static String subject(String ticketNumber, String kind) {
        boolean reminder = OutboxMessage.SURVEY_REMINDER.equals(kind);
        return "[" + ticketNumber + "] " + (reminder ? "提醒：满意度调查 / Reminder: how did we do?" : "满意度调查 / How did we do?");
    }
}
