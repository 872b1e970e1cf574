package io.careloop.engine.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites texts that may hold a person's data, for erasure and retention. Two strengths:
 * <ul>
 * <li>{@link #pseudonymise}: the person's known identifiers (name, e-mail, phone) become the
 * pseudonym, the rest of the text stays: for regulated records, whose narrative is the evidence;</li>
 * <li>{@link #erase}: free texts become {@value #ERASED}: for everything else.</li>
 * </ul>
 * Free text can name a person in ways no rule finds (a relative, an address): pseudonymisation of
 * regulated records is best effort on the identifiers CareLoop knows, as docs/security.md says.
 */
final class Scrub {

    static final String ERASED = "[erased]";
    /** Snapshot keys holding free text (ticket snapshots, interactions, survey answers). */
    private static final Set<String> TEXT_KEYS = Set.of("subject", "description", "body", "comment", "note", "resolution",
            "snapshot");
    /** Snapshot keys holding a customer's personal fields: emptied; the name becomes the pseudonym. */
    private static final Set<String> PERSON_KEYS = Set.of("organisation", "department", "email", "phone");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Pattern> identifiers = new ArrayList<>();
    private final String pseudonym;

    /** @param identifiers the person's name, e-mail, phone (null and one-character values are ignored) */
    Scrub(List<String> identifiers, String pseudonym) {
        for (String id : identifiers) {
            if (id != null && id.strip().length() > 1) {
                this.identifiers.add(Pattern.compile(Pattern.quote(id.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        this.pseudonym = pseudonym;
    }

    /** A scrub without identifiers: free texts are erased, nothing is pseudonymised (retention). */
    static Scrub anonymous() {
        return new Scrub(List.of(), ERASED);
    }

    String pseudonymise(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern p : identifiers) {
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(pseudonym));
        }
        return out;
    }

    /** Null stays null; anything else is {@value #ERASED}. */
    String erase(String text) {
        return text == null ? null : ERASED;
    }

    /**
     * An audit snapshot (JSON): the person's fields emptied and their name pseudonymised; free texts
     * erased ({@code eraseTexts}) or pseudonymised; identifiers replaced in every other string.
     */
    String snapshot(String json, boolean eraseTexts) {
        if (json == null) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            return eraseTexts ? ERASED : pseudonymise(json);
        }
        rewrite(root, eraseTexts);
        return root.toString();
    }

    private void rewrite(JsonNode node, boolean eraseTexts) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
            fields.forEachRemaining(all::add);
            for (Map.Entry<String, JsonNode> f : all) {
                String key = f.getKey().toLowerCase(Locale.ROOT);
                JsonNode v = f.getValue();
                if (v.isTextual() && PERSON_KEYS.contains(key)) {
                    o.putNull(f.getKey());
                } else if (v.isTextual() && key.equals("name")) {
                    o.set(f.getKey(), new TextNode(pseudonym));
                } else if (v.isTextual() && TEXT_KEYS.contains(key)) {
                    o.set(f.getKey(), new TextNode(eraseTexts ? ERASED : pseudonymise(v.asText())));
                } else if (v.isTextual()) {
                    o.set(f.getKey(), new TextNode(pseudonymise(v.asText())));
                } else {
                    rewrite(v, eraseTexts);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                rewrite(item, eraseTexts);
            }
        }
    }
}
