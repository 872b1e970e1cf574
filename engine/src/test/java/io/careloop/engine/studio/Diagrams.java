package io.careloop.engine.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bundled diagrams as text, and edits of them for tests (each edit must find what it replaces). */
public final class Diagrams {

    public static final String LIFECYCLE = "ticket-lifecycle.bpmn";
    public static final String AUTO_CLOSE_CALL = "camunda:expression=\"${ticketProcess.autoClosed(execution)}\"";

    private Diagrams() {
    }

    public static String bundled(String resource) {
        try (InputStream in = Diagrams.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String lifecycle() {
        return bundled(LIFECYCLE);
    }

    /** {@code xml} with {@code from} replaced once by {@code to}; fails when {@code from} is not there. */
    public static String edit(String xml, String from, String to) {
        if (!xml.contains(from)) {
            throw new IllegalArgumentException("the diagram has no " + from);
        }
        return xml.replace(from, to);
    }

    /** ticket-lifecycle with one more user task "Check the reply" on the queue service-desk, before the feedback loop. */
    public static String lifecycleWithCheckTask() {
        String xml = edit(lifecycle(), "<bpmn:sequenceFlow id=\"flow-handled\" sourceRef=\"handle\" targetRef=\"start-feedback-loop\" />",
                "<bpmn:sequenceFlow id=\"flow-handled\" sourceRef=\"handle\" targetRef=\"check-reply\" />"
                        + "<bpmn:sequenceFlow id=\"flow-checked\" sourceRef=\"check-reply\" targetRef=\"start-feedback-loop\" />");
        xml = edit(xml, "<bpmn:incoming>flow-handled</bpmn:incoming>", "<bpmn:incoming>flow-checked</bpmn:incoming>");
        return edit(xml, "<bpmn:eventBasedGateway id=\"resolved\"",
                "<bpmn:userTask id=\"check-reply\" name=\"Check the reply\" camunda:candidateGroups=\"service-desk\">"
                        + "<bpmn:incoming>flow-handled</bpmn:incoming><bpmn:outgoing>flow-checked</bpmn:outgoing>"
                        + "</bpmn:userTask>\n    <bpmn:eventBasedGateway id=\"resolved\"");
    }
}
