package io.careloop.engine.studio;

/**
 * One reason a diagram cannot be deployed, shown at the offending element.
 *
 * @param file      the file name as uploaded
 * @param elementId the BPMN/DMN element at fault (a task, a flow, a decision, a rule), null for the whole file
 * @param code      a stable name of the rule broken (script-task, class-reference, expression-not-allowed, …)
 * @param message   what is wrong and what to do, for the supervisor
 */
public record ValidationError(String file, String elementId, String code, String message) {
}
