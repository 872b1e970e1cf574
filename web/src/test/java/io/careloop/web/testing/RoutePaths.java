package io.careloop.web.testing;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a route's path template ({@code /api/v1/tickets/{number}}) into a path a client can call. */
public final class RoutePaths {

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private RoutePaths() {
    }

    /** Every {@code {param}} replaced by {@code value(path, param)}. */
    public static String fill(String template, BiFunction<String, String, String> value) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(template, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every {@code {param}} replaced by {@code 1}: enough where the value is never looked at. */
    public static String fill(String template) {
        return fill(template, (path, param) -> "1");
    }
}
