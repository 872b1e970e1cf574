package io.careloop.engine.feedback;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The survey window of one resolution from survey-policy.dmn (processes/README.md): when the one
 * reminder goes out and when the loop closes without a response, by the ticket's channel, category
 * and customer tier. Supervisors edit the table; a table that is missing, matches no row or gives
 * a window the reminder does not fit in leaves the defaults the engine was built with.
 */
final class SurveyPolicy {

    static final String DECISION = "survey-policy";
    private static final Logger LOG = LoggerFactory.getLogger(SurveyPolicy.class);

    /** When the reminder goes out and when the loop closes, both counted from the invitation. */
    record Window(Duration reminderAfter, Duration responseWindow) {

        Window {
            if (reminderAfter.isNegative() || reminderAfter.isZero() || reminderAfter.compareTo(responseWindow) >= 0) {
                throw new IllegalArgumentException("the survey reminder must come inside the response window");
            }
        }

        Duration waitAfterReminder() {
            return responseWindow.minus(reminderAfter);
        }
    }

    private final ProcessEngine engine;
    private final Window defaults;

    SurveyPolicy(ProcessEngine engine, Window defaults) {
        this.engine = engine;
        this.defaults = defaults;
    }

    Window defaults() {
        return defaults;
    }

    /** The window for a ticket; joins the caller's command (the resolution's transaction). */
    Window windowFor(String ticketNumber, String channel, String category, String tier) {
        if (engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).count() == 0) {
            return defaults;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("channel", channel);
        vars.put("category", category);
        vars.put("tier", tier);
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(DECISION).variables(vars).evaluate();
        if (result.isEmpty()) {
            return defaults;
        }
        Object reminder = result.getFirstResult().getEntry("reminderAfter");
        Object window = result.getFirstResult().getEntry("responseWindow");
        try {
            return new Window(Duration.parse(String.valueOf(reminder)), Duration.parse(String.valueOf(window)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            LOG.warn("survey.policy-invalid ticket={} reminderAfter={} responseWindow={}: {}; the defaults apply",
                    ticketNumber, reminder, window, e.getMessage());
            return defaults;
        }
    }
}
