package io.careloop.engine.studio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded diagram before anything else looks at it: no DOCTYPE at all (so no external
 * entity, no entity expansion bomb, no DTD fetched), no external schema, namespace-aware.
 */
final class SafeXml {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda 7 reads activiti: attributes as camunda: ones (camunda:class as activiti:class, …). */
    static final String ACTIVITI = "http://activiti.org/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    private SafeXml() {
    }

    /** The parsed document, or an {@link XmlRefused} naming why it was refused. */
    static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            return b.parse(new ByteArrayInputStream(content));
        } catch (SAXException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("DOCTYPE")) {
                throw new XmlRefused("xml-doctype", "a DOCTYPE (DTD or entity declaration) is not allowed in a diagram:"
                        + " external entities could read the server's files");
            }
            throw new XmlRefused("xml-malformed", "the file is not well-formed XML: " + msg);
        } catch (IOException | ParserConfigurationException e) {
            throw new XmlRefused("xml-malformed", "the file cannot be read as XML: " + e.getMessage());
        }
    }

    /** The id of {@code node} or of the nearest enclosing element that has one. */
    static String nearestId(Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && e.hasAttribute("id")) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    static boolean isCamunda(String namespace) {
        return CAMUNDA.equals(namespace) || ACTIVITI.equals(namespace) || CAMUNDA_DMN.equals(namespace);
    }

    /** A file refused before its content is looked at. */
    static final class XmlRefused extends RuntimeException {
        final String code;

        XmlRefused(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
