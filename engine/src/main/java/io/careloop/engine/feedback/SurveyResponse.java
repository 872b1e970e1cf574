package io.careloop.engine.feedback;

/**
 * What a survey tool reported for one ticket. {@code completed} false = a partial response: it is
 * recorded on the ticket but does not close the feedback loop.
 *
 * @param csat            1-5 or null
 * @param nps             0-10 or null
 * @param problemPersists the customer says the problem is not solved (null = not asked)
 * @param sourceKey       the survey tool's id of the response; the same key twice records once
 */
public record SurveyResponse(Integer csat, Integer nps, String comment, Boolean problemPersists, boolean completed,
                             String sourceKey) {
}
