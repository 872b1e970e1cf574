package io.careloop.plugin.email.thread;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ticket a message belongs to: a {@code [CL-YYYY-NNNNNN]} tag in the subject, or one of
 * our own Message-IDs ({@code <ticket-CL-YYYY-NNNNNN.N@domain>}, see {@link OutboundMessageIds})
 * in In-Reply-To or References. Reply prefixes in any language, with ASCII or full-width colons
 * (Re:, RE：, 回复：, 答复：, 转发：, AW:, SV:, 回覆：), stand before the tag and do not hide it;
 * {@link #topic} removes them for display.
 */
public final class TicketNumbers {

    /** A ticket number anywhere in the subject; brackets may be ASCII or full-width. */
    private static final Pattern IN_SUBJECT = Pattern.compile(
            "[\\[【［(（]\\s*(CL-\\d{4}-\\d{6})\\s*[\\]】］)）]", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_MESSAGE_ID = Pattern.compile(
            "^ticket-(CL-\\d{4}-\\d{6})\\.[^@]+@", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^(?:\\s*(?:re|fw|fwd|aw|wg|sv|vs|antw|odp|tr|rif|r|回复|回覆|答复|答覆|转发|轉寄|转寄|自动回复)"
                    + "\\s*(?:\\[\\d+\\])?\\s*[:：]\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private TicketNumbers() {
    }

    /** The ticket number in a subject, upper case, if there is one. */
    public static Optional<String> inSubject(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = IN_SUBJECT.matcher(subject);
        return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** The ticket number of the newest of our own Message-IDs among these ids. */
    public static Optional<String> inMessageIds(List<String> ids) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            Matcher m = IN_MESSAGE_ID.matcher(ids.get(i));
            if (m.find()) {
                return Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** The subject without reply/forward prefixes and without the ticket tag. */
    public static String topic(String subject) {
        if (subject == null) {
            return "";
        }
        String s = REPLY_PREFIX.matcher(subject).replaceFirst("");
        s = IN_SUBJECT.matcher(s).replaceAll("");
        s = REPLY_PREFIX.matcher(s.strip()).replaceFirst("");
        return s.strip().replaceAll("\\s{2,}", " ");
    }
}
