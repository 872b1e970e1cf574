package io.careloop.plugin.email.mime;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from an HTML-only message, for search, classification and the ticket description.
 * The OWASP sanitizer with an empty policy drops every tag (and the content of script and
 * style); line breaks are put where blocks end first, and entities are decoded after.
 */
final class HtmlText {

    private static final PolicyFactory NOTHING = new HtmlPolicyBuilder().toFactory();
    private static final Pattern BREAKS = Pattern.compile(
            "(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6]|table|blockquote|pre)\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private HtmlText() {
    }

    static String toText(String html) {
        String marked = BREAKS.matcher(html).replaceAll("$0\n");
        String stripped = NOTHING.sanitize(marked);
        Matcher m = ENTITY.matcher(stripped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                int cp = name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "\uFFFD";
            }
        };
    }
}
