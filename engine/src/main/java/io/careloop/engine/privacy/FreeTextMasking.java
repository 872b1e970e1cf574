package io.careloop.engine.privacy;

import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks identifiers written into free text (ticket subject and description, replies, notes, reasons,
 * survey comments) for readers whose role does not need them ({@link PersonalData#ID_NUMBERS},
 * {@link PersonalData#TEXT_CONTACTS}): Chinese resident ID numbers (18 characters whose check digit
 * is right; 15-digit first-generation numbers), passport numbers, phone numbers and e-mail
 * addresses. The stored text stays as written: masking happens on the way out.
 *
 * <p>Detection is by pattern and cannot be complete (a number spelled out in words, an ID with
 * spaces in odd places): it narrows what an agent sees, it does not replace the data scope.
 */
public final class FreeTextMasking {

    /** 17 digits and a check digit (0-9 or X), not inside a longer run of digits. */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx])(?![0-9A-Za-z])");
    /** First-generation resident ID (15 digits, no check digit): region code and birth date yymmdd. */
    private static final Pattern RESIDENT_ID_15 = Pattern.compile("(?<!\\d)([1-8]\\d{5}\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3})(?!\\d)");
    /** Chinese passports (E, G, D, S, P, H + optional letter + 7 or 8 digits) and "passport"/"护照" followed by a number. */
    private static final Pattern PASSPORT = Pattern.compile(
            "(?<![0-9A-Za-z])([EGDSPH][A-Z]?\\d{7,8})(?![0-9A-Za-z])"
            + "|(?i:passport|护照)[^0-9A-Za-z]{0,12}([A-Z]{0,2}\\d{6,9})(?![0-9A-Za-z])");
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])([\\w.+-]+)@([\\w-]+(?:\\.[\\w-]+)+)",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Mainland mobiles (1[3-9] + 9 digits, optional +86), landlines with area code (0xx-xxxxxxxx), international +cc numbers. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)"
            + "|(?<![\\d+])0\\d{2,3}[ -]\\d{7,8}(?!\\d)"
            + "|(?<![\\d+])\\+\\d{1,3}[ -]?\\d{2,4}[ -]?\\d{3,4}[ -]?\\d{3,4}(?!\\d)");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private FreeTextMasking() {
    }

    /**
     * Whether {@code reader} sees free-text identifiers as written: the roles that work regulated
     * records (pharmacovigilance or quality: specialists, supervisors, admins) need the reporter's
     * and patient's identity; agents work the service queues with the customer's contact fields.
     */
    public static boolean seesIdentifiers(User reader) {
        return Permission.PHARMACOVIGILANCE.grantedTo(reader) || Permission.QUALITY.grantedTo(reader);
    }

    /** The text as {@code reader} may see it: unchanged, or masked with {@link #mask}. */
    public static UnaryOperator<String> forReader(User reader) {
        return seesIdentifiers(reader) ? UnaryOperator.identity() : FreeTextMasking::mask;
    }

    /** ID numbers, passport numbers, phone numbers and e-mail addresses in {@code text} masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(RESIDENT_ID, text, m -> validResidentId(m.group(1)) ? keepLast(m.group(), 4) : m.group());
        out = replace(RESIDENT_ID_15, out, m -> keepLast(m.group(), 3));
        out = replace(PASSPORT, out, m -> {
            int g = m.group(1) != null ? 1 : 2;
            return m.group().substring(0, m.start(g) - m.start()) + keepLast(m.group(g), 3);
        });
        out = replace(EMAIL, out, m -> m.group(1).codePoints().limit(1).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append) + "***@" + m.group(2));
        return replace(PHONE, out, m -> keepLast(m.group(), 4));
    }

    /**
     * What a reader who saw {@code stored} masked sent back as a corrected text: every masked
     * identifier they left as they saw it gets the stored value again, so a masked value is never
     * written over the real one (as {@link CustomerMasking#restore} does for customer fields).
     */
    public static String restore(String sent, String stored) {
        if (sent == null || stored == null || stored.isEmpty()) {
            return sent;
        }
        String out = sent;
        for (Pattern p : new Pattern[] {RESIDENT_ID, RESIDENT_ID_15, PASSPORT, EMAIL, PHONE}) {
            Matcher m = p.matcher(stored);
            while (m.find()) {
                String masked = mask(m.group());
                if (!masked.equals(m.group()) && out.contains(masked)) {
                    out = out.replace(masked, m.group());
                }
            }
        }
        return out;
    }

    /** GB 11643: the 18th character is the check digit of the weighted sum of the first 17. */
    static boolean validResidentId(String id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == id.toUpperCase(Locale.ROOT).charAt(17);
    }

    /** Every character but the last {@code n} digits or letters becomes '*', separators stay. */
    private static String keepLast(String s, int n) {
        StringBuilder b = new StringBuilder(s);
        int kept = 0;
        for (int i = b.length() - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(b.charAt(i))) {
                if (kept < n) {
                    kept++;
                } else {
                    b.setCharAt(i, '*');
                }
            }
        }
        return b.toString();
    }

    private static String replace(Pattern p, String text, Function<MatchResult, String> by) {
        return p.matcher(text).replaceAll(m -> Matcher.quoteReplacement(by.apply(m)));
    }
}
