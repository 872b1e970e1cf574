package io.careloop.engine.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A ticket's quality complaint as the API shows it: the complaint, the step its process waits for
 * ({@code capture-details}, {@code sample-return}, {@code investigate}, {@code capa}; null when
 * none) and its CAPA with every linked ticket.
 */
public record QualityComplaintView(String ticketNumber, String product, String lot, LocalDate expiry,
                                   boolean sampleRequested, String sampleStatus, String sampleCondition,
                                   String investigation, String findings, String rootCause, String status,
                                   List<String> openSteps, CapaView capa) {

    /** The view with its free texts (sample condition, investigation, findings, root cause, CAPA action) through {@code text}. */
    public QualityComplaintView masked(UnaryOperator<String> text) {
        return new QualityComplaintView(ticketNumber, product, lot, expiry, sampleRequested, sampleStatus,
                text.apply(sampleCondition), investigation, text.apply(findings), text.apply(rootCause), status, openSteps,
                capa == null ? null : capa.masked(text));
    }

    /** A CAPA and the complaints of its cluster. */
    public record CapaView(String number, String status, String product, String lot, String openedBy,
                           Instant openedAt, String action, Instant closedAt, List<String> tickets) {

        /** The CAPA with its action text through {@code text}. */
        public CapaView masked(UnaryOperator<String> text) {
            return new CapaView(number, status, product, lot, openedBy, openedAt, text.apply(action), closedAt, tickets);
        }
    }
}
