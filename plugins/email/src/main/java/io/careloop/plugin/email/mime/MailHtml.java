package io.careloop.plugin.email.mime;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The HTML of a message as agents may see it in their browsers. Built on the OWASP Java HTML
 * Sanitizer: scripts, event handlers, styles that load things, forms, frames and
 * {@code javascript:} links are removed. Remote images are dropped too: in a customer's mail they
 * are mostly tracking pixels that would tell the sender when an agent opened it. Inline images
 * ({@code cid:}) stay; the UI resolves them against the message's attachments.
 */
public final class MailHtml {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href").onElements("a")
                    .allowStandardUrlProtocols() // http, https, mailto
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowAttributes("title").globally()
                    .toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements("img")
                    .allowUrlProtocols("cid")
                    .allowAttributes("src").matching((elementName, attributeName, value) ->
                            value.regionMatches(true, 0, "cid:", 0, 4) ? value : null)
                    .onElements("img")
                    .allowAttributes("alt", "width", "height").onElements("img")
                    .toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements("hr", "pre", "code", "font", "center", "caption")
                    .allowAttributes("color").onElements("font")
                    .toFactory());

    private MailHtml() {
    }

    public static String sanitise(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }
}
