package io.careloop.engine.studio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The structural difference of two versions of a diagram, by element id: added, removed, and
 * changed (an attribute or a child differs; a child that has an id of its own is compared on its
 * own and counts here only by its id). Diagram layout (BPMN DI, DMN DI) is left out: moving a
 * shape changes nothing that runs. The browser marks these ids on the diagram.
 */
public final class ProcessDiff {

    /** One element: its id, its type (the XML element name, e.g. userTask) and its name. */
    public record Change(String id, String type, String name) {
    }

    public record Result(List<Change> added, List<Change> removed, List<Change> changed) {
    }

    private ProcessDiff() {
    }

    public static Result of(String fromXml, String toXml) {
        Map<String, Element> from = elements(SafeXml.parse(fromXml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
        Map<String, Element> to = elements(SafeXml.parse(toXml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        to.forEach((id, e) -> {
            Element before = from.get(id);
            if (before == null) {
                added.add(change(id, e));
            } else if (!fingerprint(before).equals(fingerprint(e))) {
                changed.add(change(id, e));
            }
        });
        from.forEach((id, e) -> {
            if (!to.containsKey(id)) {
                removed.add(change(id, e));
            }
        });
        return new Result(added, removed, changed);
    }

    private static Change change(String id, Element e) {
        return new Change(id, e.getLocalName(), e.hasAttribute("name") ? e.getAttribute("name") : null);
    }

    private static Map<String, Element> elements(Element root) {
        Map<String, Element> out = new LinkedHashMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(Element e, Map<String, Element> out) {
        if (isLayout(e)) {
            return;
        }
        if (e.hasAttribute("id") && e != e.getOwnerDocument().getDocumentElement()) {
            out.put(e.getAttribute("id"), e);
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, out);
            }
        }
    }

    private static boolean isLayout(Element e) {
        String ns = e.getNamespaceURI();
        return ns != null && (ns.contains("/DI") || ns.contains("/DC") || ns.contains("DMNDI"));
    }

    /** Attributes and children in a canonical form; a child with an id stands for itself by its id. */
    private static String fingerprint(Element e) {
        StringBuilder b = new StringBuilder();
        write(e, b, true);
        return b.toString();
    }

    private static void write(Element e, StringBuilder b, boolean top) {
        if (!top && e.hasAttribute("id")) {
            b.append("#").append(e.getAttribute("id")).append(';');
            return;
        }
        b.append('<').append(e.getNamespaceURI()).append(':').append(e.getLocalName());
        Map<String, String> attrs = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                attrs.put(a.getNamespaceURI() + ":" + (a.getLocalName() == null ? a.getName() : a.getLocalName()),
                        a.getValue());
            }
        }
        b.append(attrs).append('>');
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                if (!isLayout(child)) {
                    write(child, b, false);
                }
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                String t = c.getNodeValue().strip();
                if (!t.isEmpty()) {
                    b.append('"').append(t).append('"');
                }
            }
        }
        b.append("</>");
    }
}
