package io.careloop.engine.studio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * CareLoop's rules for a BPMN file, on top of the engine's own parse: no code (scripts, classes,
 * delegates, connectors), expressions only over the allow-list, every user task on a queue that
 * exists, timers that parse, a history time to live, the elements Camunda 7 can run, and the
 * adverse-event path of ticket-lifecycle kept.
 */
final class BpmnRules {

    static final String TICKET_LIFECYCLE = "ticket-lifecycle";
    static final String ADVERSE_EVENT_PATH_REMOVED = "adverse-event-path-removed";

    /** BPMN 2.0 elements Camunda 7 does not execute (it would ignore or refuse them). */
    private static final Set<String> NOT_EXECUTABLE = Set.of("complexGateway", "adHocSubProcess", "choreography",
            "choreographyTask", "subChoreography", "callChoreography", "conversation", "subConversation",
            "callConversation", "globalConversation", "globalTask", "globalUserTask", "globalScriptTask",
            "globalManualTask", "globalBusinessRuleTask", "implicitThrowEvent");
    /** Extensions of other engines that Camunda 7 would silently ignore. */
    private static final List<String[]> FOREIGN = List.of(
            new String[] {"http://camunda.org/schema/zeebe/1.0", "Camunda 8 (Zeebe)"},
            new String[] {"http://flowable.org/bpmn", "Flowable"},
            new String[] {"http://www.jboss.org/drools", "jBPM"});

    private final String file;
    private final ExpressionPolicy policy;
    private final Set<String> queues;
    private final List<ValidationError> errors;
    private final Set<String> declared = new HashSet<>();

    BpmnRules(String file, ExpressionPolicy policy, Set<String> queues, List<ValidationError> errors) {
        this.file = file;
        this.policy = policy;
        this.queues = queues;
        this.errors = errors;
    }

    /** Checks {@code doc}; answers the keys of its executable processes. */
    List<String> check(Document doc) {
        collectDeclaredVariables(doc.getDocumentElement());
        List<String> keys = new ArrayList<>();
        walk(doc.getDocumentElement());
        NodeList processes = doc.getElementsByTagNameNS(SafeXml.BPMN, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            Element p = (Element) processes.item(i);
            if (!"true".equals(p.getAttribute("isExecutable"))) {
                continue;
            }
            keys.add(p.getAttribute("id"));
            if (camunda(p, "historyTimeToLive").isBlank()) {
                error(p.getAttribute("id"), "history-time-to-live-missing",
                        "set camunda:historyTimeToLive on the process (e.g. P180D): history is kept only that long");
            }
            if (TICKET_LIFECYCLE.equals(p.getAttribute("id"))) {
                adverseEventPath(p);
            }
        }
        if (keys.isEmpty()) {
            error(null, "no-executable-process", "the file has no process with isExecutable=\"true\"");
        }
        return keys;
    }

    private void walk(Element e) {
        String ns = e.getNamespaceURI();
        String name = e.getLocalName();
        String id = SafeXml.nearestId(e);
        if (SafeXml.BPMN.equals(ns)) {
            element(e, name, id);
        } else if (SafeXml.isCamunda(ns)) {
            camundaElement(e, name, id);
        } else {
            for (String[] f : FOREIGN) {
                if (f[0].equals(ns)) {
                    error(id, "unsupported-extension", f[1] + " extension <" + e.getTagName()
                            + "> is not understood by CareLoop's engine (Camunda 7): model it with camunda: properties");
                }
            }
        }
        attributes(e, id);
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                walk(child);
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!"documentation".equals(name) && !"text".equals(name)) {
                    expression(id, c.getNodeValue());
                }
            }
        }
    }

    private void element(Element e, String name, String id) {
        if ("scriptTask".equals(name)) {
            error(id, "script-task", "script tasks run code on the server and are not allowed; use a service task"
                    + " calling a CareLoop bean");
        } else if ("script".equals(name)) {
            error(id, "script", "scripts are not allowed");
        } else if (NOT_EXECUTABLE.contains(name)) {
            error(id, "unsupported-element", "<" + name + "> cannot be executed by CareLoop's engine (Camunda 7)");
        } else if ("userTask".equals(name)) {
            candidateGroups(e, id);
        } else if ("timeDate".equals(name) || "timeDuration".equals(name) || "timeCycle".equals(name)) {
            timer(name, e.getTextContent().strip(), id);
        } else if (("serviceTask".equals(name) || "sendTask".equals(name)) && !camunda(e, "type").isBlank()) {
            error(id, "unsupported-element", name + " of camunda:type '" + camunda(e, "type")
                    + "' (external task / connector) has no worker in CareLoop; call a CareLoop bean with camunda:expression");
        }
    }

    private void camundaElement(Element e, String name, String id) {
        switch (name) {
            case "script" -> error(id, "script", "camunda:script runs code on the server and is not allowed");
            case "connector" -> error(id, "connector", "camunda:connector calls out of the server and is not allowed");
            case "executionListener", "taskListener" -> {
                if (!e.getAttribute("class").isBlank() || !e.getAttribute("delegateExpression").isBlank()
                        || e.getElementsByTagNameNS(e.getNamespaceURI(), "script").getLength() > 0) {
                    error(id, "listener-not-allowed", "a " + name + " with a class, a delegate or a script runs code;"
                            + " a listener may only call a CareLoop bean with expression=\"${bean.method(execution)}\"");
                }
            }
            default -> {
            }
        }
    }

    private void attributes(Element e, String id) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            String lower = local.toLowerCase(Locale.ROOT);
            boolean camundaAttr = SafeXml.isCamunda(a.getNamespaceURI())
                    || (a.getNamespaceURI() == null && SafeXml.isCamunda(e.getNamespaceURI()));
            if (camundaAttr && lower.endsWith("class")) {
                error(id, "class-reference", a.getName() + "=\"" + a.getValue() + "\" loads a Java class; not allowed");
            } else if (camundaAttr && lower.endsWith("delegateexpression")) {
                String why = policy.checkDelegate(a.getValue());
                if (why != null) {
                    error(id, "delegate-expression", why);
                }
            } else if (("language".equals(local) || "scriptFormat".equals(local)) && !a.getValue().isBlank()) {
                error(id, "script", a.getName() + "=\"" + a.getValue() + "\" makes the engine run a script; not allowed");
            } else if (camundaAttr && "resource".equals(local)) {
                error(id, "script", "camunda:resource loads a script or file; not allowed");
            } else {
                expression(id, a.getValue());
            }
        }
    }

    private void expression(String id, String text) {
        for (String expr : ExpressionPolicy.expressionsIn(text)) {
            String why = policy.check(expr.strip(), declared);
            if (why != null) {
                error(id, "expression-not-allowed", why);
            }
        }
    }

    private void candidateGroups(Element task, String id) {
        String groups = camunda(task, "candidateGroups");
        if (groups.isBlank()) {
            error(id, "candidate-group-missing", "the user task has no candidate group: set camunda:candidateGroups to"
                    + " a queue (" + String.join(", ", new java.util.TreeSet<>(queues)) + ")");
            return;
        }
        for (String g : groups.split(",")) {
            String q = g.strip();
            if (!q.contains("${") && !q.contains("#{") && !queues.contains(q)) {
                error(id, "unknown-queue", "candidate group '" + q + "' is not a queue; known queues: "
                        + String.join(", ", new java.util.TreeSet<>(queues)));
            }
        }
    }

    private void timer(String kind, String text, String id) {
        if (text.isEmpty()) {
            error(id, "timer-invalid", "the timer's " + kind + " is empty");
            return;
        }
        if (text.contains("${") || text.contains("#{")) {
            return; // checked as an expression like every other
        }
        try {
            switch (kind) {
                case "timeDate" -> DateTimeUtil.parseDate(text);
                case "timeDuration" -> new DurationHelper(text);
                default -> {
                    if (text.startsWith("R")) {
                        new DurationHelper(text);
                    } else {
                        CronTimer.parse(text);
                    }
                }
            }
        } catch (Exception e) {
            error(id, "timer-invalid", "the timer's " + kind + " '" + text + "' does not parse (ISO-8601 "
                    + ("timeDate".equals(kind) ? "date-time" : "timeDuration".equals(kind) ? "duration, e.g. PT4H"
                    : "repeating interval, e.g. R3/PT10M, or a cron expression") + ")");
        }
    }

    /** The adverse-event detection, the pharmacovigilance review and the case opening stay in ticket-lifecycle. */
    private void adverseEventPath(Element process) {
        boolean detect = false;
        boolean review = false;
        boolean opensCase = false;
        NodeList all = process.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if ("businessRuleTask".equals(e.getLocalName()) && "detect-adverse-event".equals(camunda(e, "decisionRef"))) {
                detect = true;
            }
            if ("userTask".equals(e.getLocalName()) && List.of(camunda(e, "candidateGroups").split("\\s*,\\s*"))
                    .contains("pharmacovigilance")) {
                review = true;
            }
            if (camunda(e, "expression").replace(" ", "").contains("adverseEvent.open(")) {
                opensCase = true;
            }
        }
        List<String> missing = new ArrayList<>();
        if (!detect) {
            missing.add("the business rule task calling decision detect-adverse-event");
        }
        if (!review) {
            missing.add("a user task for the pharmacovigilance queue (review)");
        }
        if (!opensCase) {
            missing.add("the service task ${adverseEvent.open(execution)} that opens the adverse event case");
        }
        if (!missing.isEmpty()) {
            error(TICKET_LIFECYCLE, ADVERSE_EVENT_PATH_REMOVED, "ticket-lifecycle must keep its adverse-event path;"
                    + " missing: " + String.join("; ", missing) + ". Only an admin may deploy it without, with the"
                    + " override flag (audited)");
        }
    }

    /** Variables the diagram sets itself: result variables, output parameters, form fields. */
    private void collectDeclaredVariables(Element root) {
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (!camunda(e, "resultVariable").isBlank()) {
                declared.add(camunda(e, "resultVariable"));
            }
            if (SafeXml.isCamunda(e.getNamespaceURI()) && ("outputParameter".equals(e.getLocalName())
                    || "formField".equals(e.getLocalName()))) {
                declared.add(e.hasAttribute("name") ? e.getAttribute("name") : e.getAttribute("id"));
            }
            if (!camunda(e, "elementVariable").isBlank()) {
                declared.add(camunda(e, "elementVariable"));
            }
        }
    }

    private static String camunda(Element e, String attr) {
        String v = e.getAttributeNS(SafeXml.CAMUNDA, attr);
        return v.isEmpty() ? e.getAttributeNS(SafeXml.ACTIVITI, attr) : v;
    }

    private void error(String elementId, String code, String message) {
        errors.add(new ValidationError(file, elementId, code, message));
    }
}
