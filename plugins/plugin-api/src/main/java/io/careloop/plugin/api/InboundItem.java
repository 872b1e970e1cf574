package io.careloop.plugin.api;

/**
 * Something a channel read that the engine takes in: a {@link NewTicket}, a
 * {@link CustomerReply}, a {@link CallRecord} or a {@link SurveyResponse}.
 */
public interface InboundItem {

    /**
     * The channel's own identity of the item (Message-ID, call id, survey response id): the
     * engine records it per plugin and answers {@link IntakeOutcome.Status#DUPLICATE} when the
     * same plugin hands in the same key again. Null means the item has no identity and is taken
     * in every time; plugins should always give one (a content hash if nothing else).
     */
    String sourceKey();
}
