package io.careloop.engine.studio;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.w3c.dom.Document;

/**
 * The engine's own parse of a diagram, without deploying it: Camunda's BPMN parser (its
 * ParseException carries a report per resource with the element ids at fault) and its DMN
 * transformer. Runs only on files that passed {@link SafeXml}, so no DTD ever reaches it.
 */
final class EngineParse {

    private final ProcessEngineConfigurationImpl cfg;

    EngineParse(ProcessEngineConfigurationImpl cfg) {
        this.cfg = cfg;
    }

    List<ValidationError> bpmn(StudioFile file) {
        List<ValidationError> out = new ArrayList<>();
        try {
            cfg.getCommandExecutorTxRequired().execute(ctx -> {
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setName("studio-validation");
                bpmnParser().createParse().sourceInputStream(new ByteArrayInputStream(file.content()))
                        .deployment(deployment).name(file.name()).execute();
                return null;
            });
        } catch (ParseException e) {
            for (ResourceReport report : e.getResorceReports()) {
                for (Problem p : report.getErrors()) {
                    String id = p.getMainElementId() != null ? p.getMainElementId()
                            : p.getElementIds() == null || p.getElementIds().isEmpty() ? null : p.getElementIds().get(0);
                    out.add(new ValidationError(file.name(), id, "engine-parse",
                            p.getMessage() + (p.getLine() > 0 ? " (line " + p.getLine() + ")" : "")));
                }
            }
            if (out.isEmpty()) {
                out.add(new ValidationError(file.name(), null, "engine-parse", e.getMessage()));
            }
        } catch (RuntimeException e) {
            out.add(new ValidationError(file.name(), null, "engine-parse", messages(e)));
        }
        return out;
    }

    private org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser bpmnParser() {
        return cfg.getDeployers().stream()
                .filter(d -> d instanceof org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer)
                .map(d -> ((org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer) d).getBpmnParser())
                .findFirst().orElseThrow(() -> new IllegalStateException("the engine has no BPMN deployer"));
    }

    List<ValidationError> dmn(StudioFile file, Document doc) {
        try {
            // in a command: the engine's DMN transform reads the engine's configuration (history time to live)
            cfg.getCommandExecutorTxRequired().execute(ctx ->
                    cfg.getDmnEngine().parseDecisionRequirementsGraph(new ByteArrayInputStream(file.content())));
            return List.of();
        } catch (RuntimeException e) {
            String message = messages(e);
            return List.of(new ValidationError(file.name(), idMentioned(doc, message), "dmn-parse", message));
        }
    }

    /** The most specific id of the document (a rule before its decision) that the message names. */
    private static String idMentioned(Document doc, String message) {
        String found = null;
        org.w3c.dom.NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            String id = e.getAttribute("id");
            if (!id.isEmpty() && message.contains("'" + id + "'") || !id.isEmpty() && message.contains(id + " ")) {
                found = id;
            }
        }
        return found;
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 1000; t = t.getCause()) {
            if (t.getMessage() != null && !b.toString().contains(t.getMessage())) {
                b.append(b.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return b.toString();
    }
}
