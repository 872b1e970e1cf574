package io.careloop.engine.studio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.w3c.dom.Document;

/**
 * Everything checked before a deployment reaches the engine, for all files at once, so that the
 * supervisor sees every error in one answer: size, safe XML, the engine's own parse, CareLoop's
 * rules ({@link BpmnRules}, {@link DmnRules}). Also what the import check of a foreign modeler's
 * file answers.
 */
public final class DiagramValidator {

    /** Our largest diagram is ~40 KB; 2 MiB leaves room for big ones and none for a memory attack. */
    public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    public static final int MAX_FILES = 20;

    /**
     * The process variables CareLoop sets or reads (TicketProcess, FeedbackService, AdverseEventService,
     * the task forms); a diagram may read these and the ones it sets itself.
     */
    static final Set<String> KNOWN_VARIABLES = Set.of("ticketNumber", "category", "severity", "tier", "channel",
            "text", "autoCloseAfter", "assignee", "classification", "priority", "queue", "slaMode", "warningFraction",
            "firstResponseTarget", "resolutionTarget", "firstResponseWarningAt", "firstResponseDueAt",
            "resolutionWarningAt", "resolutionDueAt", "adverseEventSuspected", "pvOutcome", "regulatoryDueAt",
            "reminder50At", "reminder80At", "reportWithin", "caseActor", "patientIdentifiable", "reporterIdentifiable",
            "suspectProduct", "adverseEventDescribed", "satisfaction", "surveyReminderAfter", "surveyWaitAfterReminder",
            "surveyResponseWindow", "surveyCompleted", "csat", "nps", "comment", "problemPersists", "completed");

    /** What the validation found. */
    public record Result(List<ValidationError> errors, List<String> processKeys, List<String> decisionKeys,
                         boolean adverseEventPathOverridden) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final EngineParse engineParse;
    private final ExpressionPolicy policy;
    private final Supplier<Set<String>> queues;

    public DiagramValidator(ProcessEngineConfigurationImpl cfg, Supplier<Set<String>> queues) {
        this.engineParse = new EngineParse(cfg);
        this.policy = ExpressionPolicy.over(cfg.getBeans(), KNOWN_VARIABLES);
        this.queues = queues;
    }

    /**
     * Checks every file. {@code adverseEventOverride}: an admin's deliberate removal of the
     * adverse-event path from ticket-lifecycle (the caller checks the role and audits it).
     */
    public Result validate(List<StudioFile> files, boolean adverseEventOverride) {
        List<ValidationError> errors = new ArrayList<>();
        if (files.isEmpty()) {
            errors.add(new ValidationError(null, null, "no-file", "send at least one .bpmn or .dmn file"));
        }
        if (files.size() > MAX_FILES) {
            errors.add(new ValidationError(null, null, "too-many-files", "at most " + MAX_FILES + " files at once"));
            return new Result(errors, List.of(), List.of(), false);
        }
        List<Document> docs = new ArrayList<>();
        Set<String> knownQueues = new HashSet<>(queues.get());
        for (StudioFile f : files) {
            Document doc = read(f, errors);
            docs.add(doc);
            if (doc != null && f.isDmn()) {
                knownQueues.addAll(DmnRules.queueOutputs(doc));
            }
        }
        List<String> processKeys = new ArrayList<>();
        List<String> decisionKeys = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            StudioFile f = files.get(i);
            Document doc = docs.get(i);
            if (doc == null) {
                continue;
            }
            if (f.isDmn()) {
                decisionKeys.addAll(new DmnRules(f.name(), errors).check(doc));
                errors.addAll(engineParse.dmn(f, doc));
            } else {
                processKeys.addAll(new BpmnRules(f.name(), policy, knownQueues, errors).check(doc));
                errors.addAll(engineParse.bpmn(f));
            }
        }
        boolean overridden = false;
        if (adverseEventOverride) {
            overridden = errors.removeIf(e -> BpmnRules.ADVERSE_EVENT_PATH_REMOVED.equals(e.code()));
        }
        return new Result(List.copyOf(errors), processKeys, decisionKeys, overridden);
    }

    private static Document read(StudioFile f, List<ValidationError> errors) {
        String lower = f.name().toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".bpmn") && !lower.endsWith(".bpmn20.xml") && !lower.endsWith(".dmn")) {
            errors.add(new ValidationError(f.name(), null, "unsupported-file", "only .bpmn and .dmn files can be deployed"));
            return null;
        }
        if (f.content().length > MAX_FILE_BYTES) {
            errors.add(new ValidationError(f.name(), null, "file-too-large", "the file has " + f.content().length
                    + " bytes; at most " + MAX_FILE_BYTES + " are accepted"));
            return null;
        }
        try {
            Document doc = SafeXml.parse(f.content());
            String ns = doc.getDocumentElement().getNamespaceURI();
            boolean bpmn = SafeXml.BPMN.equals(ns);
            if (!"definitions".equals(doc.getDocumentElement().getLocalName()) || bpmn == f.isDmn()
                    || (!bpmn && (ns == null || !ns.contains("DMN") && !ns.contains("dmn")))) {
                errors.add(new ValidationError(f.name(), null, "not-bpmn-or-dmn", "the file is not a BPMN 2.0 or DMN"
                        + " definitions document matching its extension (root element " + doc.getDocumentElement()
                        .getTagName() + " in namespace " + ns + ")"));
                return null;
            }
            return doc;
        } catch (SafeXml.XmlRefused e) {
            errors.add(new ValidationError(f.name(), null, e.code, e.getMessage()));
            return null;
        }
    }
}
