package io.careloop.engine.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Regulated records: pharmacovigilance and quality cases (adverse event, medication error,
 * product-quality complaint) that are reported to the authority. They never change without a
 * stated reason and are never purged by the retention policy.
 */
public final class RegulatedRecords {

    public static final Set<Category> CATEGORIES = Set.copyOf(
            EnumSet.of(Category.ADVERSE_EVENT, Category.MEDICATION_ERROR, Category.PRODUCT_QUALITY));

    /**
     * Actions that add to a regulated record without changing what it says (the reply or note is
     * itself kept verbatim), only hand it to someone, or restart its clock (a customer's reply
     * resumes a waiting case through intake, where nobody could give a reason): they need none.
     */
    public static final Set<String> WITHOUT_REASON = Set.of("ticket.replied", "ticket.noted", "ticket.claimed",
            "ticket.assigned", "ticket.resumed",
            // what a channel brings in or sends out is appended verbatim (TicketService.recordFromChannel)
            "ticket.customer-replied", "ticket.call-recorded", "ticket.survey-received", "ticket.survey-invited", "ticket.survey-reminded");

    private RegulatedRecords() {
    }

    public static boolean regulated(Ticket t) {
        return t.category() != null && CATEGORIES.contains(t.category());
    }
}
