package io.careloop.engine.studio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * CareLoop's rules for a DMN file: FEEL only (a JUEL, JavaScript or Groovy expression language
 * would run code), a history time to live on every decision. Also reads the queues a decision
 * routes to (its {@code queue} output), so that a new queue deployed with classify-ticket counts.
 */
final class DmnRules {

    private static final Set<String> FEEL = Set.of("feel", "feel-scala", "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20180521/feel/");

    private final String file;
    private final List<ValidationError> errors;

    DmnRules(String file, List<ValidationError> errors) {
        this.file = file;
        this.errors = errors;
    }

    /** Checks {@code doc}; answers the keys of its decisions. */
    List<String> check(Document doc) {
        List<String> keys = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            NamedNodeMap attrs = e.getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                Attr attr = (Attr) attrs.item(a);
                String local = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
                if (("expressionLanguage".equals(local) || "typeLanguage".equals(local))
                        && !FEEL.contains(attr.getValue().strip().toLowerCase(Locale.ROOT))) {
                    errors.add(new ValidationError(file, SafeXml.nearestId(e), "dmn-expression-language",
                            local + "=\"" + attr.getValue() + "\": only FEEL is allowed in decisions (other expression"
                                    + " languages run code on the server)"));
                }
            }
            if ("decision".equals(e.getLocalName())) {
                keys.add(e.getAttribute("id"));
                String ttl = e.getAttributeNS(SafeXml.CAMUNDA_DMN, "historyTimeToLive");
                if (ttl.isBlank()) {
                    errors.add(new ValidationError(file, e.getAttribute("id"), "history-time-to-live-missing",
                            "set camunda:historyTimeToLive on the decision (e.g. P180D)"));
                }
            }
        }
        if (keys.isEmpty()) {
            errors.add(new ValidationError(file, null, "no-decision", "the file has no decision"));
        }
        return keys;
    }

    /** The literal values of every {@code queue} output of the decision tables in {@code doc}. */
    static Set<String> queueOutputs(Document doc) {
        Set<String> out = new LinkedHashSet<>();
        NodeList tables = doc.getElementsByTagNameNS("*", "decisionTable");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            List<Element> outputs = children(table, "output");
            int index = -1;
            for (int i = 0; i < outputs.size(); i++) {
                if ("queue".equals(outputs.get(i).getAttribute("name"))) {
                    index = i;
                }
            }
            if (index < 0) {
                continue;
            }
            for (Element rule : children(table, "rule")) {
                List<Element> entries = children(rule, "outputEntry");
                if (index < entries.size()) {
                    String text = entries.get(index).getTextContent().strip();
                    if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
                        out.add(text.substring(1, text.length() - 1));
                    }
                }
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
