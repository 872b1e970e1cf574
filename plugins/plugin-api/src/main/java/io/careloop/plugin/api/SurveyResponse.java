package io.careloop.plugin.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One response to a satisfaction survey. The engine records it as a {@code survey}
 * interaction on the ticket and hands it to the ticket's feedback loop. It rejects (and the host
 * quarantines) a response whose ticket does not exist or whose scores are out of range; the
 * channel passes the values it read without judging them.
 *
 * @param responseId      the survey tool's response id: the idempotency key; required
 * @param ticketNumber    the ticket the survey was about, as the respondent's link or answer
 *                        gave it; null or unknown means rejected
 * @param csat            satisfaction 1–5, or null when not answered
 * @param nps             likelihood to recommend 0–10, or null when not answered
 * @param comment         free text, or null
 * @param problemPersists the respondent says the problem is not solved; null when not asked
 * @param completed       false for a partial response (Qualtrics Finished=0, LimeSurvey without
 *                        submitdate): it is recorded but does not close the feedback loop
 * @param submittedAt     when it was submitted (or last changed, for a partial one); null = now
 * @param answers         every question and answer as exported (question text to answer text,
 *                        multi-select answers joined with {@code ┋}), kept with the interaction;
 *                        never null
 */
public record SurveyResponse(String responseId, String ticketNumber, Integer csat, Integer nps,
                             String comment, Boolean problemPersists, boolean completed,
                             Instant submittedAt, Map<String, String> answers) implements InboundItem {

    public SurveyResponse {
        if (responseId == null || responseId.isBlank()) {
            throw new IllegalArgumentException("a survey response needs a response id");
        }
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    @Override
    public String sourceKey() {
        return responseId;
    }
}
