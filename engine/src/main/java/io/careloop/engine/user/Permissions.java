package io.careloop.engine.user;

import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.RegulatedRecords;
import io.careloop.engine.ticket.TicketScope;
import java.util.Set;

/**
 * The data scope within the permissions of {@link Permission}: which tickets a user sees, and
 * whose personal data they see unmasked. See docs/security.md.
 */
public final class Permissions {

    /** Regulated records (see {@link RegulatedRecords}): specialists see them in every queue. */
    public static final Set<Category> REGULATED = RegulatedRecords.CATEGORIES;

    private Permissions() {
    }

    /**
     * Supervisors and admins see every ticket; an agent those in their teams' queues and those
     * assigned to them; a specialist those too, plus every regulated case (pharmacovigilance and
     * quality work them whichever queue they sit in); an integrator none.
     */
    public static TicketScope ticketScope(User user) {
        if (user.has(Role.SUPERVISOR) || user.has(Role.ADMIN)) {
            return TicketScope.ALL;
        }
        if (user.has(Role.SPECIALIST)) {
            return new TicketScope(false, user.queues(), user.username(), REGULATED);
        }
        if (user.has(Role.AGENT)) {
            return new TicketScope(false, user.queues(), user.username(), Set.of());
        }
        return new TicketScope(false, java.util.List.of(), null, Set.of());
    }
}
