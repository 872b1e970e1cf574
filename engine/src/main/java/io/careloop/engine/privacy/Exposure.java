package io.careloop.engine.privacy;

/**
 * Who sees a field unmasked, among the users who may open the record at all (docs/security.md,
 * "Masking"). "In scope" means the user may see at least one of the person's tickets
 * ({@code Permissions.ticketScope}): supervisors and admins see every ticket, so always.
 */
public enum Exposure {
    /** Everyone who may open the record. */
    ALWAYS("everyone who may open the record"),
    /** Only users with one of the person's tickets in their data scope; masked for the others. */
    IN_SCOPE("in scope only"),
    /** A patient's value is shown in scope only; a professional's or an organisation's to everyone. */
    PATIENT_IN_SCOPE("patients: in scope only"),
    /** Lives in ticket texts: shown with the ticket, which only users with the ticket in scope open. */
    WITH_TICKET("with the ticket"),
    /**
     * Lives in ticket texts, shown with the ticket, but masked ({@link FreeTextMasking}) for roles
     * that work no regulated record (agents); specialists, supervisors and admins see it.
     */
    REGULATED_ROLES("with the ticket; masked for agents");

    private final String label;

    Exposure(String label) {
        this.label = label;
    }

    /** The words docs/security.md uses for it. */
    public String label() {
        return label;
    }
}
